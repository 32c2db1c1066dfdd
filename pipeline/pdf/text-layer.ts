import type { Table } from "../../schemas/table.js";
import type { LegacyEncoding } from "../text/legacy-encoding.js";
import { convertLegacyPage } from "../text/legacy-pages.js";

/**
 * Is a PDF page's text layer worth keeping, or must the page be OCR'd? Three things make a text
 * layer useless: there is (almost) none (a scan), it was typed in a pre-Unicode Vietnamese font
 * (TCVN3/ABC or VNI: "Céng hoµ x· héi", "Coäng hoøa") that could not be converted, or the font's
 * missing mapping dropped the Vietnamese letters outright ("C NG HOÀ XÃ H I CH NGHĨA"). Split
 * syllables ("nguy ện") and decomposed diacritics are not on the list: the normaliser repairs
 * them, OCR would only add errors.
 */

/** Why a text layer was rejected. */
export type TextLayerProblem = "too-little-text" | "legacy-font" | "dropped-letters";

/** The verdict on one page's text layer, with the measures it rests on. */
export interface TextLayerVerdict {
  usable: boolean;
  problem?: TextLayerProblem;
  /** Characters other than whitespace. */
  characters: number;
  /** Share of non-space characters that Vietnamese text never uses (0..1). */
  foreignShare: number;
  /** Share of words that are consonants only, with no vowel to follow (0..1). */
  droppedLetterShare: number;
}

/** Fewer non-space characters than this and the page is taken for a scan (a signature page has ~50). */
export const MIN_TEXT_CHARACTERS = 20;
/** TCVN3 text scored 19% on this measure, real Vietnamese 0%; bullets and symbols stay well under 2%. */
export const MAX_FOREIGN_SHARE = 0.02;
/** A text layer with dropped letters scored over 20%; real text under 1% ("điểm b khoản 2"). */
export const MAX_DROPPED_LETTER_SHARE = 0.08;
/** Too few to judge: two odd signs, or four vowel-less words ("điểm b", "Phần V") prove nothing. */
const MIN_FOREIGN_CHARACTERS = 3;
const MIN_DROPPED_WORDS = 5;

const VIETNAMESE_LETTERS =
  "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ" +
  "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ";
/**
 * Latin-1 signs real documents use. Every other Latin-1 sign (µ ¶ · ¸ ¹ ¬ ¨ ª « » ¼ ½ ¾ ® © …) is
 * exactly what TCVN3 letters turn into when read as Latin-1.
 */
const LATIN1_SIGNS = "\u00a0°±§×÷";
/** "ƣ" for "ư" is a known one-to-one font artefact the normaliser maps back; no reason to OCR. */
const FIXABLE_LOOKALIKES = "ƣƢ";
const ALLOWED = new Set([...VIETNAMESE_LETTERS, ...LATIN1_SIGNS, ...FIXABLE_LOOKALIKES]);

const VOWELS = new Set([..."aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"]);

/** Judges one page's extracted text (any Unicode form). */
export function assessTextLayer(text: string): TextLayerVerdict {
  const nfc = text.normalize("NFC");
  const characters = nfc.replace(/\s+/gu, "").length;
  const foreignShare = foreignCharacterShare(nfc);
  const droppedLetterShare = droppedLetterWordShare(nfc);
  const verdict = { characters, foreignShare, droppedLetterShare };
  if (characters < MIN_TEXT_CHARACTERS) return { usable: false, problem: "too-little-text", ...verdict };
  if (foreignShare > MAX_FOREIGN_SHARE) return { usable: false, problem: "legacy-font", ...verdict };
  if (droppedLetterShare > MAX_DROPPED_LETTER_SHARE)
    return { usable: false, problem: "dropped-letters", ...verdict };
  return { usable: true, ...verdict };
}

/**
 * Share of non-space characters that Vietnamese text never uses: Latin-1 signs and letters
 * outside the Vietnamese alphabet, and letters of other scripts (the Cyrillic and Lao look-alikes
 * of obfuscated copies). ASCII, combining marks (decomposed text), private-use bullets and other
 * punctuation or symbols are neutral. Returns 0 when fewer than 3 such characters are found.
 */
export function foreignCharacterShare(text: string): number {
  let counted = 0;
  let foreign = 0;
  for (const char of text.normalize("NFC")) {
    if (/\s/u.test(char)) continue;
    counted += 1;
    if (isForeign(char)) foreign += 1;
  }
  return counted === 0 || foreign < MIN_FOREIGN_CHARACTERS ? 0 : foreign / counted;
}

function isForeign(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80 || ALLOWED.has(char)) return false;
  if (code <= 0xff) return true;
  return /\p{L}/u.test(char);
}

/**
 * Share of words (letters only) made of consonants alone, not counting upper-case abbreviations
 * (HĐND, TP) and words followed by one that starts with a vowel: "v ọng" is a split syllable
 * the normaliser rejoins, while "C NG HOÀ", "c l p", "Căn c Lu t" lost their vowels for good.
 * Returns 0 when fewer than 5 such words are found.
 */
export function droppedLetterWordShare(text: string): number {
  const tokens = text
    .normalize("NFC")
    .split(/\s+/u)
    .filter((token) => token.length > 0);
  let words = 0;
  let dropped = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? "";
    if (!/^[\p{L}\p{M}]+$/u.test(token)) continue;
    words += 1;
    if (hasVowel(token)) continue;
    const abbreviation = token.length >= 2 && token === token.toUpperCase();
    if (abbreviation) continue;
    const next = tokens[index + 1];
    if (next !== undefined && startsWithVowel(next)) continue;
    dropped += 1;
  }
  return words === 0 || dropped < MIN_DROPPED_WORDS ? 0 : dropped / words;
}

/** Base letters after stripping diacritics ("ộ" → "o"; "ơ", "ư", "ă", "â" keep their own letter). */
function baseLetters(word: string): string[] {
  return [
    ...word
      .normalize("NFD")
      .replace(/[\u0300-\u0303\u0309\u0323]/gu, "")
      .normalize("NFC"),
  ];
}

function hasVowel(word: string): boolean {
  return baseLetters(word).some((letter) => VOWELS.has(letter));
}

function startsWithVowel(word: string): boolean {
  const first = baseLetters(word).find((letter) => /\p{L}/u.test(letter));
  return first !== undefined && VOWELS.has(first);
}

/** A text layer converted from a legacy font, with its verdict (see {@link convertLegacyLayer}). */
export interface ConvertedLayer {
  text: string;
  tables: Table[];
  encoding: LegacyEncoding;
  /** Only some runs of words were legacy text. */
  partial: boolean;
  /** Words given back the TCVN3 "ư" the PDF dropped. */
  restoredU: number;
  verdict: TextLayerVerdict;
}

/**
 * A page's text layer converted from TCVN3/VNI to Unicode, when it holds such text and the
 * converted page passes {@link assessTextLayer}; null otherwise (the page is then judged, and OCR'd
 * if need be, as before). Converting is exact and ~1000× faster than OCR, so it is tried first.
 */
export function convertLegacyLayer(text: string, tables: Table[]): ConvertedLayer | null {
  const result = convertLegacyPage({ text, tables });
  if (result.encoding === null) return null;
  const verdict = assessTextLayer(result.page.text);
  if (!verdict.usable) return null;
  return {
    text: result.page.text,
    tables: result.page.tables ?? [],
    encoding: result.encoding,
    partial: result.partial,
    restoredU: result.restoredU,
    verdict,
  };
}
