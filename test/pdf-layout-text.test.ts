import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseForCer } from "../pipeline/eval/cer.js";
import { findBorderlessGrids } from "../pipeline/pdf/borderless-tables.js";
import { layoutPageText, pageTextWithTables } from "../pipeline/pdf/layout-text.js";
import { openPdf } from "../pipeline/pdf/open.js";
import { type PageContent, type PdfTextItem, readPageContent } from "../pipeline/pdf/page-content.js";
import { pdfParseChunks } from "../pipeline/pdf/pdf-parse-text.js";
import { findRuledGrids } from "../pipeline/pdf/ruled-tables.js";
import {
  type Matrix,
  type OperatorCodes,
  type RuleSegment,
  rulesFromOperators,
} from "../pipeline/pdf/rules.js";

const FORMS = join(import.meta.dirname, "..", "fixtures", "forms");
const TYPED = ["000-ba-to", "001-ba-vi", "002-nhu-quynh", "003-duc-pho", "004-pho-minh"].map((c) =>
  join(FORMS, c, "typed.pdf"),
);

/** A text item as pdfjs gives one: `height` is 0 for the space items it inserts between runs. */
function item(index: number, str: string, x: number, y: number, width: number, hasEOL = false): PdfTextItem {
  return { index, str, x, y, width, height: str.trim() === "" ? 0 : 10, fontSize: 10, hasEOL };
}

const h = (at: number, from: number, to: number): RuleSegment => ({ orientation: "h", at, from, to });
const v = (at: number, from: number, to: number): RuleSegment => ({ orientation: "v", at, from, to });

function page(items: PdfTextItem[], rules: RuleSegment[] = []): PageContent {
  return { page: 1, width: 595, height: 842, items: items.map((it, index) => ({ ...it, index })), rules };
}

/** Every page of a PDF: pdf-parse's text and what the layout reader makes of it. */
async function readBoth(file: string) {
  const parser = openPdf(readFileSync(file));
  try {
    const { total } = await parser.getInfo();
    const pages = [];
    for (let n = 1; n <= total; n++) {
      const plain = (await parser.getText({ partial: [n] })).pages[0]?.text ?? "";
      const content = await readPageContent(parser, n);
      pages.push({ n, plain, content, layout: await pageTextWithTables(parser, n, plain) });
    }
    return pages;
  } finally {
    await parser.destroy();
  }
}

describe("pdfParseChunks", () => {
  it.each(TYPED.map((file) => [file.split("/").at(-2), file] as const))(
    "%s: joined, the chunks are pdf-parse's page text exactly",
    async (_, file) => {
      for (const { n, plain, content } of await readBoth(file)) {
        expect(pdfParseChunks(content.items).join(""), `page ${n}`).toBe(plain);
      }
    },
  );

  it("puts the line break a baseline jump causes on the item after it, and a tab before a far item", () => {
    const chunks = pdfParseChunks([
      item(0, "Một", 50, 100, 20),
      item(1, "hai", 50, 120, 20),
      item(2, "ba", 120, 120, 20),
    ]);
    expect(chunks).toEqual(["Một", "\nhai", "\tba"]);
  });
});

describe("layoutPageText: prose pages stay pdf-parse's text", () => {
  it.each(TYPED.map((file) => [file.split("/").at(-2), file] as const))(
    "%s: pages without a table are unchanged; with tables, only white space moves",
    async (_, file) => {
      for (const { n, plain, layout } of await readBoth(file)) {
        if (layout.tables.length === 0) expect(layout.text, `page ${n}`).toBe(plain);
        // Same characters in the same order: the CER against any truth cannot change.
        expect(normaliseForCer(layout.text), `page ${n}`).toBe(normaliseForCer(plain));
        expect(layout.fallback, `page ${n}`).toBeUndefined();
      }
    },
  );

  it("keeps a two-column header and signature block in column order, not as table rows", async () => {
    // 003's công văn: issuer | motto, Số | date, and Nơi nhận | signature, all borderless Word tables.
    const [first] = await readBoth(join(FORMS, "003-duc-pho", "typed.pdf"));
    if (!first) throw new Error("no page");
    expect(findBorderlessGrids(first.content.items)).toEqual([]);
    expect(first.layout.text).not.toContain("\t");
    const text = first.layout.text;
    expect(text.indexOf("THỊ XÃ ĐỨC PHỐ")).toBeLessThan(text.indexOf("CỘNG HOÀ XÃ HỘI"));
    expect(text.indexOf("- Lưu VT.")).toBeLessThan(text.indexOf("CHÁNH VĂN PHÒNG"));
  });

  it("leaves a page of full-width prose lines alone", () => {
    const items = [0, 1, 2, 3, 4].map((k) =>
      item(k, "Thực hiện kế hoạch số 12/KH-UBND của UBND huyện", 60, 100 + k * 14, 400, true),
    );
    expect(layoutPageText(page(items))).toEqual({ text: pdfParseChunks(items).join(""), tables: [] });
  });
});

describe("layoutPageText: ruled tables", () => {
  // A 2 × 2 table between a title line and a closing line.
  const rules = [
    h(100, 50, 250),
    h(130, 50, 250),
    h(160, 50, 250),
    v(50, 100, 160),
    v(150, 100, 160),
    v(250, 100, 160),
  ];
  const items = [
    item(0, "Bảng 1", 50, 80, 30, true),
    item(1, "Đơn vị", 55, 118, 30),
    item(2, " ", 85, 118, 70),
    item(3, "Điểm", 155, 118, 25, true),
    item(4, "UBND xã", 55, 140, 40, true),
    item(5, "Nghĩa Kỳ", 55, 152, 40),
    item(6, "97,50", 155, 140, 25, true),
    item(7, "Hết bảng.", 50, 190, 40, true),
  ];

  it("writes one row per line, cells separated by a tab, lines of a cell joined by a space", () => {
    const { text, tables } = layoutPageText(page(items, rules));
    expect(text).toBe("Bảng 1\nĐơn vị\tĐiểm\nUBND xã Nghĩa Kỳ\t97,50\nHết bảng.\n");
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table).toMatchObject({ page: 1, rows: 2, cols: 2, source: "pdf-text" });
    for (const cell of table?.cells ?? []) {
      expect(cell.span && text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
    }
    expect(table?.span && text.slice(table.span.start, table.span.end)).toBe(
      "Đơn vị\tĐiểm\nUBND xã Nghĩa Kỳ\t97,50",
    );
  });

  it("merges grid positions where the rule between them is missing", () => {
    // The middle vertical rule stops at the second row's top: "Tổng cộng" spans both columns.
    const merged = [
      h(100, 50, 250),
      h(130, 50, 250),
      h(160, 50, 250),
      v(50, 100, 160),
      v(150, 100, 130),
      v(250, 100, 160),
    ];
    const withTotal = [
      item(0, "Nội dung", 55, 118, 40),
      item(1, "Điểm trừ", 155, 118, 40, true),
      item(2, "Tổng cộng 1,50", 55, 148, 70, true),
    ];
    const { text, tables } = layoutPageText(page(withTotal, merged));
    expect(text).toBe("Nội dung\tĐiểm trừ\nTổng cộng 1,50\t\n");
    expect(tables[0]?.cells).toContainEqual(
      expect.objectContaining({ row: 1, col: 0, rowSpan: 1, colSpan: 2, text: "Tổng cộng 1,50" }),
    );
  });

  it("splits tables stacked without a gap whose columns differ, but not a table with a merged header", () => {
    // Two 3-column tables sharing the rule at y = 160, their inner column rules at different x.
    const stacked = [
      h(100, 50, 350),
      h(130, 50, 350),
      h(160, 50, 350),
      h(190, 50, 350),
      v(50, 100, 190),
      v(350, 100, 190),
      v(120, 100, 160),
      v(250, 100, 160),
      v(180, 160, 190),
      v(300, 160, 190),
    ];
    const grids = findRuledGrids(stacked);
    expect(grids.map((g) => ({ rows: g.ys.length - 1, cols: g.xs.length - 1 }))).toEqual([
      { rows: 2, cols: 3 },
      { rows: 1, cols: 3 },
    ]);
    expect(grids[1]?.xs).toEqual([50, 180, 300, 350]);
    // "Điểm" over "Tự chấm | Thẩm định": the top row lacks one rule, it has none the row below lacks.
    const header = [
      h(100, 50, 350),
      h(130, 50, 350),
      h(160, 50, 350),
      h(190, 50, 350),
      v(50, 100, 190),
      v(150, 100, 190),
      v(250, 130, 190),
      v(350, 100, 190),
    ];
    const [grid] = findRuledGrids(header);
    expect(findRuledGrids(header)).toHaveLength(1);
    expect(grid?.cells).toContainEqual(expect.objectContaining({ row: 0, col: 1, rowSpan: 1, colSpan: 2 }));
  });

  it("does not take a frame around one paragraph, or a grid with one filled cell, for a table", () => {
    const frame = [h(100, 50, 250), h(160, 50, 250), v(50, 100, 160), v(250, 100, 160)];
    expect(findRuledGrids(frame)).toEqual([]);
    const lonely = [item(0, "Ghi chú", 55, 118, 40, true)];
    expect(layoutPageText(page(lonely, rules)).tables).toEqual([]);
  });
});

describe("layoutPageText: borderless tables", () => {
  /** A line of cells at the given x positions (each cell one item). */
  const line = (y: number, cells: [string, number, number][]) =>
    cells.map(([str, x, width], k) => item(0, str, x, y, width, k === cells.length - 1));

  it("finds aligned columns without rules, a wrapped cell staying in its row", () => {
    const items = [
      ...line(100, [
        ["Tiêu chí", 60, 40],
        ["Nội dung", 160, 45],
        ["Điểm trừ", 400, 40],
      ]),
      ...line(114, [
        ["Tiêu chí 2", 60, 45],
        ["Ban hành văn bản triển khai", 160, 150],
        ["3,00", 410, 20],
      ]),
      ...line(128, [["kế hoạch năm", 160, 70]]),
      ...line(142, [
        ["Tiêu chí 3", 60, 45],
        ["Kiểm tra nội bộ", 160, 80],
        ["0,50", 410, 20],
      ]),
      ...line(156, [
        ["Tiêu chí 6", 60, 45],
        ["Ứng xử của công chức", 160, 110],
        ["2,00", 410, 20],
      ]),
    ];
    const { text, tables } = layoutPageText(page(items));
    expect(tables[0]).toMatchObject({ rows: 4, cols: 3 });
    expect(text).toContain("Tiêu chí 2\tBan hành văn bản triển khai kế hoạch năm\t3,00\n");
    expect(text).toContain("Tiêu chí 6\tỨng xử của công chức\t2,00");
  });

  it("reads numbered rows by their number, whatever the wrapping of the other cells", () => {
    const items = [
      ...line(100, [
        ["TT", 60, 12],
        ["Đơn vị", 90, 30],
        ["Tổng điểm", 300, 45],
        ["Xếp loại", 380, 40],
      ]),
      ...line(114, [
        ["1", 62, 5],
        ["UBND xã Nghĩa Kỳ và", 90, 100],
        ["96,00", 310, 25],
        ["Hoàn thành xuất", 380, 75],
      ]),
      ...line(128, [
        ["các thôn", 90, 40],
        ["sắc", 380, 15],
      ]),
      ...line(142, [
        ["2", 62, 5],
        ["UBND xã Nghĩa Lâm", 90, 90],
        ["95,00", 310, 25],
        ["Hoàn thành tốt", 380, 70],
      ]),
    ];
    const { text, tables } = layoutPageText(page(items));
    expect(tables[0]).toMatchObject({ rows: 3, cols: 4 });
    expect(text).toContain("1\tUBND xã Nghĩa Kỳ và các thôn\t96,00\tHoàn thành xuất sắc\n");
  });

  it("never makes a table of two columns (header, signature block)", () => {
    const items = [
      ...line(100, [
        ["ỦY BAN NHÂN DÂN", 80, 90],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 280, 200],
      ]),
      ...line(114, [
        ["HUYỆN TƯ NGHĨA", 85, 80],
        ["Độc lập - Tự do - Hạnh phúc", 310, 140],
      ]),
      ...line(128, [
        ["Số: 12/BC-UBND", 85, 80],
        ["Tư Nghĩa, ngày 15 tháng 01 năm 2024", 290, 180],
      ]),
      ...line(142, [
        ["Nơi nhận:", 60, 40],
        ["TM. ỦY BAN NHÂN DÂN", 320, 110],
      ]),
    ];
    expect(findBorderlessGrids(items)).toEqual([]);
    expect(layoutPageText(page(items)).tables).toEqual([]);
  });

  it("does not take justified prose whose word gaps happen to be wide for columns", () => {
    const items = [
      ...line(100, [
        ["Thực hiện", 60, 40],
        ["Quyết định số", 115, 60],
        ["1211/QĐ-UBND ngày 02/11/2022", 190, 150],
      ]),
      ...line(114, [
        ["của UBND tỉnh về ban hành", 60, 120],
        ["quy định tiêu", 195, 60],
        ["chí", 270, 15],
      ]),
      ...line(128, [
        ["thang điểm", 60, 45],
        ["và phương pháp đánh giá phân loại", 120, 170],
        ["công tác", 305, 40],
      ]),
    ];
    expect(findBorderlessGrids(items)).toEqual([]);
  });
});

describe("rulesFromOperators", () => {
  const ops: OperatorCodes = {
    save: 10,
    restore: 11,
    transform: 12,
    constructPath: 91,
    stroke: 20,
    closeStroke: 21,
    fill: 22,
    eoFill: 23,
    fillStroke: 24,
    eoFillStroke: 25,
    closeFillStroke: 26,
    closeEOFillStroke: 27,
    paintFormXObjectBegin: 74,
    paintFormXObjectEnd: 75,
    setStrokeRGBColor: 58,
    setFillRGBColor: 59,
  };
  const viewport: Matrix = [1, 0, 0, -1, 0, 842];
  // pdfjs path data: 0 moveTo, 1 lineTo, 3 closePath.
  const path = (paint: number, data: number[]) => [paint, [Float32Array.from(data)], null];

  it("reads stroked lines (LibreOffice), thin filled rectangles (Word) and stroked boxes", () => {
    const fn = [
      ops.save,
      ops.transform,
      ops.constructPath,
      ops.restore,
      ops.constructPath,
      ops.constructPath,
    ];
    const args = [
      null,
      [1, 0, 0, 1, 10, 0],
      path(ops.stroke, [0, 0, 0, 1, 100, 0]),
      null,
      path(ops.fill, [0, 0, 200, 1, 100, 200, 1, 100, 200.5, 1, 0, 200.5, 3]),
      path(ops.stroke, [0, 300, 300, 1, 400, 300, 1, 400, 350, 1, 300, 350, 3]),
    ];
    const rules = rulesFromOperators(fn, args, ops, viewport);
    expect(rules).toContainEqual({ orientation: "h", at: 842, from: 10, to: 110 });
    expect(rules).toContainEqual({ orientation: "h", at: 642 - 0.25, from: 0, to: 100 });
    expect(rules.filter((r) => (r.from >= 300 && r.to <= 400) || r.orientation === "v")).toHaveLength(4);
  });

  it("ignores clipping paths, white lines, large filled areas and slanted lines", () => {
    const fn = [
      ops.constructPath,
      ops.constructPath,
      ops.constructPath,
      ops.setStrokeRGBColor,
      ops.constructPath,
    ];
    const args = [
      path(28, [0, 0, 0, 1, 595, 0, 1, 595, 842, 1, 0, 842, 3]), // endPath: a clip
      path(ops.stroke, [0, 0, 0, 1, 100, 100]),
      path(ops.fill, [0, 0, 400, 1, 200, 400, 1, 200, 450, 1, 0, 450, 3]),
      ["#ffffff"],
      path(ops.stroke, [0, 0, 10, 1, 300, 10]),
    ];
    expect(rulesFromOperators(fn, args, ops, viewport)).toEqual([]);
  });
});
