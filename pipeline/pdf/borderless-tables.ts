import { type Box, type Grid, latticeCells } from "./grid.js";
import type { PdfTextItem } from "./page-content.js";

/**
 * Borderless tables of a PDF page: blocks of lines whose text keeps to the same columns, with
 * vertical channels of white space between them that hold from line to line. Two columns are never
 * enough: the two-column header of a Vietnamese document ("ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI …"),
 * its "Số: … | …, ngày …" line and its signature block ("Nơi nhận: … | TM. ỦY BAN NHÂN DÂN") are
 * laid out in two columns, and the reference text reads them column by column, as pdf-parse does;
 * turning them into rows would interleave them. A borderless table needs three columns or more and
 * at least three lines holding text in three of them.
 */

/** A gap this wide (in font sizes) between two items of a line separates two columns. */
const COLUMN_GAP = 0.75;
/** A channel narrower than this (in font sizes) after intersecting its lines is no longer one. */
const MIN_CHANNEL = 0.4;
/** Lines further apart than this (in font sizes) are not in the same table. */
const MAX_LINE_PITCH = 3;
/** Lines closer than this (in font sizes) are one visual row (cells centred at different heights). */
const SAME_BAND = 0.8;
/** A line pitch this much above the table's tightest one is the space between two rows. */
const ROW_SPACING = 1.35;
/** A key column (row numbers) holds texts this short. */
const MAX_KEY_LENGTH = 8;
const MIN_COLUMNS = 3;
const MIN_FULL_LINES = 3;

interface Segment {
  x0: number;
  x1: number;
  text: string;
}

interface Line {
  y: number;
  fontSize: number;
  segments: Segment[];
}

interface Interval {
  from: number;
  to: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function inside(box: Box, x: number, y: number): boolean {
  return x >= box.x0 - 1 && x <= box.x1 + 1 && y >= box.y0 - 1 && y <= box.y1 + 1;
}

/** Groups the visible items (outside `exclude`) into lines by baseline and each line into segments. */
export function textLines(items: readonly PdfTextItem[], exclude: readonly Box[] = []): Line[] {
  const visible = items
    .filter((item) => item.str.trim() !== "" && item.width > 0 && item.fontSize > 0)
    .filter(
      (item) => !exclude.some((box) => inside(box, item.x + item.width / 2, item.y - item.fontSize / 3)),
    )
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of visible) {
    const last = groups[groups.length - 1];
    const lastY = last ? median(last.map((i) => i.y)) : Number.NEGATIVE_INFINITY;
    if (last && Math.abs(item.y - lastY) <= item.fontSize * 0.25) last.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const fontSize = median(group.map((i) => i.fontSize));
    const sorted = [...group].sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const item of sorted) {
      const last = segments[segments.length - 1];
      if (last && item.x - last.x1 < COLUMN_GAP * fontSize) {
        last.x1 = Math.max(last.x1, item.x + item.width);
        last.text += item.str;
      } else segments.push({ x0: item.x, x1: item.x + item.width, text: item.str });
    }
    return { y: median(group.map((i) => i.y)), fontSize, segments };
  });
}

/** White-space intervals between a line's segments at least `min` wide. */
function innerGaps(line: Line, min: number): Interval[] {
  const gaps: Interval[] = [];
  for (let k = 1; k < line.segments.length; k++) {
    const from = (line.segments[k - 1] as Segment).x1;
    const to = (line.segments[k] as Segment).x0;
    if (to - from >= min) gaps.push({ from, to });
  }
  return gaps;
}

/**
 * The channels after one more line: each narrowed to the widest part the line leaves free, or
 * undefined when the line's text crosses one (the line is not part of the table).
 */
function narrow(channels: Interval[], line: Line, min: number): Interval[] | undefined {
  const out: Interval[] = [];
  for (const channel of channels) {
    let best: Interval | undefined;
    let from = channel.from;
    for (const segment of line.segments) {
      if (segment.x1 <= from || segment.x0 >= channel.to) continue;
      if (segment.x0 > from && (!best || segment.x0 - from > best.to - best.from))
        best = { from, to: segment.x0 };
      from = Math.max(from, segment.x1);
    }
    if (channel.to > from && (!best || channel.to - from > best.to - best.from))
      best = { from, to: channel.to };
    if (!best || best.to - best.from < min) return undefined;
    out.push(best);
  }
  return out;
}

/** Which columns (split at the channels' middles) a line has text in. */
function occupied(line: Line, edges: number[]): Set<number> {
  const columns = new Set<number>();
  for (const segment of line.segments) {
    const middle = (segment.x0 + segment.x1) / 2;
    let col = 0;
    while (col + 1 < edges.length - 1 && middle > (edges[col + 1] as number)) col++;
    columns.add(col);
  }
  return columns;
}

function columnEdges(lines: Line[], channels: Interval[]): number[] {
  const x0 = Math.min(...lines.flatMap((l) => l.segments.map((s) => s.x0)));
  const x1 = Math.max(...lines.flatMap((l) => l.segments.map((s) => s.x1)));
  return [x0 - 1, ...channels.map((c) => (c.from + c.to) / 2), x1 + 1];
}

/** Grows a table from line `start` (which has three segments or more): down, then up. */
function growRun(
  lines: Line[],
  start: number,
  used: boolean[],
): { first: number; last: number; channels: Interval[] } {
  const startLine = lines[start] as Line;
  let channels = innerGaps(startLine, COLUMN_GAP * startLine.fontSize);
  let last = start;
  for (let j = start + 1; j < lines.length && !used[j]; j++) {
    const line = lines[j] as Line;
    if (line.y - (lines[j - 1] as Line).y > MAX_LINE_PITCH * line.fontSize) break;
    const next = narrow(channels, line, MIN_CHANNEL * line.fontSize);
    if (!next) break;
    channels = next;
    last = j;
  }
  let first = start;
  const edges = columnEdges(lines.slice(start, last + 1), channels);
  for (let j = start - 1; j >= 0 && !used[j]; j--) {
    const line = lines[j] as Line;
    if ((lines[j + 1] as Line).y - line.y > 1.5 * line.fontSize) break;
    const next = narrow(channels, line, MIN_CHANNEL * line.fontSize);
    if (!next || occupied(line, edges).size < 2) break;
    channels = next;
    first = j;
  }
  return { first, last, channels };
}

/** Splits a table's lines into rows; returns the index (into `lines`) of each row's first line. */
function rowStarts(lines: Line[], edges: number[]): number[] {
  const columns = lines.map((line) => occupied(line, edges));
  // Visual rows: lines closer than a line height hold cells centred at different heights.
  const bandStart: boolean[] = lines.map(
    (line, k) => k === 0 || line.y - (lines[k - 1] as Line).y >= SAME_BAND * line.fontSize,
  );
  const bands: number[] = bandStart.flatMap((start, k) => (start ? [k] : []));
  const bandColumns = bands.map((b, i) => {
    const end = bands[i + 1] ?? lines.length;
    return new Set(columns.slice(b, end).flatMap((set) => [...set]));
  });
  const keyTexts = bands.flatMap((b, i) => {
    const end = bands[i + 1] ?? lines.length;
    return lines.slice(b, end).flatMap((line) => {
      const segment = line.segments.find((s) => (s.x0 + s.x1) / 2 <= (edges[1] as number));
      return segment ? [segment.text.trim()] : [];
    });
  });
  // Numbered rows ("1", "2", "II", "a)"): a row starts where the key column has text.
  const numbered = keyTexts.length >= MIN_FULL_LINES && keyTexts.every((t) => t.length <= MAX_KEY_LENGTH);
  const pitches = bands.slice(1).map((b, i) => (lines[b] as Line).y - (lines[bands[i] as number] as Line).y);
  const tightest = pitches.length > 0 ? Math.min(...pitches) : 0;
  return bands.filter((_, i) => {
    if (i === 0) return true;
    const cols = bandColumns[i] as Set<number>;
    if (numbered) return cols.has(0);
    return cols.size >= 2 || (pitches[i - 1] as number) > ROW_SPACING * tightest;
  });
}

/** The lattice of a table made of `lines` (rows from {@link rowStarts}, one cell per grid position). */
function borderlessGrid(lines: Line[], channels: Interval[]): Grid {
  const xs = columnEdges(lines, channels);
  const starts = rowStarts(lines, xs);
  const top = (line: Line) => line.y - line.fontSize;
  const bottom = (line: Line) => line.y + line.fontSize * 0.3;
  const ys = starts.map((start, i) => {
    if (i === 0) return top(lines[start] as Line);
    return (bottom(lines[start - 1] as Line) + top(lines[start] as Line)) / 2;
  });
  ys.push(bottom(lines[lines.length - 1] as Line));
  const cells = latticeCells(
    xs,
    ys,
    () => false,
    () => false,
  );
  const box = {
    x0: xs[0] as number,
    y0: ys[0] as number,
    x1: xs[xs.length - 1] as number,
    y1: ys[ys.length - 1] as number,
  };
  return { kind: "borderless", xs, ys, cells, box };
}

/**
 * The borderless tables among a page's items, top to bottom, leaving out items inside `exclude`
 * (the ruled tables already found).
 */
export function findBorderlessGrids(items: readonly PdfTextItem[], exclude: readonly Box[] = []): Grid[] {
  const lines = textLines(items, exclude);
  const used = lines.map(() => false);
  const grids: Grid[] = [];
  for (let start = 0; start < lines.length; start++) {
    const line = lines[start] as Line;
    if (used[start] || line.segments.length < MIN_COLUMNS) continue;
    const run = growRun(lines, start, used);
    if (run.channels.length < MIN_COLUMNS - 1) continue;
    let block = lines.slice(run.first, run.last + 1);
    const edges = columnEdges(block, run.channels);
    const full = block.map((l) => occupied(l, edges).size >= MIN_COLUMNS);
    if (full.filter(Boolean).length < MIN_FULL_LINES) continue;
    // Lines after the last one holding text in two columns or more go only when set tight under it
    // (the wrapped end of that row's cells), not when spaced like the paragraph that follows.
    const lastMulti = block.map((l) => occupied(l, edges).size >= 2).lastIndexOf(true);
    const pitch = median(block.slice(1).map((l, k) => l.y - (block[k] as Line).y));
    let last = lastMulti;
    while (last + 1 < block.length && (block[last + 1] as Line).y - (block[last] as Line).y <= 1.25 * pitch)
      last++;
    block = block.slice(0, last + 1);
    for (let k = run.first; k <= run.first + last; k++) used[k] = true;
    grids.push(borderlessGrid(block, run.channels));
  }
  return grids;
}
