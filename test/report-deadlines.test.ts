/** Per-role deadline lists and quoting evidence in context (the report's two data helpers). */
import { describe, expect, it } from "vitest";
import {
  documentKey,
  lineAround,
  quoteInContext,
  roleDeadlines,
  roleKey,
  UNASSIGNED_ROLE,
} from "../pipeline/report/index.js";
import type { ScoreDeadline } from "../schemas/index.js";
import { emptyScores } from "./report-helpers.js";

let at = 0;
function entry(patch: Partial<ScoreDeadline>): ScoreDeadline {
  at += 100;
  return {
    unit: "Nghĩa Kỳ",
    key: "nghia ky",
    year: 2024,
    source: "nghia-ky/kh.docx",
    document: 0,
    task: "Nhiệm vụ",
    criterion: null,
    lead: [],
    support: [],
    deadline: { text: "trước ngày 30/6/2024", kind: "by_date", date: "2024-06-30" },
    pastAtIssue: null,
    evidence: [
      {
        source: "nghia-ky/kh.docx",
        document: 0,
        fact: "deadlines",
        page: 1,
        start: at,
        end: at + 5,
        text: "x",
      },
    ],
    ...patch,
  };
}

describe("roleKey", () => {
  it("reads one role in its spellings as one key", () => {
    const k = roleKey("Công chức Văn phòng – Thống kê");
    expect(roleKey("Văn phòng - Thống kê")).toBe(k);
    expect(roleKey("văn phòng – thống kê.")).toBe(k);
    expect(roleKey("Công chức Tư pháp – Hộ tịch")).not.toBe(k);
  });
});

describe("roleDeadlines", () => {
  it("groups per unit and role, lead and support, dated deadlines first by date", () => {
    const lists = roleDeadlines(
      emptyScores({
        deadlines: [
          entry({
            lead: ["Văn phòng - Thống kê"],
            deadline: { text: "Quý IV", kind: "quarter", date: "2024-12-31" },
          }),
          entry({ lead: ["Công chức Văn phòng – Thống kê"], support: ["Khối vận"] }),
          entry({
            lead: ["Công chức Văn phòng – Thống kê"],
            deadline: { text: "Thường xuyên", kind: "continuous", date: null },
          }),
          entry({ unit: "Ba Tơ", key: "ba to", lead: ["Công chức Văn phòng – Thống kê"] }),
        ],
      }),
    );
    expect(lists.map((l) => [l.unit, l.role, l.tasks.length])).toEqual([
      ["Ba Tơ", "Công chức Văn phòng – Thống kê", 1],
      ["Nghĩa Kỳ", "Công chức Văn phòng – Thống kê", 3],
      ["Nghĩa Kỳ", "Khối vận", 1],
    ]);
    const vp = lists[1];
    expect(vp?.tasks.map((t) => t.date)).toEqual(["2024-06-30", "2024-12-31", null]);
    expect(lists[2]?.tasks[0]?.duty).toBe("support");
  });

  it("lists a deadline nobody leads under the unassigned role, described by its document line", () => {
    const text = "I. Nhiệm vụ\nCác xã gửi báo cáo trước ngày 28/02/2024 về Phòng Nội vụ.\nII. Tổ chức";
    const start = text.indexOf("trước ngày 28/02/2024");
    const e = entry({ task: null });
    e.evidence = [
      { source: e.source, document: 0, fact: "deadlines", page: 1, start, end: start + 21, text: "x" },
    ];
    const lists = roleDeadlines(emptyScores({ deadlines: [e] }), new Map([[documentKey(e.source, 0), text]]));
    expect(lists[0]?.role).toBe(UNASSIGNED_ROLE);
    expect(lists[0]?.tasks[0]?.text).toBe("Các xã gửi báo cáo trước ngày 28/02/2024 về Phòng Nội vụ.");
  });

  it("marks deadlines past on the document's own date, and takes number and date from the sources", () => {
    const lists = roleDeadlines(
      emptyScores({
        deadlines: [entry({ lead: ["Tổ trưởng tổ dân phố"], pastAtIssue: true })],
        sources: [
          {
            source: "nghia-ky/kh.docx",
            document: 0,
            kind: "KE_HOACH",
            number: "21/KH-UBND",
            issuedOn: "2024-07-02",
            issuer: null,
            unit: "Nghĩa Kỳ",
            year: 2024,
            title: null,
          },
        ],
      }),
    );
    const t = lists[0]?.tasks[0];
    expect(t?.pastAtIssue).toBe(true);
    expect(t?.documentNumber).toBe("21/KH-UBND");
    expect(t?.issuedOn).toBe("2024-07-02");
  });
});

describe("lineAround", () => {
  it("returns the line holding a span, and null for a span outside the text", () => {
    expect(lineAround("a\nb c d\ne", 4, 5)).toBe("b c d");
    expect(lineAround("abc", 2, 9)).toBeNull();
  });
});

describe("quoteInContext", () => {
  const text = `${"Mở đầu. ".repeat(40)}Năm 2024 huyện chấm 89,50 điểm.${" Kết thúc.".repeat(40)}`;
  const start = text.indexOf("huyện chấm 89,50");
  const texts = new Map([["a.pdf#0", text]]);

  it("splits the document's text around the span, cut at words with an ellipsis", () => {
    const q = quoteInContext(
      { source: "a.pdf", document: 0, start, end: start + 16, text: "huyện chấm 89,50" },
      texts,
    );
    expect(q.located).toBe(true);
    expect(q.match).toBe("huyện chấm 89,50");
    expect(q.before.startsWith("…")).toBe(true);
    expect(q.before.endsWith("Năm 2024 ")).toBe(true);
    expect(q.after.startsWith(" điểm.")).toBe(true);
    expect(q.after.endsWith("…")).toBe(true);
    expect(q.before.length).toBeLessThanOrEqual(162);
  });

  it("finds the quote when the offsets are stale, and shows it alone when the text lacks it", () => {
    const stale = quoteInContext(
      { source: "a.pdf", document: 0, start: 0, end: 16, text: "huyện chấm 89,50" },
      texts,
    );
    expect(stale.located).toBe(true);
    expect(stale.before.endsWith("Năm 2024 ")).toBe(true);
    const absent = quoteInContext(
      { source: "a.pdf", document: 0, start, end: start + 3, text: "xyz" },
      texts,
    );
    expect(absent).toEqual({ before: "", match: "xyz", after: "", located: false });
    const noDoc = quoteInContext({ source: "b.pdf", start: 0, end: 3, text: "abc" }, texts);
    expect(noDoc.located).toBe(false);
  });
});
