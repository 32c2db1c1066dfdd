import { describe, expect, it } from "vitest";
import { type TableRow, tableRows } from "../extractors/lib/table-rows.js";
import { docFromText, docsWithTable, gridTable } from "../extractors/test-doc.js";
import { writeTable } from "../pipeline/tables/text.js";

/**
 * tableRows over a document with a table model (extractors/lib/table-model-rows.ts): rows of the
 * model where it is, the text elsewhere. What the extractors make of it: table-rows-model-facts.test.ts.
 */

/** Rows without their model bookkeeping, for comparing with the text reading. */
const plain = (rows: TableRow[]) =>
  rows.map((r) => ({
    table: r.table,
    start: r.start,
    end: r.end,
    cells: r.cells.map(({ text, start, end }) => ({ text, start, end })),
  }));

const HEADER = ["TT", "Tiêu chí", "Nội dung", "Điểm trừ", "Lý do"];

describe("tableRows with a table model", () => {
  it("repeats a vertically merged cell in every row it covers, citing the real cell", () => {
    const { model } = docsWithTable({
      before: "Các nội dung bị trừ điểm:",
      grid: [
        HEADER,
        ["1", "Tiêu chí 2", "Nội dung 1: Ban hành văn bản", "3,00", "Chậm triển khai"],
        ["2", "", "Nội dung 2: Phòng, chống tham nhũng", "1,50", ""],
        ["3", "", "Nội dung 4: Kê khai tài sản", "0,50", ""],
      ],
      merges: [
        { row: 1, col: 1, rowSpan: 3 },
        { row: 2, col: 4, rowSpan: 2 },
      ],
    });
    const rows = tableRows(model);
    const merged = rows[1]?.cells[1];
    expect(merged).toMatchObject({ text: "Tiêu chí 2" });
    expect(rows[3]?.cells[1]).toEqual({ ...merged, carried: true });
    expect(rows[2]?.cells[1]).toEqual({ ...merged, carried: true });
    expect(rows[1]?.cells[1]?.carried).toBeUndefined();
    // Every row keeps its own line; only the carried cell lies above it.
    for (const row of rows) expect(model.text.slice(row.start, row.end)).not.toContain("\n");
  });

  it("reads lines outside the model as text, numbering every table in text order", () => {
    const first = writeTable(
      gridTable([
        ["A", "B"],
        ["1", "2"],
      ]),
      0,
    );
    const text = `${first.text}\nMột đoạn văn giữa hai bảng.\nC\tD\n3\t4`;
    const rows = tableRows(docFromText(text, [first.table]));
    expect(rows.map((r) => [r.table, r.grid !== undefined, r.cells.map((c) => c.text).join("|")])).toEqual([
      [0, true, "A|B"],
      [0, true, "1|2"],
      [1, false, "C|D"],
      [1, false, "3|4"],
    ]);
  });

  it("leaves a table it cannot place on the text to the text reading", () => {
    const { model, text } = docsWithTable({
      before: "Kết quả:",
      grid: [
        ["TT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Tổng điểm", "Xếp loại"],
        ["1", "xã An Bình", "98,00", "96,50", "96,50", "Hoàn thành"],
      ],
    });
    const broken = structuredClone(model.tables ?? []);
    const cell = broken[0]?.cells[0];
    if (cell?.span) cell.span = { start: cell.span.start - 3, end: cell.span.end }; // runs over a line break
    const rows = tableRows({ ...model, tables: broken });
    expect(rows.every((r) => r.grid === undefined)).toBe(true);
    expect(plain(rows)).toEqual(plain(tableRows(text)));
    // A one-column "table" (a framed paragraph) is no table either.
    const framed = writeTable(gridTable([["Ghi chú: số liệu tạm tính"]]), 0);
    expect(tableRows(docFromText(framed.text, [framed.table]))).toEqual([]);
  });
});
