import type { NormalisedDocument } from "../../pipeline/text/types.js";
import { ocrDigitView, SCORE_DIGITS } from "./ocr-digits.js";
import type { TableCell } from "./table-cells.js";
import type { TableRow } from "./table-rows.js";

/**
 * Lining up a loose row (a table row that lost its tabs: OCR, a converter) with the columns of its
 * table, from what each column holds in the table's well-formed rows. Re-exported by table-rows.ts.
 */

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
 * (lib/ocr-digits.ts, `SCORE_DIGITS`); a caller that has it passes it.
 */
export function columnKinds(
  doc: Pick<NormalisedDocument, "folded">,
  rows: readonly TableRow[],
  width: number,
  view: string = ocrDigitView(doc.folded, SCORE_DIGITS),
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
  view: string = ocrDigitView(doc.folded, SCORE_DIGITS),
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
