/**
 * A quoted span with a little of the text around it, so the reviewer reads the sentence a figure
 * came from. Evidence offsets point into the document's normalised text (contract v1); when the
 * text is missing or the slice no longer matches (an older output), the quote stands alone.
 */
import type { ScoreEvidence } from "../../schemas/index.js";

/** The document texts of a batch, by `<source>#<document index>`. */
export type DocumentTexts = ReadonlyMap<string, string>;

/** The key of a document in {@link DocumentTexts}. */
export function documentKey(source: string, document: number | undefined): string {
  return `${source}#${document ?? 0}`;
}

/** A quote split around its highlighted part. */
export interface QuoteInContext {
  before: string;
  match: string;
  after: string;
  /** Whether the span was found in the document's text (false: `match` is the evidence text alone). */
  located: boolean;
}

/** How much text to show on each side of a span, at most (characters). */
export const CONTEXT_CHARS = 160;

/** Cuts `text` to at most `max` characters from its end, at a word boundary, with "…" when cut. */
function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  const space = cut.search(/\s/);
  return `…${space >= 0 && space < max / 2 ? cut.slice(space + 1) : cut}`;
}

/** Cuts `text` to at most `max` characters from its start, at a word boundary, with "…" when cut. */
function head(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = Math.max(cut.lastIndexOf(" "), cut.lastIndexOf("\n"));
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The evidence with its surrounding context. The span is trusted only when the document's text at
 * [start, end) is exactly the quoted text; otherwise the quote's first occurrence is used, and
 * failing that the quote is shown without context.
 */
export function quoteInContext(
  evidence: Pick<ScoreEvidence, "source" | "document" | "start" | "end" | "text">,
  texts: DocumentTexts,
  contextChars = CONTEXT_CHARS,
): QuoteInContext {
  const text = texts.get(documentKey(evidence.source, evidence.document));
  let start = -1;
  if (text !== undefined && evidence.text !== "") {
    if (text.slice(evidence.start, evidence.end) === evidence.text) start = evidence.start;
    else start = text.indexOf(evidence.text);
  }
  if (text === undefined || start < 0) {
    return { before: "", match: evidence.text, after: "", located: false };
  }
  const end = start + evidence.text.length;
  return {
    before: tail(text.slice(Math.max(0, start - contextChars * 2), start), contextChars),
    match: evidence.text,
    after: head(text.slice(end, end + contextChars * 2), contextChars),
    located: true,
  };
}
