import type { InkMask } from "./binarise.js";
import type { Span } from "./layout-columns.js";

/**
 * Ink closer than this (line heights) is one line: a diacritic above its letter. Two lines of one
 * cell are further apart.
 */
const LINE_JOIN_LINES = 0.15;
/** A line of text is at least this tall (line heights): a dash or a speck is none. */
const MIN_LINE_LINES = 0.3;
/** …and at most this tall: a scanner's dark edge is none either. */
const MAX_LINE_LINES = 3;
/** Baseline distances closer than this (line heights) are equal. */
const PITCH_SLACK_LINES = 0.1;
/** A header line this much further (line heights) from the first row than lines are apart is a row of its own. */
const HEADER_BREAK_LINES = 0.2;
/** A row of ink may hold one speck of grain per this many pixels of width and still be white. */
const SPECK_WIDTH = 500;
/** A column holds text on a line where it has at least this much ink (square line heights). */
const CELL_INK = 0.05;

/** A line of text: its ink rows (end excluded) and its baseline. */
export interface InkLine {
  top: number;
  bottom: number;
  base: number;
}

/** Runs of indexes whose value is at least `min`, joined across gaps of at most `join`. */
export function runs(values: ArrayLike<number>, min: number, join: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < values.length; i++) {
    if ((values[i] ?? 0) < min) continue;
    const last = out[out.length - 1];
    if (last && i - last[1] <= join) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

/** Ink counts of the mask's box `x0..x1 × y0..y1` (end excluded), per column or per row. */
export function profile(
  mask: InkMask,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  perColumn: boolean,
): Uint32Array {
  const out = new Uint32Array(Math.max(0, perColumn ? x1 - x0 : y1 - y0));
  for (let y = y0; y < y1; y++) {
    const row = y * mask.width;
    for (let x = x0; x < x1; x++) {
      if (!mask.data[row + x]) continue;
      const i = perColumn ? x - x0 : y - y0;
      out[i] = (out[i] ?? 0) + 1;
    }
  }
  return out;
}

/**
 * The lines of text in the box `x0..x1 × y0..y1`, top to bottom. The baseline is the lowest row
 * still holding half the line's densest ink: descenders, the dot below "ạ" and the marks above
 * capitals are thin, so baselines are spaced evenly where the tops and bottoms of the ink are not
 * ("vụ" has no ascender; "Ủy" has a mark above its capital).
 */
export function inkLines(
  mask: InkMask,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  lineHeight: number,
): InkLine[] {
  const counts = profile(mask, x0, y0, x1, y1, false);
  // A few specks of grain in a wide row are no ink: they would join two lines into one.
  const specks = Math.floor((x1 - x0) / SPECK_WIDTH);
  return runs(counts, specks + 1, Math.round(LINE_JOIN_LINES * lineHeight))
    .filter(([a, b]) => b - a >= MIN_LINE_LINES * lineHeight && b - a <= MAX_LINE_LINES * lineHeight)
    .map(([a, b]) => {
      let densest = 0;
      for (let y = a; y < b; y++) densest = Math.max(densest, counts[y] ?? 0);
      let base = a;
      for (let y = a; y < b; y++) if ((counts[y] ?? 0) * 2 >= densest) base = y;
      return { top: a + y0, bottom: b + y0, base: base + y0 };
    });
}

/**
 * Where the rows of a borderless table begin and end (`columns` left to right, between `top`
 * and `bottom`): the y of every cut, first `top`, last `bottom`. Null without two rows.
 *
 * Every line of text in the first column starts a row (the numbering, a unit's name), except a
 * line that only continues the one above: right below it, with text in fewer than half of the
 * other columns where the line above had text in half or more (a unit's name wrapped in its
 * cell). Two rows are cut apart along a strip of white across the whole table, the one where the
 * lines on either side stand furthest apart in every column (a paragraph's spacing, the cells'
 * margins; baselines, see {@link inkLines}), the lowest of equal ones: Word tables align cells at
 * the top, so lines between two numbers belong to the row above unless the spacing says
 * otherwise. Lines of the other columns above the first column's first line, clearly apart
 * from it, are a header row whose first cell is empty.
 */
export function rowCuts(
  mask: InkMask,
  columns: Span[],
  top: number,
  bottom: number,
  lineHeight: number,
): number[] | null {
  const round = ([a, b]: Span): Span => [Math.round(a), Math.round(b)];
  const lines = columns.map((column) => {
    const [a, b] = round(column);
    return inkLines(mask, a, top, b, bottom, lineHeight);
  });
  const firsts = lines[0] ?? [];
  const allLines = lines.flat();
  if (firsts.length === 0) return null;
  const slack = PITCH_SLACK_LINES * lineHeight;
  const pitches = lines.flatMap((column) =>
    column.slice(1).map((line, i) => line.base - (column[i] as InkLine).base),
  );
  const pitch = Math.min(...pitches.filter((p) => p >= lineHeight), Number.POSITIVE_INFINITY);
  const filled = (line: InkLine) =>
    columns.slice(1).filter((column) => {
      const [a, b] = round(column);
      let ink = 0;
      for (const count of profile(mask, a, line.top, b, line.bottom, true)) ink += count;
      return ink >= CELL_INK * lineHeight * lineHeight;
    }).length;
  const half = (columns.length - 1) / 2;

  // The first-column lines that start rows.
  const starts: InkLine[] = [];
  firsts.forEach((line, i) => {
    const above = firsts[i - 1];
    const start = starts[starts.length - 1];
    const continues =
      above !== undefined &&
      start !== undefined &&
      line.base - above.base <= pitch + slack &&
      filled(line) < half &&
      filled(start) >= half;
    if (!continues) starts.push(line);
  });

  // Strips of white across the table, each with the distance of the baselines around it.
  const [x0, x1] = round([(columns[0] as Span)[0], (columns[columns.length - 1] as Span)[1]]);
  const specks = Math.floor((x1 - x0) / SPECK_WIDTH);
  const across = profile(mask, x0, top, x1, bottom, false);
  const strips = runs(
    across.map((count) => (count <= specks ? 1 : 0)),
    1,
    0,
  )
    .map(([a, b]) => {
      const cut = Math.round((a + b) / 2) + top;
      const apart = lines.flatMap((column) => {
        const before = column.filter((line) => line.bottom <= cut).pop();
        const after = column.find((line) => line.top >= cut);
        return before && after ? [after.base - before.base] : [];
      });
      return { cut, apart: Math.min(...apart) };
    })
    // White with no text on one side (above the table's first line) separates nothing; white
    // inside a line of some column (between letters and the dots below them) is no cut.
    .filter(
      ({ apart, cut }) => Number.isFinite(apart) && !allLines.some((l) => l.top < cut && l.bottom > cut),
    );
  const widest = (from: number, to: number) => {
    const between = strips.filter(({ cut }) => cut > from && cut < to);
    const most = Math.max(...between.map(({ apart }) => apart));
    return between.filter(({ apart }) => apart >= most - slack).pop();
  };

  const cuts = [top];
  const head = widest(top, (starts[0] as InkLine).top);
  if (head && head.apart > pitch + HEADER_BREAK_LINES * lineHeight) cuts.push(head.cut);
  for (let k = 1; k < starts.length; k++) {
    const line = starts[k] as InkLine;
    cuts.push(widest((starts[k - 1] as InkLine).bottom, line.top)?.cut ?? line.top - 1);
  }
  cuts.push(bottom);
  return cuts.length > 2 ? cuts : null;
}
