/**
 * Finds out, from a page's pdfjs operator list, whether the page is a plain scan: one raster image
 * covering (nearly) the whole page and nothing else painted. Pure: no pdfjs calls, so it can be
 * tested on hand-made operator lists.
 */

/** A PDF affine matrix [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Affine = [number, number, number, number, number, number];

/** The operator codes this module reads, by pdfjs name (pdfjs's `OPS` object fits). */
export type ScanOperatorCodes = Record<string, number>;

/** What a page shows on screen, in viewport coordinates at scale 1 (points, y downwards). */
export interface PageViewport {
  /** Page space to viewport: pdfjs's `viewport.transform` at scale 1 (it holds /Rotate). */
  transform: number[];
  width: number;
  height: number;
}

/** The image that makes up a scanned page, and how to turn its pixels to read it upright. */
export interface ScanPlacement {
  /** The image's name in `page.objs`/`page.commonObjs`, or the image itself (inline images). */
  image: string | object;
  /** Size of the image in pixels, as stored. */
  width: number;
  height: number;
  /** Mirror the stored pixels left to right first (sharp `flop`, applied before rotation). */
  mirror: boolean;
  /** Then turn them clockwise by this many degrees, so the result looks as the page shows it. */
  rotation: 0 | 90 | 180 | 270;
  /** Size on the page in inches of the stored image's width and height (before turning). */
  inches: { width: number; height: number };
}

/** Why a page is not a plain scan (the caller draws it instead). */
export type NotAScan = { reason: string };

/** Share of the page the image must show; below it the page has margins worth drawing. */
const MIN_PAGE_COVER = 0.9;
/** Share of the image that must be visible; below it the page crops the image. */
const MIN_IMAGE_SHOWN = 0.95;
/** Largest sideways component of an image axis (relative) still taken as axis-aligned. */
const AXIS_TOLERANCE = 1e-3;

/** Operators that only set state (colours, line styles, fonts, marked content) and paint nothing. */
const STATE_OPERATORS = [
  "dependency",
  "setLineWidth",
  "setLineCap",
  "setLineJoin",
  "setMiterLimit",
  "setDash",
  "setRenderingIntent",
  "setFlatness",
  "beginText",
  "endText",
  "setCharSpacing",
  "setWordSpacing",
  "setHScale",
  "setLeading",
  "setFont",
  "setTextRenderingMode",
  "setTextRise",
  "moveText",
  "setLeadingMoveText",
  "setTextMatrix",
  "nextLine",
  "setStrokeColorSpace",
  "setFillColorSpace",
  "setStrokeColor",
  "setStrokeColorN",
  "setFillColor",
  "setFillColorN",
  "setStrokeGray",
  "setFillGray",
  "setStrokeRGBColor",
  "setFillRGBColor",
  "setStrokeCMYKColor",
  "setFillCMYKColor",
  "setStrokeTransparent",
  "setFillTransparent",
  "markPoint",
  "markPointProps",
  "beginMarkedContent",
  "endMarkedContent",
  "beginCompat",
  "endCompat",
];

/** Graphics state keys that change how an image looks (transparency, soft masks, transfer functions). */
const VISIBLE_STATE_KEYS = new Set(["CA", "ca", "SMask", "TR", "TR2", "BM"]);

/**
 * The scan image of a page, or why the page is not one. A page is a scan when its operators paint
 * exactly one image (named or inline), axis-aligned (any quarter turn or mirror), showing at least
 * 90% of the page and itself not cropped, and paint nothing else: no text, no vector paths (clip
 * paths are allowed), no annotations, no transparency groups. Anything unusual counts as "not a
 * scan": drawing the page is always right, only slower and blurrier.
 */
export function findScanPlacement(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: ScanOperatorCodes,
  viewport: PageViewport,
): ScanPlacement | NotAScan {
  const names = new Map<number, string>(Object.entries(ops).map(([name, code]) => [code, name]));
  const state = new Set(STATE_OPERATORS);
  let ctm: Affine = [1, 0, 0, 1, 0, 0];
  const stack: { ctm: Affine; clip: Box | null }[] = [];
  let clip: Box | null = null;
  let pendingClip = false;
  let found: { image: string | object; width: number; height: number; box: Box; matrix: Affine } | null =
    null;

  for (let index = 0; index < fnArray.length; index++) {
    const name = names.get(fnArray[index] ?? -1) ?? "unknown";
    const args = (argsArray[index] ?? []) as unknown[];
    if (state.has(name)) continue;
    switch (name) {
      case "save":
        stack.push({ ctm, clip });
        continue;
      case "restore":
        ({ ctm, clip } = stack.pop() ?? { ctm, clip });
        continue;
      case "transform":
        ctm = multiply(ctm, args as Affine);
        continue;
      case "paintFormXObjectBegin": {
        stack.push({ ctm, clip });
        const [matrix, bbox] = args as [Affine | null, number[] | null];
        if (matrix) ctm = multiply(ctm, matrix);
        if (bbox) clip = intersect(clip, boxOf(multiply(viewportMatrix(viewport), ctm), bbox));
        continue;
      }
      case "paintFormXObjectEnd":
        ({ ctm, clip } = stack.pop() ?? { ctm, clip });
        continue;
      case "setGState": {
        const entries = (args[0] ?? []) as [string, unknown][];
        if (entries.some(([key, value]) => VISIBLE_STATE_KEYS.has(key) && !neutralState(key, value)))
          return { reason: "transparency or transfer function" };
        continue;
      }
      case "beginMarkedContentProps":
        // Optional content can hide what it wraps: only drawing knows what shows.
        if (args[0] === "OC") return { reason: "optional content" };
        continue;
      case "clip":
      case "eoClip":
        pendingClip = true;
        continue;
      case "constructPath": {
        const [paint, , minMax] = args as [number, unknown, number[] | null];
        if (paint !== ops.endPath) return { reason: "vector drawing" };
        if (pendingClip && minMax)
          clip = intersect(clip, boxOf(multiply(viewportMatrix(viewport), ctm), minMax));
        pendingClip = false;
        continue;
      }
      case "endPath":
        pendingClip = false;
        continue;
      case "paintImageXObject":
      case "paintInlineImageXObject": {
        if (found) return { reason: "several images" };
        const image = args[0] as string | { width?: number; height?: number };
        const width = Number(typeof image === "string" ? args[1] : image.width);
        const height = Number(typeof image === "string" ? args[2] : image.height);
        if (!(width > 0 && height > 0)) return { reason: "image without a size" };
        const matrix = multiply(viewportMatrix(viewport), ctm);
        const box = intersect(clip, boxOf(matrix, [0, 0, 1, 1]));
        found = { image, width, height, box, matrix };
        continue;
      }
      default:
        return { reason: `paints ${name}` };
    }
  }
  if (!found) return { reason: "no image" };
  return placementOf(found, viewport);
}

/** An axis-aligned box in viewport coordinates. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function placementOf(
  found: { image: string | object; width: number; height: number; box: Box; matrix: Affine },
  viewport: PageViewport,
): ScanPlacement | NotAScan {
  const { matrix, width, height, box } = found;
  // Pixel (u, v), v counted downwards, lands at unit-square point (u/width, 1 − v/height): the
  // stored image's rightward axis runs along (a, b) on screen, its downward axis along (−c, −d).
  const right = axisOf(matrix[0], matrix[1]);
  const down = axisOf(-matrix[2], -matrix[3]);
  if (!right || !down) return { reason: "image drawn at an angle" };
  const mirror = right.x * down.y - right.y * down.x < 0;
  const rotation = rotationOf(mirror ? { x: -right.x, y: -right.y } : right);

  const page: Box = { x0: 0, y0: 0, x1: viewport.width, y1: viewport.height };
  const shown = area(intersect(page, box));
  const whole = area(boxOf(matrix, [0, 0, 1, 1]));
  if (shown < MIN_PAGE_COVER * area(page)) return { reason: "image does not cover the page" };
  if (shown < MIN_IMAGE_SHOWN * whole) return { reason: "image cropped by the page" };

  const points = (x: number, y: number) => Math.hypot(x, y);
  return {
    image: found.image,
    width,
    height,
    mirror,
    rotation,
    inches: { width: points(matrix[0], matrix[1]) / 72, height: points(matrix[2], matrix[3]) / 72 },
  };
}

/** A unit direction along one screen axis (x right or y down), or null when the axis is slanted. */
function axisOf(x: number, y: number): { x: number; y: number } | null {
  const length = Math.hypot(x, y);
  if (length === 0) return null;
  if (Math.abs(y) <= AXIS_TOLERANCE * length) return { x: Math.sign(x), y: 0 };
  if (Math.abs(x) <= AXIS_TOLERANCE * length) return { x: 0, y: Math.sign(y) };
  return null;
}

/** Clockwise quarter turns that bring a stored image's rightward axis onto `right`. */
function rotationOf(right: { x: number; y: number }): 0 | 90 | 180 | 270 {
  if (right.x > 0) return 0;
  if (right.y > 0) return 90;
  if (right.x < 0) return 180;
  return 270;
}

/** pdfjs lists graphics state entries with their values; these values change nothing. */
function neutralState(key: string, value: unknown): boolean {
  if (key === "CA" || key === "ca") return value === 1;
  if (key === "BM") return value === "source-over" || value === "Normal";
  return value === false || value === null || value === undefined;
}

function viewportMatrix(viewport: PageViewport): Affine {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = viewport.transform;
  return [a, b, c, d, e, f];
}

/** `outer` applied after `inner` (pdfjs `Util.transform(outer, inner)`). */
export function multiply(outer: Affine, inner: Affine): Affine {
  const [a, b, c, d, e, f] = outer;
  const [p, q, r, s, t, u] = inner;
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f];
}

/** Screen box of the rectangle [x0, y0, x1, y1] (pdfjs's minMax order) under `matrix`. */
function boxOf(matrix: Affine, rect: number[]): Box {
  const [rx0 = 0, ry0 = 0, rx1 = 0, ry1 = 0] = rect;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [rx0, ry0],
    [rx1, ry0],
    [rx0, ry1],
    [rx1, ry1],
  ] as const) {
    xs.push(matrix[0] * x + matrix[2] * y + matrix[4]);
    ys.push(matrix[1] * x + matrix[3] * y + matrix[5]);
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function intersect(a: Box | null, b: Box): Box {
  if (!a) return b;
  return {
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  };
}

function area(box: Box): number {
  return Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
}
