import { isValidSyllable } from "./syllable.js";

/*
 * TCVN3 spells "ư" with byte 0xAD, the soft hyphen, and some PDF makers (LibreOffice, for one)
 * treat it as such: invisible, so the text layer loses every "ư" ("phương" reads "ph¬ng" → "phơng",
 * "nước" → "nớc", "như" → "nh"). Where the letter is missing, the syllable left behind is
 * usually not Vietnamese, and putting "ư" back at the one place that makes it a syllable restores
 * it. Syllables still valid without it ("người" → "ngời") cannot be told and stay as they are.
 */

/**
 * Leftovers read as the word that lost its "ư", whatever the rule below says: "nh", "nhng" and "th"
 * carry no TCVN3 code once the "ư" is gone (plain ASCII, so nothing else marks them as damaged)
 * and are never words themselves; "mu", "lu" and "ngời" are words, but rare ones, while "tham
 * mưu", "lưu" and "người" fill official texts. Measured on the corpus spelled in TCVN3 without its
 * "ư": these five were most of what the rule below could not restore; the rest ("tư" → "t", "chưa"
 * → "cha", "đưa" → "đa") stay, since a lone letter or a common word cannot be told.
 */
const KNOWN_LEFTOVERS: Readonly<Record<string, string>> = {
  nh: "như",
  nhng: "nhưng",
  th: "thư",
  mu: "mưu",
  lu: "lưu",
  ngời: "người",
};

/**
 * `word` (TCVN3 already converted) with the "ư" it lost put back, or null when it does not read
 * as having lost one: one of the known leftovers, or a word with a converted letter that is not a
 * syllable as it is and becomes one at exactly one place. Plain ASCII words and words of one
 * letter ("b" in "điểm b", "tr." for "trang") are left alone.
 */
export function restoreDroppedU(word: string): string | null {
  const known = KNOWN_LEFTOVERS[word.toLowerCase()];
  if (known !== undefined) {
    return word[0] === word[0]?.toUpperCase() ? `${known[0]?.toUpperCase()}${known.slice(1)}` : known;
  }
  if (word.length < 2 || !/^\p{L}+$/u.test(word) || !/\P{ASCII}/u.test(word)) return null;
  if (isValidSyllable(word)) return null;
  let found: string | null = null;
  for (let at = 0; at <= word.length; at++) {
    const candidate = `${word.slice(0, at)}ư${word.slice(at)}`;
    if (!isValidSyllable(candidate)) continue;
    if (found !== null) return null; // two places fit: no way to choose
    found = candidate;
  }
  return found;
}

/** Offsets of `before` in `after`, which is `before` with one letter inserted. */
export function insertionOffsets(before: string, after: string): Int32Array {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const offsets = new Int32Array(before.length + 1);
  for (let i = 0; i <= before.length; i++) offsets[i] = i < at ? i : i + 1;
  return offsets;
}
