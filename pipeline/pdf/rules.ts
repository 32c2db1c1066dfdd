/**
 * Ruling lines of a PDF page, from its drawing operators. Writers draw table borders two ways:
 * LibreOffice strokes each border as a line, Word fills a thin rectangle per border; both (and a
 * stroked rectangle around a cell) become horizontal or vertical segments here. Curves, slanted
 * lines, large filled areas (cell shading, backgrounds), clipping paths and white lines are not rules.
 */

/** A 2D affine matrix as pdfjs writes it: [a, b, c, d, e, f]. */
export type Matrix = [number, number, number, number, number, number];

/** A horizontal or vertical ruling line, in page points (origin top left, y down). */
export interface RuleSegment {
  orientation: "h" | "v";
  /** y of a horizontal rule, x of a vertical one. */
  at: number;
  /** Extent along the rule: x range of a horizontal rule, y range of a vertical one (from ≤ to). */
  from: number;
  to: number;
}

/** The pdfjs operator codes this reader needs (pdfjs's `OPS` has them all). */
export interface OperatorCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
}

/** pdfjs's path commands inside a constructPath (its `DrawOPS`). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

/** Shorter than this (points) is a dot or a glyph part, not a rule. */
const MIN_RULE_LENGTH = 2;
/** A segment this far off the axis (points) still counts as straight. */
const AXIS_TOLERANCE = 0.5;
/** A filled rectangle no thicker than this (points) is a drawn line: Word's borders are 0.5–1.5 pt. */
const MAX_FILLED_RULE_THICKNESS = 3;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2, as pdfjs's `Util.transform`. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

interface Point {
  x: number;
  y: number;
}

function apply(m: Matrix, x: number, y: number): Point {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

interface GraphicsState {
  ctm: Matrix;
  strokeInvisible: boolean;
  fillInvisible: boolean;
}

/** One subpath in page points, and whether it was closed. */
interface Subpath {
  points: Point[];
  closed: boolean;
}

/**
 * The ruling lines a page's operator list paints, in viewport coordinates (`viewport` is pdfjs's
 * viewport transform at scale 1). Tracks the current transformation matrix through save/restore,
 * `cm` and form XObjects.
 */
export function rulesFromOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OperatorCodes,
  viewport: Matrix,
): RuleSegment[] {
  const rules: RuleSegment[] = [];
  let state: GraphicsState = { ctm: IDENTITY, strokeInvisible: false, fillInvisible: false };
  const stack: GraphicsState[] = [];
  const strokes = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const fills = new Set([
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null | undefined;
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      stack.push(state);
      if (fn === ops.paintFormXObjectBegin && isMatrix(args?.[0])) {
        state = { ...state, ctm: multiply(state.ctm, args[0]) };
      }
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) {
      state = stack.pop() ?? state;
    } else if (fn === ops.transform && isMatrix(args)) {
      state = { ...state, ctm: multiply(state.ctm, args) };
    } else if (fn === ops.setStrokeRGBColor) {
      state = { ...state, strokeInvisible: isWhite(args?.[0]) };
    } else if (fn === ops.setFillRGBColor) {
      state = { ...state, fillInvisible: isWhite(args?.[0]) };
    } else if (fn === ops.constructPath && args) {
      const paint = args[0];
      const data = Array.isArray(args[1]) ? args[1][0] : undefined;
      if (typeof paint !== "number" || !isNumberArray(data)) continue;
      const stroked = strokes.has(paint) && !state.strokeInvisible;
      const filled = fills.has(paint) && !state.fillInvisible;
      if (!stroked && !filled) continue;
      const subpaths = parsePath(data, multiply(viewport, state.ctm));
      for (const subpath of subpaths) {
        if (stroked) rules.push(...strokedRules(subpath));
        else if (filled) rules.push(...filledRules(subpath));
      }
    }
  }
  return rules;
}

function isMatrix(value: unknown): value is Matrix {
  return isNumberArray(value) && value.length === 6;
}

function isNumberArray(value: unknown): value is ArrayLike<number> & Matrix {
  return (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    typeof (value as ArrayLike<unknown>)[0] === "number"
  );
}

/** pdfjs gives device colours as "#rrggbb"; white lines are invisible on paper. */
function isWhite(color: unknown): boolean {
  return typeof color === "string" && color.toLowerCase() === "#ffffff";
}

/** Splits pdfjs's flat path data into subpaths of transformed points. */
function parsePath(data: ArrayLike<number>, m: Matrix): Subpath[] {
  const subpaths: Subpath[] = [];
  let current: Subpath | undefined;
  const at = (k: number) => data[k] ?? 0;
  for (let k = 0; k < data.length; ) {
    const command = data[k++];
    if (command === MOVE_TO) {
      current = { points: [apply(m, at(k), at(k + 1))], closed: false };
      subpaths.push(current);
      k += 2;
    } else if (command === LINE_TO) {
      const point = apply(m, at(k), at(k + 1));
      if (!current) {
        current = { points: [], closed: false };
        subpaths.push(current);
      }
      current.points.push(point);
      k += 2;
    } else if (command === CURVE_TO) {
      // A curve ends any straight run: start afresh at its end point.
      current = { points: [apply(m, at(k + 4), at(k + 5))], closed: false };
      subpaths.push(current);
      k += 6;
    } else if (command === CLOSE_PATH) {
      if (current) current.closed = true;
      current = undefined;
    } else {
      break; // unknown command: the rest cannot be parsed safely
    }
  }
  return subpaths.filter((subpath) => subpath.points.length >= 2);
}

function segmentRule(p: Point, q: Point): RuleSegment | undefined {
  const dx = Math.abs(p.x - q.x);
  const dy = Math.abs(p.y - q.y);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_RULE_LENGTH) {
    return { orientation: "h", at: (p.y + q.y) / 2, from: Math.min(p.x, q.x), to: Math.max(p.x, q.x) };
  }
  if (dx <= AXIS_TOLERANCE && dy >= MIN_RULE_LENGTH) {
    return { orientation: "v", at: (p.x + q.x) / 2, from: Math.min(p.y, q.y), to: Math.max(p.y, q.y) };
  }
  return undefined;
}

/** Every straight, axis-aligned segment of a stroked subpath (its closing side included). */
function strokedRules(subpath: Subpath): RuleSegment[] {
  const points = subpath.closed ? [...subpath.points, subpath.points[0] as Point] : subpath.points;
  const rules: RuleSegment[] = [];
  for (let k = 1; k < points.length; k++) {
    const rule = segmentRule(points[k - 1] as Point, points[k] as Point);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** A filled subpath is a rule when it is a thin axis-aligned rectangle: the line along its long side. */
function filledRules(subpath: Subpath): RuleSegment[] {
  const box = axisAlignedBox(subpath.points);
  if (!box) return [];
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  if (height <= MAX_FILLED_RULE_THICKNESS && width >= MIN_RULE_LENGTH && width > height) {
    return [{ orientation: "h", at: (box.y0 + box.y1) / 2, from: box.x0, to: box.x1 }];
  }
  if (width <= MAX_FILLED_RULE_THICKNESS && height >= MIN_RULE_LENGTH && height > width) {
    return [{ orientation: "v", at: (box.x0 + box.x1) / 2, from: box.y0, to: box.y1 }];
  }
  return [];
}

/** The box of a polygon whose every side is horizontal or vertical (a rectangle), else undefined. */
function axisAlignedBox(points: Point[]): { x0: number; y0: number; x1: number; y1: number } | undefined {
  if (points.length < 3 || points.length > 5) return undefined;
  const closedRing = [...points, points[0] as Point];
  for (let k = 1; k < closedRing.length; k++) {
    const p = closedRing[k - 1] as Point;
    const q = closedRing[k] as Point;
    if (Math.abs(p.x - q.x) > AXIS_TOLERANCE && Math.abs(p.y - q.y) > AXIS_TOLERANCE) return undefined;
  }
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
