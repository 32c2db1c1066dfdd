/**
 * `discipline_cap`: a declared class above the cap that the unit's own documents make certain. A
 * rubric lowers the class of a unit whose leader was disciplined (QĐ 2579 Điều 6 khoản 5: a leader's
 * "khiển trách" → at most Hoàn thành tốt, "cảnh cáo" → at most Hoàn thành) or fails it (khoản 4:
 * "cách chức" or heavier → Không hoàn thành). The finding quotes the declared class, the sentence
 * that states the discipline and, in its message, the rule's own words. Only rules with a `when`
 * apply; facts whose subject or form is unknown never trigger one.
 */
import type { Classification, Discipline, Rubric } from "../../../schemas/index.js";
import { type DisciplineCap, type DisciplineRule, disciplineRules, unitCap } from "../discipline-cap.js";
import { type CheckContext, type FlagDraft, quote, rowEvidence, unitFlag } from "../flag.js";
import { CLASS_LABELS, compareClass, DISCIPLINE_FORM_LABELS, DISCIPLINE_SUBJECT_LABELS } from "../format.js";
import type { ScoreRow, UnitYear } from "../group.js";

const label = (c: Classification) => `“${CLASS_LABELS[c]}”`;

/** "lãnh đạo (người đứng đầu hoặc cấp phó) bị kỷ luật từ khiển trách trở lên". */
function describe(d: Discipline): string {
  const who = d.subject ? DISCIPLINE_SUBJECT_LABELS[d.subject] : "(không rõ đối tượng)";
  const form = d.form ? DISCIPLINE_FORM_LABELS[d.form] : "(không rõ hình thức)";
  return `${who} bị kỷ luật ${d.orAbove ? `từ ${form} trở lên` : form}${d.year ? ` (năm ${d.year})` : ""}`;
}

/** The rule as the message cites it: its basis and its own sentence. */
function cite(rule: DisciplineRule): string {
  return rule.source ?? rule.description;
}

/**
 * A fact that might have triggered a rule had the document said who or which form: a known form
 * some rule covers with an unknown subject, or a known subject some rule covers with an unknown form.
 */
function unknownButRelevant(d: Discipline, rules: readonly DisciplineRule[]): boolean {
  const { subject, form } = d;
  if (subject === null) return form !== null && rules.some((r) => r.forms.includes(form));
  return form === null && rules.some((r) => r.subjects.includes(subject));
}

function message(declared: Classification, cap: DisciplineCap, rubric: Rubric): string {
  const what = [...new Set(cap.facts.map((f) => describe(f.discipline)))].join("; ");
  const verdict =
    cap.capAt === "KHONG_HOAN_THANH"
      ? `đơn vị xếp loại ${label(cap.capAt)}`
      : `xếp loại cao nhất là ${label(cap.capAt)}`;
  const unused = cap.unused.filter((f) => unknownButRelevant(f.discipline, disciplineRules(rubric))).length;
  return (
    `Xếp loại khai ${label(declared)} nhưng văn bản của đơn vị nêu ${what}: theo ${rubric.legalBasis.number} ` +
    `${verdict} (${cap.rules.map(cite).join("; ")})` +
    (unused > 0
      ? `. ${unused} dữ kiện kỷ luật khác không rõ đối tượng hoặc hình thức nên không được áp dụng`
      : "")
  );
}

function unitFlags(u: UnitYear, rubric: Rubric): FlagDraft[] {
  const cap = unitCap(u.discipline, rubric);
  if (!cap) return [];
  const above = new Map<Classification, ScoreRow[]>();
  for (const r of u.rows) {
    const declared = r.score.classification;
    if (declared && compareClass(declared, cap.capAt) < 0)
      above.set(declared, [...(above.get(declared) ?? []), r]);
  }
  return [...above].map(([declared, rows]) =>
    unitFlag(u, {
      kind: "discipline_cap",
      severity: rubric.provisional ? "info" : "error",
      message: message(declared, cap, rubric),
      evidence: [
        ...rows.map(rowEvidence),
        ...cap.facts.map((f) => quote(f.doc, f.discipline.evidence, "discipline")),
      ],
      values: { declared, cap: cap.capAt, rules: cap.rules.map((r) => r.id).join(","), rubric: rubric.id },
    }),
  );
}

/** Every `discipline_cap` flag of the batch. */
export function disciplineCapFlags(ctx: CheckContext): FlagDraft[] {
  const flags: FlagDraft[] = [];
  for (const u of ctx.units) {
    const rubric = ctx.rubricOf(u);
    if (rubric) flags.push(...unitFlags(u, rubric));
  }
  return flags;
}
