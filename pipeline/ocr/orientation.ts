/** Tesseract's answer to "which way is this page turned", as the correction to apply. */
export interface OrientationGuess {
  /** Degrees to turn the image clockwise so that its text reads upright: 0, 90, 180 or 270. */
  rotation: number;
  /** Tesseract's orientation confidence (a margin, not a probability; upright pages score 10–20). */
  confidence: number;
}

/** What tesseract.js's `detect()` returns (the fields this module reads). */
export interface DetectData {
  orientation_degrees: number | null;
  orientation_confidence: number | null;
}

/**
 * Below this margin OSD's answer is a guess. Tesseract itself uses 7 (`min_orientation_margin`);
 * on our pages at 200 dpi every true answer scored above 10, and downscaled pages that fooled it
 * scored under 2.
 */
export const CONFIDENT_ORIENTATION = 5;

/**
 * Turns tesseract's OSD result into a clockwise correction. tesseract.js reports the page's
 * orientation as `[0, 270, 180, 90][orientation_id]`: a page turned 90° clockwise reports 270,
 * and turning it another 270° clockwise brings it upright, so the correction equals the report.
 */
export function orientationFromDetect(data: DetectData | null | undefined): OrientationGuess {
  const degrees = data?.orientation_degrees;
  const confidence = data?.orientation_confidence ?? 0;
  if (degrees === null || degrees === undefined || !Number.isFinite(confidence)) {
    return { rotation: 0, confidence: 0 };
  }
  const rotation = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return { rotation, confidence };
}

/** One reading of a page at one rotation. */
export interface Reading {
  text: string;
  /** 0..1. */
  confidence: number;
  /** The clockwise turn applied before reading. */
  rotation: number;
}

/**
 * An upright reading below this confidence may be a page on its side or upside down (those read
 * at 0.4–0.45, as garbage); upright Vietnamese prose reads at 0.9 or more, tables at 0.7–0.87.
 */
export const DOUBTFUL_CONFIDENCE = 0.6;

/** How {@link readUpright} reads and judges one page. */
export interface UprightStrategy<R extends Reading = Reading> {
  /** The image is wider than tall: a portrait page on its side, or a landscape page. */
  landscape: boolean;
  /** Reads the page turned clockwise by `rotation` degrees. */
  read: (rotation: number) => Promise<R>;
  /** Asks tesseract's OSD which way the page is turned. */
  detect: () => Promise<OrientationGuess>;
}

/**
 * Reads a page the right way up, paying for orientation detection only where it is likely to
 * matter. A portrait image is read as it is first: almost every page is upright, and a good
 * reading settles it (no OSD at all). A doubtful reading calls OSD and, if OSD sees a turn, the
 * page is read again that way and the more confident reading wins. A landscape image asks OSD
 * first, because reading a sideways page as garbage is the most expensive mistake (2–3× the time
 * of a normal page). Never more than two full readings.
 */
export async function readUpright<R extends Reading>(strategy: UprightStrategy<R>): Promise<R> {
  const readings = new Map<number, R>();
  const attempt = async (rotation: number): Promise<R> => {
    let reading = readings.get(rotation);
    if (!reading) {
      reading = await strategy.read(rotation);
      readings.set(rotation, reading);
    }
    return reading;
  };

  let guess: OrientationGuess | undefined;
  if (strategy.landscape) {
    guess = await strategy.detect();
    const confident = guess.confidence >= CONFIDENT_ORIENTATION;
    const first = await attempt(confident ? guess.rotation : 0);
    if (first.confidence >= DOUBTFUL_CONFIDENCE) return first;
    await attempt(confident ? 0 : guess.rotation);
  } else {
    const first = await attempt(0);
    if (first.confidence >= DOUBTFUL_CONFIDENCE) return first;
    guess = await strategy.detect();
    await attempt(guess.rotation);
  }
  return bestReading([...readings.values()]);
}

/**
 * The most confident reading; a reading with under a third of the text of the longest one does
 * not count (a sideways page can yield three confident words where upright gives a page).
 */
export function bestReading<R extends Reading>(readings: R[]): R {
  const longest = Math.max(0, ...readings.map((reading) => characters(reading.text)));
  const eligible = readings.filter((reading) => characters(reading.text) * 3 >= longest);
  const pool = eligible.length > 0 ? eligible : readings;
  const best = pool.reduce<R | undefined>(
    (winner, reading) => (!winner || reading.confidence > winner.confidence ? reading : winner),
    undefined,
  );
  if (!best) throw new Error("no reading to choose from");
  return best;
}

function characters(text: string): number {
  return text.replace(/\s+/gu, "").length;
}
