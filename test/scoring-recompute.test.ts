/**
 * Classes from scores under the Cần Thơ bands (inclusive lower bounds, exclusive upper bounds, the
 * "no criterion at 0" condition), and the number formats reviewers read.
 */
import { describe, expect, it } from "vitest";
import { cents, sameScore, vnPoints } from "../pipeline/scoring/format.js";
import { classify, loadBundledRubrics, vnScore } from "../pipeline/scoring/index.js";

const ct = loadBundledRubrics().find((r) => r.id === "can-tho-2579-2025");
if (!ct) throw new Error("no Cần Thơ rubric");

describe("classify", () => {
  it.each([
    [100, "HOAN_THANH_XUAT_SAC"],
    [95, "HOAN_THANH_XUAT_SAC"],
    [94.99, "HOAN_THANH_TOT"],
    [85, "HOAN_THANH_TOT"],
    [84.99, "HOAN_THANH"],
    [75, "HOAN_THANH"],
    [74.99, "KHONG_HOAN_THANH"],
    [0, "KHONG_HOAN_THANH"],
  ])("%s points → %s", (points, cls) => {
    expect(classify(points, ct, false)?.classification).toBe(cls);
  });

  it("drops a unit with a criterion at 0 below the bands that forbid it", () => {
    expect(classify(97, ct, true)).toMatchObject({
      classification: "HOAN_THANH",
      cappedBy: { classification: "HOAN_THANH_XUAT_SAC" },
    });
    expect(classify(80, ct, true)?.classification).toBe("HOAN_THANH");
    // Unknown (null): the condition cannot be checked, the score decides.
    expect(classify(97, ct, null)?.classification).toBe("HOAN_THANH_XUAT_SAC");
  });

  it("compares bounds in hundredths (94,999 rounds to 95,00)", () => {
    expect(classify(94.999, ct, false)?.classification).toBe("HOAN_THANH_XUAT_SAC");
  });
});

describe("formats", () => {
  it("writes decimal commas with two decimals", () => {
    expect([vnScore(89.5), vnScore(10.5), vnScore(0.5), vnScore(100), vnScore(-1.25)]).toEqual([
      "89,50",
      "10,50",
      "0,50",
      "100,00",
      "-1,25",
    ]);
    expect([vnPoints(100), vnPoints(3), vnPoints(0.5)]).toEqual(["100", "3", "0,50"]);
  });

  it("adds and compares in hundredths", () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(sameScore(0.1 + 0.2, 0.3)).toBe(true);
    expect(cents(100) - cents(3) - cents(2) - cents(0.5) - cents(1) - cents(2) - cents(2)).toBe(cents(89.5));
  });
});
