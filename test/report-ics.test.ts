/**
 * deadlines.ics: RFC 5545 layout checked by hand (CRLF, 75-octet folding on UTF-8 boundaries,
 * TEXT escaping), and its content checked by an independent parser (ical.js): one all-day event
 * per dated deadline and leading role, with the right dates, roles and texts.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  calendarEvents,
  deadlinesIcs,
  escapeIcsText,
  foldIcsLine,
  roleDeadlines,
  UNASSIGNED_ROLE,
} from "../pipeline/report/index.js";
import type { ScoreDeadline, Scores } from "../schemas/index.js";
import { buildFixtureReport, emptyScores, FIXED_NOW, HOSTILE } from "./report-helpers.js";

interface Parsed {
  uid: string;
  start: string;
  end: string;
  isDate: boolean;
  summary: string;
  description: string;
  categories: string[];
  stamp: string;
}

/** Parses a calendar with ical.js (not our code) into plain values. */
function parseIcs(text: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      isDate: e.startDate.isDate,
      summary: e.summary,
      description: e.description,
      categories: (v.getFirstProperty("categories")?.getValues() ?? []).map(String),
      stamp: String(v.getFirstPropertyValue("dtstamp")),
    };
  });
}

describe("TEXT escaping and line folding", () => {
  it("escapes backslash, semicolon, comma and newlines, and drops control characters", () => {
    expect(escapeIcsText("a,b;c\\d\ne\r\nf\fg\u0007h\ti")).toBe("a\\,b\\;c\\\\d\\ne\\nf\\ng h\ti");
  });

  it("folds at 75 octets without splitting a UTF-8 sequence, and unfolds to the same line", () => {
    const line = `SUMMARY:${"Ủy ban nhân dân xã Nghĩa Kỳ – Công chức Văn phòng – Thống kê; ".repeat(6)}`;
    const folded = foldIcsLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(5);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const [i, p] of physical.entries()) {
      const bytes = Buffer.from(p, "utf8");
      expect(bytes.length).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(" ")).toBe(true);
      expect(decoder.decode(bytes)).toBe(p);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("leaves a short line alone", () => {
    expect(foldIcsLine("BEGIN:VEVENT")).toBe("BEGIN:VEVENT");
  });
});

describe("deadlines.ics of the fixtures", () => {
  let ics = "";
  let scores: Scores;
  let out = "";

  beforeAll(async () => {
    const built = await buildFixtureReport();
    out = built.out;
    scores = built.scores;
    ics = readFileSync(join(out, "deadlines.ics"), "utf8");
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("uses CRLF line endings only, and no physical line longer than 75 octets", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("parses with ical.js into one all-day event per dated deadline and leading role", () => {
    const events = parseIcs(ics);
    const dated = scores.deadlines.filter((d) => d.deadline.date !== null);
    const expected = dated.reduce((n, d) => n + Math.max(1, d.lead.length), 0);
    expect(events).toHaveLength(expected);
    expect(events.map((e) => e.start)).toEqual(["2025-01-15", "2025-06-30", "2025-09-30", "2025-12-31"]);
    for (const e of events) {
      expect(e.isDate).toBe(true);
      const next = new Date(`${e.start}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(e.end).toBe(next.toISOString().slice(0, 10));
      expect(e.stamp).toBe("2025-06-01T03:04:05Z");
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("says who, what and from which document, in Vietnamese, with the role as category", () => {
    const events = parseIcs(ics);
    const first = events[0];
    expect(first?.categories).toEqual(["Công chức Văn phòng – Thống kê"]);
    expect(first?.summary).toBe(
      "[Công chức Văn phòng – Thống kê · Đức Tân] 3. Gửi báo cáo tự chấm điểm năm 2024 về Phòng Nội vụ huyện.",
    );
    expect(first?.description).toContain("Thời hạn ghi trong văn bản: trước ngày 15/01/2025");
    expect(first?.description).toContain(
      "Văn bản: duc-tan/ke-hoach-2025.docx, số 12/KH-UBND, ngày 18/02/2025",
    );
    expect(first?.description).toContain("đã qua trước ngày ban hành");
    // What ical.js reads back is exactly what was meant, commas, quotes and newlines included.
    const meant = calendarEvents(roleDeadlines(scores));
    expect(events.map((e) => [e.uid, e.summary, e.description])).toEqual(
      meant.map((e) => [e.uid, e.summary, e.description]),
    );
  });

  it("keeps hostile text as plain text", () => {
    const hostile = parseIcs(ics).find((e) => e.start === "2025-12-31");
    expect(hostile?.categories).toEqual([HOSTILE.role]);
    expect(hostile?.summary).toContain(HOSTILE.unit);
    expect(hostile?.description).toContain(HOSTILE.source);
  });

  it("gives the same UIDs when rebuilt later", async () => {
    const again = await buildFixtureReport(undefined, new Date("2026-01-01T00:00:00Z"));
    const uids = (s: string) => parseIcs(s).map((e) => e.uid);
    expect(uids(readFileSync(join(again.out, "deadlines.ics"), "utf8"))).toEqual(uids(ics));
    rmSync(again.out, { recursive: true, force: true });
  });
});

describe("events from hand-made deadlines", () => {
  const entry = (patch: Partial<ScoreDeadline>): ScoreDeadline => ({
    unit: "Ba Tơ",
    key: "ba to",
    year: 2025,
    source: "ba-to/kh.pdf",
    document: 0,
    task: "Rà soát, báo cáo; tổng hợp \\ gửi huyện",
    criterion: null,
    lead: ["Công chức, người hoạt động không chuyên trách; KCT"],
    support: [],
    deadline: { text: "trước ngày 01/11/2025", kind: "by_date", date: "2025-11-01" },
    pastAtIssue: false,
    evidence: [
      { source: "ba-to/kh.pdf", document: 0, fact: "deadlines", page: 1, start: 10, end: 31, text: "x" },
    ],
    ...patch,
  });

  it("escapes commas and semicolons in roles and texts so they survive a parser", () => {
    const scores = emptyScores({ deadlines: [entry({})] });
    const [e] = parseIcs(deadlinesIcs(roleDeadlines(scores), { now: FIXED_NOW }));
    expect(e?.categories).toEqual(["Công chức, người hoạt động không chuyên trách; KCT"]);
    expect(e?.summary).toBe(
      "[Công chức, người hoạt động không chuyên trách; KCT · Ba Tơ] Rà soát, báo cáo; tổng hợp \\ gửi huyện",
    );
  });

  it("skips undated and invalid dates, and files deadlines nobody leads under the unassigned role", () => {
    const scores = emptyScores({
      deadlines: [
        entry({ deadline: { text: "Thường xuyên", kind: "continuous", date: null } }),
        entry({ deadline: { text: "trước ngày 31/02/2025", kind: "by_date", date: "2025-02-31" } }),
        entry({ lead: [], task: null }),
      ],
    });
    const events = parseIcs(deadlinesIcs(roleDeadlines(scores), { now: FIXED_NOW }));
    expect(events).toHaveLength(1);
    expect(events[0]?.categories).toEqual([UNASSIGNED_ROLE]);
    expect(events[0]?.start).toBe("2025-11-01");
  });

  it("writes a valid empty calendar when there is no deadline", () => {
    const text = deadlinesIcs([], { now: FIXED_NOW });
    expect(parseIcs(text)).toEqual([]);
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  });
});
