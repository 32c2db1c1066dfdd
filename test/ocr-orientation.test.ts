import { describe, expect, it } from "vitest";
import {
  bestReading,
  type OrientationGuess,
  orientationFromDetect,
  type Reading,
  readUpright,
} from "../pipeline/ocr/orientation.js";

const PROSE = "Ủy ban nhân dân thị trấn ban hành Kế hoạch khắc phục, cải thiện chỉ số dân vận";

/** A page that reads well only when turned by `truth` degrees; records what was tried. */
function fakePage(truth: number, guess: OrientationGuess) {
  const reads: number[] = [];
  let detections = 0;
  return {
    reads,
    detections: () => detections,
    read: async (rotation: number): Promise<Reading> => {
      reads.push(rotation);
      return rotation === truth
        ? { text: PROSE, confidence: 0.93, rotation }
        : { text: "c m o5 N ^5<r=zZ N N rTrom lui or", confidence: 0.41, rotation };
    },
    detect: async () => {
      detections += 1;
      return guess;
    },
  };
}

describe("orientationFromDetect", () => {
  it("turns tesseract's reported orientation into the clockwise correction", () => {
    expect(orientationFromDetect({ orientation_degrees: 270, orientation_confidence: 17.7 })).toEqual({
      rotation: 270,
      confidence: 17.7,
    });
    expect(orientationFromDetect({ orientation_degrees: 0, orientation_confidence: 12 }).rotation).toBe(0);
  });

  it("reads a failed detection as upright with no confidence", () => {
    expect(orientationFromDetect({ orientation_degrees: null, orientation_confidence: null })).toEqual({
      rotation: 0,
      confidence: 0,
    });
    expect(orientationFromDetect(undefined)).toEqual({ rotation: 0, confidence: 0 });
  });
});

describe("readUpright", () => {
  it("reads an upright portrait page once, without asking OSD", async () => {
    const page = fakePage(0, { rotation: 0, confidence: 15 });
    const reading = await readUpright({ landscape: false, ...page });
    expect(reading.rotation).toBe(0);
    expect(page.reads).toEqual([0]);
    expect(page.detections()).toBe(0);
  });

  it("turns an upside-down portrait page after a doubtful first reading", async () => {
    const page = fakePage(180, { rotation: 180, confidence: 13 });
    const reading = await readUpright({ landscape: false, ...page });
    expect(reading).toMatchObject({ rotation: 180, text: PROSE });
    expect(page.reads).toEqual([0, 180]);
  });

  it("asks OSD first for a landscape image and reads it turned", async () => {
    const page = fakePage(270, { rotation: 270, confidence: 17.7 });
    const reading = await readUpright({ landscape: true, ...page });
    expect(reading.rotation).toBe(270);
    expect(page.reads).toEqual([270]);
  });

  it("reads a real landscape page as it is when OSD sees no turn", async () => {
    const page = fakePage(0, { rotation: 0, confidence: 14 });
    expect((await readUpright({ landscape: true, ...page })).rotation).toBe(0);
    expect(page.reads).toEqual([0]);
  });

  it("falls back to the other reading when OSD's confident answer reads badly", async () => {
    const page = fakePage(0, { rotation: 90, confidence: 9 });
    const reading = await readUpright({ landscape: true, ...page });
    expect(reading.rotation).toBe(0);
    expect(page.reads).toEqual([90, 0]);
  });

  it("keeps the upright reading of a poor scan that OSD also calls upright", async () => {
    const reads: number[] = [];
    const reading = await readUpright({
      landscape: false,
      read: async (rotation) => {
        reads.push(rotation);
        return { text: PROSE, confidence: 0.5, rotation };
      },
      detect: async () => ({ rotation: 0, confidence: 11 }),
    });
    expect(reading.rotation).toBe(0);
    expect(reads).toEqual([0]);
  });
});

describe("bestReading", () => {
  it("prefers confidence, but not for a reading with a fraction of the text", () => {
    const full = { text: PROSE, confidence: 0.55, rotation: 0 };
    const scrap = { text: "Kế hoạch", confidence: 0.9, rotation: 180 };
    expect(bestReading([full, scrap])).toBe(full);
    const other = { text: PROSE, confidence: 0.7, rotation: 180 };
    expect(bestReading([full, other])).toBe(other);
  });
});
