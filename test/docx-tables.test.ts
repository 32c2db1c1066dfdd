import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildZip } from "../fixtures/docx/build-zip.js";
import { docxBackend } from "../pipeline/backends/docx.js";
import { docxHtmlToPages, docxHtmlToPageTexts } from "../pipeline/backends/docx-render.js";
import { type DocxCellInput, docxTable } from "../pipeline/backends/docx-table.js";
import type { BackendContext } from "../pipeline/backends/types.js";
import { FileOutput } from "../schemas/index.js";
import type { Table } from "../schemas/table.js";
import { runFile } from "./helpers/run-file.js";

const cell = (text: string, colSpan = 1, rowSpan = 1): DocxCellInput => ({ text, colSpan, rowSpan });
/** A table's cells as [row, col, rowSpan, colSpan, text], row by row. */
const anchors = (table: Pick<Table, "cells"> | null) =>
  (table?.cells ?? []).map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);

/**
 * Checks a table against the text it was written into: every grid position is covered by exactly one
 * cell; each row is one line of `text` with `cols` tab-separated fields; a cell's text is the field
 * at its column on its row's line and its span is exactly that field; covered positions are empty.
 * Cells that lost their span (empty ones, after normalisation) must be empty.
 */
function expectTableInText(text: string, table: Table): void {
  const owner = new Map<string, number>();
  table.cells.forEach((c, i) => {
    expect(c.row + c.rowSpan).toBeLessThanOrEqual(table.rows);
    expect(c.col + c.colSpan).toBeLessThanOrEqual(table.cols);
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        expect(owner.has(`${r}:${k}`)).toBe(false);
        owner.set(`${r}:${k}`, i);
      }
    }
  });
  const lineStarts = new Set<number>();
  for (const c of table.cells) {
    if (!c.span) {
      expect(c.text).toBe("");
      continue;
    }
    expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
    lineStarts.add(text.lastIndexOf("\n", c.span.start - 1) + 1);
  }
  const starts = [...lineStarts].sort((a, b) => a - b);
  expect(starts).toHaveLength(table.rows);
  starts.forEach((start, row) => {
    const end = text.indexOf("\n", start);
    const fields = text.slice(start, end === -1 ? undefined : end).split("\t");
    expect(fields).toHaveLength(table.cols);
    fields.forEach((field, col) => {
      const here = table.cells.find((c) => c.row === row && c.col === col);
      expect(field).toBe(here ? here.text : "");
    });
  });
}

describe("docxTable lays Word cells out on the grid", () => {
  it("places cells after the positions a rowspan covers and keeps merges once, top-left", () => {
    const grid = docxTable([
      [cell("TT", 1, 2), cell("Đơn vị", 1, 2), cell("Điểm", 3), cell("Xếp loại", 1, 2)],
      [cell("Tự chấm"), cell("Thẩm định"), cell("Cuối cùng")],
      [
        cell("1"),
        cell("Thị trấn Ba Tơ"),
        cell("97,50"),
        cell("89,50"),
        cell("83,50"),
        cell("Hoàn thành tốt"),
      ],
    ]);
    expect(grid).toMatchObject({ rows: 3, cols: 6, source: "docx" });
    expect(anchors(grid).slice(0, 7)).toEqual([
      [0, 0, 2, 1, "TT"],
      [0, 1, 2, 1, "Đơn vị"],
      [0, 2, 1, 3, "Điểm"],
      [0, 5, 2, 1, "Xếp loại"],
      [1, 2, 1, 1, "Tự chấm"],
      [1, 3, 1, 1, "Thẩm định"],
      [1, 4, 1, 1, "Cuối cùng"],
    ]);
    expect(grid?.cells.every((c) => c.confidence === null && c.span === undefined)).toBe(true);
  });

  it("drops rows without text, shortening the merges that ran through them", () => {
    const grid = docxTable([
      [cell("Tiêu chí 2", 1, 3), cell("Nội dung 1"), cell("3,00")],
      [cell(""), cell("")],
      [cell("Nội dung 2"), cell("2,00")],
      [cell("", 1, 2), cell(""), cell("")],
      [cell(""), cell("Tổng cộng")],
    ]);
    expect(grid).toMatchObject({ rows: 3, cols: 3 });
    expect(anchors(grid)).toEqual([
      [0, 0, 2, 1, "Tiêu chí 2"],
      [0, 1, 1, 1, "Nội dung 1"],
      [0, 2, 1, 1, "3,00"],
      [1, 1, 1, 1, "Nội dung 2"],
      [1, 2, 1, 1, "2,00"],
      // An empty merged cell that started in a dropped row moves down to the kept row it covers.
      [2, 0, 1, 1, ""],
      [2, 1, 1, 1, ""],
      [2, 2, 1, 1, "Tổng cộng"],
    ]);
  });

  it("cuts a rowspan at the last row, sizes ragged rows by the widest, and has no table without text", () => {
    const grid = docxTable([[cell("Lý do", 1, 5), cell("a"), cell("b")], [cell("c")]]);
    expect(grid).toMatchObject({ rows: 2, cols: 3 });
    expect(anchors(grid)).toEqual([
      [0, 0, 2, 1, "Lý do"],
      [0, 1, 1, 1, "a"],
      [0, 2, 1, 1, "b"],
      [1, 1, 1, 1, "c"],
    ]);
    expect(docxTable([[cell(""), cell("")]])).toBeNull();
    expect(docxTable([])).toBeNull();
  });
});

describe("docxHtmlToPageTexts writes each table with its model", () => {
  const html =
    '<p>Mở đầu</p><table><tr><td><p>TT</p></td><td colspan="2"><p>Điểm</p></td></tr>' +
    '<tr><td rowspan="2"><p>1</p></td><td><p>97,50</p></td><td><p>Hoàn thành tốt</p>' +
    "<table><tr><td><p>Xếp thứ</p></td><td><p>1/19</p></td></tr></table></td></tr>" +
    "<tr><td><ul><li>Một;</li><li>Hai</li></ul></td><td><p>A&amp;B</p><p>C</p></td></tr></table>" +
    '<hr class="kehoach-page-break"/><p>PHỤ LỤC</p><table><tr><td>a</td><td></td></tr></table>';
  const pages = docxHtmlToPageTexts(html);

  it("keeps the page text it wrote before (docxHtmlToPages is its text)", () => {
    expect(docxHtmlToPages(html)).toEqual(pages.map((page) => page.text));
    expect(pages[0]?.text).toBe(
      "Mở đầu\n\nTT\tĐiểm\t\n1\t97,50\tHoàn thành tốt; Xếp thứ; 1/19\n\t- Một; - Hai\tA&B; C",
    );
  });

  it("spans every cell and the table in the page text; the nested table has no model", () => {
    const [first, second] = pages;
    expect(first?.tables).toHaveLength(1);
    const table = first?.tables[0] as Table;
    expect(table).toMatchObject({ page: 1, rows: 3, cols: 3, source: "docx" });
    expect(anchors(table)).toEqual([
      [0, 0, 1, 1, "TT"],
      [0, 1, 1, 2, "Điểm"],
      [1, 0, 2, 1, "1"],
      [1, 1, 1, 1, "97,50"],
      [1, 2, 1, 1, "Hoàn thành tốt; Xếp thứ; 1/19"],
      [2, 1, 1, 1, "- Một; - Hai"],
      [2, 2, 1, 1, "A&B; C"],
    ]);
    expectTableInText(first?.text ?? "", table);
    expect(first?.text.slice(table.span?.start, table.span?.end)).toBe(
      first?.text.slice("Mở đầu\n\n".length),
    );
    // Page 2: spans count from that page's text; an empty cell has an empty span where it stands.
    const appendix = second?.tables[0] as Table;
    expect(appendix).toMatchObject({ page: 2, rows: 1, cols: 2 });
    expect(appendix.cells[1]?.span).toEqual({ start: "PHỤ LỤC\n\na\t".length, end: "PHỤ LỤC\n\na\t".length });
    expectTableInText(second?.text ?? "", appendix);
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const tc = (text: string, props = "") =>
  `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

/** A DOCX as Word writes merges: `<w:vMerge w:val="restart"/>` then bare `<w:vMerge/>`, `<w:gridSpan>`. */
function wordStyleDocx(): Buffer {
  const rows = [
    tc("Tiêu chí", '<w:vMerge w:val="restart"/>') + tc("Điểm trừ", '<w:gridSpan w:val="2"/>'),
    tc("", "<w:vMerge/>") + tc("Số điểm") + tc("Lý do"),
    tc("Tiêu chí 3") + tc("0,25") + tc("Có 01 hồ sơ trễ hẹn"),
  ];
  const body = `<w:tbl>${rows.map((row) => `<w:tr>${row}</w:tr>`).join("")}</w:tbl>`;
  return buildZip([
    { name: "[Content_Types].xml", data: "<Types/>" },
    {
      name: "_rels/.rels",
      data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: "word/document.xml", data: `<w:document ${W}><w:body>${body}</w:body></w:document>` },
  ]);
}

describe("docxBackend attaches the tables to their pages", () => {
  const ctx: BackendContext = {
    ocr: { recognise: () => Promise.reject(new Error("no OCR")), terminate: () => Promise.resolve() },
    signal: new AbortController().signal,
    report: () => {},
  };

  it("reads Word's vMerge (restart, then bare continue) as rowspan and gridSpan as colspan", async () => {
    const { pages } = await docxBackend.read({ path: "word.docx", bytes: wordStyleDocx() }, ctx);
    const table = pages[0]?.tables?.[0] as Table;
    expect(anchors(table)).toEqual([
      [0, 0, 2, 1, "Tiêu chí"],
      [0, 1, 1, 2, "Điểm trừ"],
      [1, 1, 1, 1, "Số điểm"],
      [1, 2, 1, 1, "Lý do"],
      [2, 0, 1, 1, "Tiêu chí 3"],
      [2, 1, 1, 1, "0,25"],
      [2, 2, 1, 1, "Có 01 hồ sơ trễ hẹn"],
    ]);
    expectTableInText(pages[0]?.text ?? "", table);
  });

  it("leaves `tables` off a page without tables", async () => {
    const bytes = readFileSync("fixtures/forms/000-ba-to/docx.docx");
    const { pages } = await docxBackend.read({ path: "docx.docx", bytes }, ctx);
    expect(pages.every((page) => page.tables === undefined)).toBe(true);
  });
});

describe("DOCX tables reach the document output (runFile)", () => {
  it("khac-phuc-diem-tru.docx: the deductions table with merges both ways and multi-paragraph cells", async () => {
    const { output } = await runFile("fixtures/docx-tables/khac-phuc-diem-tru.docx");
    expect(FileOutput.safeParse(output).success).toBe(true);
    expect(output.documents).toHaveLength(1);
    const doc = output.documents[0];
    const tables = doc?.tables ?? [];
    expect(tables.map((t) => [t.page, t.rows, t.cols, t.source])).toEqual([
      [1, 2, 2, "docx"],
      [1, 8, 7, "docx"],
      [2, 3, 4, "docx"], // the appendix's empty spacer row is left out
    ]);
    for (const table of tables) expectTableInText(doc?.text ?? "", table);
    const deductions = tables[1] as Table;
    const at = (row: number, col: number) => deductions.cells.find((c) => c.row === row && c.col === col);
    expect(anchors({ cells: deductions.cells.filter((c) => c.row < 2) })).toEqual([
      [0, 0, 2, 1, "TT"],
      [0, 1, 2, 1, "Tiêu chí"],
      [0, 2, 2, 1, "Nội dung"],
      [0, 3, 2, 1, "Điểm trừ"],
      [0, 4, 2, 1, "Lý do"],
      [0, 5, 1, 2, "Trách nhiệm và hướng khắc phục năm 2025"],
      [1, 5, 1, 1, "Chủ trì tham mưu"],
      [1, 6, 1, 1, "Hướng khắc phục"],
    ]);
    expect(at(2, 1)).toMatchObject({ rowSpan: 2, text: "Tiêu chí 2" });
    expect(at(3, 1)).toBeUndefined(); // covered by "Tiêu chí 2"
    expect(at(3, 2)?.text).toBe("Nội dung 2: Phòng, chống tham nhũng, lãng phí, thực hành tiết kiệm");
    expect(at(5, 5)).toMatchObject({ rowSpan: 2, text: "Công chức Văn phòng – Thống kê" });
    expect(at(2, 6)?.text).toBe(
      "Tham mưu kế hoạch kiểm tra việc thực thi công vụ của công chức. Chỉ đạo cán bộ, công chức thực hiện tốt quy tắc ứng xử.",
    );
    expect(at(3, 6)?.text).toBe(
      "- Xây dựng kế hoạch phòng, chống tham nhũng; - Kê khai tài sản, thu nhập đúng hạn.",
    );
    expect(at(7, 0)).toMatchObject({ colSpan: 3, text: "Tổng cộng" });
    expect(at(7, 3)?.text).toBe("9,50");
    // The deduction points column, row by row, as a reader takes it from the table.
    expect([2, 3, 4, 5, 6].map((row) => at(row, 3)?.text)).toEqual(["3,00", "2,00", "0,5", "2,00", "2,00"]);
  });

  const others = [
    ...readdirSync("fixtures/docx")
      .filter((name) => name.endsWith(".docx"))
      .map((name) => join("fixtures/docx", name)),
    ...readdirSync("fixtures/forms")
      .map((name) => join("fixtures/forms", name, "docx.docx"))
      .filter((path) => existsSync(path)),
    "fixtures/variants-facts/kh-khac-phuc-phu-my.docx",
  ];

  it.each(others)(
    "%s: every table's cells sit at their grid positions in the document text",
    async (path) => {
      const { output } = await runFile(path);
      expect(FileOutput.safeParse(output).success).toBe(true);
      for (const doc of output.documents) {
        for (const table of doc.tables ?? []) {
          expect(table.source).toBe("docx");
          expectTableInText(doc.text, table);
        }
      }
    },
  );

  it("quyet-dinh-xep-loai.docx: the results table's header merges and the nested table", async () => {
    const { output } = await runFile("fixtures/docx/quyet-dinh-xep-loai.docx");
    const results = output.documents[0]?.tables?.find((t) => t.cols === 6);
    expect(results).toMatchObject({ page: 2, rows: 4 });
    expect(anchors({ cells: results?.cells.filter((c) => c.row === 0) ?? [] })).toEqual([
      [0, 0, 2, 1, "TT"],
      [0, 1, 2, 1, "Đơn vị"],
      [0, 2, 1, 3, "Điểm"],
      [0, 5, 2, 1, "Xếp loại"],
    ]);
    const nested = results?.cells.find((c) => c.row === 3 && c.col === 5);
    expect(nested?.text).toBe("Hoàn thành xuất sắc; Xếp thứ; 1/19");
  });
});
