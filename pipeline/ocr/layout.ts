import { type ColumnTable, columnRows, columnTableAt } from "./layout-columns.js";

/** A box in page pixels: `x0,y0` top-left, `x1,y1` bottom-right. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One word as tesseract read it. */
export interface OcrWord {
  text: string;
  box: Box;
}

/** One text line as tesseract found it, with the paragraph it belongs to (counted over the page). */
export interface OcrLine {
  words: OcrWord[];
  box: Box;
  paragraph: number;
}

/**
 * A piece of the page to place in reading order: a text line (or the part of one on one side of a
 * column gap), or a block whose text is already laid out (a table, rows on lines).
 */
export interface LayoutItem {
  box: Box;
  text: string;
  /** Tesseract's paragraph for text; a block has its own number and is never joined to text. */
  paragraph: number;
  block: boolean;
  /** The words of a text line piece, where OCR gave them (borderless tables are found by them). */
  words?: OcrWord[];
}

/**
 * Words further apart than this many line heights (the page's typical line) belong to different
 * columns (the issuer and the motto of a header, "Nơi nhận" and the signer). Justified prose
 * stretches its spaces to well under one line height; a header's columns can be as close as two.
 */
const COLUMN_GAP_LINES = 1.8;
/** A gutter narrower than this many line heights does not separate columns. */
const MIN_GUTTER_LINES = 1.5;
/**
 * Inside a two-column band, white space across both columns taller than this many line heights
 * ends one pair of columns and starts the next (issuer | motto, then number | date).
 */
const BAND_BREAK_LINES = 0.6;

/**
 * Splits tesseract's lines at gaps wider than {@link COLUMN_GAP_LINES} line heights: tesseract
 * often reads a two-column header as one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …").
 */
export function splitLines(lines: OcrLine[]): LayoutItem[] {
  const items: LayoutItem[] = [];
  // The page's typical line height: a bold header line with stacked diacritics is taller.
  const height = Math.max(1, median(lines.map((line) => line.box.y1 - line.box.y0)));
  for (const line of lines) {
    const words = line.words.filter((word) => word.text.trim() !== "");
    if (words.length === 0) continue;
    let piece: OcrWord[] = [];
    const flush = () => {
      if (piece.length === 0) return;
      items.push({
        box: {
          x0: Math.min(...piece.map((w) => w.box.x0)),
          y0: Math.min(...piece.map((w) => w.box.y0)),
          x1: Math.max(...piece.map((w) => w.box.x1)),
          y1: Math.max(...piece.map((w) => w.box.y1)),
        },
        text: piece.map((w) => w.text.trim()).join(" "),
        paragraph: line.paragraph,
        block: false,
        words: piece.map((w) => ({ text: w.text.trim(), box: w.box })),
      });
      piece = [];
    };
    for (const word of words) {
      const last = piece[piece.length - 1];
      if (last && word.box.x0 - last.box.x1 > COLUMN_GAP_LINES * height) flush();
      piece.push(word);
    }
    flush();
  }
  return items;
}

/** Items whose boxes overlap vertically by at least half the smaller height share a row. */
function rowsOf(items: LayoutItem[]): LayoutItem[][] {
  const sorted = [...items].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const rows: { items: LayoutItem[]; y0: number; y1: number }[] = [];
  for (const item of sorted) {
    const h = item.box.y1 - item.box.y0;
    const row = rows.find((r) => {
      const overlap = Math.min(r.y1, item.box.y1) - Math.max(r.y0, item.box.y0);
      return overlap >= 0.5 * Math.min(h, r.y1 - r.y0);
    });
    if (row && !item.block && !row.items.some((i) => i.block)) {
      row.items.push(item);
      row.y0 = Math.min(row.y0, item.box.y0);
      row.y1 = Math.max(row.y1, item.box.y1);
    } else rows.push({ items: [item], y0: item.box.y0, y1: item.box.y1 });
  }
  rows.sort((a, b) => a.y0 - b.y0);
  return rows.map((r) => r.items.sort((a, b) => a.box.x0 - b.box.x0));
}

/** Free x-intervals between the items of a row, narrower ones dropped. */
function gutters(row: LayoutItem[], min: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < row.length; i++) {
    const left = Math.max(...row.slice(0, i).map((item) => item.box.x1));
    const right = (row[i] as LayoutItem).box.x0;
    if (right - left >= min) out.push([left, right]);
  }
  return out;
}

/** The part of `gutter` no item of the row crosses, if still at least `min` wide. */
function narrowed(gutter: [number, number], row: LayoutItem[], min: number): [number, number] | null {
  let [from, to] = gutter;
  for (const item of row) {
    if (item.block) return null;
    if (item.box.x1 <= from || item.box.x0 >= to) continue;
    // The item sits in the gutter: keep the wider side of it.
    if (item.box.x0 - from >= to - item.box.x1) to = item.box.x0;
    else from = item.box.x1;
  }
  return to - from >= min ? [from, to] : null;
}

/**
 * Items read together on one output line; `apart` starts a new paragraph whatever the items say.
 * A row of a borderless table has its `cells` instead (written separated by "\t").
 */
export interface ReadingGroup {
  items: LayoutItem[];
  apart: boolean;
  cells?: string[];
}

/**
 * Puts the items of a page in reading order. Rows run top to bottom; where rows share a gutter
 * (a vertical strip of white that no item crosses, at least one row with text on both sides) they
 * form a band read as two columns: the left column top to bottom, then the right one. A band is cut
 * where white space runs across both columns (the issuer | motto pair, then the number | date
 * pair), and ends at the first row that crosses its gutter (prose, a table). Rows whose words
 * stand in three columns or more, row after row, are a borderless table (layout-columns.ts), read
 * row by row.
 */
export function readingOrder(items: LayoutItem[]): ReadingGroup[] {
  const heights = items.filter((i) => !i.block).map((i) => i.box.y1 - i.box.y0);
  const lineHeight = median(heights) || 30;
  const rows = rowsOf(items);
  const groups: ReadingGroup[] = [];
  let index = 0;
  while (index < rows.length) {
    const row = rows[index] as LayoutItem[];
    const table = columnTableAt(rows, index, lineHeight);
    if (table) {
      const items = table.rows.flat();
      groups.push(...columnRows(table).map((cells, i) => ({ items, apart: i === 0, cells })));
      index = table.end;
      continue;
    }
    const start = gutters(row, MIN_GUTTER_LINES * lineHeight)[0];
    if (!start) {
      groups.push({ items: row, apart: false });
      index++;
      continue;
    }
    let gutter: [number, number] = start;
    let end = index + 1;
    while (end < rows.length) {
      const next = narrowed(gutter, rows[end] as LayoutItem[], MIN_GUTTER_LINES * lineHeight);
      if (!next) break;
      gutter = next;
      end++;
    }
    groups.push(...bandOrder(rows.slice(index, end).flat(), gutter, lineHeight));
    index = end;
  }
  return groups;
}

/**
 * The borderless tables of a page (layout-columns.ts), top to bottom, found among its text rows
 * the way {@link readingOrder} finds them; `lineHeight` is the page's typical word height.
 */
export function findColumnTables(items: LayoutItem[]): { tables: ColumnTable[]; lineHeight: number } {
  const lineHeight = median(items.filter((i) => !i.block).map((i) => i.box.y1 - i.box.y0)) || 30;
  const rows = rowsOf(items);
  const tables: ColumnTable[] = [];
  for (let index = 0; index < rows.length; index++) {
    const table = columnTableAt(rows, index, lineHeight);
    if (!table) continue;
    tables.push(table);
    index = table.end - 1;
  }
  return { tables, lineHeight };
}

/** A band's items: cut where both columns are white, then each part left column first. */
function bandOrder(items: LayoutItem[], gutter: [number, number], lineHeight: number): ReadingGroup[] {
  const mid = (gutter[0] + gutter[1]) / 2;
  const sorted = [...items].sort((a, b) => a.box.y0 - b.box.y0);
  const parts: LayoutItem[][] = [];
  let part: LayoutItem[] = [];
  let bottom = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    if (part.length > 0 && item.box.y0 - bottom > BAND_BREAK_LINES * lineHeight) {
      parts.push(part);
      part = [];
    }
    part.push(item);
    bottom = Math.max(bottom, item.box.y1);
  }
  if (part.length > 0) parts.push(part);
  const byPosition = (a: LayoutItem, b: LayoutItem) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0;
  const out: ReadingGroup[] = [];
  for (const p of parts) {
    const left = p.filter((i) => (i.box.x0 + i.box.x1) / 2 < mid).sort(byPosition);
    const right = p.filter((i) => (i.box.x0 + i.box.x1) / 2 >= mid).sort(byPosition);
    // Each column, and each part of the band, is a paragraph of its own: never joined to the next.
    for (const side of [left, right]) {
      for (const [i, item] of side.entries()) out.push({ items: [item], apart: i === 0 });
    }
  }
  return out;
}

/**
 * The page's text in reading order: one line per row part, a blank line where the paragraph
 * changes (tesseract's paragraphs, a change of column, a block), so that the normaliser rejoins
 * wrapped lines only inside a paragraph. Blocks (tables) keep their own lines; `offsets` says
 * where each block's text starts in the page text.
 */
export function layoutText(items: LayoutItem[]): { text: string; offsets: Map<LayoutItem, number> } {
  const offsets = new Map<LayoutItem, number>();
  let text = "";
  let previous: LayoutItem | undefined;
  let previousRow = false;
  for (const { items: group, apart, cells } of readingOrder(items)) {
    const first = group[0];
    if (!first) continue;
    if (cells) {
      // Rows of a borderless table: one line each, a paragraph break around the whole table.
      if (previous) text += previousRow && !apart ? "\n" : "\n\n";
      text += cells.join("\t");
      previous = first;
      previousRow = true;
      continue;
    }
    if (previous) {
      const sameParagraph =
        !apart && !previousRow && !first.block && !previous.block && first.paragraph === previous.paragraph;
      text += sameParagraph ? "\n" : "\n\n";
    }
    for (const [i, item] of group.entries()) {
      if (i > 0) text += " ";
      if (item.block) offsets.set(item, text.length);
      text += item.text;
    }
    previous = group[group.length - 1];
    previousRow = false;
  }
  return { text, offsets };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
