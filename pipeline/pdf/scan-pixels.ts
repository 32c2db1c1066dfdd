import sharp from "sharp";
import type { ScanPlacement } from "./scan-placement.js";

/** A decoded PDF image as pdfjs hands it over (`page.objs.get(name)`). */
export interface DecodedPdfImage {
  width: number;
  height: number;
  /** pdfjs `ImageKind`: 1 bit grey, 8-bit RGB or RGBA. */
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray | null;
}

/** pdfjs's `ImageKind` codes (passed in: the numbers are pdfjs's, not ours to hard-code). */
export interface ImageKindCodes {
  GRAYSCALE_1BPP: number;
  RGB_24BPP: number;
  RGBA_32BPP: number;
}

/** A scan's pixels ready for OCR: an encoded greyscale image and the resolution it now has. */
export interface ScanImage {
  /** Greyscale PNG, upright as the page shows it. */
  image: Buffer;
  width: number;
  height: number;
  /** Absent when the page has no believable paper size (OCR then sizes it as an A4 page). */
  dpi?: number;
}

/** How large a scan may reach OCR. */
export interface ScanLimits {
  /** Scans finer than this are scaled down to it (lanczos): finer print gains OCR nothing. */
  maxDpi: number;
  /** Long side of a page with a believable size, in inches. */
  minPaperInches: number;
  maxPaperInches: number;
}

/** Height of an A4 page in inches: the size assumed for a scan without a believable page size. */
const A4_LONG_SIDE_INCHES = 11.69;
/** Resolutions closer than this (relative) are the same: resampling by less only blurs. */
const SAME_DPI = 0.01;

/**
 * Turns a scan's decoded pixels into the image OCR reads: grey, mirrored and turned as the page
 * shows them, at the scan's own resolution (the pixels as stored, not resampled) unless that is
 * finer than `maxDpi` or differs across and down the page (fax-style 204×98 dpi scans), when it is
 * scaled once, with lanczos, to a square grid. The resolution is read from the image's size on the
 * page, not from anything the file claims.
 */
export async function scanImage(
  decoded: DecodedPdfImage,
  placement: ScanPlacement,
  kinds: ImageKindCodes,
  limits: ScanLimits,
): Promise<ScanImage> {
  const { width, height } = decoded;
  if (width !== placement.width || height !== placement.height)
    throw new Error(
      `decoded image is ${width}×${height}, the page draws ${placement.width}×${placement.height}`,
    );
  const { inches } = placement;
  const longSide = Math.max(inches.width, inches.height);
  const believable = longSide >= limits.minPaperInches && longSide <= limits.maxPaperInches;

  let dpi: number | undefined;
  let size = { width, height };
  if (believable) {
    const across = width / inches.width;
    const down = height / inches.height;
    const finest = Math.max(across, down);
    const target = Math.min(finest, limits.maxDpi);
    const uneven = Math.abs(across - down) > SAME_DPI * finest;
    if (uneven || target < finest * (1 - SAME_DPI)) {
      size = { width: Math.round(inches.width * target), height: Math.round(inches.height * target) };
      dpi = Math.round(target);
    } else {
      dpi = Math.round((across + down) / 2);
    }
  } else {
    // No paper size to go by: keep at most an A4 page at the finest resolution allowed.
    const maxLong = Math.round(A4_LONG_SIDE_INCHES * limits.maxDpi);
    const scale = Math.min(1, maxLong / Math.max(width, height));
    size = { width: Math.round(width * scale), height: Math.round(height * scale) };
  }

  let pipeline = sharp(greyPixels(decoded, kinds), { raw: { width, height, channels: 1 } });
  if (size.width !== width || size.height !== height)
    pipeline = pipeline.resize(Math.max(1, size.width), Math.max(1, size.height), {
      fit: "fill",
      kernel: "lanczos3",
    });
  // sharp mirrors before it rotates, whatever the call order: the order ScanPlacement means.
  if (placement.mirror) pipeline = pipeline.flop();
  if (placement.rotation) pipeline = pipeline.rotate(placement.rotation);
  if (dpi !== undefined) pipeline = pipeline.withDensity(dpi);
  // One channel out: sharp writes a one-channel raw input as RGB unless told it is grey.
  const { data, info } = await pipeline
    .toColourspace("b-w")
    .png({ compressionLevel: 1, adaptiveFiltering: false })
    .toBuffer({ resolveWithObject: true });
  return dpi === undefined
    ? { image: data, width: info.width, height: info.height }
    : { image: data, width: info.width, height: info.height, dpi };
}

/**
 * One grey byte per pixel, from any pixel layout pdfjs produces. Grey is the luma of Rec. 601
 * (what sharp's greyscale uses for OCR pages), transparent pixels lie on white paper, and 1-bit
 * images (CCITT, JBIG2 scans) have byte-aligned rows with 1 meaning white, as pdfjs draws them.
 */
export function greyPixels(decoded: DecodedPdfImage, kinds: ImageKindCodes): Buffer {
  const { width, height, kind, data } = decoded;
  if (!data) throw new Error("the image has no decoded pixels");
  const pixels = width * height;
  const grey = Buffer.allocUnsafe(pixels);
  if (kind === kinds.GRAYSCALE_1BPP) {
    const rowBytes = (width + 7) >> 3;
    if (data.length < rowBytes * height) throw new Error("1-bit image data is short");
    for (let y = 0; y < height; y++) {
      const row = y * rowBytes;
      for (let x = 0; x < width; x++) {
        grey[y * width + x] = ((data[row + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
      }
    }
    return grey;
  }
  const channels = kind === kinds.RGBA_32BPP ? 4 : kind === kinds.RGB_24BPP ? 3 : data.length / pixels;
  if (channels !== 1 && channels !== 3 && channels !== 4) throw new Error(`unknown pixel layout (${kind})`);
  if (data.length < pixels * channels) throw new Error("image data is short");
  if (channels === 1) return Buffer.from(data.buffer, data.byteOffset, pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += channels) {
    const luma = 0.299 * (data[j] ?? 0) + 0.587 * (data[j + 1] ?? 0) + 0.114 * (data[j + 2] ?? 0);
    const alpha = channels === 4 ? (data[j + 3] ?? 255) / 255 : 1;
    grey[i] = Math.round(luma * alpha + 255 * (1 - alpha));
  }
  return grey;
}
