import type { GreyPage } from "./preprocess.js";

/** A binary image: 1 where there is ink, 0 for paper; one byte per pixel, rows top to bottom. */
export interface InkMask {
  data: Uint8Array;
  width: number;
  height: number;
}

/** How dark a pixel must be, relative to the mean of its neighbourhood, to count as ink. */
const DARKER_THAN_MEAN = 0.82;
/** A pixel this light is paper whatever its neighbours (JPEG ringing and grain on white paper). */
const ALWAYS_PAPER = 225;

/**
 * Marks ink with a local-mean threshold (Bradley–Roth): a pixel is ink when it is clearly darker
 * than the mean of the square around it (about a tenth of an inch across each way). A global
 * threshold fails on phone photos, where the page is three times brighter in its middle than in
 * a shadowed corner; a local one keeps thin grey table rules on bright paper and dark text in a
 * shadow alike. Used for layout analysis (table grids, ink in cells), never handed to tesseract,
 * which binarises the grey image itself.
 */
export function binarise(page: GreyPage): InkMask {
  const { width, height, data } = page;
  const radius = Math.max(8, Math.round(page.dpi / 10));
  // Integral image modulo 2^32: a window's sum stays far below 2^32, so differences taken with
  // `>>> 0` are exact even where the running total wrapped around.
  const stride = width + 1;
  const integral = new Uint32Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    const row = y * width;
    const above = y * stride;
    const here = (y + 1) * stride;
    for (let x = 0; x < width; x++) {
      rowSum += data[row + x] ?? 0;
      integral[here + x + 1] = (integral[above + x + 1] ?? 0) + rowSum;
    }
  }
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const top = Math.max(0, y - radius);
    const bottom = Math.min(height, y + radius + 1);
    const rows = bottom - top;
    for (let x = 0; x < width; x++) {
      const value = data[y * width + x] ?? 255;
      if (value >= ALWAYS_PAPER) continue;
      const left = Math.max(0, x - radius);
      const right = Math.min(width, x + radius + 1);
      const sum =
        ((integral[bottom * stride + right] ?? 0) -
          (integral[top * stride + right] ?? 0) -
          (integral[bottom * stride + left] ?? 0) +
          (integral[top * stride + left] ?? 0)) >>>
        0;
      if (value * rows * (right - left) < sum * DARKER_THAN_MEAN) mask[y * width + x] = 1;
    }
  }
  return { data: mask, width, height };
}

/** The mask turned on its diagonal (x ↔ y), so code that finds horizontal strokes finds vertical ones. */
export function transposeMask(mask: InkMask): InkMask {
  const { width, height, data } = mask;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) out[x * height + y] = data[row + x] ?? 0;
  }
  return { data: out, width: height, height: width };
}
