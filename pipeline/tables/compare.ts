import type { Table } from "../../schemas/table.js";
import { isNumeric } from "./numeric.js";

/** A table's truth as fixtures write it: rows × cells ("" where a merged cell covers), and the merges. */
export interface TruthTable {
  rows: number;
  cols: number;
  cells: string[][];
  merges: { row: number; col: number; rowSpan: number; colSpan: number }[];
}

/** One cell that was read wrong. */
export interface CellMiss {
  row: number;
  col: number;
  want: string;
  got: string;
}

/** How well a table was read, cell by cell. */
export interface TableScore {
  /** Row and column counts equal the truth's. */
  shapeExact: boolean;
  /** The merged cells equal the truth's. */
  mergesExact: boolean;
  /** Grid positions compared (the truth's rows × columns). */
  cells: number;
  exact: number;
  /** Positions whose truth is a number ("97,50", "0", "12/19", a lone dash). */
  numeric: number;
  numericExact: number;
  misses: CellMiss[];
}

/** The text at every grid position of a table: a merged cell's text at its top-left, "" elsewhere. */
export function tableGrid(table: Table): string[][] {
  const grid = Array.from({ length: table.rows }, () => Array<string>(table.cols).fill(""));
  for (const cell of table.cells) {
    const row = grid[cell.row];
    if (row && cell.col < table.cols) row[cell.col] = cell.text;
  }
  return grid;
}

/**
 * Compares a table read from an image with its truth, position by position, after `normalise`
 * (the same text normalisation on both sides, whitespace collapsed): exact matches over all
 * positions and over numeric positions, shape and merged cells. Positions outside the table read
 * count as misses.
 */
export function scoreTable(found: Table, truth: TruthTable, normalise: (text: string) => string): TableScore {
  const clean = (text: string) => normalise(text).replace(/\s+/gu, " ").trim();
  const grid = tableGrid(found);
  const score: TableScore = {
    shapeExact: found.rows === truth.rows && found.cols === truth.cols,
    mergesExact: sameMerges(found, truth),
    cells: 0,
    exact: 0,
    numeric: 0,
    numericExact: 0,
    misses: [],
  };
  truth.cells.forEach((cells, row) => {
    cells.forEach((raw, col) => {
      const want = clean(raw);
      const got = clean(grid[row]?.[col] ?? "");
      const numeric = want !== "" && isNumeric(want);
      score.cells++;
      if (numeric) score.numeric++;
      if (want === got) {
        score.exact++;
        if (numeric) score.numericExact++;
      } else score.misses.push({ row, col, want, got });
    });
  });
  return score;
}

function sameMerges(found: Table, truth: TruthTable): boolean {
  const key = (m: { row: number; col: number; rowSpan: number; colSpan: number }) =>
    `${m.row}:${m.col}:${m.rowSpan}:${m.colSpan}`;
  const got = found.cells
    .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
    .map(key)
    .sort();
  const want = truth.merges.map(key).sort();
  return got.length === want.length && got.every((k, i) => k === want[i]);
}
