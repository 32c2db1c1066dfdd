import type { NormalisedDocument } from "../pipeline/text/types.js";
import { type TableCell, type TableRow, tableRows } from "./lib/table-rows.js";

/**
 * The layout of task tables (a plan's appendix "Biểu tổng hợp nhiệm vụ"): which column holds the
 * task, its result, the lead and implementing units and the time, read from the header row. Shared
 * by the tasks extractor (one task per row) and the deadlines extractor (the time column).
 */

/** What a column of a task table holds. */
export type ColumnRole =
  | "number"
  | "dimension"
  | "sub"
  | "task"
  | "output"
  | "lead"
  | "implement"
  | "support"
  | "deadline";

/** A task table: its header, the column index of each role, and its data rows (repeated headers dropped). */
export interface TaskTable {
  header: TableRow;
  columns: Partial<Record<ColumnRole, number>>;
  rows: TableRow[];
}

/** Header words of each column role (folded), tried in this order: the first role that fits wins. */
const HEADER_WORDS: ReadonlyArray<readonly [ColumnRole, RegExp]> = [
  ["number", /^(?:s?tt|so tt|so thu tu)$/],
  ["deadline", /thoi gian|thoi han|tien do|thoi diem/],
  ["lead", /chu tri|chiu trach nhiem|phu trach/],
  ["support", /phoi hop/],
  ["implement", /(?:don vi|co quan|bo phan|nguoi|trach nhiem)\b.*thuc hien|^thuc hien$/],
  ["sub", /noi dung thanh phan|chi so thanh phan|chi tieu thanh phan/],
  ["dimension", /chi so|tieu chi|linh vuc/],
  ["output", /ket qua|san pham/],
  ["task", /nhiem vu|giai phap|noi dung|cong viec|hoat dong/],
];

/**
 * Reads the columns of a header row; null unless it names a task column and a lead or time column
 * and holds no bare number.
 */
function headerColumns(doc: Pick<NormalisedDocument, "folded">, row: TableRow): TaskTable["columns"] | null {
  // A header names columns; a row holding a bare number ("1", "0,5") is data, even when its words
  // happen to name columns ("… chưa đúng thời gian quy định").
  if (row.cells.some((c) => /^\d+(?:[.,]\d+)?$/.test(c.text.trim()))) return null;
  const columns: TaskTable["columns"] = {};
  row.cells.forEach((cell, i) => {
    const name = doc.folded.slice(cell.start, cell.end).replace(/[*_]/g, "").replace(/\s+/g, " ").trim();
    if (name === "" || name.length > 60) return;
    const role = HEADER_WORDS.find(([, re]) => re.test(name))?.[0];
    if (role && columns[role] === undefined) columns[role] = i;
  });
  const hasWho =
    columns.lead !== undefined || columns.implement !== undefined || columns.deadline !== undefined;
  return columns.task !== undefined && hasWho ? columns : null;
}

const rowKey = (doc: Pick<NormalisedDocument, "folded">, row: TableRow) =>
  row.cells.map((c) => doc.folded.slice(c.start, c.end).replace(/\s+/g, " ").trim()).join("\t");

/**
 * The task tables of a document: each table whose header names a task column and a lead, an
 * implementing unit or a time column. Header rows repeated after a page break are dropped.
 */
export function taskTables(doc: Pick<NormalisedDocument, "text" | "folded" | "tables">): TaskTable[] {
  const out: TaskTable[] = [];
  let current: (TaskTable & { table: number; key: string }) | null = null;
  for (const row of tableRows(doc)) {
    if (current && current.table === row.table && rowKey(doc, row) === current.key) continue;
    const columns = row.cells.length >= 3 ? headerColumns(doc, row) : null;
    if (columns) {
      current = { header: row, columns, rows: [], table: row.table, key: rowKey(doc, row) };
      out.push(current);
    } else if (current && current.table === row.table) {
      current.rows.push(row);
    }
  }
  return out.map(({ header, columns, rows }) => ({ header, columns, rows }));
}

/**
 * The cell of `row` in column `role`, or null when the table has no such column or the cell is
 * empty. A cell merged down from a row above (`carried`, table model only) counts as empty, as in
 * the text, where only its first row holds it (one deadline per time cell); with `carried` it is
 * returned, flagged, for readers that apply it to every row it covers.
 */
export function cellOf(
  table: TaskTable,
  row: TableRow,
  role: ColumnRole,
  options: { carried?: boolean } = {},
): TableCell | null {
  const index = table.columns[role];
  if (index === undefined) return null;
  const cell = row.cells[index];
  if (!cell || cell.end <= cell.start) return null;
  return cell.carried && !options.carried ? null : cell;
}
