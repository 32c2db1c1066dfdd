import type { InkMask } from "./binarise.js";

/**
 * A straight piece of a ruled line, found in a mask where it runs roughly along the x axis
 * (vertical rules are found in the transposed mask). Its centre line is `y = a + b·x` for x in
 * `x0..x1`.
 */
export interface Stroke {
  x0: number;
  x1: number;
  a: number;
  b: number;
  /** Typical thickness across the stroke, in pixels. */
  thickness: number;
}

/** What counts as a stroke, in pixels of the mask. */
export interface StrokeLimits {
  /** Ink thicker than this across the stroke is not a rule (letters' stems, blots). */
  maxThickness: number;
  /** Shorter pieces are not kept (letters' bars, hyphens, diacritics). */
  minLength: number;
  /** Largest slope |dy/dx| (skewed scans, photos seen at an angle). */
  maxSlope: number;
}

/** A run of thin ink in one row of the mask: `x0..x1` inclusive at row `y`. */
interface Run {
  y: number;
  x0: number;
  x1: number;
}

/**
 * Finds the straight rules running along x: ink whose extent across the rule (its run down a
 * column) is at most `maxThickness` is kept, runs of it are joined into 8-connected components,
 * and components long and thin enough become strokes with a robust straight-line fit (a letter
 * touching the rule does not bend it). Thin runs survive a slope, so skewed scans and photos
 * keep their rules; where two rules cross, the crossing is thick and splits the stroke in two,
 * which {@link mergeStrokes} later joins again.
 */
export function findStrokes(mask: InkMask, limits: StrokeLimits): Stroke[] {
  const thin = thinAcrossX(mask, limits.maxThickness);
  const runs = rowRuns(thin, mask.width, mask.height);
  const strokes: Stroke[] = [];
  for (const component of connectRuns(runs)) {
    const stroke = fitStroke(component, limits);
    if (stroke) strokes.push(stroke);
  }
  return strokes;
}

/** Ink pixels whose vertical run (down their column) is at most `maxThickness` long. */
function thinAcrossX(mask: InkMask, maxThickness: number): Uint8Array {
  const { width, height, data } = mask;
  const thin = new Uint8Array(width * height);
  const runStart = new Int32Array(width).fill(-1);
  const close = (x: number, end: number) => {
    const start = runStart[x] ?? -1;
    if (start >= 0 && end - start <= maxThickness) {
      for (let y = start; y < end; y++) thin[y * width + x] = 1;
    }
    runStart[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x]) {
        if ((runStart[x] ?? -1) < 0) runStart[x] = y;
      } else if ((runStart[x] ?? -1) >= 0) close(x, y);
    }
  }
  for (let x = 0; x < width; x++) close(x, height);
  return thin;
}

/** Horizontal runs of set pixels, row by row. */
function rowRuns(pixels: Uint8Array, width: number, height: number): Run[][] {
  const rows: Run[][] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const runs: Run[] = [];
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const set = x < width && pixels[row + x] === 1;
      if (set && start < 0) start = x;
      else if (!set && start >= 0) {
        runs.push({ y, x0: start, x1: x - 1 });
        start = -1;
      }
    }
    rows.push(runs);
  }
  return rows;
}

/** Groups runs into 8-connected components (runs in adjacent rows touching or diagonal). */
function connectRuns(rows: Run[][]): Run[][] {
  const all: Run[] = [];
  const firstIndex: number[] = [];
  for (const runs of rows) {
    firstIndex.push(all.length);
    all.push(...runs);
  }
  const parent = Int32Array.from({ length: all.length }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[i] !== root) {
      const next = parent[i] ?? root;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (let y = 1; y < rows.length; y++) {
    const above = rows[y - 1] ?? [];
    const here = rows[y] ?? [];
    const aboveStart = firstIndex[y - 1] ?? 0;
    const hereStart = firstIndex[y] ?? 0;
    let j = 0;
    for (let i = 0; i < here.length; i++) {
      const run = here[i] as Run;
      while (j < above.length && (above[j] as Run).x1 < run.x0 - 1) j++;
      for (let k = j; k < above.length && (above[k] as Run).x0 <= run.x1 + 1; k++) {
        const a = find(aboveStart + k);
        const b = find(hereStart + i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const groups = new Map<number, Run[]>();
  for (let i = 0; i < all.length; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(all[i] as Run);
    else groups.set(root, [all[i] as Run]);
  }
  return [...groups.values()];
}

/**
 * A straight stroke through a component, or null when it is too short, too thick or too steep.
 * The centre line is fitted to the mean y of each column, twice: the second fit leaves out the
 * columns more than two pixels off the first (where a letter or a crossing line touches).
 */
function fitStroke(runs: Run[], limits: StrokeLimits): Stroke | null {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let pixels = 0;
  for (const run of runs) {
    x0 = Math.min(x0, run.x0);
    x1 = Math.max(x1, run.x1);
    pixels += run.x1 - run.x0 + 1;
  }
  const length = x1 - x0 + 1;
  if (length < limits.minLength || pixels / length > limits.maxThickness * 1.5) return null;
  const sumY = new Float64Array(length);
  const count = new Uint16Array(length);
  for (const run of runs) {
    for (let x = run.x0; x <= run.x1; x++) {
      sumY[x - x0] = (sumY[x - x0] ?? 0) + run.y;
      count[x - x0] = (count[x - x0] ?? 0) + 1;
    }
  }
  const columns: { x: number; y: number }[] = [];
  for (let i = 0; i < length; i++) {
    const n = count[i] ?? 0;
    if (n > 0) columns.push({ x: x0 + i, y: (sumY[i] ?? 0) / n });
  }
  // A stroke is mostly solid along its length: sparse components are text or noise.
  if (columns.length < length * 0.6) return null;
  let line = fitLine(columns);
  if (!line) return null;
  const fitted = line;
  const close = columns.filter((c) => Math.abs(c.y - (fitted.a + fitted.b * c.x)) <= 2);
  if (close.length < length * 0.5) return null;
  line = fitLine(close) ?? line;
  if (Math.abs(line.b) > limits.maxSlope) return null;
  const thicknesses = [...count].filter((n) => n > 0).sort((p, q) => p - q);
  const thickness = thicknesses[Math.floor(thicknesses.length / 2)] ?? 1;
  return { x0, x1, a: line.a, b: line.b, thickness };
}

/** Least-squares line y = a + b·x through the points; null when they do not span any x. */
export function fitLine(points: { x: number; y: number }[]): { a: number; b: number } | null {
  const n = points.length;
  if (n === 0) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return n === 1 ? { a: my, b: 0 } : null;
  const b = sxy / sxx;
  return { a: my - b * mx, b };
}

/** A ruled line: collinear strokes joined, with the stretches of the line that really carry ink. */
export interface Rule {
  /** Centre line y = a + b·x (in the frame the strokes were found in). */
  a: number;
  b: number;
  x0: number;
  x1: number;
  /** Inked stretches along x, sorted and disjoint: the gaps are breaks or merged cells. */
  pieces: [number, number][];
  thickness: number;
}

/**
 * Joins strokes lying on one straight line into rules, longest first, so that a rule broken by
 * crossings, noise or a faint scan is one rule with several pieces. A stroke joins a rule when
 * both its ends lie within `tolerance` pixels of the rule's line; a stroke shorter than
 * `minLength` may join a rule but never starts one (the stub of a broken rule next to a crossing
 * belongs to its rule; a letter's bar alone is no rule).
 */
export function mergeStrokes(strokes: Stroke[], tolerance: number, minLength = 0): Rule[] {
  const sorted = [...strokes].sort((p, q) => q.x1 - q.x0 - (p.x1 - p.x0));
  const rules: { rule: Rule; members: Stroke[] }[] = [];
  for (const stroke of sorted) {
    const yAt = (x: number) => stroke.a + stroke.b * x;
    const home = rules.find(({ rule }) =>
      [stroke.x0, stroke.x1].every((x) => Math.abs(rule.a + rule.b * x - yAt(x)) <= tolerance),
    );
    if (home) {
      home.members.push(stroke);
      home.rule = ruleOf(home.members);
    } else if (stroke.x1 - stroke.x0 + 1 >= minLength) {
      rules.push({ rule: ruleOf([stroke]), members: [stroke] });
    }
  }
  return rules.map(({ rule }) => rule);
}

function ruleOf(members: Stroke[]): Rule {
  const points: { x: number; y: number }[] = [];
  for (const s of members) {
    const step = Math.max(8, (s.x1 - s.x0) / 16);
    for (let x = s.x0; x <= s.x1; x += step) points.push({ x, y: s.a + s.b * x });
    points.push({ x: s.x1, y: s.a + s.b * s.x1 });
  }
  const line = fitLine(points) ?? { a: members[0]?.a ?? 0, b: members[0]?.b ?? 0 };
  const intervals = members.map((s) => [s.x0, s.x1] as [number, number]).sort((p, q) => p[0] - q[0]);
  const pieces: [number, number][] = [];
  for (const [from, to] of intervals) {
    const last = pieces[pieces.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else pieces.push([from, to]);
  }
  const weight = members.reduce((sum, s) => sum + (s.x1 - s.x0), 0) || 1;
  const thickness = members.reduce((sum, s) => sum + s.thickness * (s.x1 - s.x0), 0) / weight;
  return {
    a: line.a,
    b: line.b,
    x0: pieces[0]?.[0] ?? 0,
    x1: pieces[pieces.length - 1]?.[1] ?? 0,
    pieces,
    thickness,
  };
}
