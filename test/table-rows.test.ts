import { describe, expect, it } from "vitest";
import { foldedCell, tableRows } from "../extractors/lib/table-rows.js";
import { docFromText } from "../extractors/test-doc.js";

describe("tableRows", () => {
  const text = [
    "Phụ lục",
    "TT\tĐơn vị\tĐiểm tự chấm",
    "1\t xã Nghĩa Kỳ \t97,50",
    "",
    "2\tUBND xã Nghĩa Lâm\t\t",
    "Ghi chú: bảng trên",
    "A\tB",
  ].join("\n");
  const doc = docFromText(text);
  const rows = tableRows(doc);

  it("reads every tab-separated line as a row, cells trimmed, with offsets into the text", () => {
    expect(rows).toHaveLength(4);
    expect(rows[1]?.cells.map((c) => c.text)).toEqual(["1", "xã Nghĩa Kỳ", "97,50"]);
    for (const row of rows) {
      expect(text.slice(row.start, row.end)).not.toContain("\n");
      for (const cell of row.cells) expect(text.slice(cell.start, cell.end)).toBe(cell.text);
    }
  });

  it("keeps empty cells so columns line up with the header", () => {
    expect(rows[2]?.cells.map((c) => c.text)).toEqual(["2", "UBND xã Nghĩa Lâm", "", ""]);
  });

  it("groups rows into tables: blank lines continue a table, any other line ends it", () => {
    expect(rows.map((r) => r.table)).toEqual([0, 0, 0, 1]);
  });

  it("gives the folded view of a cell for keyword matching", () => {
    const cell = rows[0]?.cells[2];
    expect(cell && foldedCell(doc, cell)).toBe("diem tu cham");
  });

  it("finds nothing in text without tabs", () => {
    expect(tableRows(docFromText("Không có bảng.\nChỉ có văn bản."))).toEqual([]);
  });
});
