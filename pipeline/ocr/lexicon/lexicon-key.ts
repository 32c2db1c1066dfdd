import { tonePass } from "../../text/passes/tone.js";

/**
 * The form a word is looked up under in the tone lexicon: NFC, lower case, modern tone placement
 * ("hoá" and "hóa" are one word; "UỶ BAN" is "ủy ban"). Syllables are separated by one space.
 */
export function lexiconKey(word: string): string {
  return tonePass(word.normalize("NFC").toLowerCase()).text;
}

/** Letters of a word, as the lexicon counts them (combining marks included for non-NFC input). */
export const WORD_PATTERN = /[\p{L}\p{M}]+/gu;

/** Marks that end a run of words in running text: a compound never spans them. */
export const PHRASE_BREAK = /[~,.;:!?()"\n|/*\u2013\u2014[\]]/u;
