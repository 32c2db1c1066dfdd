import { type MappedText, rewrite } from "../offset-map.js";

/**
 * One tone-placement convention, the one the contract asks for ("hòa", "khỏe", "thủy", "ủy"):
 * in an open syllable (no final consonant) whose rhyme is oa, oe or uy, the tone mark sits on
 * the first vowel. Documents mix it with the other convention ("hoà", "khoẻ", "thuỷ", "uỷ").
 *
 * Only open oa/oe/uy syllables are touched: with a final consonant both conventions agree
 * ("hoàn", "toàn", "khoảng", "huỳnh"), and in "quý", "quả" the u belongs to the onset "qu".
 */
const OLD_PAIR = /([oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\p{L})/gu;
/** What may precede the pair in the same word: an onset ("qu" is excluded: "quý" is q + uy). */
const ONSET = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|[bcdđghklmnprstvx])?$/i;

/** Moves the tone mark of a two-letter vowel group from its second letter to its first. */
function moveTone(pair: string): string {
  const first = pair[0] as string;
  const second = (pair[1] as string).normalize("NFD");
  const base = second[0] as string;
  const mark = second.slice(1);
  return (first + mark).normalize("NFC") + base;
}

/** The letters right before `index` in the same word (at most 4: no onset is longer than 3). */
function wordPrefix(text: string, index: number): string {
  let i = index;
  while (i > 0 && index - i <= 4 && /\p{L}/u.test(text[i - 1] as string)) i--;
  return text.slice(i, index);
}

/**
 * Rewrites "hoà" → "hòa", "khoá" → "khóa", "uỷ" → "ủy", "THUỶ" → "THỦY" (case kept letter by
 * letter). The rewrite keeps the length, so offsets map one to one.
 */
export function tonePass(text: string, stats?: { tonesMoved: number }): MappedText {
  return rewrite(text, OLD_PAIR, (m, source) => {
    if (!ONSET.test(wordPrefix(source, m.index))) return null;
    if (stats) stats.tonesMoved++;
    return moveTone(m[0]);
  });
}
