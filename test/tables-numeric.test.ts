import { describe, expect, it } from "vitest";
import {
  decimals,
  isNumeric,
  looksNumeric,
  numericColumns,
  repairDigits,
  suspectValue,
} from "../pipeline/tables/numeric.js";

describe("isNumeric", () => {
  it("accepts numbers as Vietnamese tables write them, and a dash for none", () => {
    for (const text of ["97,50", "0", "1,50", "1.234", "12/19", "5%", "-", "–"])
      expect(isNumeric(text), text).toBe(true);
  });

  it("refuses words, and numbers glued to letters", () => {
    for (const text of ["Tiêu chí 2", "9 7,50", "97,5O", "l,50", "", "Năm 2024"])
      expect(isNumeric(text), text).toBe(false);
  });
});

describe("decimals and repairs", () => {
  it("counts the digits after the decimal comma (or a point OCR put in its place)", () => {
    expect(decimals("97,50")).toBe(2);
    expect(decimals("97.50")).toBe(2);
    expect(decimals("0")).toBe(0);
    expect(decimals("12/19")).toBeNull();
    expect(decimals("-")).toBeNull();
  });

  it("reads OCR's look-alike letters as digits only for the check, and repairs on request", () => {
    expect(looksNumeric("l,50")).toBe(true);
    expect(looksNumeric("]")).toBe(true);
    expect(looksNumeric("xã Nghĩa Kỳ")).toBe(false);
    expect(repairDigits("9 7,5O")).toBe("97,50");
  });
});

describe("numericColumns", () => {
  const rows = [
    ["TT", "Tiêu chí", "Điểm trừ", "Lý do"],
    ["1", "Tiêu chí 2", "3,00", "Có công chức bị kỷ luật"],
    ["2", "", "150", "Chậm kê khai"],
    ["3", "Tiêu chí 3", "0,25", "Có 01 hồ sơ trễ hẹn"],
    ["4", "Tiêu chí 5", "l,00", "Còn 03 đơn thư"],
  ];

  it("finds the columns of numbers below the header, with the decimals most values have", () => {
    expect(numericColumns(rows)).toEqual([
      { col: 0, decimals: 0 },
      { col: 2, decimals: 2 },
    ]);
  });

  it("suspects a value that lost its comma, or is no clean number, in a column with decimals", () => {
    const column = { col: 2, decimals: 2 };
    expect(suspectValue("150", column)).toBe(true);
    expect(suspectValue("l,00", column)).toBe(true);
    expect(suspectValue("0", column)).toBe(false);
    expect(suspectValue("0,25", column)).toBe(false);
    expect(suspectValue("-", column)).toBe(false);
    expect(suspectValue("150", { col: 0, decimals: 0 })).toBe(false);
  });
});
