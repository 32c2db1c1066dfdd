import { describe, expect, it } from "vitest";
import { findPageOutline, flattenPage } from "../pipeline/ocr/dewarp.js";
import type { Quad } from "../pipeline/ocr/grid-lattice.js";
import { evenLight } from "../pipeline/ocr/light.js";
import type { GreyPage } from "../pipeline/ocr/preprocess.js";

/** Is (x, y) inside the convex quad? */
function inside(q: Quad, x: number, y: number): boolean {
  for (let i = 0; i < 4; i++) {
    const a = q[i] as { x: number; y: number };
    const b = q[(i + 1) % 4] as { x: number; y: number };
    if ((b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) < 0) return false;
  }
  return true;
}

/**
 * A photo of an A4 page on a desk: the page seen in perspective (narrower at the top), lit less
 * towards the bottom left, with a few lines of "text" on it.
 */
function photo(corners: Quad): GreyPage {
  const width = 900;
  const height = 1200;
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = 1 - 0.45 * (y / height) * (1 - x / width);
      const paper = inside(corners, x, y);
      const text = paper && y % 60 < 8 && x % 40 < 25 && y > 250 && y < 900 && x > 250 && x < 650;
      data[y * width + x] = Math.round((text ? 40 : paper ? 235 : 80) * light);
    }
  }
  return { data, width, height, dpi: 100 };
}

const CORNERS: Quad = [
  { x: 170, y: 110 },
  { x: 730, y: 90 },
  { x: 820, y: 1110 },
  { x: 80, y: 1090 },
];

describe("findPageOutline", () => {
  it("finds the corners of a page photographed in perspective on a darker desk", () => {
    const outline = findPageOutline(photo(CORNERS));
    expect(outline).not.toBeNull();
    outline?.forEach((corner, i) => {
      expect(Math.abs(corner.x - (CORNERS[i]?.x ?? 0))).toBeLessThan(12);
      expect(Math.abs(corner.y - (CORNERS[i]?.y ?? 0))).toBeLessThan(12);
    });
  });

  it("finds no outline on a scan, whose paper runs to the image's edges", () => {
    const scan = photo([
      { x: -5, y: -5 },
      { x: 905, y: -5 },
      { x: 905, y: 1205 },
      { x: -5, y: 1205 },
    ]);
    expect(findPageOutline(scan)).toBeNull();
  });
});

describe("flattenPage and evenLight", () => {
  it("draws an A4-shaped outline as an A4 page at the resolution asked, and whitens its paper", () => {
    const page = photo(CORNERS);
    const flat = evenLight(flattenPage(page, CORNERS, 50));
    expect([flat.width, flat.height, flat.dpi]).toEqual([413, 585, 50]);
    // Paper in the dim corner and in the bright one both come out nearly white; the text stays dark.
    const at = (x: number, y: number) => flat.data[Math.round(y) * flat.width + Math.round(x)] ?? 0;
    expect(at(flat.width * 0.1, flat.height * 0.9)).toBeGreaterThan(225);
    expect(at(flat.width * 0.9, flat.height * 0.1)).toBeGreaterThan(225);
    expect(flat.data.reduce((min, v) => Math.min(min, v), 255)).toBeLessThan(100);
  });
});
