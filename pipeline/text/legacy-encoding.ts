import { restoreCapitals } from "./legacy-case.js";
import { type Decoded, decodeTcvn3, decodeVni, TCVN3_CODES } from "./legacy-codec.js";
import { insertionOffsets, restoreDroppedU } from "./legacy-dropped-u.js";
import { isValidSyllable } from "./syllable.js";

export { tcvn3ToUnicode, unicodeToTcvn3, unicodeToVni, vniToUnicode } from "./legacy-codec.js";

/*
 * Finding and converting text typed in a pre-Unicode Vietnamese font. The code tables convert
 * anything; the judgement is here: a text is converted only where the conversion turns words that
 * are not Vietnamese into Vietnamese syllables, never where the words already are Vietnamese.
 *
 * Word by word, for one encoding: a word the conversion leaves alone is neutral; a word with a
 * letter of Unicode Vietnamese that no legacy code yields ("ế", "ơ", a combining mark), or a
 * Vietnamese syllable that the conversion would spoil, is Unicode; a word the conversion turns
 * from garbage into a syllable ("héi" → "hội") is legacy; the rest are ambiguous ("cã" → "có":
 * both read as syllables). A page that is overwhelmingly legacy is converted whole except its
 * Unicode words; on a page mixing both, only runs of legacy words (between Unicode words or line
 * breaks) are, and only runs with enough legacy words to be sure.
 */

/** The legacy encodings converted. */
export type LegacyEncoding = "tcvn3" | "vni";

/** The result of {@link convertLegacy}. */
export interface LegacyConversion {
  /** The converted text, or the input itself when nothing was converted. */
  text: string;
  /** The encoding converted from; null when the text was left alone. */
  encoding: LegacyEncoding | null;
  /** Offset in `text` of each input offset (length input + 1); null when offsets did not move. */
  offsets: Int32Array | null;
  /** How many words were converted. */
  words: number;
  /** True when only some runs of words were converted (a page mixing legacy and Unicode text). */
  partial: boolean;
  /** TCVN3 words given back the "ư" that the PDF dropped (see legacy-dropped-u.ts). */
  restoredU: number;
}

/** At least this many legacy words, and this many times more than the Unicode ones, convert a whole page. */
const MIN_LEGACY_WORDS = 2;
const LEGACY_DOMINANCE = 4;
/** Share of the changed words that must read as Vietnamese syllables once converted. */
const MIN_VALID_AFTER = 0.7;
/** A run of a mixed page is converted with this many legacy words, and more legacy than ambiguous ones. */
const MIN_RUN_LEGACY_WORDS = 2;
/**
 * Share of a page's (or run's) words with letters that the conversion must change: most
 * Vietnamese syllables carry a mark, while two French "où" in a page of English are not a font.
 */
const MIN_CHANGED_SHARE = 0.2;
/** A TCVN3 page without one "ư" and this many words that need one lost them all to the PDF. */
const MIN_DROPPED_U_WORDS = 3;

type WordClass = "neutral" | "unicode" | "foreign" | "legacy" | "ambiguous";

interface Word {
  start: number;
  end: number;
  converted: Decoded;
  kind: WordClass;
  validAfter: boolean;
  hasLetters: boolean;
}

/** Letters of Unicode Vietnamese outside Latin-1, and combining marks: no legacy code reads as one. */
const UNICODE_VIETNAMESE = /[ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9]|\p{M}/u;
/** Letters of other languages (Romanian "ş", Polish "ł", Greek …): neither Vietnamese nor a legacy code. */
const FOREIGN_LETTER = /(?=\p{L})(?![ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9\u03bc])[\u0100-\u{10ffff}]/u;
const LETTER_RUN = /\p{L}+/gu;

function escapeClass(chars: Iterable<string>): string {
  return [...chars].map((c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`).join("");
}

const TCVN3_WORD_CHAR = `[\\p{L}\\p{M}\\p{N}${escapeClass(TCVN3_CODES)}]`;
/** TCVN3 words may hold "-": PDF fonts draw the soft hyphen, TCVN3's "ư", as a hyphen ("tr-êng"). */
const TCVN3_WORD = new RegExp(
  `(?:${TCVN3_WORD_CHAR}|-(?=${TCVN3_WORD_CHAR})|(?<=${TCVN3_WORD_CHAR})-)+`,
  "gu",
);
const VNI_WORD = /[\p{L}\p{M}\p{N}]+/gu;

const validityCache = new Map<string, boolean>();

/** True when every letter run of `text` is a Vietnamese syllable (and there is one). */
function readsAsVietnamese(text: string): boolean {
  const runs = text.match(LETTER_RUN);
  if (!runs) return false;
  return runs.every((run) => {
    let valid = validityCache.get(run);
    if (valid === undefined) {
      valid = isValidSyllable(run);
      if (validityCache.size > 50_000) validityCache.clear();
      validityCache.set(run, valid);
    }
    return valid;
  });
}

/**
 * TCVN3 conversion of one word, deciding each hyphen in it: "ư" where the syllable it joins reads
 * as Vietnamese and its pieces did not ("tr-êng" → "trường", "nh-" → "như"), a hyphen otherwise
 * ("KH-UBND").
 */
function convertTcvn3Word(word: string): Decoded {
  if (!word.includes("-")) return decodeTcvn3(word);
  const pieces = word.split("-").map((piece) => decodeTcvn3(piece).text);
  let out = pieces[0] ?? "";
  let current = out; // the piece the next hyphen may join
  for (const next of pieces.slice(1)) {
    const joined = `${current}ư${next}`;
    const piecesValid =
      current !== "" && next !== "" && readsAsVietnamese(current) && readsAsVietnamese(next);
    // A hyphen ending or starting an abbreviation in capitals ("53/KH-" at a line's end) stays.
    const abbreviation =
      /^[A-Z]*$/u.test(current) && /^[A-Z]*$/u.test(next) && `${current}${next}`.length > 1;
    if (/^\p{L}+$/u.test(joined) && !piecesValid && !abbreviation && readsAsVietnamese(joined)) {
      out += `ư${next}`;
      current = joined;
    } else {
      out += `-${next}`;
      current = next;
    }
  }
  return { text: out, offsets: null };
}

/** Splits `text` into words and classifies each for one encoding. */
function classifyWords(text: string, encoding: LegacyEncoding): Word[] {
  const words: Word[] = [];
  const pattern = encoding === "tcvn3" ? TCVN3_WORD : VNI_WORD;
  for (const match of text.matchAll(pattern)) {
    const word = match[0];
    const start = match.index ?? 0;
    const converted = encoding === "tcvn3" ? convertTcvn3Word(word) : decodeVni(word);
    const validAfter = readsAsVietnamese(converted.text);
    let kind: WordClass;
    if (FOREIGN_LETTER.test(word)) kind = "foreign";
    else if (UNICODE_VIETNAMESE.test(word)) kind = "unicode";
    else if (converted.text === word) kind = "neutral";
    else {
      // As it stands, a word is Vietnamese only if it is all letters: "§éc" is not "éc".
      const validBefore = /^[\p{L}\p{M}]+$/u.test(word) && readsAsVietnamese(word);
      if (validAfter && !validBefore) kind = "legacy";
      else if (validBefore && !validAfter) kind = "unicode";
      else kind = "ambiguous";
    }
    const hasLetters = /\p{L}/u.test(word);
    words.push({ start, end: start + word.length, converted, kind, validAfter, hasLetters });
  }
  return words;
}

const count = (words: Word[], kind: WordClass) => words.filter((word) => word.kind === kind).length;

/** True when the legacy and ambiguous words are a fair share of the words with letters. */
function denseEnough(words: Word[]): boolean {
  const changed = count(words, "legacy") + count(words, "ambiguous");
  return changed >= MIN_CHANGED_SHARE * words.filter((word) => word.hasLetters).length;
}

/** Words of a page that is legacy text throughout, or null when it is not. */
function wholePage(words: Word[]): Word[] | null {
  const legacy = count(words, "legacy");
  const unicode = count(words, "unicode") + count(words, "foreign");
  if (legacy < MIN_LEGACY_WORDS || legacy < LEGACY_DOMINANCE * unicode || !denseEnough(words)) return null;
  const changed = words.filter((word) => word.kind === "legacy" || word.kind === "ambiguous");
  const valid = changed.filter((word) => word.validAfter).length;
  return valid >= MIN_VALID_AFTER * changed.length ? changed : null;
}

/** Words of the legacy runs of a page mixing legacy and Unicode text. */
function legacyRuns(text: string, words: Word[]): Word[] {
  const chosen: Word[] = [];
  let run: Word[] = [];
  const close = () => {
    const legacy = count(run, "legacy");
    const changed = run.filter((word) => word.kind === "legacy" || word.kind === "ambiguous");
    const valid = changed.filter((word) => word.validAfter).length;
    const sure = legacy >= MIN_RUN_LEGACY_WORDS && legacy > changed.length - legacy;
    if (sure && denseEnough(run) && valid >= MIN_VALID_AFTER * changed.length) chosen.push(...changed);
    run = [];
  };
  let previousEnd = 0;
  for (const word of words) {
    if (text.slice(previousEnd, word.start).includes("\n")) close();
    previousEnd = word.end;
    if (word.kind === "unicode" || word.kind === "foreign") close();
    else run.push(word);
  }
  close();
  return chosen;
}

/**
 * On a TCVN3 page with no "ư" at all, puts the letter back where the PDF dropped it (see
 * legacy-dropped-u.ts: "nớc" → "nước", "nh" → "như"). Done only when at least
 * {@link MIN_DROPPED_U_WORDS} converted words need it, the sign that the font lost them all.
 */
function restoreDroppedLetters(words: Word[], chosen: Word[]): { chosen: Word[]; restored: number } {
  if (chosen.some((word) => word.converted.text.includes("ư"))) return { chosen, restored: 0 };
  const fixes = new Map<Word, string>();
  for (const word of words) {
    if (word.kind === "unicode" || word.kind === "foreign") continue;
    const restored = restoreDroppedU(word.converted.text);
    if (restored !== null) fixes.set(word, restored);
  }
  // Evidence: converted words that are not syllables without the "ư" (not the known leftovers).
  const coded = [...fixes.keys()].filter((word) => word.kind !== "neutral" && !word.validAfter).length;
  if (coded < MIN_DROPPED_U_WORDS) return { chosen, restored: 0 };
  const fixed = (word: Word): Word => {
    const text = fixes.get(word);
    if (text === undefined) return word;
    return {
      ...word,
      converted: { text, offsets: insertionOffsets(word.converted.text, text) },
      validAfter: true,
    };
  };
  const all = new Set([...chosen, ...fixes.keys()]);
  const merged = words.filter((word) => all.has(word)).map(fixed);
  return { chosen: merged, restored: fixes.size };
}

/** Replaces the chosen words by their conversion, composing the offset map when lengths change. */
function replaceWords(text: string, chosen: Word[]): { text: string; offsets: Int32Array | null } {
  const moves = chosen.some((word) => word.converted.offsets !== null);
  const offsets = moves ? new Int32Array(text.length + 1) : null;
  let out = "";
  let at = 0;
  const copy = (to: number) => {
    if (offsets) for (let i = at; i < to; i++) offsets[i] = out.length + (i - at);
    out += text.slice(at, to);
    at = to;
  };
  for (const word of chosen) {
    copy(word.start);
    const local = word.converted.offsets;
    if (offsets) {
      for (let i = word.start; i < word.end; i++) {
        offsets[i] = out.length + (local ? (local[i - word.start] ?? 0) : i - word.start);
      }
    }
    out += word.converted.text;
    at = word.end;
  }
  copy(text.length);
  if (offsets) offsets[text.length] = out.length;
  return { text: out, offsets };
}

/**
 * A character no Unicode Vietnamese text needs but TCVN3 or VNI text cannot do without: Latin-1
 * beyond ASCII except the Vietnamese letters it shares with Unicode (à, á, â, ã, è … ý), and the
 * Greek mu pdf.js reads TCVN3's "µ" as. TCVN3 writes "à" as "µ" and "đ" as "®", VNI writes "đ" as
 * "ñ" and "ờ" as "ôø": a page without one is Unicode (or ASCII) and costs no word-by-word look.
 */
const LEGACY_SIGN =
  /[\u0080-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff\u03bc]/u;

/**
 * Converts a page's text from TCVN3 or VNI to Unicode where it is typed in such a font; leaves
 * Unicode Vietnamese, English, numbers and anything it is not sure about alone. The encoding that
 * turns the most words into Vietnamese syllables is tried first.
 */
export function convertLegacy(text: string): LegacyConversion {
  const unchanged: LegacyConversion = {
    text,
    encoding: null,
    offsets: null,
    words: 0,
    partial: false,
    restoredU: 0,
  };
  if (!LEGACY_SIGN.test(text)) return unchanged;
  const candidates = (["tcvn3", "vni"] as const)
    .map((encoding) => ({ encoding, words: classifyWords(text, encoding) }))
    .map((candidate) => ({ ...candidate, legacy: count(candidate.words, "legacy") }))
    .filter((candidate) => candidate.legacy > 0)
    .sort((a, b) => b.legacy - a.legacy);
  for (const { encoding, words } of candidates) {
    const whole = wholePage(words);
    let chosen = whole ?? legacyRuns(text, words);
    if (chosen.length === 0) continue;
    let restoredU = 0;
    if (whole && encoding === "tcvn3")
      ({ chosen, restored: restoredU } = restoreDroppedLetters(words, whole));
    const partial = whole === null;
    const replaced = replaceWords(text, chosen);
    if (encoding === "tcvn3") replaced.text = restoreCapitals(replaced.text);
    return { ...replaced, encoding, words: chosen.length, partial, restoredU };
  }
  return unchanged;
}

/** Maps an input span through a conversion's offsets (unchanged when the offsets did not move). */
export function mapSpan(
  offsets: Int32Array | null,
  span: { start: number; end: number },
): { start: number; end: number } {
  if (!offsets) return span;
  return { start: offsets[span.start] ?? span.start, end: offsets[span.end] ?? span.end };
}
