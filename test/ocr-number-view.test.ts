import { describe, expect, it } from "vitest";
import { ocrDigitView } from "../extractors/lib/ocr-number-view.js";

describe("ocrDigitView", () => {
  it("reads OCR letters inside numbers as digits, keeping the length", () => {
    const folded = "so: l2 /tb-ubnd, ngay l5/3/2024, 12l1/q4-ubnd, 2o24";
    const view = ocrDigitView(folded);
    expect(view).toBe("so: 12 /tb-ubnd, ngay 15/3/2024, 1211/q4-ubnd, 2024");
    expect(view).toHaveLength(folded.length);
  });

  it("leaves words, roman numerals and letters glued to a word alone", () => {
    const folded = "lo lieu, quy i/2024, dieu l, hoi, thang ii, 30c/nq-cp, q4, iso 9001";
    expect(ocrDigitView(folded)).toBe(folded);
  });
});
