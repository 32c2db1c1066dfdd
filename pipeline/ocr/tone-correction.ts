import { lexiconKey } from "./lexicon/lexicon-key.js";
import type { ToneLexicon } from "./lexicon/tone-lexicon.js";

/**
 * What one change of OCR's reading costs, in natural-log units of probability: a reading is changed
 * only when the words it makes are about e³ ≈ 20 times likelier than the words read. Measured on
 * the table fixtures (bench/tables.ts) and on the corpus texts, where every change is a false one:
 * 2 gives more false changes, 4 fixes fewer misreadings.
 */
const CHANGE_COST = 3;
/** Unknown syllables still get a small count, so that a path through one is possible. */
const UNSEEN = 0.1;
/** The longest dictionary word tried, in syllables (as the lexicon counts them). */
const MAX_WORD = 4;

const ACUTE = "\u0301";
const HOOK = "\u0309";

/**
 * A run of words separated by single spaces or one line break (a line wrapped in a paragraph or a
 * narrow table cell: "Điểm thẩm\nđịnh"): the context one decision looks at.
 */
const WORD_RUN = /[\p{L}\p{M}]+(?:[ \n][\p{L}\p{M}]+)*/gu;
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * The word with its sắc (acute) tone read as hỏi (hook above) or the reverse, case kept; null when
 * it carries neither. Tesseract's `vie` model confuses these two small marks more than any other
 * pair on 200 dpi scans ("tố chức" for "tổ chức", "Điếm" for "Điểm").
 */
export function swapAcuteAndHook(word: string): string | null {
  const decomposed = word.normalize("NFD");
  let swapped: string;
  if (decomposed.includes(ACUTE)) swapped = decomposed.replace(ACUTE, HOOK);
  else if (decomposed.includes(HOOK)) swapped = decomposed.replace(HOOK, ACUTE);
  else return null;
  const composed = swapped.normalize("NFC");
  // Every Vietnamese vowel with either mark has one precomposed code point, so the length holds;
  // anything else (a stray mark on a consonant) is left alone.
  return composed.length === word.length ? composed : null;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isAllCaps = (word: string) => word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);

/**
 * Words whose reading is never changed: a word in capitals (headers, acronyms: too little context
 * and too many names) and a capitalised word next to another capitalised one (a proper name such
 * as "Đức Phổ" or "Nghĩa Kỳ", where the dictionary's common words are no guide). Neighbours are
 * the words before and after in the text, across wide gaps ("phường Phổ   Minh").
 */
function frozenWords(words: readonly { text: string }[]): boolean[] {
  return words.map(({ text }, i) => {
    if (isAllCaps(text)) return true;
    if (!isCapitalised(text)) return false;
    return isCapitalised(words[i - 1]?.text ?? "") || isCapitalised(words[i + 1]?.text ?? "");
  });
}

/** One change made: the word as read and as written. */
export interface ToneChange {
  offset: number;
  from: string;
  to: string;
}

/**
 * Corrects sắc/hỏi confusions in OCR text with a word lexicon. Each run of words is segmented into
 * dictionary words and single syllables, trying for every word its reading and its reading with
 * the other of the two marks; the segmentation with the highest probability (product of word
 * probabilities from the lexicon's counts) less {@link CHANGE_COST} per changed word wins. So
 * "tố chức" becomes "tổ chức" (one common word against two rare syllables) while "tố cáo" stays,
 * and "địa bàn tỉnh" stays although "bàn tính" is a word: "địa bàn" takes "bàn". A reading is
 * changed only to a form the lexicon knows, and never inside a name (see frozenWords).
 * Length-preserving: offsets and word boxes hold.
 */
export function correctTones(text: string, lexicon: ToneLexicon): { text: string; changes: ToneChange[] } {
  const changes: ToneChange[] = [];
  let out = text;
  const all = [...text.matchAll(WORD)].map((m) => ({ text: m[0], at: m.index }));
  const fixed = frozenWords(all);
  let next = 0;
  for (const run of text.matchAll(WORD_RUN)) {
    const first = next;
    while (next < all.length && (all[next]?.at ?? 0) < run.index + run[0].length) next++;
    const words = all.slice(first, next);
    const options = words.map((word, k) => {
      const swapped = fixed[first + k] ? null : swapAcuteAndHook(word.text);
      return swapped && lexicon.count(lexiconKey(swapped)) > 0 ? [word.text, swapped] : [word.text];
    });
    if (options.every((o) => o.length === 1)) continue;
    const frozenHere = words.map((_, k) => fixed[first + k] === true);
    bestReading(options, frozenHere, lexicon).forEach((word, i) => {
      const read = words[i];
      if (!read || word === read.text) return;
      changes.push({ offset: read.at, from: read.text, to: word });
      out = out.slice(0, read.at) + word + out.slice(read.at + word.length);
    });
  }
  return { text: out, changes };
}

/** The most probable choice of one option per word (options[i][0] is what OCR read). */
function bestReading(
  options: readonly (readonly string[])[],
  frozen: readonly boolean[],
  lexicon: ToneLexicon,
): string[] {
  const n = options.length;
  const logTotal = Math.log(lexicon.total);
  const logProbability = (key: string) => Math.log(lexicon.count(key) + UNSEEN) - logTotal;
  // best[i]: the best reading of the first i words, with its score.
  const best: ({ score: number; words: string[] } | null)[] = [{ score: 0, words: [] }];
  for (let i = 1; i <= n; i++) best.push(null);
  for (let i = 0; i < n; i++) {
    const from = best[i];
    if (!from) continue;
    for (let length = 1; length <= MAX_WORD && i + length <= n; length++) {
      for (const combo of combinations(options.slice(i, i + length))) {
        const key = lexiconKey(combo.join(" "));
        if (length > 1 && !lexicon.isWord(key)) continue;
        const changed = combo.filter((word, k) => word !== options[i + k]?.[0]).length;
        // A name is no context for a common word: "Việt Nam tỉnh" does not make "nam tính".
        if (changed > 0 && length > 1 && frozen.slice(i, i + length).some(Boolean)) continue;
        const score = from.score + logProbability(key) - CHANGE_COST * changed;
        const current = best[i + length];
        if (!current || score > current.score) best[i + length] = { score, words: [...from.words, ...combo] };
      }
    }
  }
  return best[n]?.words ?? options.map((o) => o[0] as string);
}

/** Every way of taking one option from each slot (at most 2⁴ for a four-syllable word). */
function combinations(slots: readonly (readonly string[])[]): string[][] {
  let out: string[][] = [[]];
  for (const slot of slots) out = out.flatMap((prefix) => slot.map((word) => [...prefix, word]));
  return out;
}

/**
 * The same correction over the words of a page's lines (the boxes of its layout), read as one text
 * with a line break between lines, so that a word at the start of a line keeps the context of the
 * line before ("địa / bàn tỉnh") and text rebuilt from the words reads as the corrected text does.
 */
export function correctLineWords(lines: readonly (readonly string[])[], lexicon: ToneLexicon): string[][] {
  const fixed = correctTones(lines.map((words) => words.join(" ")).join("\n"), lexicon).text;
  let at = 0;
  return lines.map((words) => {
    const out = words.map((word) => {
      const text = fixed.slice(at, at + word.length);
      at += word.length + 1;
      return text;
    });
    // A line without words still took its line break.
    if (words.length === 0) at += 1;
    return out;
  });
}
