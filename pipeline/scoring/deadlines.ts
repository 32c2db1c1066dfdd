/**
 * Every deadline of the documents, each with the task and roles that carry it, for the report's
 * per-role lists and the .ics calendar (so neither needs to read the per-file outputs again).
 */

import type { Deadline, DeadlineKind, ScoreDeadline, ScoreSource } from "../../schemas/index.js";
import { quote } from "./flag.js";
import { compareVi } from "./format.js";
import { ownUnit } from "./group.js";
import type { ScoringDoc } from "./input.js";

/** Deadline kinds with a fixed last day ("trước ngày 12/3", "Tháng 12/2025", "Quý II"). */
export const FIXED_KINDS: ReadonlySet<DeadlineKind> = new Set([
  "by_date",
  "on_date",
  "window",
  "month",
  "quarter",
]);

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A document's deadlines, from its tasks and its deadline list, each once (by span), with its task. */
export function deadlinesOf(doc: ScoringDoc): { deadline: Deadline; taskIndex: number | null }[] {
  const seen = new Set<string>();
  const out: { deadline: Deadline; taskIndex: number | null }[] = [];
  const add = (deadline: Deadline, taskIndex: number | null) => {
    const k = `${deadline.evidence.start}-${deadline.evidence.end}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ deadline, taskIndex });
  };
  doc.tasks.forEach((t, i) => {
    if (t.deadline) add(t.deadline, i);
  });
  for (const d of doc.deadlines) add(d, null);
  return out;
}

/** Whether a deadline with a fixed end had passed on the document's issue date; null when unknown. */
export function pastAtIssue(doc: ScoringDoc, deadline: Deadline): boolean | null {
  if (!doc.issuedOn || !ISO.test(doc.issuedOn) || !FIXED_KINDS.has(deadline.kind)) return null;
  if (!deadline.date || !ISO.test(deadline.date)) return null;
  return deadline.date < doc.issuedOn;
}

/** The deadline entries of all documents, by date (undated last), then unit and position. */
export function deadlineEntries(docs: readonly ScoringDoc[]): ScoreDeadline[] {
  const out: (ScoreDeadline & { at: number })[] = [];
  for (const doc of docs) {
    const own = ownUnit(doc);
    for (const { deadline, taskIndex } of deadlinesOf(doc)) {
      const task = taskIndex === null ? null : (doc.tasks[taskIndex] ?? null);
      out.push({
        unit: own?.unit ?? null,
        key: own?.key ?? null,
        year: doc.year,
        source: doc.source,
        document: doc.document,
        task: task?.text ?? null,
        criterion: task?.criterion ?? null,
        lead: task?.lead ?? [],
        support: task?.support ?? [],
        deadline: { text: deadline.text, kind: deadline.kind, date: deadline.date },
        pastAtIssue: pastAtIssue(doc, deadline),
        evidence: [
          quote(doc, deadline.evidence, "deadlines"),
          ...(task ? [quote(doc, task.evidence, "tasks")] : []),
        ],
        at: deadline.evidence.start,
      });
    }
  }
  out.sort(
    (a, b) =>
      (a.deadline.date ?? "9999").localeCompare(b.deadline.date ?? "9999") ||
      compareVi(a.unit ?? "", b.unit ?? "") ||
      a.source.localeCompare(b.source) ||
      a.at - b.at,
  );
  return out.map(({ at, ...d }) => d);
}

/** The documents read, as a report lists them. */
export function sourcesOf(docs: readonly ScoringDoc[]): ScoreSource[] {
  return docs.map((d) => ({
    source: d.source,
    document: d.document,
    kind: d.kind,
    number: d.number,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    unit: ownUnit(d)?.unit ?? null,
    year: d.year,
    title: d.title,
  }));
}
