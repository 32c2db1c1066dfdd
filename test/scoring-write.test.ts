/**
 * `kehoach report` end to end on a temporary output folder: the fixtures laid out as
 * `<out>/documents/<folder>/<name>.json`, then scores.json (valid against the contract schema) and
 * scores.csv (UTF-8 BOM, CRLF, ";" and decimal commas by default, RFC 4180 quoting).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runReportCommand, scoresCsv } from "../pipeline/scoring/index.js";
import { Scores } from "../schemas/index.js";
import { FIXTURE_DIR } from "./scoring-fixtures.js";

/** Splits CSV text into rows of cells, following RFC 4180 quoting. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("runReportCommand", () => {
  let out = "";
  let result: Awaited<ReturnType<typeof runReportCommand>>;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "kehoach-scores-"));
    cpSync(FIXTURE_DIR, join(out, "documents"), { recursive: true });
    writeFileSync(join(out, "documents", "tu-nghia", "broken.json"), "{ not json");
    result = await runReportCommand(out);
  });

  it("writes a scores.json that the contract schema accepts", () => {
    const json = JSON.parse(readFileSync(join(out, "scores.json"), "utf8"));
    expect(Scores.safeParse(json).success).toBe(true);
    expect(json.schemaVersion).toBe(1);
    expect(json.documents).toEqual({ files: 6, documents: 6 });
    expect(json.units).toHaveLength(13);
    expect(new Set(json.flags.map((f: { kind: string }) => f.kind))).toEqual(
      new Set([
        "arithmetic",
        "classification",
        "self_gap",
        "rank",
        "over_max",
        "remediation",
        "past_deadline",
      ]),
    );
    expect(json.messages[0]).toMatchObject({ severity: "warning", source: "tu-nghia/broken" });
  });

  it("lists a ranking per year and the units × criteria table", () => {
    const s = result.scores;
    const y2023 = s.ranking.filter((r) => r.year === 2023);
    expect(y2023.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(y2023[0]).toMatchObject({ unit: "La Hà", score: 96.5, declaredRank: 1 });
    expect(s.criteriaMatrix.columns.slice(0, 3).map((c) => c.criterion)).toEqual(["1", "2", "3"]);
    const baTo = s.criteriaMatrix.rows.find((r) => r.unit === "Ba Tơ");
    expect(baTo).toMatchObject({ year: 2024, total: 10.5, lost: { "2": 5, "3": 0.5, "5": 1, "6": 4 } });
  });

  it("writes a CSV for Excel: BOM, CRLF, ';', decimal commas, errors first", () => {
    const raw = readFileSync(join(out, "scores.csv"), "utf8");
    expect(raw.startsWith("\uFEFF")).toBe(true);
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/\r(?!\n)/);
    const rows = parseCsv(raw.slice(1), ";");
    const header = rows[0] ?? [];
    expect(header.slice(0, 3)).toEqual(["Đơn vị", "Cấp", "Năm đánh giá"]);
    expect(rows).toHaveLength(14);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const col = (name: string) => header.indexOf(name);
    const baTo = rows.find((r) => r[0] === "Ba Tơ") ?? [];
    expect([baTo[col("Điểm thẩm định")], baTo[col("Tổng điểm (khai)")], baTo[col("Điểm tính lại")]]).toEqual([
      "89,50",
      "83,50",
      "83,50",
    ]);
    expect([baTo[col("Xếp hạng (khai)")], baTo[col("Trên tổng số")]]).toEqual(["12", "19"]);
    expect(baTo[col("Cấp")]).toBe("thị trấn");
    // Rows with errors come first.
    const errors = rows.slice(1).map((r) => Number(r[col("Số lỗi")]));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(errors[0]).toBeGreaterThan(0);
  });

  it("lists every deadline with its task and roles, and every document read", () => {
    const s = result.scores;
    const phoMinh = s.deadlines.filter((d) => d.unit === "Phổ Minh");
    expect(phoMinh.map((d) => [d.deadline.date, d.pastAtIssue, d.lead])).toEqual([
      ["2024-03-12", true, ["Tổ trưởng tổ dân phố"]],
      ["2024-05-20", false, ["Công chức Văn phòng – Thống kê"]],
      [null, null, []],
    ]);
    expect(phoMinh[0]?.evidence.map((e) => e.fact)).toEqual(["deadlines", "tasks"]);
    // Ba Tơ's six tasks share one deadline text but each keeps its own span.
    expect(s.deadlines.filter((d) => d.unit === "Ba Tơ" && d.deadline.date === "2025-11-01")).toHaveLength(6);
    expect(s.sources.map((x) => x.source)).toEqual([
      "an-binh/bao-cao-2025.pdf",
      "ba-to/ke-hoach-2025.txt",
      "cai-khe/bao-cao-2025.pdf",
      "nghia-ky/ke-hoach-2024.docx",
      "pho-minh/ke-hoach-2024.pdf",
      "tu-nghia/qd-95-ket-qua-2023.txt",
    ]);
    expect(s.sources[1]).toMatchObject({ kind: "KE_HOACH", unit: "Ba Tơ", year: 2025 });
  });

  it("returns a one-line summary for the terminal", () => {
    expect(result.summary).toMatch(
      /^scores: 13 unit-years from 6 files; \d+ errors, \d+ warnings, \d+ info; rubric /,
    );
  });
});

describe("scoresCsv", () => {
  const base = Scores.parse({
    schemaVersion: 1,
    rubric: { id: null, provisional: true, title: null, note: null, reason: "", scale: null, criteria: [] },
    otherRubrics: [],
    parameters: { selfGapThreshold: 5, tolerance: 0.01 },
    documents: { files: 1, documents: 1 },
    units: [
      {
        unit: '=HYPERLINK("x"); "Nghĩa"',
        key: "x",
        level: "xa",
        year: 2024,
        rubric: null,
        declared: {
          selfAssessed: 1234.5,
          assessed: null,
          extraDeduction: null,
          bonus: null,
          final: null,
          rank: null,
          rankOf: null,
          classification: null,
        },
        computed: {
          score: null,
          classification: null,
          basis: null,
          scale: null,
          deductionTotal: null,
          criterionAtZero: null,
        },
        deductionsByCriterion: {},
        sources: ["a/b.pdf"],
        flagCounts: { error: 0, warning: 0, info: 0 },
      },
    ],
    flags: [],
    ranking: [],
    criteriaMatrix: { columns: [], rows: [] },
    deadlines: [],
    sources: [],
    messages: [],
  });

  it("quotes separators and quotes, and disarms formulas", () => {
    const rows = parseCsv(scoresCsv(base).slice(1), ";");
    expect(rows[1]?.[0]).toBe('\'=HYPERLINK("x"); "Nghĩa"');
    expect(rows[1]?.[4]).toBe("1234,50");
  });

  it("writes ',' and decimal points in the rfc dialect", () => {
    const rows = parseCsv(scoresCsv(base, "rfc").slice(1), ",");
    expect(rows[1]?.[4]).toBe("1234.50");
    expect(rows[1]).toHaveLength(rows[0]?.length ?? -1);
  });
});

describe("an empty output folder", () => {
  it("writes empty but valid scores", async () => {
    const out = mkdtempSync(join(tmpdir(), "kehoach-empty-"));
    mkdirSync(join(out, "documents"));
    const r = await runReportCommand(out);
    expect(r.scores.units).toEqual([]);
    expect(r.scores.rubric.id).toBeNull();
    expect(readFileSync(join(out, "scores.csv"), "utf8").split("\r\n")).toHaveLength(2);
  });
});
