/** One unit, many spellings: the grouping key and the bare name. */
import { describe, expect, it } from "vitest";
import { bareUnit, unitKey } from "../pipeline/scoring/index.js";

describe("unit names", () => {
  it("groups the spellings of one commune", () => {
    const keys = [
      "xã Nghĩa Kỳ",
      "Nghĩa Kỳ",
      "UBND xã Nghĩa Kỳ",
      "Ủy ban nhân dân Xã Nghĩa Kỳ",
      "XÃ NGHĨA KỲ",
      "xa Nghia Ky",
      "nghia-ky",
    ].map(unitKey);
    expect(new Set(keys)).toEqual(new Set(["nghia ky"]));
  });

  it("keeps the real spelling and reads the level", () => {
    expect(bareUnit("UBND thị trấn Ba Tơ")).toEqual({ name: "Ba Tơ", level: "thi_tran" });
    expect(bareUnit("Thị trấn La Hà")).toEqual({ name: "La Hà", level: "thi_tran" });
    expect(bareUnit("phường Phổ Minh")).toEqual({ name: "Phổ Minh", level: "phuong" });
    expect(bareUnit("Nghĩa Kỳ")).toEqual({ name: "Nghĩa Kỳ", level: null });
  });

  it("does not cut names that merely start like a level word", () => {
    expect(bareUnit("Quảng Ngãi").name).toBe("Quảng Ngãi");
    expect(bareUnit("Xuân Lộc").name).toBe("Xuân Lộc");
    expect(bareUnit("UBND Phường 5")).toEqual({ name: "Phường 5", level: "phuong" });
    expect(unitKey("Phường 5")).not.toBe(unitKey("Quận 5"));
    expect(unitKey("Phổ Minh")).not.toBe(unitKey("Phổ Ninh"));
  });
});
