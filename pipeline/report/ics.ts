/**
 * `<out>/deadlines.ics`: each dated deadline as an all-day event per role that leads its task (a
 * deadline nobody leads goes under the "unassigned" role), so each civil servant can import their
 * own deadlines into a calendar (RFC 5545).
 *
 * The format's rules that matter here: CRLF line endings; lines longer than 75 octets folded with
 * CRLF + one space, never inside a UTF-8 sequence (Vietnamese letters take 2–3 octets); TEXT
 * values escape `\`, `;`, `,` and newlines; control characters other than TAB are not allowed.
 */
import { createHash } from "node:crypto";
import type { RoleDeadlines, RoleTask } from "./deadlines.js";
import { vnDate } from "./labels.js";

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\r\n?|\n|\f|\v|\u2028|\u2029/g, "\n")
    .replace(/[^\P{Cc}\t\n]/gu, " ") // control characters other than TAB are not allowed
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** Folds one content line to 75 octets per physical line, splitting between code points. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // continuation lines start with one space, which counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** "2025-11-01" → "20251101". */
function icsDate(iso: string): string {
  return iso.replace(/-/g, "");
}

/** The day after an ISO day (DTEND of an all-day event is exclusive). */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A UTC timestamp "20261122T052903Z". */
function icsStamp(moment: Date): string {
  return `${moment.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** Stable across rebuilds: the same task (file, document, span) and role give the same UID. */
export function eventUid(taskId: string, roleKey: string): string {
  return `${createHash("sha256").update(`${taskId}\u0000${roleKey}`).digest("hex").slice(0, 32)}@kehoach`;
}

/** The task's text on one line, cut to `max` characters at a word boundary. */
function shortText(text: string, max: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

/** One calendar event: what it says, before serialisation (also what tests compare with). */
export interface CalendarEvent {
  uid: string;
  date: string;
  role: string;
  summary: string;
  description: string;
}

/** The events of the role lists: one per dated task and leading role. */
export function calendarEvents(lists: readonly RoleDeadlines[]): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const list of lists) {
    for (const t of list.tasks) {
      if (t.duty !== "lead" || t.date === null) continue;
      const who = list.unit ? `${list.role} · ${list.unit}` : list.role;
      events.push({
        uid: eventUid(t.taskId, list.roleKey),
        date: t.date,
        role: list.role,
        summary: `[${who}] ${shortText(t.text, 120)}`,
        description: describe(t, list),
      });
    }
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid.localeCompare(b.uid)));
}

function describe(t: RoleTask, list: RoleDeadlines): string {
  const e = t.entry;
  const doc = [
    e.source,
    t.documentNumber ? `số ${t.documentNumber}` : null,
    t.issuedOn ? `ngày ${vnDate(t.issuedOn)}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const lines = [
    `${e.task ? "Nhiệm vụ" : "Nội dung"}: ${t.text}`,
    `Thời hạn ghi trong văn bản: ${e.deadline.text}`,
    `Văn bản: ${doc}`,
    list.unit ? `Đơn vị: ${list.unit}` : null,
    `Chủ trì: ${e.lead.length > 0 ? e.lead.join("; ") : "chưa rõ"}`,
    e.support.length > 0 ? `Phối hợp: ${e.support.join("; ")}` : null,
    t.pastAtIssue ? "Lưu ý: thời hạn này đã qua trước ngày ban hành văn bản." : null,
  ];
  return lines.filter((l): l is string => l !== null).join("\n");
}

/** Options of {@link deadlinesIcs}. */
export interface IcsOptions {
  /** DTSTAMP of every event (default: now). */
  now?: Date;
}

/** The whole calendar file. */
export function deadlinesIcs(lists: readonly RoleDeadlines[], options: IcsOptions = {}): string {
  const stamp = icsStamp(options.now ?? new Date());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//kehoach//Thoi han nhiem vu//VI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeIcsText("Thời hạn nhiệm vụ theo kế hoạch")}`,
  ];
  for (const e of calendarEvents(lists)) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(e.date))}`,
      `SUMMARY:${escapeIcsText(e.summary)}`,
      `DESCRIPTION:${escapeIcsText(e.description)}`,
      `CATEGORIES:${escapeIcsText(e.role)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}
