import type { GreyPage } from "./preprocess.js";

/** Side of the blocks light is measured in (pixels at 200 dpi: about a fifth of an inch). */
const LIGHT_BLOCK = 40;
/** Border of a flattened photo painted white (inches): what is left of the desk along the edges. */
const EDGE_INCHES = 0.08;

/**
 * Evens out the light on a photographed page: the paper's brightness is measured in blocks (the
 * brightest pixels of each block and its neighbours, so letters do not count), smoothed, and every
 * pixel is divided by the brightness around it. A page darker in one corner or in a shadow then
 * looks like a scan, with white paper everywhere, which tesseract's single threshold needs. The
 * outermost strip, where some desk may remain, is painted white.
 */
export function evenLight(page: GreyPage): GreyPage {
  const block = Math.max(8, Math.round((LIGHT_BLOCK * page.dpi) / 200));
  const bw = Math.ceil(page.width / block);
  const bh = Math.ceil(page.height / block);
  const bright = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const histogram = new Uint32Array(256);
      let n = 0;
      for (let y = by * block; y < Math.min(page.height, (by + 1) * block); y++) {
        for (let x = bx * block; x < Math.min(page.width, (bx + 1) * block); x++) {
          histogram[page.data[y * page.width + x] ?? 0] =
            (histogram[page.data[y * page.width + x] ?? 0] ?? 0) + 1;
          n++;
        }
      }
      // The 90th percentile: paper, not grain on paper nor ink.
      let seen = 0;
      let level = 255;
      for (; level > 0; level--) {
        seen += histogram[level] ?? 0;
        if (seen >= n * 0.1) break;
      }
      bright[by * bw + bx] = level;
    }
  }
  // Neighbourhood maximum (a block full of text borrows its neighbour's paper), then a mean.
  const widened = neighbourhood(bright, bw, bh, Math.max);
  const smooth = neighbourhood(
    widened,
    bw,
    bh,
    (...values) => values.reduce((s, v) => s + v, 0) / values.length,
  );
  const data = Buffer.alloc(page.width * page.height);
  const edge = Math.round(EDGE_INCHES * page.dpi);
  for (let y = 0; y < page.height; y++) {
    const gy = Math.min(bh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const fy = gy - y0;
    for (let x = 0; x < page.width; x++) {
      if (x < edge || y < edge || x >= page.width - edge || y >= page.height - edge) {
        data[y * page.width + x] = 255;
        continue;
      }
      const gx = Math.min(bw - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(bw - 1, x0 + 1);
      const fx = gx - x0;
      const light =
        ((smooth[y0 * bw + x0] ?? 255) * (1 - fx) + (smooth[y0 * bw + x1] ?? 255) * fx) * (1 - fy) +
        ((smooth[y1 * bw + x0] ?? 255) * (1 - fx) + (smooth[y1 * bw + x1] ?? 255) * fx) * fy;
      const value = ((page.data[y * page.width + x] ?? 255) * 255) / Math.max(24, light);
      data[y * page.width + x] = Math.min(255, Math.round(value));
    }
  }
  return { ...page, data };
}

/** Each block replaced by `combine` of its 3 × 3 neighbourhood. */
function neighbourhood(
  values: Float32Array,
  w: number,
  h: number,
  combine: (...values: number[]) => number,
): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const around: number[] = [];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < h && xx >= 0 && xx < w) around.push(values[yy * w + xx] ?? 0);
        }
      }
      out[y * w + x] = combine(...around);
    }
  }
  return out;
}
