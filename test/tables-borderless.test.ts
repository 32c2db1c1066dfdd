import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  fixtureImage,
  type TableFixture,
  tableFixtures,
  truthTables,
  truthText,
} from "../bench/table-fixtures.js";
import type { InkMask } from "../pipeline/ocr/binarise.js";
import { columnGrid } from "../pipeline/ocr/columns-grid.js";
import { createOcrEngine } from "../pipeline/ocr/engine.js";
import { findColumnTables, type OcrLine, type OcrWord, splitLines } from "../pipeline/ocr/layout.js";
import { textSkew } from "../pipeline/ocr/text-skew.js";
import { scoreTable } from "../pipeline/tables/compare.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import { Table } from "../schemas/table.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const normalise = (text: string) => normaliseVi(text).text;

/** Words of `text` laid out from `x` at `y`: 14 px per character, 10 px spaces, 30 px tall. */
function words(x: number, y: number, text: string): OcrWord[] {
  let at = x;
  return text.split(" ").map((word) => {
    const box = { x0: at, y0: y, x1: at + word.length * 14, y1: y + 30 };
    at = box.x1 + 10;
    return { text: word, box };
  });
}

/** One OCR line (a paragraph of its own) holding the words of several pieces at one height. */
function line(paragraph: number, y: number, ...pieces: [number, string][]): OcrLine {
  const all = pieces.flatMap(([x, text]) => words(x, y, text));
  const box = {
    x0: Math.min(...all.map((w) => w.box.x0)),
    y0: y,
    x1: Math.max(...all.map((w) => w.box.x1)),
    y1: y + 30,
  };
  return { paragraph, words: all, box };
}

const PROSE =
  "Để triển khai thực hiện có hiệu quả công tác dân vận chính quyền năm 2025, Ủy ban nhân dân xã phân công";

/**
 * A task list without rules as whole-page OCR reads it: the prose above and below, the header,
 * and three rows whose numbers ("1", "2", "3") OCR dropped, tasks and units wrapped over two lines.
 */
const TASKS: OcrLine[] = [
  line(0, 100, [150, PROSE]),
  line(1, 140, [150, "TT"], [300, "Nội dung công việc"], [800, "Chủ trì"], [1100, "Thời hạn"]),
  line(2, 200, [300, "Xây dựng kế hoạch"], [800, "Văn phòng"], [1100, "Quý I/2025"]),
  line(2, 238, [300, "triển khai"], [800, "UBND xã"]),
  line(3, 296, [300, "Tuyên truyền"], [800, "Công an xã"], [1100, "Hằng tháng"]),
  line(4, 354, [300, "Tổng kết"], [800, "Văn phòng"], [1100, "Tháng 12"]),
  line(4, 392, [300, "năm 2025"]),
  line(5, 450, [150, PROSE]),
];

/** A page mask with ink wherever `lines` have words, and marks OCR dropped (numbers) at `[x, y]`. */
function inkOf(lines: OcrLine[], marks: [number, number][] = []): InkMask {
  const mask: InkMask = { width: 1600, height: 600, data: new Uint8Array(1600 * 600) };
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) mask.data.fill(1, y * mask.width + x0, y * mask.width + x1);
  };
  for (const { words: ws } of lines) for (const { box } of ws) ink(box.x0, box.y0 + 3, box.x1, box.y1 - 3);
  for (const [x, y] of marks) ink(x, y + 3, x + 14, y + 27);
  return mask;
}

/** The task list's numbers, which OCR dropped. */
const NUMBERS: [number, number][] = [
  [158, 200],
  [158, 296],
  [158, 354],
];

describe("borderless tables among the words of a page", () => {
  it("finds the table between the prose above and below, its columns from the gutters its rows leave white", () => {
    const { tables } = findColumnTables(splitLines(TASKS));
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table?.columns).toHaveLength(4);
    expect(table?.rows.map((row) => row.map((item) => item.text).join(" | "))).toEqual([
      "TT | Nội dung công việc | Chủ trì | Thời hạn",
      "Xây dựng kế hoạch | Văn phòng | Quý I/2025",
      "triển khai | UBND xã",
      "Tuyên truyền | Công an xã | Hằng tháng",
      "Tổng kết | Văn phòng | Tháng 12",
      "năm 2025",
    ]);
  });

  it("finds none in two-column headers, signature blocks and justified prose", () => {
    const lines = [
      line(0, 100, [200, "ỦY BAN NHÂN DÂN"], [800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
      line(0, 135, [210, "XÃ NGHĨA KỲ"], [860, "Độc lập - Tự do - Hạnh phúc"]),
      line(1, 200, [200, "Số: /KH-UBND"], [850, "Nghĩa Kỳ, ngày tháng 3 năm 2025"]),
      // Justified prose: spaces stretched to half a line height.
      line(2, 300, [150, "Thực hiện  Kế hoạch  số 53/KH-UBND  ngày 23/3/2022  của UBND"]),
      line(3, 400, [150, "Nơi nhận:"], [900, "TM. ỦY BAN NHÂN DÂN"]),
      line(3, 435, [150, "- Như trên;"], [950, "CHỦ TỊCH"]),
      line(3, 470, [150, "- Lưu: VT."]),
    ];
    expect(findColumnTables(splitLines(lines)).tables).toEqual([]);
  });
});

describe("the grid of a borderless table from the ink around its words", () => {
  it("gives every numbered line a row, keeps wrapped cells in their row and cuts between rows", () => {
    const { tables, lineHeight } = findColumnTables(splitLines(TASKS));
    const table = tables[0] as NonNullable<(typeof tables)[0]>;
    const grid = columnGrid(inkOf(TASKS, NUMBERS), table, lineHeight, [120, 450]);
    expect(grid).toMatchObject({ rows: 4, cols: 4 });
    const rowOf = (y: number) =>
      grid?.cells.find((cell) => cell.col === 1 && cell.quad[0].y <= y && cell.quad[3].y > y)?.row;
    // The header, then each task with its wrapped second line, in the row of its number.
    expect([150, 210, 250, 310, 364, 402].map(rowOf)).toEqual([0, 1, 1, 2, 3, 3]);
  });

  it("adds a column of numbers OCR dropped beside the words, header included", () => {
    const lines = TASKS.map((l) => ({ ...l, words: l.words.filter((w) => w.text !== "TT") }));
    // The numbers stand nearer the tasks, with no header over them.
    const mask = inkOf(lines, [
      [240, 200],
      [240, 296],
      [240, 354],
    ]);
    const { tables, lineHeight } = findColumnTables(splitLines(lines));
    const table = tables[0] as NonNullable<(typeof tables)[0]>;
    expect(table.columns).toHaveLength(3);
    const grid = columnGrid(mask, table, lineHeight, [120, 450]);
    // Four columns; the header row has no number but lines of its own above the first one.
    expect(grid).toMatchObject({ rows: 4, cols: 4 });
  });

  it("keeps a unit's name wrapped in the first column in its row", () => {
    const lines = [
      line(0, 60, [150, PROSE]),
      line(1, 120, [150, "Đơn vị"], [700, "Điểm"], [1000, "Xếp loại"]),
      line(2, 180, [150, "Phòng Nội vụ"], [700, "97,50"], [1000, "Hoàn thành xuất sắc"]),
      line(2, 218, [1000, "nhiệm vụ"]),
      line(3, 276, [150, "Văn phòng HĐND"], [700, "96,00"], [1000, "Hoàn thành tốt"]),
      line(3, 314, [150, "và UBND huyện"]),
      line(4, 372, [150, "Phòng Tư pháp"], [700, "95,50"], [1000, "Hoàn thành"]),
      line(5, 450, [150, PROSE]),
    ];
    const { tables, lineHeight } = findColumnTables(splitLines(lines));
    const table = tables[0] as NonNullable<(typeof tables)[0]>;
    const grid = columnGrid(inkOf(lines), table, lineHeight, [90, 450]);
    expect(grid).toMatchObject({ rows: 4, cols: 3 });
    const rowOf = (y: number) =>
      grid?.cells.find((cell) => cell.col === 0 && cell.quad[0].y <= y && cell.quad[3].y > y)?.row;
    expect([130, 190, 228, 286, 324, 382].map(rowOf)).toEqual([0, 1, 1, 2, 2, 3]);
  });
});

describe("textSkew", () => {
  it("finds the tilt of text lines either way", () => {
    for (const degrees of [1.2, -0.8, 0]) {
      const mask: InkMask = { width: 1400, height: 900, data: new Uint8Array(1400 * 900) };
      const slope = Math.tan((degrees * Math.PI) / 180);
      for (let base = 100; base < 800; base += 45) {
        for (let x = 50; x < 1350; x++) {
          if (x % 40 > 30) continue; // gaps between words
          const top = Math.round(base + x * slope);
          for (let y = top; y < top + 22; y++) mask.data[y * 1400 + x] = 1;
        }
      }
      expect(Math.abs(textSkew(mask) - degrees)).toBeLessThanOrEqual(0.1);
    }
  });
});

// OCR: the rendered fixtures (fixtures/tables/borderless, `node fixtures/make/make-tables.mjs`).
// Measured (bench/tables.ts --only=borderless): 49/50 cells on both task-list scans, 49–50/50 on
// the results list, every number exact; the thresholds leave a margin below.
describe("borderless tables in scans read cell by cell", () => {
  const engine = createOcrEngine({ workers: 2 });
  afterAll(() => engine.terminate());

  function fixture(file: string): TableFixture {
    const found = tableFixtures().find((f) => f.file === file);
    if (!found) throw new Error(`${file} is not in fixtures/tables/manifest.json`);
    return found;
  }
  async function read(f: TableFixture) {
    const { image, dpi } = await fixtureImage(f);
    return engine.recognise(image, { ...(dpi ? { dpi } : {}), pageNumber: f.page });
  }

  it("reads a task list from a skewed, noisy 200 dpi scan: its shape, its cells, the prose around it", async () => {
    const f = fixture("tables/borderless/tasks/scan-200-noisy.pdf");
    expect(f.kind).toBe("borderless");
    const result = await read(f);
    expect(result.tables).toHaveLength(1);
    const table = Table.parse(result.tables?.[0]);
    expect(table).toMatchObject({ source: "ocr-columns", page: 1, rows: 10, cols: 5 });
    const score = scoreTable(
      table,
      truthTables(f)[0] as NonNullable<ReturnType<typeof truthTables>[0]>,
      normalise,
    );
    expect(score.shapeExact).toBe(true);
    expect(score.exact / score.cells).toBeGreaterThanOrEqual(0.94);
    for (const cell of table.cells) {
      if (cell.span) expect(result.text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
    }
    // The wrapped task is one cell, in its row, under its number.
    expect(result.text).toMatch(
      /^2\tTuyên truyền, phổ biến Quy chế dân chủ ở cơ sở trên hệ thống truyền thanh xã\t/mu,
    );
    // The paragraphs above and below stay prose: no tab in them, in their places.
    const text = normalise(result.text);
    const above = text.indexOf("như sau:");
    const header = text.indexOf("STT\tNội dung công việc\t");
    const below = text.indexOf("Các cơ quan, đơn vị được giao chủ trì");
    expect([above >= 0, header > above, below > header]).toEqual([true, true, true]);
    expect(text.slice(below).split("\n")[0]).not.toContain("\t");
  });

  it("keeps the scores of a results list exact, separators included", async () => {
    const f = fixture("tables/borderless/results/scan-300.pdf");
    const result = await read(f);
    const [table] = result.tables ?? [];
    const score = scoreTable(
      table as Table,
      truthTables(f)[0] as NonNullable<ReturnType<typeof truthTables>[0]>,
      normalise,
    );
    expect(score.shapeExact).toBe(true);
    expect(score.numeric).toBe(27);
    expect(score.numericExact).toBeGreaterThanOrEqual(26);
    expect(score.exact / score.cells).toBeGreaterThanOrEqual(0.94);
    expect(result.text).toMatch(
      /^2\tVăn phòng HĐND và UBND huyện\t96,00\t95,25\tHoàn thành xuất sắc nhiệm vụ$/mu,
    );
    expect(truthText(f)).toContain("Thanh tra huyện\t90,50\t85,00");
  });

  // Typed prose with two-column headers and signature blocks (fixtures/forms): no table may appear.
  it.each(["003-duc-pho/page-1.png", "004-pho-minh/page-2.jpg", "001-ba-vi/page-2.jpg"])(
    "finds no table on the prose page %s",
    async (file) => {
      const result = await engine.recognise(readFileSync(join(FIXTURES, "forms", file)));
      expect(result.text.length).toBeGreaterThan(500);
      expect(result.tables ?? []).toEqual([]);
      expect(result.text).not.toContain("\t");
    },
  );
});
