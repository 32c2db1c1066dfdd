import type { Point, Quad } from "./grid-lattice.js";
import type { GreyPage } from "./preprocess.js";

/** Side of the small copy of the image the page outline is looked for in (pixels, long side). */
const SEARCH_SIZE = 600;
/**
 * Neighbouring pixels of one sheet of paper differ by less than this ratio: light falls off slowly
 * across a page, while the page's edge against a desk is a sudden step (the same light falls on
 * both, so the step keeps its ratio even in a shadow).
 */
const SAME_SURFACE = 0.8;
/** The paper must cover this share of the photo to be taken for the page. */
const MIN_PAGE_SHARE = 0.25;
/** Long side of A4 over its short side; pages within 12% of it are taken for A4. */
const A4_RATIO = 297 / 210;
const A4_LONG_SIDE_INCHES = 11.69;

/**
 * Finds the outline of a sheet of paper photographed on a darker surface: the paper around the
 * centre of the image is grown outwards over neighbours of nearly the same brightness (it flows
 * around letters and stops at the page's edge), and a straight line is fitted to each side of the
 * region. Returns null when there is no such outline (a scan, whose paper reaches the image's
 * edges, or a photo of a page filling the frame).
 */
export function findPageOutline(page: GreyPage): Quad | null {
  const scale = Math.min(1, SEARCH_SIZE / Math.max(page.width, page.height));
  const w = Math.max(8, Math.round(page.width * scale));
  const h = Math.max(8, Math.round(page.height * scale));
  const small = shrink(page, w, h);
  const region = growPaper(small, w, h);
  if (!region) return null;
  const { inside, count } = region;
  if (count < w * h * MIN_PAGE_SHARE) return null;
  // Paper touching the image's edges along much of a side: no desk around it to find.
  let touching = 0;
  for (const [length, at] of [
    [w, (i: number) => i],
    [w, (i: number) => (h - 1) * w + i],
    [h, (i: number) => i * w],
    [h, (i: number) => i * w + w - 1],
  ] as [number, (i: number) => number][]) {
    let n = 0;
    for (let i = 0; i < length; i++) if (inside[at(i)]) n++;
    if (n > length * 0.2) touching++;
  }
  if (touching > 0) return null;

  const corners = extremeCorners(inside, w, h);
  if (!corners) return null;
  const fitted = refineCorners(inside, w, h, corners) ?? corners;
  const back = fitted.map((p) => ({ x: p.x / scale, y: p.y / scale })) as Quad;
  return quadArea(back) >= page.width * page.height * MIN_PAGE_SHARE ? back : null;
}

/** Box-filtered copy of the page at `w` × `h` (averaging also takes the grain out). */
function shrink(page: GreyPage, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const fx = page.width / w;
  const fy = page.height / h;
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * fy));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x * fx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * fx));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++)
        for (let xx = x0; xx < x1; xx++) sum += page.data[yy * page.width + xx] ?? 0;
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0)) + 1;
    }
  }
  return out;
}

/**
 * Paper darker than this share of the brightest paper is not followed: in a deep shadow the page
 * and the desk both fall to black and their edge disappears (the sides are fitted without it).
 */
const DARKEST_PAPER = 0.3;

/** Paper connected to the brightest pixel near the image's centre, by steps of nearly equal brightness. */
function growPaper(image: Float32Array, w: number, h: number): { inside: Uint8Array; count: number } | null {
  let seed = -1;
  for (let y = Math.floor(h * 0.4); y < Math.ceil(h * 0.6); y++) {
    for (let x = Math.floor(w * 0.4); x < Math.ceil(w * 0.6); x++) {
      if (seed < 0 || (image[y * w + x] ?? 0) > (image[seed] ?? 0)) seed = y * w + x;
    }
  }
  if (seed < 0) return null;
  const floor = (image[seed] ?? 0) * DARKEST_PAPER;
  const inside = new Uint8Array(w * h);
  const stack = [seed];
  inside[seed] = 1;
  let count = 1;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const value = image[i] ?? 0;
    const x = i % w;
    const neighbours = [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w];
    for (const j of neighbours) {
      if (j < 0 || j >= w * h || inside[j]) continue;
      const other = image[j] ?? 0;
      if (other < floor || Math.min(value, other) / Math.max(value, other) < SAME_SURFACE) continue;
      inside[j] = 1;
      count++;
      stack.push(j);
    }
  }
  return { inside, count };
}

/** The region's extreme points towards the four corners of the image. */
function extremeCorners(inside: Uint8Array, w: number, h: number): Quad | null {
  const best = [
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const points: Point[] = [
    { x: 0, y: 0 },
    { x: 0, y: 0 },
    { x: 0, y: 0 },
    { x: 0, y: 0 },
  ];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!inside[y * w + x]) continue;
      const scores = [-x - y, x - y, x + y, -x + y];
      scores.forEach((score, k) => {
        if (score > (best[k] ?? 0)) {
          best[k] = score;
          points[k] = { x, y };
        }
      });
    }
  }
  return best.every(Number.isFinite) ? (points as Quad) : null;
}

/**
 * Fits a line to the region's boundary along each side (the boundary points in the middle 80% of
 * the side, away from rounded or shadowed corners) and intersects neighbouring sides.
 */
function refineCorners(inside: Uint8Array, w: number, h: number, corners: Quad): Quad | null {
  const lines: { p: Point; d: Point }[] = [];
  for (let side = 0; side < 4; side++) {
    const a = corners[side] as Point;
    const b = corners[(side + 1) % 4] as Point;
    const horizontal = Math.abs(b.x - a.x) >= Math.abs(b.y - a.y);
    const points: Point[] = [];
    const from = horizontal ? Math.min(a.x, b.x) : Math.min(a.y, b.y);
    const to = horizontal ? Math.max(a.x, b.x) : Math.max(a.y, b.y);
    const margin = (to - from) * 0.1;
    for (let t = Math.ceil(from + margin); t <= to - margin; t++) {
      const edge = boundaryAlong(inside, w, h, t, side);
      if (edge !== null) points.push(horizontal ? { x: t, y: edge } : { x: edge, y: t });
    }
    if (points.length < 5) return null;
    // Least squares of the across-coordinate on the along-coordinate.
    const n = points.length;
    const along = points.map((p) => (horizontal ? p.x : p.y));
    const across = points.map((p) => (horizontal ? p.y : p.x));
    const ma = along.reduce((s, v) => s + v, 0) / n;
    const mc = across.reduce((s, v) => s + v, 0) / n;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      sxx += ((along[i] ?? 0) - ma) ** 2;
      sxy += ((along[i] ?? 0) - ma) * ((across[i] ?? 0) - mc);
    }
    const slope = sxx > 0 ? sxy / sxx : 0;
    lines.push(
      horizontal
        ? { p: { x: ma, y: mc }, d: { x: 1, y: slope } }
        : { p: { x: mc, y: ma }, d: { x: slope, y: 1 } },
    );
  }
  const out: Point[] = [];
  for (let k = 0; k < 4; k++) {
    const p = lines[(k + 3) % 4] as { p: Point; d: Point };
    const q = lines[k] as { p: Point; d: Point };
    const det = p.d.x * q.d.y - p.d.y * q.d.x;
    if (Math.abs(det) < 1e-9) return null;
    const t = ((q.p.x - p.p.x) * q.d.y - (q.p.y - p.p.y) * q.d.x) / det;
    out.push({ x: p.p.x + t * p.d.x, y: p.p.y + t * p.d.y });
  }
  return out as Quad;
}

/** Where the region ends, seen from outside the page on the given side, at row or column `t`. */
function boundaryAlong(inside: Uint8Array, w: number, h: number, t: number, side: number): number | null {
  if (side === 0) {
    for (let y = 0; y < h; y++) if (inside[y * w + t]) return y;
  } else if (side === 1) {
    for (let x = w - 1; x >= 0; x--) if (inside[t * w + x]) return x;
  } else if (side === 2) {
    for (let y = h - 1; y >= 0; y--) if (inside[y * w + t]) return y;
  } else {
    for (let x = 0; x < w; x++) if (inside[t * w + x]) return x;
  }
  return null;
}

function quadArea(q: Quad): number {
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i] as Point;
    const b = q[(i + 1) % 4] as Point;
    sum += a.x * b.y - b.x * a.y;
  }
  return Math.abs(sum) / 2;
}

/**
 * Maps the photographed page onto a flat rectangle (a perspective warp: the homography taking
 * the output rectangle's corners to the outline's, bilinear sampling). A page in A4 proportions
 * is drawn at `dpi` as an A4 page; another keeps the outline's size.
 */
export function flattenPage(page: GreyPage, outline: Quad, dpi: number): GreyPage {
  const [tl, tr, br, bl] = outline;
  const width = Math.max(dist(tl, tr), dist(bl, br));
  const height = Math.max(dist(tl, bl), dist(tr, br));
  const ratio = height / width;
  let outW = Math.round(width);
  let outH = Math.round(height);
  let outDpi = page.dpi;
  if (Math.abs(ratio / A4_RATIO - 1) < 0.12 || Math.abs(ratio * A4_RATIO - 1) < 0.12) {
    const long = Math.round(A4_LONG_SIDE_INCHES * dpi);
    const short = Math.round((A4_LONG_SIDE_INCHES / A4_RATIO) * dpi);
    [outW, outH] = ratio >= 1 ? [short, long] : [long, short];
    outDpi = dpi;
  }
  const m = homography(
    [
      { x: 0, y: 0 },
      { x: outW, y: 0 },
      { x: outW, y: outH },
      { x: 0, y: outH },
    ],
    outline,
  );
  const data = Buffer.alloc(outW * outH, 255);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const z = (m[6] as number) * x + (m[7] as number) * y + 1;
      const sx = ((m[0] as number) * x + (m[1] as number) * y + (m[2] as number)) / z;
      const sy = ((m[3] as number) * x + (m[4] as number) * y + (m[5] as number)) / z;
      data[y * outW + x] = sample(page, sx, sy);
    }
  }
  return { data, width: outW, height: outH, dpi: outDpi };
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function sample(page: GreyPage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 >= page.width - 1 || y0 >= page.height - 1) return 255;
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * page.width + x0;
  const d = page.data;
  const top = (d[i] ?? 255) * (1 - fx) + (d[i + 1] ?? 255) * fx;
  const bottom = (d[i + page.width] ?? 255) * (1 - fx) + (d[i + page.width + 1] ?? 255) * fx;
  return Math.round(top * (1 - fy) + bottom * fy);
}

/** The 3×3 homography (h33 = 1, as 8 numbers) taking each `from` point to the matching `to` point. */
function homography(from: Point[], to: Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i] as Point;
    const { x: u, y: v } = to[i] as Point;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8 × 9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++)
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const row = a[col] as number[];
    const lead = row[col] ?? 1;
    for (let k = col; k < 9; k++) row[k] = (row[k] ?? 0) / lead;
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const other = a[r] as number[];
      const factor = other[col] ?? 0;
      for (let k = col; k < 9; k++) other[k] = (other[k] ?? 0) - factor * (row[k] ?? 0);
    }
  }
  return a.map((row) => row[8] ?? 0);
}
