/**
 * `past_deadline`: a deadline that had already passed on the day the document was issued (a plan
 * signed on 19/3 asking for a report "trước ngày 12/3"): usually a date copied from last year's
 * plan. Only deadlines that name a day, month or quarter are compared; recurring ones
 * ("hằng tháng"), report periods ("6 tháng đầu năm"), "Thường xuyên" and events have no fixed end.
 */
import { deadlinesOf, pastAtIssue } from "../deadlines.js";
import { type CheckContext, type FlagDraft, quote } from "../flag.js";
import { ownUnit } from "../group.js";

/** "2024-03-12" → "12/03/2024". */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** Every past_deadline flag of the batch. */
export function pastDeadlineFlags(ctx: CheckContext): FlagDraft[] {
  const flags: FlagDraft[] = [];
  for (const doc of ctx.docs) {
    const own = ownUnit(doc);
    for (const { deadline, taskIndex } of deadlinesOf(doc)) {
      if (pastAtIssue(doc, deadline) !== true || !deadline.date || !doc.issuedOn) continue;
      const task = taskIndex === null ? null : doc.tasks[taskIndex];
      flags.push({
        unit: own?.unit ?? null,
        key: own?.key ?? null,
        year: doc.year,
        kind: "past_deadline",
        severity: "warning",
        message:
          `Thời hạn “${deadline.text}” (${vnDate(deadline.date)}) đã qua trước ngày ban hành văn bản ` +
          `${vnDate(doc.issuedOn)}${doc.number ? ` (số ${doc.number})` : ""}`,
        evidence: [
          quote(doc, deadline.evidence, "deadlines"),
          ...(doc.issuedOnEvidence ? [quote(doc, doc.issuedOnEvidence, "issuedOn")] : []),
          ...(task ? [quote(doc, task.evidence, "tasks")] : []),
        ],
        values: { deadline: deadline.date, issuedOn: doc.issuedOn },
      });
    }
  }
  return flags;
}
