import { describe, expect, it } from "vitest";
import { ocrNumberView } from "../extractors/lib/ocr-numbers.js";

describe("ocrNumberView", () => {
  it("reads OCR's l/i/o as digits inside numbers, decimals and fractions included", () => {
    expect(ocrNumberView("dat 9l,25 diem")).toBe("dat 91,25 diem");
    expect(ocrNumberView("bi tru l.5 diem")).toBe("bi tru 1.5 diem");
    expect(ocrNumberView("xep thu 8/2l xa")).toBe("xep thu 8/21 xa");
    expect(ocrNumberView("ngay 3l/5/2024")).toBe("ngay 31/5/2024");
    expect(ocrNumberView("tieu chi l0:")).toBe("tieu chi 10:");
  });

  it("reads a lone 'l' only where a number is certain", () => {
    expect(ocrNumberView("tieu chi l: ")).toBe("tieu chi 1: ");
    expect(ocrNumberView("tru l diem")).toBe("tru 1 diem");
    expect(ocrNumberView("xep thu l/19")).toBe("xep thu 1/19");
    expect(ocrNumberView("la l nguoi")).toBe("la l nguoi");
  });

  it("never touches words, and keeps the length", () => {
    for (const s of ["lo lang", "hoi nghi", "dieu l.", "ll", "oil 2l0ml", "1o tuoi"]) {
      expect(ocrNumberView(s)).toHaveLength(s.length);
    }
    expect(ocrNumberView("lo lang hoi nghi")).toBe("lo lang hoi nghi");
    expect(ocrNumberView("2l0ml")).toBe("2l0ml");
  });
});
