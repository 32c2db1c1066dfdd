import sharp from "sharp";

/** A greyscale page ready for tesseract: one byte per pixel, rows top to bottom. */
export interface GreyPage {
  data: Buffer;
  width: number;
  height: number;
  /** Resolution the page now has (after scaling), passed to tesseract as `user_defined_dpi`. */
  dpi: number;
}

/** How to prepare one image. */
export interface PrepareOptions {
  /** Page of a multi-page image (TIFF), counted from 0. */
  page?: number;
  /** Resolution the image was rendered or scanned at, when the caller knows it. */
  dpi?: number;
  /** Resolution to scale to. 200 dpi read noisy scans better than 300 and faster. */
  targetDpi: number;
  /** Decoding refuses images with more pixels than this (decompression bombs). */
  maxPixels: number;
}

/** Height of an A4 page in inches: the size assumed for an image that does not say its resolution. */
const A4_LONG_SIDE_INCHES = 11.69;
/** Beyond these factors scaling costs more than it helps (tiny crops, giant posters). */
const MIN_SCALE = 0.2;
const MAX_SCALE = 2.5;

/**
 * Decodes an encoded image (PNG, JPEG, TIFF, WebP …) into a greyscale page at about `targetDpi`,
 * upright as its EXIF orientation says, with contrast stretched so faint scans and grey
 * backgrounds reach black on white. Binarisation is left to tesseract (Otsu): its adaptive and
 * Sauvola methods read our noisy scans no better, the adaptive one far worse.
 */
export async function preparePage(image: Buffer, options: PrepareOptions): Promise<GreyPage> {
  try {
    return await decodeAndScale(image, options);
  } catch (error) {
    throw ImageDecodeError.from(error);
  }
}

/** The image itself is at fault: it cannot be decoded, or it is too large to decode safely. */
export class ImageDecodeError extends Error {
  constructor(
    readonly kind: "corrupt" | "too-large",
    message: string,
  ) {
    super(message);
    this.name = "ImageDecodeError";
  }

  /** Classifies an error thrown by sharp (libvips) while decoding. */
  static from(error: unknown): ImageDecodeError {
    if (error instanceof ImageDecodeError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new ImageDecodeError(/pixel limit/i.test(message) ? "too-large" : "corrupt", message);
  }
}

async function decodeAndScale(image: Buffer, options: PrepareOptions): Promise<GreyPage> {
  const input = () => sharp(image, { page: options.page ?? 0, limitInputPixels: options.maxPixels });
  const meta = await input().metadata();
  const exifSwapsSides = (meta.orientation ?? 1) >= 5;
  const width = (exifSwapsSides ? meta.height : meta.width) ?? 0;
  const height = (exifSwapsSides ? meta.width : meta.height) ?? 0;
  if (width === 0 || height === 0) throw new Error("image has no pixels");

  const sourceDpi = options.dpi ?? plausibleDensity(meta.density, Math.max(width, height));
  let scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, options.targetDpi / sourceDpi));
  // Resampling by less than 10% changes nothing tesseract cares about: skip the cost.
  if (Math.abs(scale - 1) < 0.1) scale = 1;
  const targetWidth = Math.max(1, Math.round(width * scale));
  const targetHeight = Math.max(1, Math.round(height * scale));

  let pipeline = input().autoOrient().greyscale();
  if (scale !== 1) pipeline = pipeline.resize(targetWidth, targetHeight, { fit: "fill" });
  // One channel out, whatever came in (grey+alpha PNGs keep two channels after greyscale()).
  const { data, info } = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  stretchContrast(data);
  return { data, width: info.width, height: info.height, dpi: Math.round(sourceDpi * scale) };
}

/** Share of pixels allowed to clip at each end when contrast is stretched. */
const CLIP_SHARE = 0.01;

/**
 * Stretches grey levels in place so that the darkest 1% of pixels become black and the lightest
 * 1% white (sharp's `normalise()` does the same, but on an encoded input it decodes the image
 * twice, which cost more than the rest of preprocessing). Faint scans and grey paper then reach
 * the contrast tesseract's thresholding expects. A page with almost no ink is left alone.
 */
export function stretchContrast(pixels: Uint8Array): void {
  const histogram = new Uint32Array(256);
  for (const value of pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  const clip = pixels.length * CLIP_SHARE;
  let low = 0;
  for (let seen = 0; low < 255 && seen + (histogram[low] ?? 0) <= clip; low++) seen += histogram[low] ?? 0;
  let high = 255;
  for (let seen = 0; high > 0 && seen + (histogram[high] ?? 0) <= clip; high--) seen += histogram[high] ?? 0;
  if (high - low < 16 || (low === 0 && high === 255)) return;
  const table = new Uint8Array(256);
  for (let value = 0; value < 256; value++) {
    table[value] = Math.min(255, Math.max(0, Math.round(((value - low) * 255) / (high - low))));
  }
  for (let index = 0; index < pixels.length; index++) pixels[index] = table[pixels[index] ?? 0] ?? 0;
}

/**
 * The resolution an image claims, when the claim fits a paper page (3–20 inches on the long
 * side); otherwise the resolution it would have as an A4 page. Phone photos and screenshots
 * say 72 dpi, which would make a 4000-pixel photo a 55-inch page.
 */
export function plausibleDensity(density: number | undefined, longSidePixels: number): number {
  if (density && density >= 100 && density <= 1200) {
    const inches = longSidePixels / density;
    if (inches >= 3 && inches <= 20) return density;
  }
  return longSidePixels / A4_LONG_SIDE_INCHES;
}

/** Turns a greyscale page clockwise by a multiple of 90 degrees. */
export async function rotatePage(page: GreyPage, degrees: number): Promise<GreyPage> {
  if (degrees % 360 === 0) return page;
  const { data, info } = await sharp(page.data, {
    raw: { width: page.width, height: page.height, channels: 1 },
  })
    .rotate(degrees)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: page.dpi };
}

/**
 * Turns a greyscale page clockwise by a small angle (degrees), filling the corners with the grey
 * level `background` (the paper's); the page grows to hold the turned image. Used to straighten
 * a skewed table before its cells are cut out.
 */
export async function turnPage(page: GreyPage, degrees: number, background = 255): Promise<GreyPage> {
  if (degrees === 0) return page;
  const { data, info } = await sharp(page.data, {
    raw: { width: page.width, height: page.height, channels: 1 },
  })
    .rotate(degrees, { background: { r: background, g: background, b: background } })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: page.dpi };
}

/**
 * Encodes a greyscale page as binary PGM. Tesseract's image reader (leptonica) reads PGM with no
 * decompression, so handing pages over costs a copy instead of a PNG encode and decode.
 */
export function toPgm(page: GreyPage): Buffer {
  const header = Buffer.from(`P5\n${page.width} ${page.height}\n255\n`, "ascii");
  return Buffer.concat([header, page.data]);
}

/**
 * Encodes a greyscale page as PNG stating its resolution (fast, barely compressed). Orientation
 * detection needs the resolution from the file: it ignores `user_defined_dpi`, and without it
 * prints "Invalid resolution 0 dpi" on stderr for every page.
 */
export async function toPng(page: GreyPage): Promise<Buffer> {
  return sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .withMetadata({ density: page.dpi })
    .png({ compressionLevel: 1 })
    .toBuffer();
}
