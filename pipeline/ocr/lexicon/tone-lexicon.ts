import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { packageRoot } from "../../package-root.js";

/** Where the built lexicon lives, relative to the project root (`npm run lexicon` writes it). */
export const LEXICON_PATH = join("pipeline", "ocr", "lexicon", "vi-lexicon.tsv.gz");

/** Word and syllable counts of Vietnamese text, for choosing between OCR readings. */
export interface ToneLexicon {
  /** How often a syllable or dictionary word (key as lexiconKey writes it) occurs; 0 when unknown. */
  count(key: string): number;
  /** Is this key of two or more syllables a dictionary word? */
  isWord(key: string): boolean;
  /** Sum of all counts: the denominator of a word's probability. */
  total: number;
}

/** A lexicon from "key\tcount" lines (the format buildLexicon writes). */
export function parseLexicon(tsv: string): ToneLexicon {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of tsv.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab <= 0) continue;
    const count = Number(line.slice(tab + 1));
    counts.set(line.slice(0, tab), count);
    total += count;
  }
  return {
    count: (key) => counts.get(key) ?? 0,
    isWord: (key) => key.includes(" ") && counts.has(key),
    total,
  };
}

let loaded: ToneLexicon | undefined;

/** The bundled lexicon, read once per process (about 30 ms). */
export function toneLexicon(): ToneLexicon {
  loaded ??= parseLexicon(gunzipSync(readFileSync(join(packageRoot(), LEXICON_PATH))).toString("utf8"));
  return loaded;
}
