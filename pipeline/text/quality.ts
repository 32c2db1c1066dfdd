import { isValidSyllable } from "./syllable.js";
import type { RawText } from "./types.js";

/*
 * Signs that a page's text is not trustworthy Vietnamese, measured on the raw page before
 * normalisation. They become messages; the text itself is not "repaired" (that would invent words).
 * Legacy-font text that converts cleanly was already converted by the backend
 * (pipeline/text/legacy-pages.ts); what is flagged here is what it left alone.
 */

/** Latin-1 and Latin Extended letters that Vietnamese uses (plus "ƣ"/"Ƣ", which normalisation fixes). */
const VIETNAMESE_EXTENDED = new Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưƢƣ«»°±×÷§©®™".split(""));

/**
 * Share of letters that Vietnamese never uses ("µ", "¸", "ñ", "Ü", "ø", "û"): text extracted from
 * legacy TCVN3/VNI fonts ("Céng hoµ x· héi") scores about 0.2, real Vietnamese text 0.
 */
export function legacyFontShare(text: string): number {
  const nfc = text.normalize("NFC");
  let foreign = 0;
  let foreignSymbols = 0; // "¸", "·": not letters, but letters in the legacy encoding
  for (const m of nfc.matchAll(/[\u0080-\u024F]/g)) {
    if (VIETNAMESE_EXTENDED.has(m[0])) continue;
    foreign++;
    if (!/\p{L}/u.test(m[0])) foreignSymbols++;
  }
  const letters = (nfc.match(/\p{L}/gu)?.length ?? 0) + foreignSymbols;
  return letters === 0 ? 0 : foreign / letters;
}

const validityCache = new Map<string, boolean>();

function validSyllable(word: string): boolean {
  let valid = validityCache.get(word);
  if (valid === undefined) {
    valid = isValidSyllable(word);
    if (validityCache.size > 50_000) validityCache.clear();
    validityCache.set(word, valid);
  }
  return valid;
}

/**
 * Share of lower-case words that are not Vietnamese syllables: high when a legacy font's letters
 * were silently dropped ("Căn c Lu t T ch c") or OCR failed; low on real text (foreign words and
 * abbreviations are few, and abbreviations are upper case). `words` is how many were counted.
 */
export function brokenSyllableShare(text: string): { share: number; words: number } {
  let words = 0;
  let broken = 0;
  for (const word of text.normalize("NFC").match(/[\p{L}\d]+/gu) ?? []) {
    if (!/^\p{Ll}+$/u.test(word)) continue; // upper case (abbreviations, headings) or mixed with digits
    words++;
    if (!validSyllable(word)) broken++;
  }
  return { share: words === 0 ? 0 : broken / words, words };
}

/** Words mixing Latin letters with Cyrillic, Greek, Armenian or Lao look-alikes ("ҺỌເ", "TГƯỜПǤ"). */
export function homoglyphWords(text: string): number {
  if (!/[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Lao}]/u.test(text)) return 0;
  const mixed =
    /(?=[\p{L}\p{M}]*\p{Script=Latin})(?=[\p{L}\p{M}]*[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Lao}])[\p{L}\p{M}]+/gu;
  return text.match(mixed)?.length ?? 0;
}

/** Thresholds, measured on the corpus: real pages stay far below them. */
const LEGACY_SHARE = 0.03;
const BROKEN_SHARE = 0.2;
const MIN_WORDS = 12;

/** One message per page whose raw text looks like legacy-font, damaged or obfuscated text. */
export function pageQualityNotes(raw: RawText): string[] {
  const notes: string[] = [];
  for (const page of raw.pages) {
    const text = raw.text.slice(page.start, page.end);
    const legacy = legacyFontShare(text);
    const broken = brokenSyllableShare(text);
    if (legacy >= LEGACY_SHARE) {
      notes.push(
        `legacy font text detected on page ${page.page}: ${(legacy * 100).toFixed(0)}% of letters are not Vietnamese (a TCVN3/VNI font that could not be converted safely?)`,
      );
    } else if (broken.words >= MIN_WORDS && broken.share >= BROKEN_SHARE) {
      notes.push(
        `damaged text on page ${page.page}: ${(broken.share * 100).toFixed(0)}% of words are not Vietnamese syllables (letters dropped by the font or OCR?)`,
      );
    }
    const homoglyphs = homoglyphWords(text);
    if (homoglyphs > 0) {
      notes.push(`look-alike letters (Cyrillic, Greek, Lao …) in ${homoglyphs} words on page ${page.page}`);
    }
  }
  return notes;
}
