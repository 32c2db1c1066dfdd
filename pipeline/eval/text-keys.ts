import { fold } from "../text/fold.js";

/**
 * Comparison keys for the evaluation. Gold and output values are compared through these keys so
 * that the score measures what was read, not how it was spelled: whitespace, case of names,
 * tone placement ("hoà"/"hòa") and dash variants ("-"/"–") never matter; digits always do.
 */

const OLD_TONE_OA = /([oO])([aAeE])([\u0300\u0301\u0309\u0303\u0323])(?![\p{L}\p{M}])/gu;
const OLD_TONE_UY = /(?<![qQ])([uU])([yY])([\u0300\u0301\u0309\u0303\u0323])(?![\p{L}\p{M}])/gu;

/**
 * Moves tone marks to the modern position ("hoà" → "hòa", "uỷ" → "ủy", "khoá" → "khóa") and returns
 * NFC. Only open syllables change (a final consonant keeps the mark on the second vowel: "hoàn"),
 * and "qu" keeps its mark ("quý"), as the modern convention says.
 */
export function modernTones(text: string): string {
  return text
    .normalize("NFD")
    .replace(OLD_TONE_OA, (_m, o: string, a: string, tone: string) => `${o}${tone}${a}`)
    .replace(OLD_TONE_UY, (_m, u: string, y: string, tone: string) => `${u}${tone}${y}`)
    .normalize("NFC");
}

/**
 * The key a gold `quote` is looked up by in a source text: NFC, modern tone placement, markdown
 * emphasis (`*`) and HTML tags dropped, every whitespace run removed (line wrapping differs between the corpus
 * file, the rendered excerpt and the normalised text), dashes unified. Case is kept.
 */
export function quoteKey(text: string): string {
  return modernTones(text)
    .replace(/<[^>]*>/g, "")
    .replace(/\*/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, "");
}

/** How many times `quote` occurs in `source` (non-overlapping), compared through {@link quoteKey}. */
export function countQuote(sourceKey: string, quote: string): number {
  const q = quoteKey(quote);
  if (q.length === 0) return 0;
  let n = 0;
  let at = sourceKey.indexOf(q);
  while (at >= 0) {
    n++;
    at = sourceKey.indexOf(q, at + q.length);
  }
  return n;
}

/**
 * Folded words: no diacritics, lower case, every run of characters other than letters and digits
 * turned into one space. "Văn Phòng – Thống kê" and "văn phòng - thống kê" give the same key.
 */
export function wordKey(text: string): string {
  return fold(text.normalize("NFC"))
    .replace(/<[^>]*>/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A place or person name: {@link wordKey} (case, tone placement, punctuation and spacing ignored). */
export function nameKey(text: string | null | undefined): string | null {
  if (text == null) return null;
  const k = wordKey(text);
  return k.length > 0 ? k : null;
}

/**
 * A document number/symbol: NFC, upper case, no whitespace, one dash, "//" read as "/"
 * ("396 -QĐ/TU" = "396-QĐ/TU", "192//KH-UBND" = "192/KH-UBND"). Letters keep their marks: "QĐ" is not
 * "QD", so an OCR "Q4" stays wrong.
 */
export function numberKey(text: string | null | undefined): string | null {
  if (text == null) return null;
  const k = text
    .normalize("NFC")
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\/{2,}/g, "/")
    .replace(/^SỐ:?/, "");
  return k.length > 0 ? k : null;
}

/** An issuing body: "ỦY BAN NHÂN DÂN THỊ TRẤN BA TƠ" = "UBND thị trấn Ba Tơ". */
export function issuerKey(text: string | null | undefined): string | null {
  const k = nameKey(text);
  if (k == null) return null;
  return k.replace(/\buy ban nhan dan\b/g, "ubnd").replace(/\bhoi dong nhan dan\b/g, "hdnd");
}

/** The digits of a text in order, as one string per run: strict numbers inside tolerant text. */
export function digitRuns(text: string): string[] {
  return text.match(/\d+/g) ?? [];
}

/** Character-bigram Dice similarity of two keys, 0..1 (1 when equal). */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/**
 * Whether the sequence `needle` occurs in `hay` with at most `maxErrors` edits (insertions, deletions,
 * substitutions of elements). Sellers' approximate substring search, O(|hay|·|needle|) with one row
 * of memory; works on strings (characters) and on word arrays alike.
 */
export function approxIn(hay: ArrayLike<string>, needle: ArrayLike<string>, maxErrors: number): boolean {
  const m = needle.length;
  if (m === 0) return true;
  const k = Math.max(0, Math.floor(maxErrors));
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= hay.length; i++) {
    cur[0] = 0;
    const c = hay[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = (prev[j - 1] as number) + (needle[j - 1] === c ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    if ((cur[m] as number) <= k) return true;
    [prev, cur] = [cur, prev];
  }
  return false;
}

/** Two numbers equal to the cent (scores are written with at most 4 decimals). */
export function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return Math.abs(a - b) < 1e-6;
}
