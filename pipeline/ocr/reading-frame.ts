import { binarise, type InkMask } from "./binarise.js";
import type { Box } from "./layout.js";
import { type GreyPage, turnPage } from "./preprocess.js";
import { textSkew } from "./text-skew.js";

/** Below this tilt (degrees) tesseract reads a page as it is (it ignores less than 0.005 rad). */
const LEVEL_ENOUGH = 0.25;

/** A page image and its ink, in the pixels word boxes are given in. */
export interface ReadingFrame {
  page: GreyPage;
  mask: InkMask;
  /** Degrees the page was turned clockwise to get here (0: as it is). */
  turned: number;
}

/**
 * The page in the frame of the words tesseract read on it. Reading a whole page, tesseract
 * straightens a tilted page first (`deskew`) and gives its word boxes in the straightened image,
 * turned about its centre and cut to the same size, without saying by how much. To cut cells out
 * where the words are, the page is turned the same way here: by the tilt of its text lines
 * (text-skew.ts), about its centre, same size. The turn is kept only when the words fall on more
 * ink in the turned page than in the page as it is (tesseract may have judged the tilt too small
 * to bother).
 */
export async function readingFrame(
  page: GreyPage,
  mask: InkMask,
  words: Box[],
  paper: number,
): Promise<ReadingFrame> {
  const skew = textSkew(mask);
  if (Math.abs(skew) < LEVEL_ENOUGH) return { page, mask, turned: 0 };
  const grown = await turnPage(page, -skew, paper);
  const turned = centreCut(grown, page.width, page.height, paper);
  const turnedMask = binarise(turned);
  return inkUnder(turnedMask, words) > inkUnder(mask, words)
    ? { page: turned, mask: turnedMask, turned: -skew }
    : { page, mask, turned: 0 };
}

/** The middle `width` × `height` of a page that grew when it was turned. */
function centreCut(page: GreyPage, width: number, height: number, paper: number): GreyPage {
  const data = Buffer.alloc(width * height, paper);
  const dx = Math.round((page.width - width) / 2);
  const dy = Math.round((page.height - height) / 2);
  for (let y = 0; y < height; y++) {
    const from = y + dy;
    if (from < 0 || from >= page.height) continue;
    const start = from * page.width + Math.max(0, dx);
    const length = Math.min(width, page.width - Math.max(0, dx));
    Buffer.from(page.data.buffer, page.data.byteOffset + start, length).copy(
      data,
      y * width + Math.max(0, -dx),
    );
  }
  return { data, width, height, dpi: page.dpi };
}

/** Share of the pixels inside the word boxes (every second one) that are ink. */
function inkUnder(mask: InkMask, words: Box[]): number {
  let ink = 0;
  let all = 0;
  for (const box of words) {
    for (let y = Math.max(0, Math.round(box.y0)); y < Math.min(mask.height, box.y1); y += 2) {
      for (let x = Math.max(0, Math.round(box.x0)); x < Math.min(mask.width, box.x1); x += 2) {
        all++;
        ink += mask.data[y * mask.width + x] ?? 0;
      }
    }
  }
  return all === 0 ? 0 : ink / all;
}
