import { type MappedText, OffsetMapBuilder } from "../offset-map.js";
import { hasVowel, isStandaloneSyllable, isValidSyllable } from "../syllable.js";

/*
 * Some PDF text layers cut syllables where a glyph with a diacritic starts: "nguy ện v ọng",
 * "ch ủ tr ươ ng", "lu ật". Two or three pieces are joined back only when the result is one
 * valid syllable AND at least one piece cannot stand alone ("v", "ọng", "ươ", "ện"), so real
 * neighbouring words ("đố i" is left alone: "i" can be a word) are never glued together. A piece
 * that is only a final consonant joins only a broken piece ("ươ ng", never "Nhà n" + "ước").
 */

const WORD = /\p{L}+/gu;
const LOWER = /^\p{Ll}+$/u;
const UPPER = /^\p{Lu}+$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}*$/u;

interface Token {
  start: number;
  end: number;
  text: string;
  /** The piece can stand as a syllable on its own (cached per word). */
  standalone: boolean;
}

/** Pieces of one word keep one case pattern: "v ới", "Tr ươ ng", "NGUY ỆN". */
function sameCase(pieces: Token[]): boolean {
  const [first, ...rest] = pieces;
  if (!first) return false;
  if (pieces.every((p) => UPPER.test(p.text))) return true;
  return (LOWER.test(first.text) || CAPITALISED.test(first.text)) && rest.every((p) => LOWER.test(p.text));
}

/** Only spaces between the pieces (a tab is a cell border, a line break is not a split). */
function spaced(text: string, pieces: Token[]): boolean {
  for (let k = 1; k < pieces.length; k++) {
    const gap = text.slice((pieces[k - 1] as Token).end, (pieces[k] as Token).start);
    if (!/^ {1,2}$/.test(gap)) return false;
  }
  return true;
}

/** A piece right after a number is a unit ("100 m ống"), not a split syllable. */
function afterNumber(text: string, token: Token): boolean {
  return /\d[ ]*$/.test(text.slice(Math.max(0, token.start - 6), token.start));
}

/** Standalone verdicts per piece: a document repeats a few thousand distinct words. */
const standaloneCache = new Map<string, boolean>();

function standalone(word: string): boolean {
  let verdict = standaloneCache.get(word);
  if (verdict === undefined) {
    verdict = isStandaloneSyllable(word);
    if (standaloneCache.size > 50_000) standaloneCache.clear();
    standaloneCache.set(word, verdict);
  }
  return verdict;
}

/** The longest written syllable has 7 letters ("nghiêng", "nghuếch"). */
const MAX_SYLLABLE = 7;

function joinable(text: string, pieces: Token[]): boolean {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return false;
  if (pieces.reduce((n, p) => n + p.text.length, 0) > MAX_SYLLABLE) return false;
  if (pieces.every((p) => p.standalone)) return false;
  // A final consonant alone ("ng" in "tr ươ ng") only closes a broken piece: "GIA N" stays apart.
  if (!hasVowel(last.text) && pieces.slice(0, -1).some((p) => p.standalone)) return false;
  if (!spaced(text, pieces) || !sameCase(pieces)) return false;
  if (afterNumber(text, first) || /^[\d/-]/.test(text.slice(last.end, last.end + 1))) return false;
  return isValidSyllable(pieces.map((p) => p.text).join(""));
}

/** Joins syllables split by spaces; `stats.syllablesJoined` counts the joins. */
export function splitSyllablesPass(text: string, stats?: { syllablesJoined: number }): MappedText {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ start, end: start + m[0].length, text: m[0], standalone: standalone(m[0]) });
  }
  const builder = new OffsetMapBuilder(text);
  let i = 0;
  while (i < tokens.length) {
    // Fast path: a join needs a broken piece among the next three.
    if (tokens[i]?.standalone && tokens[i + 1]?.standalone !== false && tokens[i + 2]?.standalone !== false) {
      i++;
      continue;
    }
    let joined = 0;
    for (const size of [3, 2]) {
      const pieces = tokens.slice(i, i + size);
      if (pieces.length === size && joinable(text, pieces)) {
        for (let k = 1; k < size; k++) {
          const gapStart = (pieces[k - 1] as Token).end;
          builder.keepTo(gapStart).delete((pieces[k] as Token).start - gapStart);
        }
        joined = size;
        break;
      }
    }
    if (joined > 0 && stats) stats.syllablesJoined++;
    i += joined > 0 ? joined : 1;
  }
  return builder.finish();
}
