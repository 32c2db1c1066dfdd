/**
 * Recomputing a unit's score and class from the facts: scale − Σ deductions (+ bonus, − extra
 * deductions), and the class that score earns under the rubric. All sums are in hundredths
 * (scores have two decimals), so 100 − 10,5 is exactly 89,5.
 */
import type {
  Classification,
  ClassThreshold,
  ComputedFigures,
  Rubric,
  ScoreBound,
} from "../../schemas/index.js";
import { unitCap, worseClass } from "./discipline-cap.js";
import { cents, compareClass, fromCents } from "./format.js";
import type { DeductionFact, ScoreRow, UnitYear } from "./group.js";

/** Key of deductions without a criterion number in per-criterion tables. */
export const UNASSIGNED = "unassigned";

/** Points lost per criterion (in hundredths), keyed by the criterion number as a string. */
export function lostByCriterion(deductions: readonly DeductionFact[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { deduction } of deductions) {
    const k = deduction.criterion === null ? UNASSIGNED : String(deduction.criterion);
    out.set(k, (out.get(k) ?? 0) + cents(deduction.points));
  }
  return out;
}

/**
 * Whether some criterion lost all its points ("không có tiêu chí nào … chấm 0 điểm"): true as soon
 * as one criterion with a known maximum is fully deducted; false when every deducted criterion's
 * maximum is known and none is; null when that cannot be told (no rubric, no deduction read, or an
 * unknown maximum).
 */
export function criterionAtZero(lost: Map<string, number>, rubric: Rubric | null): boolean | null {
  if (!rubric || lost.size === 0) return null;
  let unknown = false;
  for (const [k, c] of lost) {
    const max = rubric.criteria.find((x) => String(x.number) === k)?.maxPoints ?? null;
    if (max === null) unknown = true;
    else if (c >= cents(max)) return true;
  }
  return unknown ? null : false;
}

function within(score: number, min: ScoreBound | null, max: ScoreBound | null): boolean {
  const s = cents(score);
  if (min && (min.inclusive ? s < cents(min.value) : s <= cents(min.value))) return false;
  if (max && (max.inclusive ? s > cents(max.value) : s >= cents(max.value))) return false;
  return true;
}

/** The class a score earns, and the band that gave it. */
export interface ClassResult {
  classification: Classification;
  band: ClassThreshold;
  /** Set when a better band's score range fitted but its "no criterion at 0" condition failed. */
  cappedBy: ClassThreshold | null;
}

/**
 * The class of a score under a rubric: the first band (best first) whose range holds the score and
 * whose other condition holds. A unit excluded from a band only by "no criterion at 0" takes the
 * next band down whatever its upper bound (the text caps the class, it does not move the score).
 * An unknown `atZero` does not exclude a band.
 */
export function classify(score: number, rubric: Rubric, atZero: boolean | null): ClassResult | null {
  let cappedBy: ClassThreshold | null = null;
  for (const band of rubric.classes) {
    const fits = cappedBy ? within(score, band.min, null) : within(score, band.min, band.max);
    if (!fits) continue;
    if (band.noCriterionAtZero && atZero === true) {
      cappedBy = cappedBy ?? band;
      continue;
    }
    return { classification: band.classification, band, cappedBy };
  }
  return null;
}

/** The declared value of a field, first row that gives it. */
export function firstDeclared<K extends keyof ScoreRow["score"]>(
  rows: readonly ScoreRow[],
  field: K,
): ScoreRow["score"][K] | null {
  for (const r of rows) {
    const v = r.score[field];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** The computed figures of one unit-year. */
export function computeUnit(u: UnitYear, rubric: Rubric | null): ComputedFigures {
  const lost = lostByCriterion(u.deductions);
  const total = [...lost.values()].reduce((a, b) => a + b, 0);
  const atZero = criterionAtZero(lost, rubric);
  const extra = cents(firstDeclared(u.rows, "extraDeduction") ?? 0);
  const bonus = cents(firstDeclared(u.rows, "bonus") ?? 0);
  const assessed = firstDeclared(u.rows, "assessed");
  let score: number | null = null;
  let basis: ComputedFigures["basis"] = null;
  if (rubric && u.deductions.length > 0) {
    score = fromCents(cents(rubric.scale.total) - total + bonus - extra);
    basis = "deductions";
  } else if (assessed !== null) {
    score = fromCents(cents(assessed) - extra);
    basis = "declared_assessed";
  }
  const cls = score !== null && rubric ? classify(score, rubric, atZero) : null;
  const figures: ComputedFigures = {
    score,
    classification: cls?.classification ?? null,
    basis,
    scale: rubric?.scale.total ?? null,
    deductionTotal: u.deductions.length > 0 ? fromCents(total) : null,
    criterionAtZero: atZero,
  };
  // A stated discipline caps the class; an automatic fail decides it even without a score.
  const cap = unitCap(u.discipline, rubric);
  const earned = figures.classification;
  if (cap && (earned ? compareClass(cap.capAt, earned) > 0 : cap.capAt === "KHONG_HOAN_THANH")) {
    figures.classification = earned ? worseClass(earned, cap.capAt) : cap.capAt;
    figures.cappedBy = cap.rules.map((r) => r.id);
  }
  return figures;
}
