import type { NormalisedDocument } from "../../pipeline/text/types.js";
import { ocrNumberView } from "./ocr-numbers.js";

/** One cell of a table row: its trimmed text and where that text lies in the document's normalised text. */
export interface TableCell {
  text: string;
  start: number;
  end: number;
  /**
   * Set on a cell of a loose row ({@link alignLooseRow}) when adjacent text columns could not be told
   * apart: the first of them holds their joined text ("merged"), the others are empty ("unknown").
   */
  merged?: boolean;
  unknown?: boolean;
}

/** One row of a table: a line of the normalised text whose cells are separated by "\t". */
export interface TableRow {
  /** Counts the tables of the document from 0: consecutive rows (blank lines between them allowed) share one. */
  table: number;
  /** Offsets of the whole line (without its line break). */
  start: number;
  end: number;
  /** Every cell of the line, empty ones included, so that column positions line up with the header. */
  cells: TableCell[];
  /**
   * A line of the table that lost its tabs (OCR, a converter): one cell holding the whole line. Its
   * cells are only known after {@link alignLooseRow} lines its words up with the table's columns.
   */
  loose?: boolean;
}

/** A cell boundary in a line without tabs: a run of two or more spaces (a plain-text or OCR grid). */
const SPACE_RUN = / {2,}/g;
/** A loose row starts with a row number ("3 UBND xã …") and holds at least one more number. */
const LOOSE_START = /^\s*\d{1,3}[.)]?\s+\S/;
const LOOSE_NUMBERS = /(?<![\p{L}\d])\d+(?:[.,]\d+)?(?![\p{L}\d])/gu;

type LineKind = "tab" | "spaced" | "blank" | "other";

/**
 * Reads the table rows of a normalised document. The normaliser writes every table row on one line
 * with its cells separated by tabs, whatever the source format was (DOCX table, PDF grid, OCR grid,
 * markdown pipes), so a line holding a tab is a row. Rows separated only by blank lines belong to the
 * same table (a page break repeats the header and leaves an empty line); any other line ends it.
 *
 * Two kinds of lines without tabs are read too. A line whose cells are separated by runs of two or
 * more spaces (text that did not go through the normaliser, a plain-text grid) is a row when the
 * line above or below it is a row with as many cells: one such line alone is more likely a typing
 * slip. And,
 * with `loose`, a line that stands between two rows of a table, or right after one, starts with a
 * row number and holds another number, is returned as a loose row of that table (a row whose tabs
 * OCR dropped); a loose row between two rows does not end the table.
 */
export function tableRows(
  doc: Pick<NormalisedDocument, "text">,
  options: { loose?: boolean } = {},
): TableRow[] {
  const text = doc.text;
  const lines: { start: number; end: number; kind: LineKind }[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf("\n", s);
    if (e < 0) e = text.length;
    const line = text.slice(s, e);
    const kind: LineKind = line.includes("\t")
      ? "tab"
      : line.trim() === ""
        ? "blank"
        : (line.trim().match(SPACE_RUN)?.length ?? 0) >= 2
          ? "spaced"
          : "other";
    lines.push({ start: s, end: e, kind });
    s = e + 1;
  }
  const neighbour = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      if (lines[j]?.kind !== "blank") return lines[j];
    }
    return undefined;
  };
  // A spaced line counts as a row only next to another row (tab or spaced) with as many cells.
  const width = (l: { start: number; end: number; kind: LineKind }) =>
    l.kind === "tab"
      ? text.slice(l.start, l.end).split("\t").length
      : (text.slice(l.start, l.end).trim().match(SPACE_RUN)?.length ?? 0) + 1;
  const isRow = lines.map(
    (l, i) =>
      l.kind === "tab" ||
      (l.kind === "spaced" &&
        [neighbour(i, -1), neighbour(i, 1)].some((n) => n && n.kind !== "other" && width(n) === width(l))),
  );
  const rows: TableRow[] = [];
  let table = -1;
  let inTable = false;
  lines.forEach((l, i) => {
    if (l.kind === "blank") return;
    if (isRow[i]) {
      if (!inTable) table++;
      inTable = true;
      const cells =
        l.kind === "tab" ? splitCells(text, l.start, l.end, "\t") : splitSpaced(text, l.start, l.end);
      rows.push({ table, start: l.start, end: l.end, cells });
      return;
    }
    const previous = rows.at(-1);
    const afterRow = inTable && previous !== undefined;
    const nextIndex = lines.findIndex((n, j) => j > i && n.kind !== "blank");
    const beforeRow = nextIndex >= 0 && isRow[nextIndex] === true;
    if (afterRow && looksLikeLooseRow(text.slice(l.start, l.end))) {
      if (options.loose) {
        const cell = trimmedCell(text, l.start, l.end);
        rows.push({ table, start: l.start, end: l.end, cells: [cell], loose: true });
      }
      // Between two rows the table goes on; after the last one it ends here.
      inTable = beforeRow;
      return;
    }
    inTable = false;
  });
  return rows;
}

function looksLikeLooseRow(line: string): boolean {
  if (!LOOSE_START.test(line) || line.length > 400 || /:\s*$/.test(line)) return false;
  return (line.match(LOOSE_NUMBERS)?.length ?? 0) >= 2;
}

/** The cell `start..end` trimmed of surrounding whitespace. */
function trimmedCell(text: string, start: number, end: number): TableCell {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return { text: text.slice(s, e), start: s, end: e };
}

/** Splits the line `start..end` at `separator` into cells, each trimmed of surrounding whitespace. */
function splitCells(text: string, start: number, end: number, separator: string): TableCell[] {
  const cells: TableCell[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === separator) {
      cells.push(trimmedCell(text, cellStart, i));
      cellStart = i + 1;
    }
  }
  return cells;
}

/** Splits a line at runs of two or more spaces (leading indentation is no cell boundary). */
function splitSpaced(text: string, start: number, end: number): TableCell[] {
  const cells: TableCell[] = [];
  const line = text.slice(start, end);
  const lead = line.length - line.trimStart().length;
  let cellStart = start + lead;
  for (const m of line.slice(lead).matchAll(SPACE_RUN)) {
    const at = start + lead + m.index;
    cells.push(trimmedCell(text, cellStart, at));
    cellStart = at + m[0].length;
  }
  cells.push(trimmedCell(text, cellStart, end));
  return cells;
}

/** The folded view of a cell (same offsets as its text), for keyword matching. */
export function foldedCell(doc: Pick<NormalisedDocument, "folded">, cell: TableCell): string {
  return doc.folded.slice(cell.start, cell.end);
}

/**
 * What a column holds, for lining up a loose row: one number ("number"), one or more words that do
 * not start with a number ("text"), or nothing ("empty": the column is blank in every row).
 */
export type ColumnKind = "number" | "text" | "empty";

/** A number cell as OCR leaves it ("95,50", "95.50", "9l,25", "-", "1/19"), on the repaired folded view. */
const NUMBER_TOKEN = /^(?:[-–—]|\d+(?:[.,]\d+)*(?:\/\d+)?)$/;

/**
 * The kind of each of the `width` columns, from the table's well-formed rows (`rows`, header
 * excluded): a column whose filled cells are mostly numbers is a number column, a column empty in
 * every row is empty, any other is text. `view` is the folded text with OCR digits repaired
 * (lib/ocr-numbers.ts); a caller that has it passes it.
 */
export function columnKinds(
  doc: Pick<NormalisedDocument, "folded">,
  rows: readonly TableRow[],
  width: number,
  view: string = ocrNumberView(doc.folded),
): ColumnKind[] {
  const kinds: ColumnKind[] = [];
  for (let c = 0; c < width; c++) {
    let filled = 0;
    let numbers = 0;
    for (const row of rows) {
      const cell = row.cells[c];
      if (row.loose || !cell || cell.end === cell.start) continue;
      filled++;
      // A lone "l" in a cell is OCR's "1" (a rank column of OCR'd rows starts "l, 2, 3 …").
      if (
        NUMBER_TOKEN.test(
          view
            .slice(cell.start, cell.end)
            .trim()
            .replace(/^[li]$/, "1"),
        )
      )
        numbers++;
    }
    kinds.push(filled === 0 ? "empty" : numbers * 10 >= filled * 6 ? "number" : "text");
  }
  return kinds;
}

/** At most this many ways to split a loose row are collected before it is given up as ambiguous. */
const MAX_SPLITS = 64;
/** At most this many partial splits are tried (many text columns side by side would explode). */
const MAX_STEPS = 20_000;

/**
 * The cells of a loose row, lined up with columns of the given kinds: each number column takes one
 * number token (a lone "l" counts: OCR's "1"), each text column one or more words whose first is not a number, empty columns take
 * nothing. When only one split fits, its cells are returned. When several fit (two text columns side
 * by side, "Tiêu chí 3 Nội dung 1: …"), a column whose cell is the same in every split keeps it; a
 * run of text columns whose boundary varies gives its joined text to its first column (marked
 * `merged`) and leaves the others `unknown`. Null when no split fits or a number column varies: a
 * guess would put a score in the wrong column. `view` as in {@link columnKinds}.
 */
export function alignLooseRow(
  doc: Pick<NormalisedDocument, "text" | "folded">,
  row: TableRow,
  kinds: readonly ColumnKind[],
  view: string = ocrNumberView(doc.folded),
): TableRow | null {
  const words = [...doc.text.slice(row.start, row.end).matchAll(/\S+/g)].map((m) => {
    const start = row.start + m.index;
    const end = start + m[0].length;
    const token = view.slice(start, end);
    // A lone "l" or "i" is OCR's "1" where a number column expects one, and a word elsewhere.
    return { start, end, number: NUMBER_TOKEN.test(token), digitLike: /^[li]$/.test(token) };
  });
  const splits: number[][] = [];
  let steps = 0;
  // bounds[c] = index of the first word of column c (for empty columns: where it would start).
  const walk = (c: number, w: number, bounds: number[]) => {
    if (splits.length > MAX_SPLITS || ++steps > MAX_STEPS) return;
    if (c === kinds.length) {
      if (w === words.length) splits.push([...bounds, w]);
      return;
    }
    const kind = kinds[c];
    if (kind === "empty") return walk(c + 1, w, [...bounds, w]);
    if (w >= words.length) return;
    if (kind === "number") {
      if (words[w]?.number || words[w]?.digitLike) walk(c + 1, w + 1, [...bounds, w]);
      return;
    }
    if (words[w]?.number) return;
    for (let end = w + 1; end <= words.length; end++) walk(c + 1, end, [...bounds, w]);
  };
  walk(0, 0, []);
  if (splits.length === 0 || splits.length > MAX_SPLITS || steps > MAX_STEPS) return null;
  const cells: TableCell[] = [];
  for (let c = 0; c < kinds.length; c++) {
    const spans = new Set(splits.map((b) => `${b[c]}:${b[c + 1]}`));
    const first = splits[0] as number[];
    const from = first[c] as number;
    const to = first[c + 1] as number;
    if (spans.size === 1) {
      cells.push(wordsCell(doc.text, words, from, to, row.end));
      continue;
    }
    if (kinds[c] === "number") return null;
    // A run of text columns with varying boundaries: from its (fixed) start to its (fixed) end.
    let last = c;
    while (last + 1 < kinds.length && kinds[last + 1] !== "number") last++;
    const runFrom = Math.min(...splits.map((b) => b[c] as number));
    const runTo = Math.max(...splits.map((b) => b[last + 1] as number));
    cells.push({ ...wordsCell(doc.text, words, runFrom, runTo, row.end), merged: true });
    for (let k = c + 1; k <= last; k++) cells.push({ text: "", start: row.end, end: row.end, unknown: true });
    c = last;
  }
  return { ...row, cells, loose: true };
}

function wordsCell(
  text: string,
  words: readonly { start: number; end: number }[],
  from: number,
  to: number,
  rowEnd: number,
): TableCell {
  if (to <= from) return { text: "", start: rowEnd, end: rowEnd };
  const start = words[from]?.start ?? rowEnd;
  const end = words[to - 1]?.end ?? rowEnd;
  return { text: text.slice(start, end), start, end };
}
