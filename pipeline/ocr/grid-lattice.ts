import { type InkMask, transposeMask } from "./binarise.js";
import { findStrokes, mergeStrokes, type Rule } from "./grid-strokes.js";

/** A point in page pixels. */
export interface Point {
  x: number;
  y: number;
}

/** Four corners in page pixels: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/** One cell of a ruled table: its place in the lattice and its outline on the page. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Outline along the centre of the cell's rules (a skewed or photographed cell is no rectangle). */
  quad: Quad;
}

/** A ruled table found in a page image. */
export interface TableGrid {
  rows: number;
  cols: number;
  /** Every cell, merged cells once, in reading order (row by row, left to right). */
  cells: GridCell[];
  outline: Quad;
  /** Typical thickness of the table's rules, in pixels. */
  ruleThickness: number;
  /** Tilt of the table's horizontal rules in degrees (positive: turned clockwise), their median. */
  skew: number;
}

/** A ruled line in page coordinates: horizontal as y = a + b·x, vertical as x = a + b·y. */
interface Line {
  rule: Rule;
  horizontal: boolean;
}

/** Position of a line across its direction at `along` (y of a horizontal line at x = along). */
const across = (line: Line, along: number) => line.rule.a + line.rule.b * along;

/** Where a horizontal and a vertical line cross. */
function cross(h: Line, v: Line): Point {
  const x = (v.rule.a + v.rule.b * h.rule.a) / (1 - h.rule.b * v.rule.b);
  return { x, y: h.rule.a + h.rule.b * x };
}

/**
 * Finds the ruled tables of a page: horizontal and vertical rules (strokes of thin ink joined along
 * straight lines, slopes up to about 6° so skewed scans and photos keep them), kept where they
 * cross each other; every set of rules that cross one another with at least 2 × 2 lines is a
 * table. Between consecutive rules lie the rows and columns; a cell border missing over most of
 * its length joins the cells on either side (merged cells), a border with gaps (a broken or
 * faint rule) does not. Lines under a title, or rules with nothing crossing them, are no table.
 */
export function findTableGrids(mask: InkMask, dpi: number): TableGrid[] {
  const minLength = Math.max(12, Math.round(dpi * 0.15));
  // Strokes down to a third of a rule's minimum length are looked for: they may only lengthen a
  // rule (see mergeStrokes).
  const limits = {
    maxThickness: Math.max(4, Math.round(dpi / 30)),
    minLength: Math.round(minLength / 3),
    maxSlope: Math.tan((6 * Math.PI) / 180),
  };
  const tolerance = Math.max(3, Math.round(dpi / 50));
  const rules = (m: InkMask) => mergeStrokes(findStrokes(m, limits), tolerance, minLength);
  const lines: Line[] = [
    ...rules(mask).map((rule) => ({ rule, horizontal: true })),
    ...rules(transposeMask(mask)).map((rule) => ({ rule, horizontal: false })),
  ];
  // A rule may stop short of the rule it meets (a broken or faint line): a gap of a tenth of an
  // inch at its end still counts as meeting.
  const reach = Math.max(8, Math.round(dpi / 10));
  return crossingGroups(lines, reach)
    .map((group) => latticeOf(group, reach, mask))
    .filter((grid): grid is TableGrid => grid !== null)
    .sort((p, q) => p.outline[0].y - q.outline[0].y);
}

/** Does the line's inked extent reach `along` (within `reach` pixels)? */
const reaches = (line: Line, along: number, reach: number) =>
  along >= line.rule.x0 - reach - line.rule.thickness && along <= line.rule.x1 + reach + line.rule.thickness;

function meets(h: Line, v: Line, reach: number): boolean {
  const point = cross(h, v);
  return reaches(h, point.x, reach) && reaches(v, point.y, reach);
}

/**
 * Sets of lines connected by crossings, after pruning lines that cross fewer than two lines of
 * the other direction (a rule must run from one border to another to bound a cell).
 */
function crossingGroups(lines: Line[], reach: number): Line[][] {
  let alive = lines;
  for (;;) {
    const kept = alive.filter(
      (line) =>
        alive.filter((other) => other.horizontal !== line.horizontal && meetsEither(line, other)).length >= 2,
    );
    if (kept.length === alive.length) break;
    alive = kept;
  }
  function meetsEither(p: Line, q: Line) {
    return p.horizontal ? meets(p, q, reach) : meets(q, p, reach);
  }
  const parent = alive.map((_, i) => i);
  const find = (i: number) => rootOf(parent, i);
  for (let i = 0; i < alive.length; i++) {
    for (let j = i + 1; j < alive.length; j++) {
      const p = alive[i] as Line;
      const q = alive[j] as Line;
      if (p.horizontal !== q.horizontal && meetsEither(p, q)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Line[]>();
  alive.forEach((line, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), line]);
  });
  return [...groups.values()];
}

/**
 * Lines closer than a few pixels are one line (a double rule, or one rule found twice); a rule that
 * runs across the table is one line even when its pieces were fitted apart.
 */
function distinct(lines: Line[], centre: number, gap: number): Line[] {
  const sorted = [...lines].sort((p, q) => across(p, centre) - across(q, centre));
  const out: Line[] = [];
  for (const line of sorted) {
    const last = out[out.length - 1];
    if (last && across(line, centre) - across(last, centre) < gap) {
      const longer = last.rule.x1 - last.rule.x0 >= line.rule.x1 - line.rule.x0 ? last : line;
      const pieces = [...last.rule.pieces, ...line.rule.pieces].sort((p, q) => p[0] - q[0]);
      out[out.length - 1] = {
        horizontal: line.horizontal,
        rule: {
          ...longer.rule,
          pieces,
          x0: Math.min(last.rule.x0, line.rule.x0),
          x1: Math.max(last.rule.x1, line.rule.x1),
        },
      };
    } else out.push(line);
  }
  return out;
}

/**
 * Share of the stretch `from..to` of a line (along it) where the page has ink on the line (within
 * its thickness). Measured on the page rather than on the strokes found: where text touches a rule
 * the stroke finder loses the rule (the ink there is thick), but the ink is still there; where
 * cells are merged, only the few letters crossing the missing rule are.
 */
function inkAlong(mask: InkMask, line: Line, from: number, to: number): number {
  if (to - from < 1) return 1;
  const half = Math.ceil(line.rule.thickness / 2) + 1;
  let inked = 0;
  let total = 0;
  for (let t = Math.ceil(from); t <= to; t++) {
    const centre = Math.round(across(line, t));
    total++;
    for (let d = -half; d <= half; d++) {
      const x = line.horizontal ? t : centre + d;
      const y = line.horizontal ? centre + d : t;
      if (x >= 0 && y >= 0 && x < mask.width && y < mask.height && mask.data[y * mask.width + x]) {
        inked++;
        break;
      }
    }
  }
  return total === 0 ? 1 : inked / total;
}

function latticeOf(group: Line[], reach: number, mask: InkMask): TableGrid | null {
  const hs = group.filter((line) => line.horizontal);
  const vs = group.filter((line) => !line.horizontal);
  if (hs.length < 2 || vs.length < 2) return null;
  // Lines are sorted across the table's middle, where a photo's perspective bends them least.
  const centreX = median(vs.map((v) => across(v, (v.rule.x0 + v.rule.x1) / 2)));
  const centreY = median(hs.map((h) => across(h, (h.rule.x0 + h.rule.x1) / 2)));
  const thickness = median(group.map((line) => line.rule.thickness));
  const gap = Math.max(reach, thickness * 2 + 3);
  const rows = distinct(hs, centreX, gap);
  const cols = distinct(vs, centreY, gap);
  // One column is a frame or a box around a paragraph, not a table: its text is read as text.
  if (rows.length < 2 || cols.length < 3) return null;
  const nRows = rows.length - 1;
  const nCols = cols.length - 1;
  const at = (r: number, c: number) => cross(rows[r] as Line, cols[c] as Line);
  const margin = thickness + 2;

  // Union-find over cells: a border inked over less than half its length is no border.
  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number) => rootOf(parent, i);
  const join = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (c + 1 < nCols) {
        const top = at(r, c + 1).y;
        const bottom = at(r + 1, c + 1).y;
        if (inkAlong(mask, cols[c + 1] as Line, top + margin, bottom - margin) < 0.5) {
          join(r * nCols + c, r * nCols + c + 1);
        }
      }
      if (r + 1 < nRows) {
        const left = at(r + 1, c).x;
        const right = at(r + 1, c + 1).x;
        if (inkAlong(mask, rows[r + 1] as Line, left + margin, right - margin) < 0.5) {
          join(r * nCols + c, (r + 1) * nCols + c);
        }
      }
    }
  }
  const cells = spans(nRows, nCols, find).map(({ r0, r1, c0, c1 }) => ({
    row: r0,
    col: c0,
    rowSpan: r1 - r0 + 1,
    colSpan: c1 - c0 + 1,
    quad: [at(r0, c0), at(r0, c1 + 1), at(r1 + 1, c1 + 1), at(r1 + 1, c0)] as Quad,
  }));
  return {
    rows: nRows,
    cols: nCols,
    cells,
    outline: [at(0, 0), at(0, nCols), at(nRows, nCols), at(nRows, 0)],
    ruleThickness: thickness,
    skew: (Math.atan(median(rows.map((h) => h.rule.b))) * 180) / Math.PI,
  };
}

interface Span {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/**
 * Rectangles of merged cells. A group that is not a rectangle (a border missing in an odd place)
 * takes its bounding rectangle, swallowing any group inside it, until every group is a rectangle.
 */
function spans(nRows: number, nCols: number, find: (i: number) => number): Span[] {
  const owner = Array.from({ length: nRows * nCols }, (_, i) => find(i));
  for (let changed = true; changed; ) {
    changed = false;
    const boxes = boundingBoxes(owner, nCols);
    for (const [root, box] of boxes) {
      for (let r = box.r0; r <= box.r1; r++) {
        for (let c = box.c0; c <= box.c1; c++) {
          const other = owner[r * nCols + c] ?? root;
          if (other !== root) {
            for (let i = 0; i < owner.length; i++) if (owner[i] === other) owner[i] = root;
            changed = true;
          }
        }
      }
      if (changed) break;
    }
  }
  return [...boundingBoxes(owner, nCols).values()].sort((p, q) => p.r0 - q.r0 || p.c0 - q.c0);
}

/** The bounding rectangle of each group's cells (cells in row-major order, `owner[i]` = group). */
function boundingBoxes(owner: readonly number[], nCols: number): Map<number, Span> {
  const boxes = new Map<number, Span>();
  owner.forEach((root, i) => {
    const r = Math.floor(i / nCols);
    const c = i % nCols;
    const box = boxes.get(root);
    if (!box) boxes.set(root, { r0: r, r1: r, c0: c, c1: c });
    else
      Object.assign(box, {
        r0: Math.min(box.r0, r),
        r1: Math.max(box.r1, r),
        c0: Math.min(box.c0, c),
        c1: Math.max(box.c1, c),
      });
  });
  return boxes;
}

/** Union-find: the root of `i`, halving the path on the way. */
function rootOf(parent: number[], i: number): number {
  let at = i;
  while (parent[at] !== at) {
    const up = parent[parent[at] ?? at] ?? at;
    parent[at] = up;
    at = up;
  }
  return at;
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
