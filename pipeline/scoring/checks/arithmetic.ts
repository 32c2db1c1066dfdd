/**
 * `arithmetic`: declared figures that do not add up. Two sums are written in every result: the
 * assessed score is the scale minus the points lost on the criteria (100 − 10,50 = 89,50 in the
 * Ba Tơ plan), and the final score is the assessed score minus the extra deduction (89,50 − 6 =
 * 83,50). A bonus ("điểm thưởng") may be counted in either; both readings are accepted.
 */

import { type CheckContext, type FlagDraft, quote, rowEvidence, unitFlag } from "../flag.js";
import { cents, fromCents, vnPoints, vnScore } from "../format.js";
import type { ScoreRow, UnitYear } from "../group.js";

function deductionEvidence(u: UnitYear) {
  return u.deductions.map((d) => quote(d.doc, d.deduction.evidence, "deductions"));
}

/** Declared assessed score against scale − Σ deductions (+ bonus). */
function assessedAgainstDeductions(u: UnitYear, r: ScoreRow, scale: number): FlagDraft | null {
  const { assessed, bonus } = r.score;
  if (assessed === null || u.deductions.length === 0) return null;
  const lost = u.deductions.reduce((a, d) => a + cents(d.deduction.points), 0);
  const base = cents(scale) - lost;
  const plus = cents(bonus ?? 0);
  if (cents(assessed) === base + plus || (plus !== 0 && cents(assessed) === base)) return null;
  const bonusText = plus !== 0 ? ` + điểm thưởng ${vnScore(fromCents(plus))}` : "";
  return unitFlag(r, {
    kind: "arithmetic",
    severity: "error",
    message:
      `Điểm thẩm định khai ${vnScore(assessed)} nhưng ${vnPoints(scale)} − tổng điểm trừ ` +
      `${vnScore(fromCents(lost))}${bonusText} = ${vnScore(fromCents(base + plus))}`,
    evidence: [rowEvidence(r), ...deductionEvidence(u)],
    values: { declared: assessed, computed: fromCents(base + plus), scale, deductionTotal: fromCents(lost) },
  });
}

/** Declared final score against assessed − extra deduction (+ bonus when the assessed score left it out). */
function finalAgainstAssessed(r: ScoreRow): FlagDraft | null {
  const { assessed, final, extraDeduction, bonus } = r.score;
  if (assessed === null || final === null) return null;
  const expected = cents(assessed) - cents(extraDeduction ?? 0);
  const plus = cents(bonus ?? 0);
  if (cents(final) === expected || (plus !== 0 && cents(final) === expected + plus)) return null;
  const unknownExtra = extraDeduction === null;
  return unitFlag(r, {
    kind: "arithmetic",
    // Without a written extra deduction the gap may be one the extraction missed: a warning, not an error.
    severity: unknownExtra ? "warning" : "error",
    message: unknownExtra
      ? `Tổng điểm khai ${vnScore(final)} khác điểm thẩm định ${vnScore(assessed)} mà không nêu điểm trừ`
      : `Tổng điểm khai ${vnScore(final)} nhưng điểm thẩm định ${vnScore(assessed)} − điểm trừ ` +
        `${vnScore(extraDeduction ?? 0)} = ${vnScore(fromCents(expected))}`,
    evidence: [rowEvidence(r)],
    values: { declared: final, computed: fromCents(expected), assessed, extraDeduction },
  });
}

/** A final score without an assessed one, against scale − Σ deductions (+ bonus) − extra deduction. */
function finalAgainstDeductions(u: UnitYear, r: ScoreRow, scale: number): FlagDraft | null {
  const { assessed, final, extraDeduction, bonus } = r.score;
  if (assessed !== null || final === null || u.deductions.length === 0) return null;
  const lost = u.deductions.reduce((a, d) => a + cents(d.deduction.points), 0);
  const expected = cents(scale) - lost + cents(bonus ?? 0) - cents(extraDeduction ?? 0);
  if (cents(final) === expected) return null;
  const extraText = extraDeduction ? ` − điểm trừ ${vnScore(extraDeduction)}` : "";
  const bonusText = bonus ? ` + điểm thưởng ${vnScore(bonus)}` : "";
  return unitFlag(r, {
    kind: "arithmetic",
    severity: "error",
    message:
      `Tổng điểm khai ${vnScore(final)} nhưng ${vnPoints(scale)} − tổng điểm trừ ` +
      `${vnScore(fromCents(lost))}${bonusText}${extraText} = ${vnScore(fromCents(expected))}`,
    evidence: [rowEvidence(r), ...deductionEvidence(u)],
    values: { declared: final, computed: fromCents(expected), scale, deductionTotal: fromCents(lost) },
  });
}

/** Every arithmetic flag of the batch. The scale comes from the unit's rubric: none, no scale check. */
export function arithmeticFlags(ctx: CheckContext): FlagDraft[] {
  const flags: FlagDraft[] = [];
  for (const u of ctx.units) {
    const scale = ctx.rubricOf(u)?.scale.total ?? null;
    for (const r of u.rows) {
      const found = [
        scale === null ? null : assessedAgainstDeductions(u, r, scale),
        finalAgainstAssessed(r),
        scale === null ? null : finalAgainstDeductions(u, r, scale),
      ];
      for (const f of found) if (f) flags.push(f);
    }
  }
  return flags;
}
