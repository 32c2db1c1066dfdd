import {
  TCVN3_EXTRACTION_ALIASES,
  TCVN3_OTHER_LETTERS,
  TCVN3_VOWEL_ROWS,
  VNI_BREVE_MARKS,
  VNI_D_BAR,
  VNI_HAT_MARKS,
  VNI_I_ROW,
  VNI_O_HORN,
  VNI_TONE_MARKS,
  VNI_U_HORN,
  VNI_Y_DOT,
  VOWEL_ROWS,
} from "./legacy-tables.js";

/*
 * Character-level conversion of TCVN3 and VNI-Windows text (read as Latin-1) to Unicode NFC, and
 * back (for tests and fixtures). No judgement here: these functions convert every code they know.
 * Deciding whether a text IS legacy text is legacy-encoding.ts's job.
 */

/** A converted text and, when its length changed, where each source offset landed. */
export interface Decoded {
  text: string;
  /** `offsets[i]` = offset in `text` of source offset `i` (length source + 1); null when 1:1. */
  offsets: Int32Array | null;
}

const TCVN3_TO_UNICODE = new Map<string, string>();
VOWEL_ROWS.forEach((row, r) => {
  [...(TCVN3_VOWEL_ROWS[r] ?? "")].forEach((code, tone) => {
    const letter = row[tone] ?? "";
    if (code !== letter) TCVN3_TO_UNICODE.set(code, letter);
  });
});
for (const [code, letter] of Object.entries(TCVN3_OTHER_LETTERS)) TCVN3_TO_UNICODE.set(code, letter);
for (const [code, letter] of Object.entries(TCVN3_EXTRACTION_ALIASES)) TCVN3_TO_UNICODE.set(code, letter);

/** Characters that stand for a Vietnamese letter in TCVN3 text. */
export const TCVN3_CODES: ReadonlySet<string> = new Set(TCVN3_TO_UNICODE.keys());

/** VNI spellings of one vowel row of {@link VOWEL_ROWS} (lower case), in the same order. */
function vniRow(base: string): string[] {
  if (base === "i") return [...VNI_I_ROW];
  if (base === "â" || base === "ê" || base === "ô") {
    const plain = base === "â" ? "a" : base === "ê" ? "e" : "o";
    return [...VNI_HAT_MARKS].map((hat) => plain + hat);
  }
  if (base === "ă") return [...VNI_BREVE_MARKS].map((breve) => `a${breve}`);
  const letter = base === "ơ" ? VNI_O_HORN : base === "ư" ? VNI_U_HORN : base;
  const forms = [letter, ...[...VNI_TONE_MARKS].map((tone) => letter + tone)];
  if (base === "y") forms[5] = VNI_Y_DOT; // ỵ is one byte of its own
  return forms;
}

/** The VNI-Windows spelling of each Unicode letter it encodes ("ấ" → "aá", "Ớ" → "ÔÙ", "đ" → "ñ"). */
const UNICODE_TO_VNI = new Map<string, string>();
for (const row of VOWEL_ROWS) {
  vniRow(row[0] ?? "").forEach((spelling, tone) => {
    const letter = row[tone] ?? "";
    UNICODE_TO_VNI.set(letter, spelling);
    UNICODE_TO_VNI.set(letter.toUpperCase(), spelling.toUpperCase());
  });
}
UNICODE_TO_VNI.set("đ", VNI_D_BAR).set("Đ", VNI_D_BAR.toUpperCase());

/**
 * Reading table of VNI: a two-character spelling (base + mark) or a one-character letter to its
 * Unicode letter. A capital base with a small mark (or the reverse) is read too, taking the base's
 * case: a heading set in capitals by Word's "All caps" keeps the small marks.
 */
const VNI_PAIRS = new Map<string, string>();
const VNI_SINGLES = new Map<string, string>();
for (const [letter, spelling] of UNICODE_TO_VNI) {
  if ([...spelling].length === 1) {
    if (spelling !== letter) VNI_SINGLES.set(spelling, letter);
    continue;
  }
  const [base = "", mark = ""] = [...spelling];
  VNI_PAIRS.set(base + mark, letter);
  VNI_PAIRS.set(base + (mark === mark.toUpperCase() ? mark.toLowerCase() : mark.toUpperCase()), letter);
}

/** Converts TCVN3 text (read as Latin-1) to Unicode NFC; other characters are kept as they are. */
export function tcvn3ToUnicode(text: string): string {
  return decodeTcvn3(text).text;
}

/** {@link tcvn3ToUnicode} with its offset map (always 1:1: one code, one letter). */
export function decodeTcvn3(text: string): Decoded {
  let out = "";
  for (const char of text) out += TCVN3_TO_UNICODE.get(char) ?? char;
  return { text: out, offsets: null };
}

/** Converts VNI-Windows text (read as Latin-1) to Unicode NFC; other characters are kept as they are. */
export function vniToUnicode(text: string): string {
  return decodeVni(text).text;
}

/** {@link vniToUnicode} with its offset map: a base letter and its mark become one letter. */
export function decodeVni(text: string): Decoded {
  const offsets = new Int32Array(text.length + 1);
  let out = "";
  let changedLength = false;
  for (let i = 0; i < text.length; i++) {
    offsets[i] = out.length;
    const pair = VNI_PAIRS.get(text.slice(i, i + 2));
    if (pair !== undefined) {
      offsets[i + 1] = out.length; // the mark is part of the letter that starts here
      out += pair;
      i++;
      changedLength = true;
      continue;
    }
    const char = text[i] ?? "";
    out += VNI_SINGLES.get(char) ?? char;
  }
  offsets[text.length] = out.length;
  return { text: out, offsets: changedLength ? offsets : null };
}

/** Unicode letters TCVN3 spells, lower-case ones and the seven capitals it has. */
const UNICODE_TO_TCVN3 = new Map<string, string>();
VOWEL_ROWS.forEach((row, r) => {
  // Identities included: "ý" is its own code, and a capital "Ý" must still be spelled with it.
  [...(TCVN3_VOWEL_ROWS[r] ?? "")].forEach((code, tone) => {
    UNICODE_TO_TCVN3.set(row[tone] ?? "", code);
  });
});
for (const [code, letter] of Object.entries(TCVN3_OTHER_LETTERS)) UNICODE_TO_TCVN3.set(letter, code);

/**
 * Spells Unicode text in TCVN3 (as Latin-1 characters). A toned capital, which VN3 lacks, gets the
 * code of its small letter: what typing it in an upper-case ".VnTimeH" font stores. For tests and
 * fixtures.
 */
export function unicodeToTcvn3(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const small = /[A-Z]/.test(char) ? undefined : UNICODE_TO_TCVN3.get(char.toLowerCase());
    out += UNICODE_TO_TCVN3.get(char) ?? small ?? char;
  }
  return out;
}

/** Spells Unicode text in VNI-Windows (as Latin-1 characters). For tests and fixtures. */
export function unicodeToVni(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) out += UNICODE_TO_VNI.get(char) ?? char;
  return out;
}
