import sharp from "sharp";
import type { InkMask } from "./binarise.js";
import type { Point, Quad } from "./grid-lattice.js";
import type { GreyPage } from "./preprocess.js";

/** White space put around a cell's ink before OCR: tesseract reads text touching the edge badly. */
const PADDING = 12;
/** Below this tilt (degrees) a cell is read as it is; above it, it is turned level first. */
const LEVEL_ENOUGH = 0.4;

/**
 * The quad moved inwards by `inset` pixels on every side: the inside of a cell without its rules.
 * Each edge is shifted along its inward normal and neighbouring edges are intersected again.
 */
export function insetQuad(quad: Quad, inset: number): Quad {
  const edges = quad.map((from, i) => {
    const to = quad[(i + 1) % 4] as Point;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    // Corners run clockwise on screen (y down): the inward normal of an edge is (−dy, dx).
    const nx = (-dy / length) * inset;
    const ny = (dx / length) * inset;
    return { x: from.x + nx, y: from.y + ny, dx, dy };
  });
  return edges.map((edge, i) => {
    const previous = edges[(i + 3) % 4] ?? edge;
    return intersect(previous, edge) ?? { x: edge.x, y: edge.y };
  }) as Quad;
}

function intersect(
  p: { x: number; y: number; dx: number; dy: number },
  q: { x: number; y: number; dx: number; dy: number },
): Point | null {
  const det = p.dx * q.dy - p.dy * q.dx;
  if (Math.abs(det) < 1e-9) return null;
  const t = ((q.x - p.x) * q.dy - (q.y - p.y) * q.dx) / det;
  return { x: p.x + t * p.dx, y: p.y + t * p.dy };
}

/** Is the point inside the convex quad (corners clockwise on screen)? */
export function insideQuad(quad: Quad, x: number, y: number): boolean {
  for (let i = 0; i < 4; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % 4] as Point;
    if ((b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) < 0) return false;
  }
  return true;
}

/** The ink inside a cell, cut out for OCR. */
export interface CellImage {
  page: GreyPage;
  /** Ink pixels found inside the cell (after its rules were left out). */
  ink: number;
}

/**
 * Cuts the inside of a cell out of the page: pixels outside the quad shrunk by `inset` (the rules
 * and anything beyond them) become white, the result is cropped to the ink with a white margin
 * and, when the cell's borders are tilted (a skewed scan, a photo), turned level, then enlarged
 * `scale` times (see levelAndScale). Returns null for
 * a cell without ink (specks smaller than `minInk` pixels in all do not count). `binary` draws the
 * ink black on white instead of keeping its grey levels: tesseract's own threshold misjudges a lone
 * soft character ("1", "6") on a blurred photo, which it then drops as noise.
 */
export async function cutCell(
  page: GreyPage,
  mask: InkMask,
  quad: Quad,
  inset: number,
  minInk: number,
  scale = 1,
  binary = false,
): Promise<CellImage | null> {
  const inner = insetQuad(quad, inset);
  const xs = inner.map((p) => p.x);
  const ys = inner.map((p) => p.y);
  const left = Math.max(0, Math.floor(Math.min(...xs)));
  const right = Math.min(page.width - 1, Math.ceil(Math.max(...xs)));
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.min(page.height - 1, Math.ceil(Math.max(...ys)));
  if (right <= left || bottom <= top) return null;

  let ink = 0;
  let x0 = right;
  let x1 = left;
  let y0 = bottom;
  let y1 = top;
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      if (!mask.data[y * mask.width + x] || !insideQuad(inner, x, y)) continue;
      ink++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (ink < minInk) return null;
  // The soft edges of the outermost letters lie just outside the ink.
  x0 = Math.max(0, x0 - INK_HALO);
  y0 = Math.max(0, y0 - INK_HALO);
  x1 = Math.min(page.width - 1, x1 + INK_HALO);
  y1 = Math.min(page.height - 1, y1 + INK_HALO);

  const width = x1 - x0 + 1 + 2 * PADDING;
  const height = y1 - y0 + 1 + 2 * PADDING;
  const data = Buffer.alloc(width * height, 255);
  const near = nearInk(mask, inner, x0, y0, x1, y1);
  const nearWidth = x1 - x0 + 1;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (binary) {
        if (mask.data[y * mask.width + x] && insideQuad(inner, x, y))
          data[(y - y0 + PADDING) * width + (x - x0 + PADDING)] = 0;
      } else if (near[(y - y0) * nearWidth + (x - x0)]) {
        data[(y - y0 + PADDING) * width + (x - x0 + PADDING)] = page.data[y * page.width + x] ?? 255;
      }
    }
  }
  const cell: GreyPage = { data, width, height, dpi: page.dpi };
  const tilt = tiltDegrees(quad);
  return { page: await levelAndScale(cell, Math.abs(tilt) > LEVEL_ENOUGH ? -tilt : 0, scale), ink };
}

/** Pixels this close to ink keep their grey level (the soft edges of letters); the rest become white. */
const INK_HALO = 2;

/**
 * Marks the pixels of the box `x0..x1 × y0..y1` within {@link INK_HALO} pixels of ink that lies
 * inside the cell (a separable square dilation). Everything else in the cell is paper: grey
 * backgrounds, grain and the fringe of the rules become white, so tesseract's threshold sees
 * only letters on white.
 */
function nearInk(mask: InkMask, inner: Quad, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const ink = new Uint8Array(w * h);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (mask.data[y * mask.width + x] && insideQuad(inner, x, y)) ink[(y - y0) * w + (x - x0)] = 1;
    }
  }
  const wide = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!ink[y * w + x]) continue;
      for (let dx = Math.max(0, x - INK_HALO); dx <= Math.min(w - 1, x + INK_HALO); dx++)
        wide[y * w + dx] = 1;
    }
  }
  const near = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!wide[y * w + x]) continue;
      for (let dy = Math.max(0, y - INK_HALO); dy <= Math.min(h - 1, y + INK_HALO); dy++)
        near[dy * w + x] = 1;
    }
  }
  return near;
}

/** Mean tilt of the cell's top and bottom borders, in degrees (positive: clockwise). */
function tiltDegrees([tl, tr, br, bl]: Quad): number {
  const top = Math.atan2(tr.y - tl.y, tr.x - tl.x);
  const bottom = Math.atan2(br.y - bl.y, br.x - bl.x);
  return (((top + bottom) / 2) * 180) / Math.PI;
}

/**
 * Turns the cell level and enlarges it. Tesseract reads the small print of table cells better
 * from a larger image: at 1.5× the 200 dpi page, stray periods after words ending in "g" and
 * missing spaces in narrow cells mostly disappear.
 */
async function levelAndScale(cell: GreyPage, degrees: number, scale: number): Promise<GreyPage> {
  let current = cell;
  if (degrees !== 0) {
    // sharp turns before it resizes within one pipeline, and its canvas grows to hold the turned
    // cell; two steps keep the sizes explicit.
    const { data, info } = await sharp(current.data, {
      raw: { width: current.width, height: current.height, channels: 1 },
    })
      .rotate(degrees, { background: { r: 255, g: 255, b: 255 } })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    current = { data, width: info.width, height: info.height, dpi: current.dpi };
  }
  if (scale === 1) return current;
  const { data, info } = await sharp(current.data, {
    raw: { width: current.width, height: current.height, channels: 1 },
  })
    .resize(Math.round(current.width * scale), Math.round(current.height * scale), { kernel: "lanczos3" })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: Math.round(current.dpi * scale) };
}
