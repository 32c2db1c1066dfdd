import { emptyResult, pairUp } from "./counts.js";
import type { GoldCriterion, GoldDeclaredScore, GoldDeduction, GoldReference } from "./gold-schema.js";
import type { OutCriterion, OutDeduction, OutRef, OutScore } from "./output-doc.js";
import { nameKey, numberKey, sameNumber, wordKey } from "./text-keys.js";
import type { KindResult } from "./types.js";

/**
 * References, keyed by their number/symbol ({@link numberKey}); the kind must agree, and the date
 * too when the gold has one (any date the document cites it with). The output is read as a set: one
 * document cited five times is one reference, and the dates of its mentions are pooled. Output
 * references without a number are not scored; nor is the document's own number (`selfNumber`).
 */
export function matchReferences(
  gold: readonly GoldReference[],
  out: readonly OutRef[] | null,
  selfNumber: string | null = null,
): KindResult {
  const r = emptyResult();
  const self = numberKey(selfNumber);
  const byKey = new Map<string, { kinds: Set<string>; dates: Set<string>; number: string }>();
  for (const o of out ?? []) {
    const k = numberKey(o.number);
    if (k === null || k === self) continue;
    const e = byKey.get(k) ?? { kinds: new Set(), dates: new Set(), number: o.number ?? "" };
    if (o.kind) e.kinds.add(o.kind);
    if (o.issuedOn) e.dates.add(o.issuedOn);
    byKey.set(k, e);
  }
  const goldKeys = new Set<string>();
  for (const g of gold) {
    const k = numberKey(g.number) ?? "";
    goldKeys.add(k);
    const o = byKey.get(k);
    if (g.optional) continue;
    r.counts.gold++;
    const label = `${g.kind} ${g.number}${g.issuedOn ? ` of ${g.issuedOn}` : ""}`;
    if (!o) {
      r.misses.push(label);
      continue;
    }
    r.counts.output++;
    const dates = [g.issuedOn, ...(g.alsoIssuedOn ?? [])].filter((d): d is string => d !== null);
    const kindOk = o.kinds.has(g.kind);
    const dateOk = dates.length === 0 || dates.some((d) => o.dates.has(d));
    if (kindOk && dateOk) {
      r.counts.found++;
      r.counts.correct++;
    } else {
      const why = [
        kindOk ? "" : `kind ${[...o.kinds].join("/") || "(none)"}`,
        dateOk ? "" : `date ${[...o.dates].join("/") || "(none)"}`,
      ]
        .filter(Boolean)
        .join(", ");
      r.misses.push(`${label} (output ${why})`);
      r.falseHits.push(`${[...o.kinds].join("/")} ${o.number} (${why})`);
    }
  }
  for (const [k, o] of byKey) {
    if (goldKeys.has(k)) continue;
    r.counts.output++;
    r.falseHits.push(
      `${[...o.kinds].join("/") || "?"} ${o.number}${o.dates.size ? ` of ${[...o.dates][0]}` : ""}`,
    );
  }
  return r;
}

/**
 * Criteria as a set of (framework, number): a document naming criterion 2 and "Tiêu chí 2, nội dung 1"
 * names criterion 2 once. Sub-dimensions and titles are not scored.
 */
export function matchCriteria(
  gold: readonly GoldCriterion[],
  out: readonly OutCriterion[] | null,
): KindResult {
  const r = emptyResult();
  const outKeys = new Set((out ?? []).map((c) => `${c.framework ?? "?"} ${c.number ?? "?"}`));
  const goldKeys = new Map<string, boolean>();
  for (const g of gold) {
    const k = `${g.framework} ${g.number}`;
    goldKeys.set(k, (goldKeys.get(k) ?? true) && g.optional === true);
  }
  for (const [k, optional] of goldKeys) {
    if (optional) continue;
    r.counts.gold++;
    if (outKeys.has(k)) r.counts.found++;
    else r.misses.push(`criterion ${k}`);
  }
  for (const k of outKeys) {
    const optional = goldKeys.get(k);
    if (optional === true) continue;
    r.counts.output++;
    if (optional === false) r.counts.correct++;
    else r.falseHits.push(`criterion ${k}`);
  }
  return r;
}

const dedLabel = (d: { criterion: number | null; content: number | null; points: number | null }) =>
  `tiêu chí ${d.criterion ?? "?"}, nội dung ${d.content ?? "?"}: −${d.points ?? "?"}`;

/** Deductions, one to one on (criterion, content, points); the reason is not scored. */
export function matchDeductions(
  gold: readonly GoldDeduction[],
  out: readonly OutDeduction[] | null,
): KindResult {
  const r = emptyResult();
  const same = (g: GoldDeduction, o: OutDeduction) =>
    g.criterion === o.criterion && g.content === o.content && sameNumber(g.points, o.points) ? 1 : 0;
  const { pairs, goldLeft, outLeft } = pairUp(gold, out ?? [], same);
  r.counts.gold = pairs.length + goldLeft.length;
  r.counts.found = pairs.length;
  r.counts.output = pairs.length + outLeft.length;
  r.counts.correct = pairs.length;
  r.misses.push(...goldLeft.map(dedLabel));
  r.falseHits.push(...outLeft.map(dedLabel));
  return r;
}

const LEVEL_WORDS = /^(?:ubnd |uy ban nhan dan )?(?:thi tran|thi xa|thanh pho|xa|phuong|huyen|quan|tinh) /;

/** The unit a declared score is for: "self" for null or the document's own unit. */
export function scoreUnitKey(unit: string | null, ownUnit: string | null): string {
  if (unit === null) return "self";
  const k = wordKey(unit).replace(LEVEL_WORDS, "");
  const own = ownUnit === null ? null : nameKey(ownUnit);
  return k === own || k === "" ? "self" : k;
}

const FIGURES = [
  "selfAssessed",
  "assessed",
  "extraDeduction",
  "final",
  "rank",
  "rankOf",
  "classification",
] as const;

/**
 * Declared scores, keyed by (unit, year); a pair is right only when every figure agrees (a gold null
 * must come out null; `bonus` is compared when the gold states it).
 */
export function matchDeclaredScores(
  gold: readonly GoldDeclaredScore[],
  out: readonly OutScore[] | null,
  ownUnit: string | null,
): KindResult {
  const r = emptyResult();
  const key = (s: { unit: string | null; year: number | null }) =>
    `${scoreUnitKey(s.unit, ownUnit)} ${s.year}`;
  const { pairs, neutral, goldLeft, outLeft } = pairUp(gold, out ?? [], (g, o) =>
    key(g) === key(o) ? 1 : 0,
  );
  void neutral;
  for (const [g, o] of pairs) {
    r.counts.gold++;
    r.counts.output++;
    const fields: string[] = [...FIGURES];
    if (g.bonus !== undefined) fields.push("bonus");
    const diff = fields.filter((f) => {
      const gv = g[f as keyof GoldDeclaredScore];
      const ov = o[f as keyof OutScore];
      return typeof gv === "number" || typeof ov === "number"
        ? !sameNumber(gv as number | null, ov as number | null)
        : (gv ?? null) !== (ov ?? null);
    });
    if (diff.length === 0) {
      r.counts.found++;
      r.counts.correct++;
    } else {
      const d = diff
        .map((f) => `${f} ${g[f as keyof GoldDeclaredScore]}≠${o[f as keyof OutScore]}`)
        .join(", ");
      r.misses.push(`score ${key(g)}: ${d}`);
      r.falseHits.push(`score ${key(o)}: ${d}`);
    }
  }
  for (const g of goldLeft) {
    r.counts.gold++;
    r.misses.push(`score ${key(g)}: final ${g.final}`);
  }
  for (const o of outLeft) {
    r.counts.output++;
    r.falseHits.push(`score ${key(o)}: final ${o.final}`);
  }
  return r;
}
