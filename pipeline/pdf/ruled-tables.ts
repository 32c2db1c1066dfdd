import { clusterValues, type Grid, latticeCells } from "./grid.js";
import type { RuleSegment } from "./rules.js";

/**
 * Ruled tables of a PDF page, from its ruling lines: rules that cross or touch form a network; a
 * network with at least two columns is a table whose lattice has a column edge at every distinct
 * vertical rule and a row edge at every distinct horizontal rule. Where the rule between two grid
 * positions is missing, they belong to one merged cell (row or column span).
 */

/** Rules this close (points) on the same line are one rule; a double border is one edge. */
const SAME_LINE = 1.5;
/** A gap this short (points) along a rule is a drawing artefact (Word draws each cell's border apart). */
const JOIN_GAP = 2.5;
/** A vertical and a horizontal rule this close to meeting (points) are connected. */
const TOUCH = 2.5;
/** Lattice edges closer than this (points) are one edge: no text line fits between them. */
const EDGE_MERGE = 4;
/** A border covering at least this share of a grid side separates the two positions. */
const MIN_BORDER_COVER = 0.5;
/** The outer ends of rules reaching past the outermost crossing rule by this much open one more column/row. */
const OPEN_SIDE = 5;
/** More rules than this on a page (after merging) are not looked at. */
const MAX_RULES = 2000;

/** Merges rules lying on the same line that overlap or nearly touch. */
export function mergeRules(rules: RuleSegment[]): RuleSegment[] {
  const merged: RuleSegment[] = [];
  for (const orientation of ["h", "v"] as const) {
    const sorted = rules
      .filter((rule) => rule.orientation === orientation)
      .sort((a, b) => a.at - b.at || a.from - b.from);
    // Group by line, then merge along it.
    const lines: RuleSegment[][] = [];
    for (const rule of sorted) {
      const line = lines.find((l) => Math.abs((l[0] as RuleSegment).at - rule.at) <= SAME_LINE);
      if (line) line.push(rule);
      else lines.push([rule]);
    }
    for (const line of lines) {
      const at = line.reduce((sum, r) => sum + r.at, 0) / line.length;
      line.sort((a, b) => a.from - b.from);
      let current: RuleSegment | undefined;
      for (const rule of line) {
        if (current && rule.from <= current.to + JOIN_GAP) current.to = Math.max(current.to, rule.to);
        else {
          current = { orientation, at, from: rule.from, to: rule.to };
          merged.push(current);
        }
      }
    }
  }
  return merged;
}

function touches(h: RuleSegment, v: RuleSegment): boolean {
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

/** Connected networks of crossing or touching rules (each rule in exactly one network). */
function networks(rules: RuleSegment[]): RuleSegment[][] {
  const parent = rules.map((_, k) => k);
  const find = (k: number): number => {
    let root = k;
    while (parent[root] !== root) root = parent[root] as number;
    parent[k] = root;
    return root;
  };
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i] as RuleSegment;
      const b = rules[j] as RuleSegment;
      if (a.orientation === b.orientation) continue;
      const [h, v] = a.orientation === "h" ? [a, b] : [b, a];
      if (touches(h, v)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, RuleSegment[]>();
  rules.forEach((rule, k) => {
    const root = find(k);
    groups.set(root, [...(groups.get(root) ?? []), rule]);
  });
  return [...groups.values()];
}

/** Share of [from, to] that the rules (already merged, so not overlapping) cover. */
function coverage(rules: RuleSegment[], from: number, to: number): number {
  const length = to - from;
  if (length <= 0) return 1;
  let covered = 0;
  for (const rule of rules) covered += Math.max(0, Math.min(rule.to, to) - Math.max(rule.from, from));
  return covered / length;
}

/** Rules of the network lying on the edge at `at`. */
function onEdge(rules: RuleSegment[], at: number): RuleSegment[] {
  return rules.filter((rule) => Math.abs(rule.at - at) <= EDGE_MERGE / 2 + SAME_LINE);
}

/**
 * The lattices of one network of rules: usually one table; several when tables with different
 * columns are stacked with no space between them (their borders touch and form one network).
 * A network splits at a row edge where the rows above and below each have a column border the
 * other lacks; a merged cell only takes borders away, so it never splits its table.
 */
function networkGrids(network: RuleSegment[]): Grid[] {
  const hs = network.filter((rule) => rule.orientation === "h");
  const vs = network.filter((rule) => rule.orientation === "v");
  if (hs.length < 2 || vs.length < 2) return [];
  const xs = clusterValues(
    vs.map((v) => v.at),
    EDGE_MERGE,
  );
  const ys = clusterValues(
    hs.map((h) => h.at),
    EDGE_MERGE,
  );
  // Tables drawn without outer side borders: rules reaching past the outermost crossing rule.
  const left = Math.min(...hs.map((h) => h.from));
  const right = Math.max(...hs.map((h) => h.to));
  const top = Math.min(...vs.map((v) => v.from));
  const bottom = Math.max(...vs.map((v) => v.to));
  const openLeft = left < (xs[0] as number) - OPEN_SIDE;
  const openRight = right > (xs[xs.length - 1] as number) + OPEN_SIDE;
  if (openLeft) xs.unshift(left);
  if (openRight) xs.push(right);
  if (top < (ys[0] as number) - OPEN_SIDE) ys.unshift(top);
  if (bottom > (ys[ys.length - 1] as number) + OPEN_SIDE) ys.push(bottom);
  if (xs.length < 3 || ys.length < 2) return [];

  const columnEdges = xs.map((x) => onEdge(vs, x));
  const rowEdges = ys.map((y) => onEdge(hs, y));
  const bordered = (c: number, r: number) =>
    coverage(columnEdges[c] ?? [], ys[r] as number, ys[r + 1] as number) >= MIN_BORDER_COVER;
  // Which column edges each row has a border on (open sides count as present everywhere).
  const virtual = (c: number) => (openLeft && c === 0) || (openRight && c === xs.length - 1);
  const signatures = Array.from(
    { length: ys.length - 1 },
    (_, r) => new Set(xs.flatMap((_x, c) => (virtual(c) || bordered(c, r) ? [c] : []))),
  );
  const bands: [number, number][] = [];
  let from = 0;
  for (let r = 1; r < signatures.length; r++) {
    const above = signatures[r - 1] as Set<number>;
    const below = signatures[r] as Set<number>;
    const shifted = [...above].some((c) => !below.has(c)) && [...below].some((c) => !above.has(c));
    if (shifted) {
      bands.push([from, r - 1]);
      from = r;
    }
  }
  bands.push([from, signatures.length - 1]);

  const grids: Grid[] = [];
  for (const [r0, r1] of bands) {
    const used = new Set(signatures.slice(r0, r1 + 1).flatMap((set) => [...set]));
    const columns = xs.flatMap((_x, c) => (used.has(c) ? [c] : []));
    if (columns.length < 3) continue;
    const bandXs = columns.map((c) => xs[c] as number);
    const bandYs = ys.slice(r0, r1 + 2);
    const cells = latticeCells(
      bandXs,
      bandYs,
      (r, c) => !bordered(columns[c + 1] as number, r0 + r),
      (r, c) =>
        coverage(rowEdges[r0 + r + 1] ?? [], bandXs[c] as number, bandXs[c + 1] as number) < MIN_BORDER_COVER,
    );
    const box = {
      x0: bandXs[0] as number,
      y0: bandYs[0] as number,
      x1: bandXs[bandXs.length - 1] as number,
      y1: bandYs[bandYs.length - 1] as number,
    };
    grids.push({ kind: "ruled", xs: bandXs, ys: bandYs, cells, box });
  }
  return grids;
}

/**
 * The ruled tables of a page, top to bottom: lattices of two columns or more. A frame around a
 * paragraph (one column) or an underline is not a table.
 */
export function findRuledGrids(rules: RuleSegment[]): Grid[] {
  const grids: Grid[] = [];
  const merged = mergeRules(rules);
  // Thousands of separate rules are a drawing (a chart, a map), not a table; and pairing them all
  // up would cost too much.
  if (merged.length > MAX_RULES) return [];
  for (const network of networks(merged)) grids.push(...networkGrids(network));
  return grids.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}
