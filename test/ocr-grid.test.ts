import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { binarise } from "../pipeline/ocr/binarise.js";
import { findTableGrids, type TableGrid } from "../pipeline/ocr/grid-lattice.js";
import { type GreyPage, preparePage } from "../pipeline/ocr/preprocess.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** A blank 200 dpi page (a sixth of A4, enough for a table) to draw on. */
function blankPage(width = 1200, height = 900): GreyPage {
  return { data: Buffer.alloc(width * height, 245), width, height, dpi: 200 };
}

/** Draws a line of the given thickness, the page turned by `degrees` about its centre. */
function drawLine(page: GreyPage, from: [number, number], to: [number, number], thickness = 2, degrees = 0) {
  const turn = (degrees * Math.PI) / 180;
  const cx = page.width / 2;
  const cy = page.height / 2;
  const place = ([x, y]: [number, number]) => [
    cx + (x - cx) * Math.cos(turn) - (y - cy) * Math.sin(turn),
    cy + (x - cx) * Math.sin(turn) + (y - cy) * Math.cos(turn),
  ];
  const [x0, y0] = place(from) as [number, number];
  const [x1, y1] = place(to) as [number, number];
  const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2);
  for (let i = 0; i <= steps; i++) {
    const x = x0 + ((x1 - x0) * i) / steps;
    const y = y0 + ((y1 - y0) * i) / steps;
    for (let dy = -thickness / 2; dy < thickness / 2; dy++) {
      for (let dx = -thickness / 2; dx < thickness / 2; dx++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px >= 0 && py >= 0 && px < page.width && py < page.height) page.data[py * page.width + px] = 20;
      }
    }
  }
}

/** A few blobs the size of letters in every cell, so the table is not empty. */
function drawText(page: GreyPage, x: number, y: number, letters: number) {
  for (let i = 0; i < letters; i++) {
    for (let dy = 0; dy < 18; dy++) {
      for (let dx = 0; dx < 9; dx++) {
        if (dx < 3 || dy < 3 || dy > 14) page.data[(y + dy) * page.width + x + i * 13 + dx] = 30;
      }
    }
  }
}

interface Sketch {
  xs: number[];
  ys: number[];
  /** Vertical rule segments to leave out: [rule index, row index]. */
  noVertical?: [number, number][];
  /** Horizontal rule segments to leave out: [rule index, column index]. */
  noHorizontal?: [number, number][];
  degrees?: number;
  /** Break every rule with a gap of this many pixels every 60 pixels. */
  gaps?: number;
}

/** Draws a ruled table: rules at `xs` and `ys`, minus the segments of merged cells. */
function drawTable(page: GreyPage, sketch: Sketch) {
  const { xs, ys, degrees = 0, gaps = 0 } = sketch;
  const segment = (from: [number, number], to: [number, number]) => {
    if (gaps === 0) return drawLine(page, from, to, 2, degrees);
    const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
    for (let t = 0; t < length; t += 60) {
      const a = t / length;
      const b = Math.min(1, (t + 60 - gaps) / length);
      drawLine(
        page,
        [from[0] + (to[0] - from[0]) * a, from[1] + (to[1] - from[1]) * a],
        [from[0] + (to[0] - from[0]) * b, from[1] + (to[1] - from[1]) * b],
        2,
        degrees,
      );
    }
  };
  ys.forEach((y, i) => {
    for (let c = 0; c + 1 < xs.length; c++) {
      if (sketch.noHorizontal?.some(([rule, col]) => rule === i && col === c)) continue;
      segment([xs[c] as number, y], [xs[c + 1] as number, y]);
    }
  });
  xs.forEach((x, i) => {
    for (let r = 0; r + 1 < ys.length; r++) {
      if (sketch.noVertical?.some(([rule, row]) => rule === i && row === r)) continue;
      segment([x, ys[r] as number], [x, ys[r + 1] as number]);
    }
  });
  for (let r = 0; r + 1 < ys.length; r++) {
    for (let c = 0; c + 1 < xs.length; c++) drawText(page, (xs[c] as number) + 12, (ys[r] as number) + 15, 3);
  }
}

const XS = [100, 220, 600, 800, 1100];
const YS = [100, 180, 260, 340, 420, 500];

function grids(sketch: Sketch): TableGrid[] {
  const page = blankPage();
  drawTable(page, sketch);
  return findTableGrids(binarise(page), page.dpi);
}

const merged = (grid: TableGrid) =>
  grid.cells
    .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
    .map(({ row, col, rowSpan, colSpan }) => ({ row, col, rowSpan, colSpan }));

describe("findTableGrids", () => {
  it("finds the rows and columns of a ruled table, and where its cells lie", () => {
    const [grid, ...others] = grids({ xs: XS, ys: YS });
    expect(others).toEqual([]);
    expect(grid).toMatchObject({ rows: 5, cols: 4 });
    expect(grid?.cells).toHaveLength(20);
    const cell = grid?.cells.find((c) => c.row === 2 && c.col === 1);
    expect(cell?.quad[0].x).toBeCloseTo(220, -1);
    expect(cell?.quad[0].y).toBeCloseTo(260, -1);
    expect(cell?.quad[2].x).toBeCloseTo(600, -1);
    expect(cell?.quad[2].y).toBeCloseTo(340, -1);
  });

  it("joins cells where a rule is missing: a cell over two columns, a cell over two rows", () => {
    const [grid] = grids({ xs: XS, ys: YS, noVertical: [[1, 0]], noHorizontal: [[3, 2]] });
    expect(grid).toMatchObject({ rows: 5, cols: 4 });
    expect(merged(grid as TableGrid)).toEqual([
      { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
      { row: 2, col: 2, rowSpan: 2, colSpan: 1 },
    ]);
    expect(grid?.cells).toHaveLength(18);
  });

  it("keeps the lattice of a table scanned 1.5° askew, and says how far it is turned", () => {
    const [grid] = grids({ xs: XS, ys: YS, degrees: 1.5 });
    expect(grid).toMatchObject({ rows: 5, cols: 4 });
    expect(merged(grid as TableGrid)).toEqual([]);
    expect(grid?.skew).toBeCloseTo(1.5, 0);
  });

  it("reads broken rules (a faint scan) as whole rules, not as merged cells", () => {
    const [grid] = grids({ xs: XS, ys: YS, gaps: 12 });
    expect(grid).toMatchObject({ rows: 5, cols: 4 });
    expect(merged(grid as TableGrid)).toEqual([]);
  });

  it("finds no table in rules that do not cross (a title's underline, a signature line) or in text", () => {
    const page = blankPage();
    drawLine(page, [400, 80], [700, 80]);
    drawLine(page, [100, 600], [500, 600]);
    drawLine(page, [900, 200], [900, 260]);
    for (let y = 150; y < 550; y += 40) drawText(page, 120, y, 40);
    expect(findTableGrids(binarise(page), page.dpi)).toEqual([]);
  });

  it("takes a frame around the page or a boxed paragraph for no table", () => {
    expect(grids({ xs: [100, 1100], ys: [100, 800] })).toEqual([]);
    expect(grids({ xs: [100, 1100], ys: [100, 300, 500] })).toEqual([]);
  });

  it("finds the appendix table of corpus 002's page image, 8 columns over 3 rows", async () => {
    const page = await preparePage(readFileSync(join(FIXTURES, "forms", "002-nhu-quynh", "page-2.jpg")), {
      targetDpi: 200,
      maxPixels: 150_000_000,
    });
    const found = findTableGrids(binarise(page), page.dpi);
    expect(found.map((g) => [g.rows, g.cols])).toEqual([[3, 8]]);
  });
});
