/**
 * The cross-unit views of scores.json: each unit-year's declared and computed figures, a ranking
 * per year, and the units × criteria table of points lost.
 */
import type {
  CriteriaMatrix,
  DeclaredFigures,
  RankingEntry,
  Rubric,
  ScoreFlag,
  ScoreUnit,
} from "../../schemas/index.js";
import { cents, compareVi, fromCents } from "./format.js";
import type { UnitYear } from "./group.js";
import { computeUnit, firstDeclared, lostByCriterion, UNASSIGNED } from "./recompute.js";

/** The declared figures of a unit-year: for each field, the first document (by path) that gives it. */
export function declaredOf(u: UnitYear): DeclaredFigures {
  return {
    selfAssessed: firstDeclared(u.rows, "selfAssessed"),
    assessed: firstDeclared(u.rows, "assessed"),
    extraDeduction: firstDeclared(u.rows, "extraDeduction"),
    bonus: firstDeclared(u.rows, "bonus") ?? null,
    final: firstDeclared(u.rows, "final"),
    rank: firstDeclared(u.rows, "rank"),
    rankOf: firstDeclared(u.rows, "rankOf"),
    classification: firstDeclared(u.rows, "classification"),
  };
}

/** One unit-year of scores.json. */
export function scoreUnit(u: UnitYear, rubric: Rubric | null, flags: readonly ScoreFlag[]): ScoreUnit {
  const lost = lostByCriterion(u.deductions);
  const mine = flags.filter((f) => f.key === u.key && f.year === u.year);
  const count = (s: ScoreFlag["severity"]) => mine.filter((f) => f.severity === s).length;
  return {
    unit: u.unit,
    key: u.key,
    level: u.level,
    year: u.year,
    rubric: rubric?.id ?? null,
    declared: declaredOf(u),
    computed: computeUnit(u, rubric),
    deductionsByCriterion: Object.fromEntries(
      [...lost.entries()].sort(([a], [b]) => criterionOrder(a, b)).map(([k, c]) => [k, fromCents(c)]),
    ),
    sources: [...new Set(u.docs.map((d) => d.source))].sort(),
    flagCounts: { error: count("error"), warning: count("warning"), info: count("info") },
  };
}

/** Criterion keys in number order, "unassigned" last. */
export function criterionOrder(a: string, b: string): number {
  if (a === UNASSIGNED) return b === UNASSIGNED ? 0 : 1;
  if (b === UNASSIGNED) return -1;
  return Number(a) - Number(b);
}

/** The score a unit is ranked by: the declared final score, else the computed one. */
export function rankingScore(u: ScoreUnit): number | null {
  return u.declared.final ?? u.computed.score;
}

/** Per year, units by score, highest first; equal scores share a place ("1, 2, 2, 4"). */
export function rankingOf(units: readonly ScoreUnit[]): RankingEntry[] {
  const years = [...new Set(units.map((u) => u.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const out: RankingEntry[] = [];
  for (const year of years) {
    const scored = units
      .filter((u) => u.year === year && rankingScore(u) !== null)
      .map((u) => ({ u, score: rankingScore(u) as number }))
      .sort((a, b) => b.score - a.score || compareVi(a.u.unit, b.u.unit));
    scored.forEach(({ u, score }, i) => {
      const prev = out[out.length - 1];
      const tie = i > 0 && prev && cents(prev.score) === cents(score);
      out.push({
        year,
        position: tie && prev ? prev.position : i + 1,
        unit: u.unit,
        key: u.key,
        score,
        declaredRank: u.declared.rank,
      });
    });
  }
  return out;
}

/** Units × criteria of points lost: the rubric's criteria as columns, plus any other criterion deducted. */
export function criteriaMatrixOf(units: readonly ScoreUnit[], rubric: Rubric | null): CriteriaMatrix {
  const keys = new Set<string>((rubric?.criteria ?? []).map((c) => String(c.number)));
  for (const u of units) for (const k of Object.keys(u.deductionsByCriterion)) keys.add(k);
  const columns = [...keys].sort(criterionOrder).map((k) => {
    const c = rubric?.criteria.find((x) => String(x.number) === k);
    return { criterion: k, title: c?.title ?? null, maxPoints: c?.maxPoints ?? null };
  });
  const rows = units
    .filter((u) => Object.keys(u.deductionsByCriterion).length > 0)
    .map((u) => ({
      unit: u.unit,
      key: u.key,
      year: u.year,
      lost: u.deductionsByCriterion,
      total: fromCents(Object.values(u.deductionsByCriterion).reduce((a, v) => a + cents(v), 0)),
    }));
  return { columns, rows };
}
