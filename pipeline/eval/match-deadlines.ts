import { emptyResult, pairUp } from "./counts.js";
import type { GoldDeadline } from "./gold-schema.js";
import type { OutDeadline } from "./output-doc.js";
import { wordKey } from "./text-keys.js";
import type { KindResult } from "./types.js";

/** Dated and undated deadline results of one document, with kind agreement among dated pairs. */
export interface DeadlineResults {
  dated: KindResult;
  undated: KindResult;
  kinds: { agree: number; total: number };
}

/** Whether two deadline phrases are the same words, or one holds the other whole ("Thường xuyên"). */
function samePhrase(a: string, b: string): boolean {
  const x = wordKey(a);
  const y = wordKey(b);
  if (x.length === 0 || y.length === 0) return false;
  return ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
}

const label = (d: { text: string; kind: string | null; date: string | null }) =>
  `${d.date ?? "(no date)"} ${d.kind ?? "?"} "${d.text.replace(/\s+/g, " ").trim()}"`;

/**
 * Deadlines, one per written occurrence. Dated ones pair one to one on the date (strict); among equal
 * dates the same kind and the same words are preferred. The kind is reported, not scored. Undated ones
 * (continuous, recurring, event, relative …) pair on their words; they are informational.
 */
export function matchDeadlines(
  gold: readonly GoldDeadline[],
  out: readonly OutDeadline[] | null,
): DeadlineResults {
  const outs = out ?? [];
  const dated = emptyResult();
  const undated = emptyResult();
  const affinityDated = (g: GoldDeadline, o: OutDeadline) =>
    g.date !== null && g.date === o.date
      ? 1 + (g.kind === o.kind ? 2 : 0) + (samePhrase(g.text, o.text) ? 1 : 0)
      : 0;
  const d = pairUp(
    gold.filter((g) => g.date !== null),
    outs.filter((o) => o.date !== null),
    affinityDated,
  );
  dated.counts.gold = d.pairs.length + d.goldLeft.length;
  dated.counts.found = d.pairs.length;
  dated.counts.output = d.pairs.length + d.outLeft.length;
  dated.counts.correct = d.pairs.length;
  dated.misses.push(...d.goldLeft.map(label));
  dated.falseHits.push(...d.outLeft.map(label));
  const agree = d.pairs.filter(([g, o]) => g.kind === o.kind).length;

  const affinityUndated = (g: GoldDeadline, o: OutDeadline) =>
    samePhrase(g.text, o.text) ? 1 + (g.kind === o.kind ? 1 : 0) : 0;
  // An optional dated phrase ("Từ 01/7/2025") may fairly come out undated: offer it here too.
  const u = pairUp(
    gold.filter((g) => g.date === null || g.optional === true),
    outs.filter((o) => o.date === null),
    affinityUndated,
  );
  undated.counts.gold = u.pairs.length + u.goldLeft.length;
  undated.counts.found = u.pairs.length;
  undated.counts.output = u.pairs.length + u.outLeft.length;
  undated.counts.correct = u.pairs.length;
  undated.misses.push(...u.goldLeft.map(label));
  undated.falseHits.push(...u.outLeft.map(label));
  return { dated, undated, kinds: { agree, total: d.pairs.length } };
}
