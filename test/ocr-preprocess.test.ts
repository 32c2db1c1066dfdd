import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  ImageDecodeError,
  plausibleDensity,
  preparePage,
  rotatePage,
  stretchContrast,
  toPgm,
  toPng,
} from "../pipeline/ocr/preprocess.js";

const OPTIONS = { targetDpi: 200, maxPixels: 100_000_000 };

/**
 * A light grey page with a dark grey bar covering about 5% of it (as ink covers a text page),
 * encoded as PNG with an optional density.
 */
async function blankPage(width: number, height: number, density?: number): Promise<Buffer> {
  const page = sharp({ create: { width, height, channels: 3, background: "#f0f0f0" } }).composite([
    {
      input: {
        create: {
          width: Math.round(width / 2),
          height: Math.round(height / 10),
          channels: 3,
          background: "#404040",
        },
      },
      top: Math.round(height / 3),
      left: 10,
    },
  ]);
  return (density ? page.withMetadata({ density }) : page).png().toBuffer();
}

describe("plausibleDensity", () => {
  it("trusts a density that makes a paper-sized page", () => {
    expect(plausibleDensity(300, 3508)).toBe(300);
  });

  it("takes the page for A4 when the density is missing or absurd", () => {
    expect(plausibleDensity(undefined, 2339)).toBeCloseTo(200, 0);
    // A phone photo saying 72 dpi would be a 55-inch page.
    expect(plausibleDensity(72, 4000)).toBeCloseTo(4000 / 11.69, 5);
  });
});

describe("preparePage", () => {
  it("scales a 300 dpi A4 scan to 200 dpi greyscale", async () => {
    const page = await preparePage(await blankPage(2481, 3508, 300), OPTIONS);
    expect(page).toMatchObject({ width: 1654, height: 2339, dpi: 200 });
    expect(page.data.length).toBe(1654 * 2339);
  });

  it("stretches contrast: the grey paper becomes white and the bar black", async () => {
    const page = await preparePage(await blankPage(1654, 2339, 200), OPTIONS);
    expect(Math.min(...page.data.subarray(0, 100))).toBeGreaterThan(250);
    const barRow = Math.round(2339 / 3) + 5;
    expect(page.data[barRow * page.width + 20]).toBeLessThan(5);
  });

  it("uses the resolution the caller gives instead of the file's", async () => {
    const page = await preparePage(await blankPage(1240, 1754, 300), { ...OPTIONS, dpi: 150 });
    expect(page).toMatchObject({ width: 1653, height: 2339, dpi: 200 });
  });

  it("turns a photo upright as its EXIF orientation says", async () => {
    const photo = await sharp(await blankPage(1600, 1200))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const page = await preparePage(photo, OPTIONS);
    expect(page.height).toBeGreaterThan(page.width);
  });

  it("throws ImageDecodeError for bytes that are no image, and for decompression bombs", async () => {
    const garbage = preparePage(Buffer.from("not an image at all"), OPTIONS);
    await expect(garbage).rejects.toBeInstanceOf(ImageDecodeError);
    await expect(garbage).rejects.toMatchObject({ kind: "corrupt" });
    const bomb = preparePage(await blankPage(2000, 2000), { ...OPTIONS, maxPixels: 1_000_000 });
    await expect(bomb).rejects.toMatchObject({ kind: "too-large" });
  });
});

describe("rotatePage, toPgm and toPng", () => {
  const page = { data: Buffer.from([1, 2, 3, 4, 5, 6]), width: 3, height: 2, dpi: 200 };

  it("turns pixels clockwise", async () => {
    const turned = await rotatePage(page, 90);
    expect(turned).toMatchObject({ width: 2, height: 3, dpi: 200 });
    // Row 1 2 3 / 4 5 6 turned clockwise reads 4 1 / 5 2 / 6 3.
    expect([...turned.data]).toEqual([4, 1, 5, 2, 6, 3]);
    expect(await rotatePage(page, 0)).toBe(page);
  });

  it("writes a binary PGM header before the pixels", () => {
    const pgm = toPgm(page);
    expect(pgm.subarray(0, 11).toString("ascii")).toBe("P5\n3 2\n255\n");
    expect([...pgm.subarray(11)]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("writes a PNG that states the page's resolution", async () => {
    const meta = await sharp(await toPng(page)).metadata();
    expect(meta).toMatchObject({ format: "png", width: 3, height: 2, density: 200 });
  });
});

describe("stretchContrast", () => {
  it("maps the darkest and lightest percent of pixels to black and white", () => {
    const pixels = new Uint8Array(1000);
    pixels.fill(200);
    pixels.fill(80, 0, 100);
    stretchContrast(pixels);
    expect(pixels[0]).toBe(0);
    expect(pixels[500]).toBe(255);
  });

  it("leaves a page without ink alone", () => {
    const pixels = new Uint8Array(1000).fill(230);
    stretchContrast(pixels);
    expect(pixels.every((value) => value === 230)).toBe(true);
  });
});
