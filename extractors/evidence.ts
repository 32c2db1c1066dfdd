import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Evidence } from "../schemas/index.js";

/**
 * Builds the evidence of a fact found at `start..end` of the document's normalised text: the page
 * it starts on and the exact slice. Every extractor uses this, so evidence can never drift from the text.
 */
export function evidenceAt(
  doc: Pick<NormalisedDocument, "text" | "pages">,
  start: number,
  end: number,
): Evidence {
  if (start < 0 || end > doc.text.length || end < start) {
    throw new RangeError(`evidence span ${start}..${end} outside text of length ${doc.text.length}`);
  }
  return { page: pageAt(doc, start), start, end, text: doc.text.slice(start, end) };
}

/** The page (from 1) holding offset `offset`; the last page whose start is ≤ offset, 1 when pages are unknown. */
export function pageAt(doc: Pick<NormalisedDocument, "pages">, offset: number): number {
  let page = 1;
  for (const p of doc.pages) {
    if (p.start <= offset) page = p.page;
    else break;
  }
  return page;
}

/** Trims whitespace (and trailing ";" "," "." separators) off a span, returning the narrowed span. */
export function trimSpan(text: string, start: number, end: number, extra = ""): [number, number] {
  const strip = new RegExp(`[\\s${extra.replace(/[\]\\^-]/g, "\\$&")}]`);
  let s = start;
  let e = end;
  while (s < e && strip.test(text[s] ?? "")) s++;
  while (e > s && strip.test(text[e - 1] ?? "")) e--;
  return [s, e];
}
