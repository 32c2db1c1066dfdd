import { describe, expect, it } from "vitest";
import { scoreTable, tableGrid } from "../pipeline/tables/compare.js";
import { cellLine, writeTable } from "../pipeline/tables/text.js";
import { Table } from "../schemas/table.js";

const cell = (row: number, col: number, text: string, rowSpan = 1, colSpan = 1) => ({
  row,
  col,
  rowSpan,
  colSpan,
  text,
  confidence: text === "" ? null : 0.9,
});

/** A deductions table: "Tiêu chí 2" over two rows, "Tổng cộng" over three columns, an empty last row. */
const deductions: Table = {
  page: 2,
  rows: 5,
  cols: 4,
  source: "ocr-grid",
  cells: [
    cell(0, 0, "TT"),
    cell(0, 1, "Tiêu chí"),
    cell(0, 2, "Điểm trừ"),
    cell(0, 3, "Lý do"),
    cell(1, 0, "1"),
    cell(1, 1, "Tiêu chí 2", 2),
    cell(1, 2, "1,50"),
    cell(1, 3, "Chậm kê khai\ntài sản"),
    cell(2, 0, "2"),
    cell(2, 2, "0,25"),
    cell(2, 3, "Có 01 hồ sơ\ttrễ hẹn"),
    cell(3, 0, "Tổng cộng", 1, 3),
    cell(3, 3, ""),
    cell(4, 0, ""),
    cell(4, 1, ""),
    cell(4, 2, ""),
    cell(4, 3, ""),
  ],
};

describe("writeTable", () => {
  it("writes one row per line, cells by tabs, merged cells at their top-left and empty rows left out", () => {
    expect(writeTable(deductions).text).toBe(
      [
        "TT\tTiêu chí\tĐiểm trừ\tLý do",
        "1\tTiêu chí 2\t1,50\tChậm kê khai tài sản",
        "2\t\t0,25\tCó 01 hồ sơ trễ hẹn",
        "Tổng cộng\t\t\t",
      ].join("\n"),
    );
  });

  it("gives every written cell its span in the page text, counted from the table's offset", () => {
    const page = `PHỤ LỤC\n\n${writeTable(deductions).text}\n\nGhi chú`;
    const { table } = writeTable(deductions, "PHỤ LỤC\n\n".length);
    for (const c of table.cells) {
      if (c.row === 4) expect(c.span).toBeUndefined();
      else expect(page.slice(c.span?.start, c.span?.end)).toBe(c.text);
    }
    expect(page.slice(table.span?.start, table.span?.end)).toBe(writeTable(deductions).text);
    expect(table.cells.find((c) => c.row === 1 && c.col === 3)?.text).toBe("Chậm kê khai tài sản");
  });

  it("produces a table the shared schema accepts, as plain JSON", () => {
    const { table } = writeTable(deductions, 10);
    expect(Table.parse(JSON.parse(JSON.stringify(table)))).toEqual(table);
  });

  it("puts a cell's lines on one line", () => {
    expect(cellLine("  Hoàn thành\n xuất sắc\tnhiệm vụ ")).toBe("Hoàn thành xuất sắc nhiệm vụ");
  });
});

describe("scoreTable", () => {
  it("compares cell by cell after normalisation, counting numbers, shape and merged cells", () => {
    const truth = {
      rows: 5,
      cols: 4,
      cells: tableGrid(deductions).map((row) => row.map((text) => text.replace(/\s+/gu, " "))),
      merges: [
        { row: 1, col: 1, rowSpan: 2, colSpan: 1 },
        { row: 3, col: 0, rowSpan: 1, colSpan: 3 },
      ],
    };
    truth.cells[2] = ["2", "", "1,25", "Có 01 hồ sơ trễ hẹn"];
    const score = scoreTable(deductions, truth, (text) => text);
    expect(score).toMatchObject({
      shapeExact: true,
      mergesExact: true,
      cells: 20,
      exact: 19,
      numeric: 4,
      numericExact: 3,
    });
    expect(score.misses).toEqual([{ row: 2, col: 2, want: "1,25", got: "0,25" }]);
  });
});
