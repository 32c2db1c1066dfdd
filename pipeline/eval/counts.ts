import type { Counts, KindResult, Score } from "./types.js";

/** Zero tallies. */
export function emptyCounts(): Counts {
  return { gold: 0, found: 0, output: 0, correct: 0 };
}

/** Adds `b` into `a` (returns `a`). */
export function addCounts(a: Counts, b: Counts): Counts {
  a.gold += b.gold;
  a.found += b.found;
  a.output += b.output;
  a.correct += b.correct;
  return a;
}

/** An empty result of one kind. */
export function emptyResult(): KindResult {
  return { counts: emptyCounts(), misses: [], falseHits: [] };
}

/**
 * Precision, recall and F1. Nothing on either side gives nulls (not applicable); gold facts with no
 * output give recall 0 and F1 0; output facts with no gold give precision 0 and F1 0.
 */
export function score(c: Counts): Score {
  const precision = c.output > 0 ? c.correct / c.output : null;
  const recall = c.gold > 0 ? c.found / c.gold : null;
  let f1: number | null;
  if (precision === null && recall === null) f1 = null;
  else if (precision === null || recall === null) f1 = 0;
  else f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/**
 * Pairs gold and output facts one to one. `score(g, o)` > 0 means they may pair (higher is better);
 * each output takes the best free required gold fact, else the best free optional one (a neutral
 * pair). Returns the pairs and what is left on each side.
 */
export function pairUp<G extends { optional?: boolean | undefined }, O>(
  gold: readonly G[],
  out: readonly O[],
  affinity: (g: G, o: O) => number,
): { pairs: Array<[G, O]>; neutral: Array<[G, O]>; goldLeft: G[]; outLeft: O[] } {
  const used = new Set<number>();
  const pairs: Array<[G, O]> = [];
  const neutral: Array<[G, O]> = [];
  const outLeft: O[] = [];
  for (const o of out) {
    let best = -1;
    let bestScore = 0;
    for (const pass of [false, true]) {
      gold.forEach((g, i) => {
        if (used.has(i) || (g.optional === true) !== pass) return;
        const s = affinity(g, o);
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      });
      if (best >= 0) break;
    }
    const g = best >= 0 ? gold[best] : undefined;
    if (g === undefined) {
      outLeft.push(o);
      continue;
    }
    used.add(best);
    (g.optional === true ? neutral : pairs).push([g, o]);
  }
  const goldLeft = gold.filter((g, i) => !used.has(i) && g.optional !== true);
  return { pairs, neutral, goldLeft, outLeft };
}
