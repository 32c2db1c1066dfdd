/**
 * Per-role deadline lists: who must do what by when, from scores.json's `deadlines` (each with the
 * task and the roles that carry it). The same role is written many ways ("Văn phòng – Thống kê",
 * "Công chức Văn phòng - Thống kê"), so roles are grouped by a folded key; roles of different
 * units are different people and stay apart. A deadline no task carries is listed under
 * {@link UNASSIGNED_ROLE}, described by the line of the document it stands in.
 */
import type { ScoreDeadline, Scores } from "../../schemas/index.js";
import { fold } from "../text/fold.js";
import { type DocumentTexts, documentKey } from "./evidence-context.js";

/** How a role carries a task: "lead" (chủ trì) or "support" (phối hợp). */
export type RoleDuty = "lead" | "support";

/** The role used when no role leads the task (or the deadline has no task). */
export const UNASSIGNED_ROLE = "Chưa rõ người chủ trì";

/** One deadline as seen from one role. */
export interface RoleTask {
  /** Stable identity inside the batch: source, document index and the deadline's span. */
  taskId: string;
  entry: ScoreDeadline;
  /** The task's text, else the document line the deadline stands in, else the deadline's words. */
  text: string;
  /** ISO last day, when the deadline gives a real one. */
  date: string | null;
  duty: RoleDuty;
  /** The document's number ("45/KH-UBND") and ISO date, when read. */
  documentNumber: string | null;
  issuedOn: string | null;
  /** The date had passed on the plan's own date. */
  pastAtIssue: boolean;
}

/** One role of one unit with its deadlines, dated ones first by date. */
export interface RoleDeadlines {
  /** Display name of the unit the document belongs to (null when unknown). */
  unit: string | null;
  unitKey: string | null;
  /** Display name of the role (its most frequent spelling). */
  role: string;
  roleKey: string;
  tasks: RoleTask[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day in ISO form, else null (a garbled date must not become an event). */
export function validIsoDay(value: string | null | undefined): string | null {
  if (!value || !ISO_DAY.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

/**
 * The grouping key of a role: folded, punctuation as spaces, and a leading "công chức" dropped
 * ("Công chức Văn phòng – Thống kê" and "Văn phòng - Thống kê" are one role).
 */
export function roleKey(role: string): string {
  return fold(role)
    .replace(/[^a-z0-9&]+/g, " ")
    .trim()
    .replace(/^cong chuc /, "");
}

function cleanRole(role: string): string {
  return role
    .replace(/\s+/g, " ")
    .replace(/[\s.;:,]+$/, "")
    .trim();
}

/** The line of `text` holding [start, end), at most `max` characters (a deadline without a task). */
export function lineAround(text: string, start: number, end: number, max = 300): string | null {
  if (start < 0 || end > text.length || start >= end) return null;
  const from = Math.max(text.lastIndexOf("\n", start - 1) + 1, start - max);
  const nl = text.indexOf("\n", end);
  const to = Math.min(nl < 0 ? text.length : nl, end + max);
  const line = text.slice(from, to).replace(/\s+/g, " ").trim();
  return line === "" ? null : line;
}

function describe(entry: ScoreDeadline, texts: DocumentTexts | undefined): string {
  if (entry.task) return entry.task.replace(/\s+/g, " ").trim();
  const ev = entry.evidence.find((e) => e.fact === "deadlines") ?? entry.evidence[0];
  const text = ev && texts?.get(documentKey(ev.source, ev.document));
  return (ev && text && lineAround(text, ev.start, ev.end)) || entry.deadline.text;
}

/** Every deadline of the scores, once per role that leads or supports its task. */
export function roleDeadlines(
  scores: Pick<Scores, "deadlines" | "sources">,
  texts?: DocumentTexts,
): RoleDeadlines[] {
  const meta = new Map(scores.sources.map((s) => [documentKey(s.source, s.document), s]));
  const groups = new Map<string, RoleDeadlines & { spellings: Map<string, number> }>();
  for (const entry of scores.deadlines) {
    const ev = entry.evidence.find((e) => e.fact === "deadlines") ?? entry.evidence[0];
    const source = meta.get(documentKey(entry.source, entry.document));
    const base = {
      taskId: `${entry.source}#${entry.document}:${ev ? `${ev.start}-${ev.end}` : entry.deadline.text}`,
      entry,
      text: describe(entry, texts),
      date: validIsoDay(entry.deadline.date),
      documentNumber: source?.number ?? null,
      issuedOn: validIsoDay(source?.issuedOn),
      pastAtIssue: entry.pastAtIssue === true,
    };
    const leads = entry.lead.map(cleanRole).filter((r) => r !== "");
    const supports = entry.support.map(cleanRole).filter((r) => r !== "");
    const duties: [string, RoleDuty][] = [
      ...(leads.length > 0 ? leads : [UNASSIGNED_ROLE]).map((r): [string, RoleDuty] => [r, "lead"]),
      ...supports.map((r): [string, RoleDuty] => [r, "support"]),
    ];
    const seen = new Set<string>();
    for (const [role, duty] of duties) {
      const rk = roleKey(role) || role;
      if (seen.has(rk)) continue; // a role both leading and supporting one task is listed once
      seen.add(rk);
      const id = `${entry.key ?? ""}|${rk}`;
      let g = groups.get(id);
      if (!g) {
        g = { unit: entry.unit, unitKey: entry.key, role, roleKey: rk, tasks: [], spellings: new Map() };
        groups.set(id, g);
      }
      g.spellings.set(role, (g.spellings.get(role) ?? 0) + 1);
      g.tasks.push({ ...base, duty });
    }
  }
  return [...groups.values()]
    .map(({ spellings, ...g }) => ({
      ...g,
      role:
        [...spellings.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? g.role,
      tasks: g.tasks.sort(compareTasks),
    }))
    .sort(
      (a, b) =>
        (a.unit ?? "\uffff").localeCompare(b.unit ?? "\uffff", "vi") ||
        Number(a.role === UNASSIGNED_ROLE) - Number(b.role === UNASSIGNED_ROLE) ||
        a.role.localeCompare(b.role, "vi"),
    );
}

/** Dated deadlines first by date, then undated ones; ties keep the order of scores.json. */
function compareTasks(a: RoleTask, b: RoleTask): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}
