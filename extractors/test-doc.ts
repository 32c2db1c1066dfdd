import { writeTable } from "../pipeline/tables/text.js";
import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Table, TableCell } from "../schemas/table.js";

/**
 * Wraps already-normalised text as a one-page document, for extractor unit tests and tools that
 * start from text (the identity offset map: the text is its own raw form). `tables`, when given,
 * is the document's table model, cell spans counted in `text`.
 */
export function docFromText(text: string, tables?: Table[]): NormalisedDocument {
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  const doc: NormalisedDocument = {
    text,
    folded: fold(text),
    pages: [{ page: 1, start: 0, end: text.length }],
    map,
  };
  if (tables) doc.tables = tables;
  return doc;
}

/** A merged cell of a grid: its top-left position and spans. */
export interface GridMerge {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}

/**
 * A table of the model from its grid of texts: a merged cell's text stands at its top-left
 * position, the positions it covers are ignored (write "" there). No spans yet (see {@link writeTable}).
 */
export function gridTable(grid: string[][], merges: GridMerge[] = []): Table {
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.row; r < m.row + (m.rowSpan ?? 1); r++) {
      for (let c = m.col; c < m.col + (m.colSpan ?? 1); c++) {
        if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);
      }
    }
  }
  const cells: TableCell[] = grid.flatMap((row, r) =>
    row.flatMap((text, c) => {
      if (covered.has(`${r}:${c}`)) return [];
      const m = merges.find((x) => x.row === r && x.col === c);
      return [{ row: r, col: c, rowSpan: m?.rowSpan ?? 1, colSpan: m?.colSpan ?? 1, text, confidence: null }];
    }),
  );
  return { page: 1, rows: grid.length, cols: grid[0]?.length ?? 0, cells, source: "pdf-text" };
}

/**
 * One document twice, for tests of the table model: with its model as the pipeline gives it (the
 * table written one row per line between `before` and `after`, each non-empty cell's span on the
 * text, as pipeline/text/map-tables.ts leaves them) and without it (`text`). `edit` may change the
 * text without moving anything (same length), as a converter or OCR may have; the model's cell
 * texts follow it, as map-tables.ts sets them from their spans.
 */
export function docsWithTable(options: {
  before: string;
  grid: string[][];
  merges?: GridMerge[];
  after?: string;
  edit?: (text: string) => string;
}): { model: NormalisedDocument; text: NormalisedDocument } {
  const written = writeTable(gridTable(options.grid, options.merges), options.before.length + 1);
  const raw = `${options.before}\n${written.text}\n${options.after ?? ""}`;
  const text = options.edit ? options.edit(raw) : raw;
  if (text.length !== raw.length) throw new Error("edit must keep the text's length");
  const table = {
    ...written.table,
    cells: written.table.cells.map(({ span, ...cell }) =>
      span && span.end > span.start ? { ...cell, span, text: text.slice(span.start, span.end) } : cell,
    ),
  };
  return { model: docFromText(text, [table]), text: docFromText(text) };
}
