import { describe, expect, it } from "vitest";
import {
  alignLooseRow,
  columnKinds,
  foldedCell,
  type TableRow,
  tableRows,
} from "../extractors/lib/table-rows.js";
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

describe("rows without tabs", () => {
  it("reads a plain-text grid (cells separated by runs of spaces): lines with as many cells side by side", () => {
    const doc = docFromText(
      ["TT   Đơn vị        Tổng điểm", "1    Xã An Bình    93,00", "Văn bản  có khoảng trắng thừa."].join(
        "\n",
      ),
    );
    const rows = tableRows(doc);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["TT", "Đơn vị", "Tổng điểm"],
      ["1", "Xã An Bình", "93,00"],
    ]);
  });

  it("does not take a lone line with double spaces for a table", () => {
    expect(tableRows(docFromText("Văn bản  có  khoảng trắng thừa.\nDòng khác."))).toEqual([]);
  });

  const text = [
    "TT\tĐơn vị\tTự chấm\tTổng điểm\tXếp loại\tXếp hạng",
    "1\tXã An Bình\t95,00\t93,00\tHoàn thành tốt nhiệm vụ\t1",
    "2 Xã Bình An 9l,50 90.25 Hoàn thành tốt nhiệm vụ 2",
    "3\tPhường 3\t90,00\t88,00\tHoàn thành nhiệm vụ\t3",
    "2. Giao Phòng Nội vụ tổng hợp, báo cáo trước ngày 31/3/2024.",
  ].join("\n");
  const doc = docFromText(text);

  it("keeps a row that lost its tabs in its table (loose), and ends the table after a last one", () => {
    const rows = tableRows(doc, { loose: true });
    expect(rows.map((r) => [r.table, r.loose === true])).toEqual([
      [0, false],
      [0, false],
      [0, true],
      [0, false],
      [0, true],
    ]);
    // Without the option the loose rows are not returned, but the one between rows does not split the table.
    expect(tableRows(doc).map((r) => r.table)).toEqual([0, 0, 0]);
  });

  it("lines a loose row up with the columns when only one split fits its numbers", () => {
    const rows = tableRows(doc, { loose: true });
    const kinds = columnKinds(doc, rows.slice(1), 6);
    expect(kinds).toEqual(["number", "text", "number", "number", "text", "number"]);
    const row = alignLooseRow(doc, rows[2] as TableRow, kinds);
    expect(row?.cells.map((c) => c.text)).toEqual([
      "2",
      "Xã Bình An",
      "9l,50",
      "90.25",
      "Hoàn thành tốt nhiệm vụ",
      "2",
    ]);
    for (const c of row?.cells ?? []) expect(text.slice(c.start, c.end)).toBe(c.text);
    // A paragraph that happens to follow the table does not fit: no guess.
    expect(alignLooseRow(doc, rows[4] as TableRow, kinds)).toBeNull();
  });

  it("joins side-by-side text columns it cannot tell apart, and keeps the numbers", () => {
    const d = docFromText(
      [
        "TT\tTiêu chí\tNội dung\tĐiểm chuẩn\tĐiểm trừ\tNguyên nhân",
        "1\tTiêu chí 2\tNội dung 3\t2\t0,5\tChậm kê khai",
        "2 Tiêu chí 3 Nội dung 1: Công khai 3 l Niêm yết chưa đủ",
        "3\tTiêu chí 9\tNội dung 2\t2\t0,5\tChưa đối thoại",
      ].join("\n"),
    );
    const rows = tableRows(d, { loose: true });
    const kinds = columnKinds(d, rows.slice(1), 6);
    const row = alignLooseRow(d, rows[2] as TableRow, kinds);
    expect(row?.cells.map((c) => c.text)).toEqual([
      "2",
      "Tiêu chí 3 Nội dung 1: Công khai",
      "",
      "3",
      "l",
      "Niêm yết chưa đủ",
    ]);
    expect(row?.cells[1]?.merged).toBe(true);
    expect(row?.cells[2]?.unknown).toBe(true);
  });

  it("gives up a loose row whose numbers could sit in more than one column", () => {
    // Text columns may hold numbers inside ("Phường 3", "ghi 8 chú"): here "7" or "8" could be A.
    const d = docFromText(
      [
        "TT\tĐơn vị\tA\tGhi chú\tB",
        "1\tXã A\t9\tmới\t90",
        "2 Xã B 7 ghi 8 chú 85",
        "3\tXã C\t7\tcũ\t80",
      ].join("\n"),
    );
    const rows = tableRows(d, { loose: true });
    const kinds = columnKinds(d, rows.slice(1), 5);
    expect(kinds).toEqual(["number", "text", "number", "text", "number"]);
    expect(alignLooseRow(d, rows[2] as TableRow, kinds)).toBeNull();
    // A name with a number is fine when the numbers leave one reading.
    const e = docFromText(
      ["TT\tĐơn vị\tA\tB", "1\tXã A\t9\t90", "2 Phường 3 8 85", "3\tXã C\t7\t80"].join("\n"),
    );
    const eRows = tableRows(e, { loose: true });
    const lined = alignLooseRow(e, eRows[2] as TableRow, columnKinds(e, eRows.slice(1), 4));
    expect(lined?.cells.map((c) => c.text)).toEqual(["2", "Phường 3", "8", "85"]);
  });
});
