import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp, { type Sharp } from "sharp";
import { describe, expect, it } from "vitest";
import { openPdf } from "../pipeline/pdf/open.js";
import { type PageImage, pageImage } from "../pipeline/pdf/page-image.js";
import { greyPixels } from "../pipeline/pdf/scan-pixels.js";
import { findScanPlacement } from "../pipeline/pdf/scan-placement.js";
import { type PdfImage, scanPdf } from "./helpers/scan-pdf.js";

const FORMS = join(import.meta.dirname, "..", "fixtures", "forms");
const A4 = { width: 595.44, height: 841.92 };

/** The image the PDF backend would give OCR for one page. */
async function imageOf(bytes: Buffer, page = 1): Promise<PageImage> {
  const parser = openPdf(bytes);
  try {
    const info = await parser.getInfo({ parsePageInfo: true });
    const entry = info.pages.find((p) => p.pageNumber === page);
    return await pageImage(parser, page, { width: entry?.width ?? 0, height: entry?.height ?? 0 }, 200);
  } finally {
    await parser.destroy();
  }
}

async function sizeOf(image: Buffer) {
  const meta = await sharp(image).metadata();
  return { width: meta.width, height: meta.height, channels: meta.channels };
}

/** Both images shrunk to a thumbnail, compared pixel by pixel: mean absolute grey difference. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const thumb = (image: Buffer) =>
    sharp(image).resize(124, 175, { fit: "fill" }).extractChannel(0).raw().toBuffer();
  const [x, y] = await Promise.all([thumb(a), thumb(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

const jpeg = async (image: Buffer | Sharp): Promise<PdfImage> => {
  const { data, info } = await (Buffer.isBuffer(image) ? sharp(image) : image)
    .greyscale()
    .jpeg({ quality: 90 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height, encoding: "jpeg" };
};

/** A4 page 1 of 001-ba-vi as scanned upright (300 dpi), and its upside-down twin for contrast. */
const upright = readFileSync(join(FORMS, "001-ba-vi", "page-1.png"));
const upsideDown = await sharp(upright).rotate(180).png().toBuffer();
const fullPage = `q ${A4.width} 0 0 ${A4.height} 0 0 cm /Im0 Do Q`;

describe("scanned PDF pages give OCR their own image", () => {
  it("a 300 dpi scan comes out at its native size and resolution, one grey channel", async () => {
    const image = await imageOf(readFileSync(join(FORMS, "000-ba-to", "scan-300.pdf")));
    expect(image.source).toBe("embedded");
    expect(image.dpi).toBeGreaterThanOrEqual(299);
    expect(image.dpi).toBeLessThanOrEqual(301);
    expect(await sizeOf(image.image)).toEqual({ width: 2481, height: 3508, channels: 1 });
  });

  it("a 200 dpi noisy scan comes out at 200 dpi, not resampled", async () => {
    const image = await imageOf(readFileSync(join(FORMS, "002-nhu-quynh", "scan-200-noisy.pdf")), 3);
    expect(image.source).toBe("embedded");
    expect(image.dpi).toBe(200);
    expect(await sizeOf(image.image)).toMatchObject({ width: 1654, height: 2339 });
  });

  it("the pixels are the scan's: the same picture the page shows", async () => {
    const pdf = scanPdf({ ...A4, images: [await jpeg(upright)], content: fullPage });
    const image = await imageOf(pdf);
    expect(image.source).toBe("embedded");
    expect(await difference(image.image, upright)).toBeLessThan(3);
  });

  it("a scan finer than 400 dpi is scaled down to 400 dpi", async () => {
    // A 3×4 inch slip scanned at 600 dpi.
    const slip = sharp(upright).resize(1800, 2400, { fit: "fill" });
    const pdf = scanPdf({
      width: 216,
      height: 288,
      images: [await jpeg(slip)],
      content: "q 216 0 0 288 0 0 cm /Im0 Do Q",
    });
    const image = await imageOf(pdf);
    expect(image.source).toBe("embedded");
    expect(image.dpi).toBe(400);
    expect(await sizeOf(image.image)).toMatchObject({ width: 1200, height: 1600 });
  });

  it("a 1-bit scan whose rows do not fill whole bytes keeps its pixels in place", async () => {
    // 300×400 pixels on a 3×4 inch page (100 dpi): black left half, white right half.
    const rowBytes = Math.ceil(300 / 8);
    const bits = Buffer.alloc(rowBytes * 400, 0);
    for (let y = 0; y < 400; y++) {
      for (let x = 150; x < 300; x++) {
        const at = y * rowBytes + (x >> 3);
        bits[at] = (bits[at] ?? 0) | (0x80 >> (x & 7));
      }
    }
    const image: PdfImage = { bytes: bits, width: 300, height: 400, encoding: "grey1" };
    const page = await imageOf(
      scanPdf({ width: 216, height: 288, images: [image], content: "q 216 0 0 288 0 0 cm /Im0 Do Q" }),
    );
    expect(page.source).toBe("embedded");
    expect(page.dpi).toBe(100);
    const { data, info } = await sharp(page.image)
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(300);
    for (const y of [0, 200, 399]) {
      expect(data[y * 300 + 149]).toBe(0);
      expect(data[y * 300 + 150]).toBe(255);
    }
  });

  it("a page without a believable paper size keeps its pixels and states no resolution", async () => {
    // A 300 dpi scan wrapped at 72 dpi: a 34×49 inch "page".
    const content = "q 2481 0 0 3508 0 0 cm /Im0 Do Q";
    const pdf = scanPdf({ width: 2481, height: 3508, images: [await jpeg(upright)], content });
    const image = await imageOf(pdf);
    expect(image.source).toBe("embedded");
    expect(image.dpi).toBeUndefined();
    expect(await sizeOf(image.image)).toMatchObject({ width: 2481, height: 3508 });
  });
});

describe("a turned scan comes out upright", () => {
  it("a sideways scan set upright by the page's /Rotate (001-ba-vi rotated-90)", async () => {
    // The fixture is page 1 turned 90° clockwise; /Rotate 270 shows it upright, as a scanner would.
    const sideways = readFileSync(join(FORMS, "001-ba-vi", "rotated-90.png"));
    const content = `q ${A4.height} 0 0 ${A4.width} 0 0 cm /Im0 Do Q`;
    const pdf = scanPdf({
      width: A4.height,
      height: A4.width,
      rotate: 270,
      images: [await jpeg(sideways)],
      content,
    });
    const image = await imageOf(pdf);
    expect(image.source).toBe("embedded");
    expect(image.dpi).toBe(300);
    expect(await sizeOf(image.image)).toMatchObject({ width: 2481, height: 3508 });
    const right = await difference(image.image, upright);
    expect(right).toBeLessThan(3);
    expect(right).toBeLessThan((await difference(image.image, upsideDown)) / 3);
  });

  it("a sideways image turned upright by its drawing matrix", async () => {
    const sideways = await jpeg(sharp(upright).rotate(90));
    // Unit square to page: the stored image's top edge runs up the page's left edge.
    const content = `q 0 ${A4.height} ${-A4.width} 0 ${A4.width} 0 cm /Im0 Do Q`;
    const image = await imageOf(scanPdf({ ...A4, images: [sideways], content }));
    expect(image.source).toBe("embedded");
    expect(await difference(image.image, upright)).toBeLessThan(3);
  });

  it("a mirrored image drawn mirrored back", async () => {
    const mirrored = await jpeg(sharp(upright).flop());
    const content = `q ${-A4.width} 0 0 ${A4.height} ${A4.width} 0 cm /Im0 Do Q`;
    const image = await imageOf(scanPdf({ ...A4, images: [mirrored], content }));
    expect(image.source).toBe("embedded");
    expect(await difference(image.image, upright)).toBeLessThan(3);
  });
});

describe("every other page is drawn, as before", () => {
  it("a typed page", async () => {
    const image = await imageOf(readFileSync(join(FORMS, "000-ba-to", "typed.pdf")));
    expect(image.source).toBe("rendered");
    expect(image.dpi).toBe(200);
  });

  it("a PDF mixing a typed page and a scanned page: each page on its own", async () => {
    const bytes = readFileSync(join(FORMS, "003-duc-pho", "mixed.pdf"));
    expect((await imageOf(bytes, 1)).source).toBe("rendered");
    expect((await imageOf(bytes, 2)).source).toBe("embedded");
  });

  it("a scan with text stamped over it", async () => {
    const content = `${fullPage} BT /F1 24 Tf 72 72 Td (SAO Y BAN CHINH) Tj ET`;
    const image = await imageOf(scanPdf({ ...A4, images: [await jpeg(upright)], content }));
    expect(image.source).toBe("rendered");
    expect(image.drawnBecause).toMatch(/Text/u);
  });

  it("a scan with a line drawn over it", async () => {
    const content = `${fullPage} 2 w 72 400 m 500 400 l S`;
    const image = await imageOf(scanPdf({ ...A4, images: [await jpeg(upright)], content }));
    expect(image.source).toBe("rendered");
  });

  it("an image covering half the page, or two images", async () => {
    const scan = await jpeg(upright);
    const half = await imageOf(scanPdf({ ...A4, images: [scan], content: "q 297 0 0 421 0 0 cm /Im0 Do Q" }));
    expect(half.source).toBe("rendered");
    const two = await imageOf(
      scanPdf({ ...A4, images: [scan, scan], content: `${fullPage} q 100 0 0 100 0 0 cm /Im1 Do Q` }),
    );
    expect(two.source).toBe("rendered");
  });
});

describe("scan placement and pixels", () => {
  const ops = {
    save: 1,
    restore: 2,
    transform: 3,
    paintImageXObject: 4,
    clip: 5,
    constructPath: 6,
    endPath: 7,
  };
  const viewport = { transform: [1, 0, 0, -1, 0, 800], width: 600, height: 800 };

  it("a clip path inside the image crops it: not a plain scan", () => {
    const fn = [ops.save, ops.transform, ops.clip, ops.constructPath, ops.paintImageXObject, ops.restore];
    const args = [
      null,
      [600, 0, 0, 800, 0, 0],
      null,
      [ops.endPath, [], [0, 0, 0.5, 1]],
      ["img", 10, 10],
      null,
    ];
    expect(findScanPlacement(fn, args, ops, viewport)).toEqual({ reason: "image does not cover the page" });
    const wide = [...args];
    wide[3] = [ops.endPath, [], [0, 0, 1, 1]];
    expect(findScanPlacement(fn, wide, ops, viewport)).toMatchObject({
      image: "img",
      rotation: 0,
      mirror: false,
    });
  });

  it("a transparent pixel lies on white paper; RGB becomes its luma", () => {
    const kinds = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 };
    const rgba = greyPixels(
      { width: 2, height: 1, kind: 3, data: new Uint8Array([0, 0, 0, 0, 0, 0, 0, 255]) },
      kinds,
    );
    expect([...rgba]).toEqual([255, 0]);
    const rgb = greyPixels({ width: 1, height: 1, kind: 2, data: new Uint8Array([255, 0, 0]) }, kinds);
    expect([...rgb]).toEqual([76]);
  });
});
