import { type MappedText, runPasses } from "./offset-map.js";
import { markupPass } from "./passes/markup.js";
import { reflowPass } from "./passes/reflow.js";
import { residueLinesPass } from "./passes/residue-lines.js";
import { splitSyllablesPass } from "./passes/split-syllables.js";
import { tonePass } from "./passes/tone.js";
import { unicodePass } from "./passes/unicode.js";
import type { OffsetMap } from "./types.js";

/** What normalisation changed, beyond layout: callers turn these into messages. */
export interface NormaliseStats {
  /** Digital-signature residue lines removed ("Ký bởi: …", time stamps). */
  stampLines: number;
  /** Page-number lines removed at page edges. */
  pageNumbers: number;
  /** Syllables rejoined from space-split pieces ("nguy ện" → "nguyện"). */
  syllablesJoined: number;
  /** Syllables moved to the modern tone placement ("hoà" → "hòa"). */
  tonesMoved: number;
  /** Line breaks turned into spaces (hard-wrapped paragraphs rejoined). */
  linesJoined: number;
}

/**
 * {@link normaliseVi} with statistics of what it changed. The passes run in this order, each one
 * text → text with its own offset map, and the maps compose into one map back to `raw`:
 * 1. Unicode: NFC, "ƣ" → "ư", line ends, invisible and no-break spaces;
 * 2. converter markup: HTML tags and entities, Markdown emphasis, heading marks, rule lines;
 * 3. residue lines: signature stamps, ISO time stamps, page numbers;
 * 4. split syllables rejoined ("v ới" → "với");
 * 5. modern tone placement ("hoà" → "hòa");
 * 6. layout: trimmed lines, one space between words, hard-wrapped lines rejoined, one blank line
 *    at most between blocks, "\f" → "\n\n" (see `passes/reflow.ts` for the convention).
 */
export function normaliseViWithStats(raw: string): MappedText & { stats: NormaliseStats } {
  const stats: NormaliseStats = {
    stampLines: 0,
    pageNumbers: 0,
    syllablesJoined: 0,
    tonesMoved: 0,
    linesJoined: 0,
  };
  const result = runPasses(raw, [
    unicodePass,
    markupPass,
    (text) => residueLinesPass(text, stats),
    (text) => splitSyllablesPass(text, stats),
    (text) => tonePass(text, stats),
    (text) => reflowPass(text, stats),
  ]);
  return { ...result, stats };
}

/**
 * Normalises a file's raw Vietnamese text (pages joined by "\f") into the text every extractor
 * reads, with `map[i]` = the raw offset of normalised character `i` (`map.length === text.length
 * + 1`, monotone, so `raw.slice(map[s], map[e])` is the source of `text.slice(s, e)`).
 *
 * Output convention: NFC; modern tone placement; one line per paragraph, heading, list item,
 * header line or table row (cells separated by "\t"), lines separated by "\n"; one blank line
 * ("\n\n") at most between blocks, where the source had blank lines or a page break; no
 * converter markup, signature stamps or page numbers; numbers untouched ("83,50" stays).
 */
export function normaliseVi(raw: string): { text: string; map: OffsetMap } {
  const { text, map } = normaliseViWithStats(raw);
  return { text, map };
}
