import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tableRows } from "../extractors/lib/table-rows.js";
import { pdfBackend } from "../pipeline/backends/pdf.js";
import type { BackendContext } from "../pipeline/backends/types.js";
import { characterErrorRate } from "../pipeline/eval/cer.js";
import type { OcrEngine } from "../pipeline/ocr/types.js";
import { type PageLayout, pageTextWithTables } from "../pipeline/pdf/layout-text.js";
import { openPdf } from "../pipeline/pdf/open.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import { Table } from "../schemas/table.js";
import { contentStream, pdfFromObjects } from "./helpers/pdf-writer.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const APPENDIX = join(FIXTURES, "forms", "002-nhu-quynh");
const OWN = join(FIXTURES, "pdf-tables");

/** A cell as the truth writes it, compared after dropping converter markup and collapsing white space. */
const clean = (text: string) =>
  text
    .replace(/<[^>]+>/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();

/** The tab-separated rows of a page truth (fixtures/forms/…/page-N.txt). */
function truthRows(file: string): string[][] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.includes("\t"))
    .map((line) => line.split("\t").map(clean));
}

/** A table's grid as rows of cell texts, "" where a merged cell covers (the way the truths write it). */
function gridOf(table: Table): string[][] {
  const rows = Array.from({ length: table.rows }, () => Array<string>(table.cols).fill(""));
  for (const cell of table.cells) (rows[cell.row] as string[])[cell.col] = cell.text;
  return rows;
}

async function layouts(file: string): Promise<(PageLayout & { plain: string })[]> {
  const parser = openPdf(readFileSync(file));
  try {
    const { total } = await parser.getInfo();
    const pages = [];
    for (let n = 1; n <= total; n++) {
      const plain = (await parser.getText({ partial: [n] })).pages[0]?.text ?? "";
      pages.push({ ...(await pageTextWithTables(parser, n, plain)), plain });
    }
    return pages;
  } finally {
    await parser.destroy();
  }
}

/** Every table keeps to the model: it parses, survives JSON, and each cell's span holds its text. */
function expectModel(layout: PageLayout): void {
  for (const table of layout.tables) {
    expect(Table.parse(JSON.parse(JSON.stringify(table)))).toEqual(table);
    for (const cell of table.cells) {
      if (cell.span) expect(layout.text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
      expect(cell.text).not.toMatch(/[\t\n]/u);
    }
  }
}

describe("typed PDF tables: corpus 002's appendix", () => {
  it("reads each appendix page's table with the truth's rows, columns and cells", async () => {
    const pages = await layouts(join(APPENDIX, "typed.pdf"));
    expect(pages[0]?.tables).toEqual([]);
    for (const n of [2, 3]) {
      const layout = pages[n - 1] as PageLayout;
      const truth = truthRows(join(APPENDIX, `page-${n}.txt`));
      expect(layout.tables, `page ${n}`).toHaveLength(1);
      const table = layout.tables[0] as Table;
      expect({ rows: table.rows, cols: table.cols }, `page ${n}`).toEqual({
        rows: truth.length,
        cols: truth[0]?.length,
      });
      expect(gridOf(table), `page ${n}`).toEqual(truth);
      // The rows are in the page text too, one per line.
      const written = layout.text.slice(table.span?.start, table.span?.end).split("\n");
      expect(written.map((row) => row.split("\t"))).toEqual(truth);
      expectModel(layout);
    }
  });

  it("changes only white space on every page (CER against the truth cannot move)", async () => {
    const pages = await layouts(join(APPENDIX, "typed.pdf"));
    const source = normaliseVi(readFileSync(join(APPENDIX, "source.txt"), "utf8")).text;
    const cer = (texts: string[]) => {
      const raw = buildRawText(texts.map((text, i) => ({ page: i + 1, text })));
      return characterErrorRate(
        normaliseFile(raw)
          .documents.map((d) => d.text)
          .join("\n"),
        source,
      );
    };
    expect(cer(pages.map((p) => p.text))).toBe(cer(pages.map((p) => p.plain)));
    expect(cer(pages.map((p) => p.text))).toBeLessThan(0.005);
  });

  it("reaches the extractors: the PDF backend's pages normalise into 8-cell table rows", async () => {
    const noOcr: OcrEngine = {
      recognise: () => Promise.reject(new Error("a typed PDF needs no OCR")),
      terminate: () => Promise.resolve(),
    } as unknown as OcrEngine;
    const ctx: BackendContext = { ocr: noOcr, signal: new AbortController().signal, report: () => {} };
    const bytes = readFileSync(join(APPENDIX, "typed.pdf"));
    const { pages } = await pdfBackend.read({ path: "typed.pdf", bytes }, ctx);
    const [doc] = normaliseFile(buildRawText(pages)).documents;
    if (!doc) throw new Error("no document");
    const rows = tableRows(doc);
    const truth = [2, 3].flatMap((n) => truthRows(join(APPENDIX, `page-${n}.txt`)));
    expect(rows.map((row) => row.cells.length)).toEqual(truth.map((row) => row.length));
    expect(rows.map((row) => row.cells[5]?.text)).toEqual(truth.map((row) => row[5]));
  });
});

describe("typed PDF tables: fixtures/pdf-tables", () => {
  interface CellsTruth {
    rows: number;
    cols: number;
    cells: string[][];
    merges: { row: number; col: number; rowSpan: number; colSpan: number }[];
  }
  const cellsTruth = (name: string): CellsTruth[] =>
    JSON.parse(readFileSync(join(OWN, `${name}.cells.json`), "utf8"));

  it.each(["borderless", "ruled-merged"])(
    "%s.pdf: rows, columns, cells and merged cells as made",
    async (name) => {
      const [layout] = await layouts(join(OWN, `${name}.pdf`));
      if (!layout) throw new Error("no page");
      const truth = cellsTruth(name);
      expect(layout.tables).toHaveLength(truth.length);
      layout.tables.forEach((table, k) => {
        const expected = truth[k] as CellsTruth;
        expect({ rows: table.rows, cols: table.cols }).toEqual({ rows: expected.rows, cols: expected.cols });
        expect(gridOf(table)).toEqual(expected.cells);
        const merged = table.cells
          .filter((cell) => cell.rowSpan > 1 || cell.colSpan > 1)
          .map(({ row, col, rowSpan, colSpan }) => ({ row, col, rowSpan, colSpan }));
        expect(merged).toEqual(expected.merges);
      });
      expectModel(layout);
      const truthText = readFileSync(join(OWN, `${name}.txt`), "utf8");
      expect(characterErrorRate(normaliseVi(layout.text).text, normaliseVi(truthText).text)).toBe(0);
    },
  );

  it("borderless.pdf: the two-column header and signature stay column by column, as pdf-parse reads them", async () => {
    const [layout] = await layouts(join(OWN, "borderless.pdf"));
    if (!layout) throw new Error("no page");
    const text = layout.text;
    const table = layout.tables[0];
    const before = text.slice(0, table?.span?.start);
    const after = text.slice(table?.span?.end);
    expect(before + after).not.toContain("\t");
    expect(text.indexOf("Số: 12/BC-UBND")).toBeLessThan(text.indexOf("CỘNG HÒA XÃ HỘI"));
    expect(text.indexOf("- Lưu: VT.")).toBeLessThan(text.indexOf("TM. ỦY BAN NHÂN DÂN"));
  });
});

/**
 * A one-page PDF whose table borders are thin filled rectangles, the way Word exports them
 * (LibreOffice strokes lines instead): Helvetica text, one string per cell.
 */
function wordStylePdf(): Buffer {
  const xs = [60, 110, 330, 420];
  const ys = [700, 680, 660, 640];
  const rows = [
    ["TT", "Noi dung", "Diem tru"],
    ["1", "Tieu chi 2, noi dung 1", "3,00"],
    ["2", "Tieu chi 3, noi dung 3", "0,50"],
  ];
  const borders = [
    ...ys.map((y) => `${xs[0]} ${y - 0.25} ${(xs.at(-1) ?? 0) - (xs[0] ?? 0)} 0.5 re f`),
    ...xs.map((x) => `${x - 0.25} ${ys.at(-1)} 0.5 ${(ys[0] ?? 0) - (ys.at(-1) ?? 0)} re f`),
  ];
  const texts = rows.flatMap((cells, r) =>
    cells.map((text, c) => `BT /F1 10 Tf ${(xs[c] ?? 0) + 4} ${(ys[r] ?? 0) - 14} Td (${text}) Tj ET`),
  );
  const content = [
    "BT /F1 12 Tf 60 740 Td (Bang tong hop diem tru nam 2024) Tj ET",
    ...borders,
    ...texts,
    "BT /F1 12 Tf 60 600 Td (Tong so diem tru la 3,50 diem.) Tj ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    contentStream(content),
  ];
  return pdfFromObjects(objects);
}

describe("typed PDF tables: Word-style borders", () => {
  it("finds a table whose borders are filled rectangles", async () => {
    const parser = openPdf(wordStylePdf());
    try {
      const plain = (await parser.getText({ partial: [1] })).pages[0]?.text ?? "";
      const layout = await pageTextWithTables(parser, 1, plain);
      expect(layout.tables).toHaveLength(1);
      expect(gridOf(layout.tables[0] as Table)).toEqual([
        ["TT", "Noi dung", "Diem tru"],
        ["1", "Tieu chi 2, noi dung 1", "3,00"],
        ["2", "Tieu chi 3, noi dung 3", "0,50"],
      ]);
      expect(layout.text).toMatch(/^Bang tong hop diem tru nam 2024\nTT\tNoi dung\tDiem tru\n/u);
      expect(layout.text).toMatch(/\n2\tTieu chi 3, noi dung 3\t0,50\nTong so diem tru la 3,50 diem\.\s*$/u);
    } finally {
      await parser.destroy();
    }
  });
});
