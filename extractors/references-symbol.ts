/**
 * Number/symbol ("số, ký hiệu") of Vietnamese official documents, as Nghị định 30/2020/NĐ-CP
 * writes them, and as PDFs, scans and typists deform them:
 * - state documents: "1211/QĐ-UBND", "59/2023/NĐ-CP", "06/2021QĐ-UBND" (slash lost), "673/QĐUBND"
 *   (dash lost), "439/QĐ- UBND", "192//KH-UBND", "Q4-UBND"/"N4-CP" (OCR read Đ as 4), "QÐ" (U+00D0);
 * - Party documents: number first, then the code: "869-CV/TU", "120 -KL/TW";
 * - công văn and laws: no kind code: "560 /UBND", "5451/UBND-CNXD", "97/2025/QH15".
 * Matching runs on the folded view; the number is rebuilt from the real text's parts, so it comes
 * out tidy ("120 -KL/TW" → "120-KL/TW") whatever spacing the source had.
 */
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { ReferenceKind } from "../schemas/index.js";
import { DATE_SYMBOL_DIGITS, ocrDigitView } from "./lib/ocr-digits.js";
import { GLUED_ISSUERS, SYMBOL_CODE_SPELLING, SYMBOL_CODES } from "./vocab/document-kinds.js";

/** How a symbol is built: a state symbol with a kind code, a Party symbol, or a plain one with no code. */
export type SymbolForm = "state" | "party" | "plain";

/** One number/symbol found in the text. */
export interface DocSymbol {
  /** Span in the document's text (end excluded). */
  start: number;
  end: number;
  /** The tidy number/symbol: no spaces, one slash, "QĐ"/"NĐ" spelt right, a missing slash restored. */
  number: string;
  form: SymbolForm;
  /** The kind code, folded and OCR-corrected ("qd"), null for a plain symbol. */
  code: string | null;
  /** The kind the code stands for (null for a plain symbol). */
  codeKind: ReferenceKind | null;
  /** The issuer part after the code ("UBND", "TW", "UBND-CNXD"), as written. */
  issuerPart: string;
}

/**
 * The folded view used for symbol and date matching: the Icelandic "Ð/ð" (U+00D0/U+00F0) that some
 * fonts put for "Đ" folds to "ð", not "d": map it so "QÐ" matches as "qd"; and OCR letters inside
 * numbers read as the digits they stand for ("l5/3/2024", "12l1/QĐ-UBND", see lib/ocr-digits.ts).
 * Same length as `folded`.
 */
export function matchView(folded: string): string {
  return ocrDigitView(folded.includes("ð") ? folded.replace(/ð/g, "d") : folded, DATE_SYMBOL_DIGITS);
}

const CODE_ALTERNATION = [...Object.keys(SYMBOL_CODES), "q4", "n4"]
  .sort((a, b) => b.length - a.length)
  .join("|");
const ISSUER = `[a-z0-9&]+(?:-[a-z0-9&]+)*`;
/** A plain symbol's issuer starts with a letter: "560/UBND", never the "3" of a date "23/3/2022". */
const PLAIN_ISSUER = `[a-z][a-z0-9&]*(?:-[a-z0-9&]+)*`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const NUMBER = String.raw`\d{1,5}[a-z]?`;
const GLUED = GLUED_ISSUERS.join("|");

/**
 * One regex, three alternatives tried in order at each number: state (code after the slash, the
 * dash optionally lost before a known issuer), Party (dash, code, slash), plain (no code; the issuer
 * must start with a letter, so a date "23/3/2022" is never a symbol). `d` flag: group offsets.
 */
const SYMBOL_RE = new RegExp(
  // A number stands alone, or glued to the "số" before it ("Quyết định số181/QĐ-UBND").
  String.raw`(?:(?<![a-z0-9/.,-])|(?<=(?<![a-z])so))(?<num>${NUMBER})\s*(?:` +
    String.raw`\/+\s*(?:(?<sy>${YEAR})\s*\/?\s*)?(?<sc>${CODE_ALTERNATION})(?:\s*-\s*|(?=(?:${GLUED})(?![a-z0-9])))(?<si>${ISSUER})` +
    String.raw`|-\s*(?<pc>${CODE_ALTERNATION})\s*\/\s*(?<pi>${ISSUER})` +
    String.raw`|\/+\s*(?:(?<ly>${YEAR})\s*\/\s*)?(?<li>${PLAIN_ISSUER})` +
    `)(?![a-z0-9&/])`,
  "gd",
);

/** Fixes characters a symbol's real text may hold: U+00D0 for "Đ", spaces from line breaks. */
function tidyPart(raw: string): string {
  return raw.replace(/\s+/g, "").replace(/Ð/g, "Đ").replace(/ð/g, "đ");
}

/** The canonical spelling of a kind code: "QĐ" for qd/q4/QÐ/QD, "NĐ" for nd/n4; others as written ("TTr"). */
function codeSpelling(folded: string, raw: string): string {
  return SYMBOL_CODE_SPELLING[folded] ?? tidyPart(raw);
}

/** True when the character at `i` of the real text is an upper-case letter (symbols are written in capitals). */
function isUpperAt(text: string, i: number): boolean {
  const ch = text[i] ?? "";
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/**
 * The number part as written, with the digits the matching view restored ("l2" → "12"): a character
 * the view reads as a digit is that digit, every other keeps its real spelling ("30c").
 */
function numberPart(text: string, view: string, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) {
    const v = view[i] ?? "";
    out += /\d/.test(v) ? v : (text[i] ?? "");
  }
  return tidyPart(out);
}

/** Reads one regex match into a symbol; null when the real text is not written like a symbol. */
function toSymbol(text: string, view: string, m: RegExpExecArray): DocSymbol | null {
  const g = m.groups ?? {};
  const idx = m.indices?.groups ?? {};
  const slice = (name: string): string => {
    const span = idx[name];
    return span ? text.slice(span[0], span[1]) : "";
  };
  const at = (name: string): number => idx[name]?.[0] ?? -1;
  const numSpan = idx.num ?? [m.index, m.index];
  const num = numberPart(text, view, numSpan[0], numSpan[1]);
  const start = m.index;
  const end = start + m[0].length;
  if (g.sc !== undefined && g.si !== undefined) {
    if (!isUpperAt(text, at("sc"))) return null;
    const code = g.sc === "q4" ? "qd" : g.sc === "n4" ? "nd" : g.sc;
    const year = g.sy ? `${g.sy}/` : "";
    const issuerPart = tidyPart(slice("si"));
    const number = `${num}/${year}${codeSpelling(g.sc, slice("sc"))}-${issuerPart}`;
    return { start, end, number, form: "state", code, codeKind: SYMBOL_CODES[code] ?? null, issuerPart };
  }
  if (g.pc !== undefined && g.pi !== undefined) {
    if (!isUpperAt(text, at("pc"))) return null;
    const code = g.pc === "q4" ? "qd" : g.pc === "n4" ? "nd" : g.pc;
    const issuerPart = tidyPart(slice("pi"));
    const number = `${num}-${codeSpelling(g.pc, slice("pc"))}/${issuerPart}`;
    return { start, end, number, form: "party", code, codeKind: SYMBOL_CODES[code] ?? null, issuerPart };
  }
  if (g.li !== undefined) {
    if (!isUpperAt(text, at("li"))) return null;
    const year = g.ly ? `${g.ly}/` : "";
    const issuerPart = tidyPart(slice("li"));
    return {
      start,
      end,
      number: `${num}/${year}${issuerPart}`,
      form: "plain",
      code: null,
      codeKind: null,
      issuerPart,
    };
  }
  return null;
}

/**
 * Every number/symbol in the document, in text order. Pure and linear: one regex pass over the
 * folded view, with no nested quantifiers that could backtrack badly.
 */
export function findSymbols(doc: Pick<NormalisedDocument, "text" | "folded">): DocSymbol[] {
  const view = matchView(doc.folded);
  const out: DocSymbol[] = [];
  SYMBOL_RE.lastIndex = 0;
  for (let m = SYMBOL_RE.exec(view); m !== null; m = SYMBOL_RE.exec(view)) {
    const symbol = toSymbol(doc.text, view, m);
    if (symbol) out.push(symbol);
  }
  return out;
}

/**
 * The symbol starting exactly at `offset` (after spaces), or null: for "Số: 08/KH-UBND" in a header.
 * `view` ({@link matchView} of the folded text, or of a prefix reaching past the symbol) may be passed
 * when already computed.
 */
export function symbolAt(
  doc: Pick<NormalisedDocument, "text" | "folded">,
  offset: number,
  view: string = matchView(doc.folded),
): DocSymbol | null {
  const re = new RegExp(SYMBOL_RE.source, "dy");
  let s = offset;
  while (s < view.length && /\s/.test(view[s] ?? "")) s++;
  re.lastIndex = s;
  const m = re.exec(view);
  return m ? toSymbol(doc.text, view, m) : null;
}
