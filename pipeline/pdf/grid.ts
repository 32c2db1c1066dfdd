/** The cell lattice of a table found on a PDF page, before its text is filled in. */

/** A rectangle in page points (origin top left, y down). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One cell of a lattice: its top-left grid position, spans and the area it covers on the page. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
}

/**
 * A table's lattice: column edges `xs` (cols + 1 of them) and row edges `ys` (rows + 1), and its
 * cells; a merged cell covers several grid positions and appears once.
 */
export interface Grid {
  kind: "ruled" | "borderless";
  xs: number[];
  ys: number[];
  cells: GridCell[];
  box: Box;
}

/**
 * Builds the cells of a lattice from a rule "do grid positions (r, c) and (r, c + 1) / (r + 1, c)
 * belong to one cell?". Groups are closed under their bounding rectangle, so every cell is a
 * rectangle of grid positions even when the rules drawn around a merged area are irregular.
 */
export function latticeCells(
  xs: number[],
  ys: number[],
  joinedRight: (row: number, col: number) => boolean,
  joinedDown: (row: number, col: number) => boolean,
): GridCell[] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, k) => k);
  const find = (k: number): number => {
    let root = k;
    while (parent[root] !== root) root = parent[root] as number;
    for (let at = k; parent[at] !== root; ) {
      const next = parent[at] as number;
      parent[at] = root;
      at = next;
    }
    return root;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return false;
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && joinedRight(r, c)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && joinedDown(r, c)) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  // Close every group under its bounding rectangle (an L-shaped group takes in what it wraps).
  for (let changed = true; changed; ) {
    changed = false;
    for (const bounds of groupBounds(rows, cols, find).values()) {
      for (let r = bounds.r0; r <= bounds.r1; r++) {
        for (let c = bounds.c0; c <= bounds.c1; c++) {
          if (union(bounds.r0 * cols + bounds.c0, r * cols + c)) changed = true;
        }
      }
    }
  }
  const cells: GridCell[] = [];
  for (const bounds of groupBounds(rows, cols, find).values()) {
    cells.push({
      row: bounds.r0,
      col: bounds.c0,
      rowSpan: bounds.r1 - bounds.r0 + 1,
      colSpan: bounds.c1 - bounds.c0 + 1,
      box: {
        x0: xs[bounds.c0] as number,
        y0: ys[bounds.r0] as number,
        x1: xs[bounds.c1 + 1] as number,
        y1: ys[bounds.r1 + 1] as number,
      },
    });
  }
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

function groupBounds(
  rows: number,
  cols: number,
  find: (k: number) => number,
): Map<number, { r0: number; r1: number; c0: number; c1: number }> {
  const bounds = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const b = bounds.get(root);
      if (!b) bounds.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        b.r0 = Math.min(b.r0, r);
        b.r1 = Math.max(b.r1, r);
        b.c0 = Math.min(b.c0, c);
        b.c1 = Math.max(b.c1, c);
      }
    }
  }
  return bounds;
}

/** Groups sorted values whose neighbours lie within `tolerance`; returns each group's mean. */
export function clusterValues(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const means: number[] = [];
  let group: number[] = [];
  for (const value of sorted) {
    if (group.length > 0 && value - (group[group.length - 1] as number) > tolerance) {
      means.push(mean(group));
      group = [];
    }
    group.push(value);
  }
  if (group.length > 0) means.push(mean(group));
  return means;
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
