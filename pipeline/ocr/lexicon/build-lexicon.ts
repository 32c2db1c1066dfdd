import { lexiconKey, PHRASE_BREAK, WORD_PATTERN } from "./lexicon-key.js";

/** The longest dictionary word counted, in syllables (longer ones are rare and never compete). */
export const MAX_WORD_SYLLABLES = 4;
/** Weight of an administrative compound: as if read this often in the definitions. */
const ADMIN_WEIGHT = 50;

/** What the builder reads: the dictionary's word list, its definitions and examples, our admin words. */
export interface LexiconSources {
  /** Viet74K.txt: one dictionary word per line (one to several syllables). */
  words: string;
  /** dictionary.json: word → [{ definition, example }]: running Vietnamese text to count. */
  definitions: Record<string, { definition?: string; example?: string }[]>;
  /** admin-words.txt: compounds of local government missing from the general dictionary. */
  adminWords: string;
}

/**
 * Builds the tone lexicon: how often each word occurs in the dictionary's definitions and examples
 * (a word being a dictionary word of two or more syllables, or a syllable standing alone), plus one
 * for every dictionary word and each of its syllables. The OCR tone corrector (pipeline/ocr/tone-correction.ts) compares
 * readings with these counts. Returns "key\tcount" lines sorted by key, so the file diffs well and
 * the build is reproducible.
 */
export function buildLexicon(sources: LexiconSources): string {
  const dictionary = new Set<string>();
  const counts = new Map<string, number>();
  const add = (key: string, by: number) => counts.set(key, (counts.get(key) ?? 0) + by);
  for (const line of sources.words.split("\n")) {
    const key = lexiconKey(line.trim());
    if (key) dictionary.add(key);
  }
  const adminWords = sources.adminWords
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map(lexiconKey);
  for (const word of adminWords) dictionary.add(word);

  // Words are counted as a reader segments the text: at each syllable the longest dictionary word
  // that starts there, else the syllable alone. So "định" counts only where it stands alone, not
  // inside "quyết định": a syllable's count is its probability as a word of its own, and a compound
  // is not outscored by the product of its frequent syllables.
  const countText = (text: string) => {
    for (const phrase of lexiconKey(text).split(PHRASE_BREAK)) {
      const syllables = phrase.match(WORD_PATTERN) ?? [];
      for (let i = 0; i < syllables.length; ) {
        let length = 1;
        for (let n = Math.min(MAX_WORD_SYLLABLES, syllables.length - i); n >= 2; n--) {
          if (dictionary.has(syllables.slice(i, i + n).join(" "))) {
            length = n;
            break;
          }
        }
        add(syllables.slice(i, i + length).join(" "), 1);
        i += length;
      }
    }
  };
  for (const senses of Object.values(sources.definitions)) {
    for (const sense of senses) {
      countText(sense.definition ?? "");
      countText(sense.example ?? "");
    }
  }
  for (const word of dictionary) {
    // Every dictionary word counts once, and each of its syllables: a word the definitions never
    // use is still a word.
    if (word.includes(" ")) add(word, 1);
    for (const syllable of word.split(" ")) add(syllable, 1);
  }
  for (const word of adminWords) add(word, ADMIN_WEIGHT);
  return [...counts]
    .filter(([key]) => key.split(" ").length <= MAX_WORD_SYLLABLES)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => `${key}\t${count}\n`)
    .join("");
}
