/**
 * `over_max`: more points taken than the rubric allows: a criterion (or one of its contents) losing
 * more than its maximum, a deduction on a criterion the rubric does not have, an extra deduction
 * or a bonus above the rubric's cap ("điểm thưởng … tối đa 03 điểm; điểm trừ tối đa 03 điểm"), all
 * deductions together above the scale. Only where the rubric knows the maximum: an unknown maximum
 * (null) is never replaced by a guess.
 */
import type { Rubric } from "../../../schemas/index.js";
import {
  type CheckContext,
  type DraftFields,
  type FlagDraft,
  quote,
  rowEvidence,
  unitFlag,
} from "../flag.js";
import { cents, fromCents, vnPoints, vnScore } from "../format.js";
import type { DeductionFact, UnitYear } from "../group.js";

const ev = (facts: readonly DeductionFact[]) =>
  facts.map((d) => quote(d.doc, d.deduction.evidence, "deductions"));
const sum = (facts: readonly DeductionFact[]) => facts.reduce((a, d) => a + cents(d.deduction.points), 0);

function group(
  facts: readonly DeductionFact[],
  key: (d: DeductionFact) => string | null,
): Map<string, DeductionFact[]> {
  const out = new Map<string, DeductionFact[]>();
  for (const d of facts) {
    const k = key(d);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), d]);
  }
  return out;
}

function deductionFlags(u: UnitYear, rubric: Rubric): DraftFields[] {
  const out: DraftFields[] = [];
  const ref = rubric.legalBasis.number;
  const byCriterion = group(u.deductions, (d) =>
    d.deduction.criterion === null ? null : String(d.deduction.criterion),
  );
  for (const [k, facts] of byCriterion) {
    const criterion = rubric.criteria.find((c) => String(c.number) === k);
    const lost = sum(facts);
    if (!criterion) {
      if (rubric.criteria.length === 0) continue;
      out.push({
        kind: "over_max",
        severity: "warning",
        message: `Trừ ${vnScore(fromCents(lost))} điểm ở tiêu chí ${k}, nhưng ${ref} không có tiêu chí ${k}`,
        evidence: ev(facts),
        values: { criterion: Number(k), lost: fromCents(lost), max: null },
      });
      continue;
    }
    if (criterion.maxPoints !== null && lost > cents(criterion.maxPoints)) {
      out.push({
        kind: "over_max",
        severity: "error",
        message: `Tiêu chí ${k} bị trừ ${vnScore(fromCents(lost))} điểm, vượt điểm tối đa ${vnPoints(criterion.maxPoints)} của tiêu chí theo ${ref}`,
        evidence: ev(facts),
        values: { criterion: criterion.number, lost: fromCents(lost), max: criterion.maxPoints },
      });
    }
    const byContent = group(facts, (d) =>
      d.deduction.content === null ? null : String(d.deduction.content),
    );
    for (const [n, cf] of byContent) {
      const content = criterion.contents.find((c) => String(c.number) === n);
      const lostC = sum(cf);
      if (content?.maxPoints == null || lostC <= cents(content.maxPoints)) continue;
      out.push({
        kind: "over_max",
        severity: "error",
        message: `Tiêu chí ${k}, nội dung ${n} bị trừ ${vnScore(fromCents(lostC))} điểm, vượt điểm tối đa ${vnPoints(content.maxPoints)} theo ${ref}`,
        evidence: ev(cf),
        values: {
          criterion: criterion.number,
          content: content.number,
          lost: fromCents(lostC),
          max: content.maxPoints,
        },
      });
    }
  }
  const total = sum(u.deductions);
  if (u.deductions.length > 0 && total > cents(rubric.scale.total)) {
    out.push({
      kind: "over_max",
      severity: "error",
      message: `Tổng điểm trừ ${vnScore(fromCents(total))} vượt thang điểm ${vnPoints(rubric.scale.total)}`,
      evidence: ev(u.deductions),
      values: { lost: fromCents(total), max: rubric.scale.total },
    });
  }
  return out;
}

function capFlags(u: UnitYear, rubric: Rubric): FlagDraft[] {
  const out: FlagDraft[] = [];
  const caps = [
    ["extraDeduction", rubric.deductionCap, "Điểm trừ"],
    ["bonus", rubric.bonusCap, "Điểm thưởng"],
  ] as const;
  for (const r of u.rows) {
    for (const [field, cap, name] of caps) {
      const v = r.score[field];
      if (cap === null || v === null || v === undefined || cents(v) <= cents(cap.max)) continue;
      out.push(
        unitFlag(r, {
          kind: "over_max",
          severity: "error",
          message: `${name} ${vnScore(v)} vượt mức tối đa ${vnPoints(cap.max)} điểm theo ${rubric.legalBasis.number}`,
          evidence: [rowEvidence(r)],
          values: { field, declared: v, max: cap.max },
        }),
      );
    }
  }
  return out;
}

/** Every over_max flag of the batch (units without a rubric are not checked). */
export function overMaxFlags(ctx: CheckContext): FlagDraft[] {
  const flags: FlagDraft[] = [];
  for (const u of ctx.units) {
    const rubric = ctx.rubricOf(u);
    if (!rubric) continue;
    flags.push(...deductionFlags(u, rubric).map((f) => unitFlag(u, f)), ...capFlags(u, rubric));
  }
  return flags;
}
