/**
 * `remediation`: a criterion the unit lost points on last year that this year's plan leaves
 * unremedied. A remediation plan ("Kế hoạch khắc phục …") must, for every deducted criterion, give
 * a task with a lead ("Chủ trì tham mưu: …") and a deadline ("chậm nhất trước ngày …"). The
 * deduction section itself may name the lead ("Trách nhiệm chủ trì tham mưu: …"); the deadline
 * must come from a task.
 */
import type { Task } from "../../../schemas/index.js";
import { type CheckContext, type FlagDraft, quote, unitFlag } from "../flag.js";
import { vnScore } from "../format.js";
import { type DeductionFact, ownUnit } from "../group.js";
import type { ScoringDoc } from "../input.js";

/** Plans grouped by unit key and plan year. */
function plansByUnitYear(docs: readonly ScoringDoc[]) {
  const out = new Map<string, { key: string; unit: string; year: number; plans: ScoringDoc[] }>();
  for (const doc of docs) {
    const own = ownUnit(doc);
    if (doc.kind !== "KE_HOACH" || doc.year === null || !own) continue;
    const id = `${own.key}|${doc.year}`;
    const e = out.get(id) ?? { key: own.key, unit: own.unit, year: doc.year, plans: [] };
    e.plans.push(doc);
    out.set(id, e);
  }
  return [...out.values()];
}

const taskCriterion = (t: Task) => (t.criterion?.framework === "DVCQ" ? t.criterion.number : null);

/** What is missing for one deducted criterion, or null when the plan covers it. */
function missing(tasks: readonly Task[], deductions: readonly DeductionFact[], plans: readonly ScoringDoc[]) {
  const leadInDeduction = deductions.some(
    (d) => plans.includes(d.doc) && (d.deduction.responsible?.length ?? 0) > 0,
  );
  if (tasks.length === 0 && !leadInDeduction) return "không có nhiệm vụ nào cho tiêu chí này";
  const gaps: string[] = [];
  if (!leadInDeduction && !tasks.some((t) => t.lead.length > 0)) gaps.push("không giao chủ trì");
  if (!tasks.some((t) => t.deadline !== null)) gaps.push("không có nhiệm vụ nào có thời hạn");
  return gaps.length > 0 ? gaps.join(", ") : null;
}

/** Remediation flags, and notes for plans that could not be checked. */
export function remediationFlags(ctx: CheckContext): {
  flags: FlagDraft[];
  notes: { source: string; reason: string }[];
} {
  const flags: FlagDraft[] = [];
  const notes: { source: string; reason: string }[] = [];
  for (const p of plansByUnitYear(ctx.docs)) {
    const prior = ctx.units.find((u) => u.key === p.key && u.year === p.year - 1);
    const deducted = (prior?.deductions ?? []).filter((d) => d.deduction.criterion !== null);
    if (!prior || deducted.length === 0) continue;
    const tasks = p.plans.flatMap((doc) => doc.tasks.map((task, index) => ({ doc, task, index })));
    if (!tasks.some((t) => taskCriterion(t.task) !== null)) {
      for (const doc of p.plans) {
        notes.push({
          source: doc.source,
          reason: `Kế hoạch năm ${p.year} không gắn nhiệm vụ nào với tiêu chí: bỏ qua kiểm tra khắc phục các tiêu chí bị trừ điểm năm ${p.year - 1}.`,
        });
      }
      continue;
    }
    const criteria = [...new Set(deducted.map((d) => d.deduction.criterion as number))].sort((a, b) => a - b);
    for (const c of criteria) {
      const ds = deducted.filter((d) => d.deduction.criterion === c);
      const ts = tasks.filter((t) => taskCriterion(t.task) === c);
      const gap = missing(
        ts.map((t) => t.task),
        ds,
        p.plans,
      );
      if (!gap) continue;
      const lost = ds.reduce((a, d) => a + d.deduction.points, 0);
      flags.push(
        // Filed under the year that lost the points, so it joins that unit-year in scores.json.
        unitFlag(prior, {
          kind: "remediation",
          severity: "warning",
          message: `Tiêu chí ${c} bị trừ ${vnScore(lost)} điểm năm ${p.year - 1} nhưng kế hoạch năm ${p.year}: ${gap}`,
          evidence: [
            ...ds.map((d) => quote(d.doc, d.deduction.evidence, "deductions")),
            ...ts.slice(0, 5).map((t) => quote(t.doc, t.task.evidence, "tasks")),
          ],
          values: { criterion: c, lost, tasks: ts.length },
        }),
      );
    }
  }
  return { flags, notes };
}
