/**
 * `classification`: a class that the score contradicts. Two checks:
 * - under the rubric: the class the (declared, else recomputed) score earns differs from the
 *   declared one. A class better than the score allows is an error (the rubric's rules only ever
 *   lower a class); a worse one is a warning (a leader's discipline or a disqualifier may explain
 *   it), and no finding at all when the discipline the unit's documents state does explain it (a
 *   class still above that cap is the `discipline_cap` check's finding). With a provisional rubric
 *   (thresholds not public) both are information only.
 * - within one results table, needing no threshold: a unit graded higher than a unit with a
 *   higher score.
 */
import type { Classification, Rubric } from "../../../schemas/index.js";
import { unitCap, worseClass } from "../discipline-cap.js";
import { type CheckContext, type FlagDraft, quote, rowEvidence, unitFlag } from "../flag.js";
import { CLASS_LABELS, cents, compareClass, fromCents, vnScore } from "../format.js";
import { type ScoreRow, tableScore, tablesOf, type UnitYear } from "../group.js";
import { classify, computeUnit, criterionAtZero, lostByCriterion } from "../recompute.js";

const label = (c: Classification) => `“${CLASS_LABELS[c]}”`;

/** The score a declared class is judged by, and whether it was recomputed from deductions. */
function scoreOf(r: ScoreRow, u: UnitYear, rubric: Rubric): { score: number; computed: boolean } | null {
  if (r.score.final !== null) return { score: r.score.final, computed: false };
  if (r.score.assessed !== null) {
    return {
      score: fromCents(cents(r.score.assessed) - cents(r.score.extraDeduction ?? 0)),
      computed: false,
    };
  }
  const c = computeUnit(u, rubric);
  return c.score === null ? null : { score: c.score, computed: true };
}

function rubricFlags(u: UnitYear, rubric: Rubric): FlagDraft[] {
  const flags: FlagDraft[] = [];
  const atZero = criterionAtZero(lostByCriterion(u.deductions), rubric);
  const cap = unitCap(u.discipline, rubric);
  for (const r of u.rows) {
    const declared = r.score.classification;
    const basis = declared ? scoreOf(r, u, rubric) : null;
    if (!declared || !basis) continue;
    const result = classify(basis.score, rubric, atZero);
    if (!result || result.classification === declared) continue;
    const declaredBand = rubric.classes.find((b) => b.classification === declared);
    const provisional = rubric.provisional || result.band.assumed || declaredBand?.assumed === true;
    const better = compareClass(declared, result.classification) < 0;
    // Lower than the score but not lower than the stated discipline's cap: explained.
    if (!better && cap && compareClass(declared, worseClass(result.classification, cap.capAt)) <= 0) continue;
    const notes: string[] = [];
    if (result.cappedBy) notes.push("có tiêu chí bị chấm 0 điểm");
    if (provisional) notes.push("ngưỡng xếp loại của bộ tiêu chí này là tạm tính");
    if (cap && compareClass(cap.capAt, result.classification) > 0) {
      notes.push(`kỷ luật nêu trong văn bản hạ xếp loại xuống ${label(cap.capAt)}`);
    }
    if (
      !better &&
      (rubric.downgrades.length > 0 || rubric.automaticFail.length > 0 || r.score.extraDeduction)
    ) {
      notes.push("có thể do hạ bậc xếp loại hoặc điều kiện không hoàn thành: cần kiểm tra");
    }
    flags.push(
      unitFlag(r, {
        kind: "classification",
        severity: provisional ? "info" : better ? "error" : "warning",
        message:
          `Xếp loại khai ${label(declared)} nhưng ${vnScore(basis.score)} điểm theo ` +
          `${rubric.legalBasis.number} là ${label(result.classification)}` +
          (notes.length ? ` (${notes.join("; ")})` : ""),
        evidence: [
          rowEvidence(r),
          ...(basis.computed || result.cappedBy
            ? u.deductions.map((d) => quote(d.doc, d.deduction.evidence, "deductions"))
            : []),
        ],
        values: { declared, computed: result.classification, score: basis.score, rubric: rubric.id },
      }),
    );
  }
  return flags;
}

/** A unit graded higher than a unit of the same table with a higher score. */
function tableFlags(rows: readonly ScoreRow[]): FlagDraft[] {
  const graded = rows.filter((r) => r.score.classification !== null && tableScore(r) !== null);
  const flags: FlagDraft[] = [];
  for (const a of graded) {
    const sa = cents(tableScore(a) ?? 0);
    const ca = a.score.classification as Classification;
    const above = graded
      .filter(
        (b) =>
          b.year === a.year &&
          cents(tableScore(b) ?? 0) > sa &&
          compareClass(ca, b.score.classification as Classification) < 0,
      )
      .sort((x, y) => (tableScore(y) ?? 0) - (tableScore(x) ?? 0));
    if (above.length === 0) continue;
    const others = above
      .slice(0, 3)
      .map(
        (b) =>
          `${b.unit} ${vnScore(tableScore(b) ?? 0)} điểm chỉ xếp loại ${label(b.score.classification as Classification)}`,
      )
      .join("; ");
    flags.push(
      unitFlag(a, {
        kind: "classification",
        severity: "warning",
        message:
          `${a.unit} ${vnScore(tableScore(a) ?? 0)} điểm xếp loại ${label(ca)}, cao hơn đơn vị điểm cao hơn ` +
          `trong cùng bảng: ${others}${above.length > 3 ? ` và ${above.length - 3} đơn vị khác` : ""}`,
        evidence: [rowEvidence(a), ...above.map(rowEvidence)],
        values: { score: tableScore(a), declared: ca, contradicting: above.length },
      }),
    );
  }
  return flags;
}

/** Every classification flag of the batch. */
export function classificationFlags(ctx: CheckContext): FlagDraft[] {
  const flags: FlagDraft[] = [];
  for (const u of ctx.units) {
    const rubric = ctx.rubricOf(u);
    if (rubric) flags.push(...rubricFlags(u, rubric));
  }
  for (const rows of tablesOf(ctx.units).values()) flags.push(...tableFlags(rows));
  return flags;
}
