import { describe, expect, it } from "vitest";
import { DATE_SYMBOL_DIGITS, ocrDigitView, SCORE_DIGITS } from "../extractors/lib/ocr-digits.js";

const dateView = (s: string) => ocrDigitView(s, DATE_SYMBOL_DIGITS);
const scoreView = (s: string) => ocrDigitView(s, SCORE_DIGITS);

describe("ocrDigitView, rules every view shares", () => {
  it("reads OCR letters inside numbers as digits in both views, keeping the length", () => {
    const folded = "so: l2 /tb-ubnd, ngay l5/3/2024, 12l1/q4-ubnd, 2o24, dat 9l,25 diem, thu 8/2l";
    const repaired = "so: 12 /tb-ubnd, ngay 15/3/2024, 1211/q4-ubnd, 2024, dat 91,25 diem, thu 8/21";
    for (const view of [dateView, scoreView]) {
      expect(view(folded)).toBe(repaired);
      expect(view(folded)).toHaveLength(folded.length);
    }
  });

  it("leaves words, letters alone and numbers glued to a word alone in both views", () => {
    const folded = "lo lieu, dieu l, hoi, thang ii, 30c/nq-cp, q4, iso 9001, 2l0ml, la l nguoi, ll";
    expect(dateView(folded)).toBe(folded);
    expect(scoreView(folded)).toBe(folded);
  });
});

describe("ocrDigitView with DATE_SYMBOL_DIGITS (each part must hold a digit)", () => {
  it("keeps roman numerals beside a year, and a part without a digit", () => {
    expect(dateView("quy i/2024, khoa ii/2021")).toBe("quy i/2024, khoa ii/2021");
    expect(dateView("tru l.5 diem")).toBe("tru l.5 diem");
  });

  it("repairs the parts that are not glued to a letter", () => {
    expect(dateView("ngay l5/2o24abc")).toBe("ngay 15/2o24abc");
    expect(dateView("so 3l/5//2024")).toBe("so 31/5//2024");
  });

  it("never reads a lone 'l' as 1, whatever the words around it", () => {
    expect(dateView("tieu chi l: tru l diem, thu l/19")).toBe("tieu chi l: tru l diem, thu l/19");
  });
});

describe("ocrDigitView with SCORE_DIGITS (the whole number must hold a digit)", () => {
  it("reads decimals, fractions and dates as one number", () => {
    expect(scoreView("dat 9l,25 diem")).toBe("dat 91,25 diem");
    expect(scoreView("bi tru l.5 diem")).toBe("bi tru 1.5 diem");
    expect(scoreView("xep thu 8/2l xa")).toBe("xep thu 8/21 xa");
    expect(scoreView("ngay 3l/5/2024")).toBe("ngay 31/5/2024");
    expect(scoreView("tieu chi l0:")).toBe("tieu chi 10:");
    expect(scoreView("quy i/2024")).toBe("quy 1/2024");
  });

  it("leaves a number glued to a letter or with a doubled mark whole and untouched", () => {
    expect(scoreView("ngay l5/2o24abc")).toBe("ngay l5/2o24abc");
    expect(scoreView("so 3l/5//2024")).toBe("so 3l/5//2024");
  });

  it("reads a lone 'l' only where a number is certain", () => {
    expect(scoreView("tieu chi l: ")).toBe("tieu chi 1: ");
    expect(scoreView("tru l diem")).toBe("tru 1 diem");
    expect(scoreView("xep thu l/19")).toBe("xep thu 1/19");
    expect(scoreView("xep thu l")).toBe("xep thu 1");
    expect(scoreView("la l nguoi")).toBe("la l nguoi");
    expect(scoreView("dieu l.")).toBe("dieu l.");
  });

  it("never touches words, and keeps the length", () => {
    for (const s of ["lo lang", "hoi nghi", "dieu l.", "ll", "oil 2l0ml", "1o tuoi"]) {
      expect(scoreView(s)).toHaveLength(s.length);
    }
    expect(scoreView("lo lang hoi nghi")).toBe("lo lang hoi nghi");
  });
});
