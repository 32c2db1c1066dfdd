import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Deadline, Task } from "../schemas/index.js";
import { type FoundDeadline, findDeadlines } from "./deadline-find.js";
import { defineExtractor } from "./define.js";
import { evidenceAt, trimSpan } from "./evidence.js";
import { criterionContexts } from "./tasks-criteria.js";
import type { TaskDraft } from "./tasks-draft.js";
import { type Paragraph, paragraphs } from "./tasks-lines.js";
import { sentenceTasks, slotTasks } from "./tasks-prose.js";
import { sectionTasks } from "./tasks-sections.js";
import { tableTasks } from "./tasks-table.js";

/**
 * The tasks and solutions of a plan, each with who leads it, who helps, by when, what it yields and
 * which criterion it serves. Four readers, each taking the paragraphs the ones before it left:
 * labelled blocks (tasks-prose.ts), role sections (tasks-sections.ts), assignment sentences
 * (tasks-prose.ts), and task tables (tasks-table.ts). Role names are canonical (role-match.ts); the
 * deadline is the deadlines extractor's reading of the task's own slot, cell or text.
 */

/** Every task draft of a document, in text order, with its deadline (for the roles extractor too). */
export function taskDrafts(doc: NormalisedDocument): (TaskDraft & { deadline: Deadline | null })[] {
  const paras = paragraphs(doc);
  const deadlines = findDeadlines(doc, paras);
  const contexts = criterionContexts(doc, paras);
  const consumed = new Set<number>();
  const prose = [
    ...slotTasks(doc, paras, consumed),
    ...sectionTasks(doc, paras, consumed),
    ...sentenceTasks(doc, paras, consumed),
  ];
  for (const t of prose) t.criterion = contexts[paragraphAt(paras, t.start)] ?? null;
  return [...prose, ...tableTasks(doc)]
    .sort((a, b) => a.start - b.start)
    .map((t) => ({ ...t, deadline: deadlineOf(t, deadlines) }));
}

/** The index of the paragraph holding offset `at` (the last one starting at or before it). */
function paragraphAt(paras: readonly Paragraph[], at: number): number {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((paras[mid]?.start ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A task's deadline: the one its time slot or cell sets, else the best one written inside its own
 * text (a dated one first), else null.
 */
function deadlineOf(t: TaskDraft, deadlines: readonly FoundDeadline[]): Deadline | null {
  const at = t.deadlineAt;
  const own = at
    ? deadlines.find((d) => d.context.start >= at.start && d.context.end <= at.end && d.source !== "inline")
    : undefined;
  const inside = deadlines.filter((d) => d.evidence.start >= t.start && d.evidence.end <= t.end);
  const chosen = own ?? inside.find((d) => d.date !== null) ?? inside[0];
  if (!chosen) return null;
  const { text, kind, date, evidence } = chosen;
  return { text, kind, date, evidence };
}

/** The contract's Task from a draft. */
function toTask(doc: NormalisedDocument, t: TaskDraft & { deadline: Deadline | null }): Task {
  const [s, e] = trimSpan(doc.text, t.start, t.end);
  return {
    text: t.text,
    criterion: t.criterion,
    lead: t.lead.map((r) => r.name),
    support: t.support.map((r) => r.name),
    deadline: t.deadline,
    outputs: t.outputs,
    evidence: evidenceAt(doc, s, e),
  };
}

/** The tasks extractor. */
export const tasksExtractor = defineExtractor<Task[]>({ id: "tasks", fallback: () => [] }, (doc) =>
  taskDrafts(doc)
    .filter((t) => t.text !== "" && (t.lead.length > 0 || t.deadline !== null))
    .map((t) => toTask(doc, t)),
);

/** The tasks of a document (the extractor's bare function). */
export const extractTasks = tasksExtractor.extract;
