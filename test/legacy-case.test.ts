import { describe, expect, it } from "vitest";
import { restoreCapitals } from "../pipeline/text/legacy-case.js";

describe("restoreCapitals: TCVN3 headings typed in its capitals font", () => {
  it("restores a line in capitals and words in capitals, keeping the length", () => {
    expect(restoreCapitals("CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM")).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(restoreCapitals("ủY BAN NHâN DâN")).toBe("ỦY BAN NHÂN DÂN");
    expect(restoreCapitals("Kế HOạCH số 12/KH-UBND")).toBe("Kế HOẠCH số 12/KH-UBND");
  });

  it("leaves title case and ordinary text alone", () => {
    for (const text of ["Kế hoạch thực hiện năm 2025", "Ủy ban nhân dân xã", "điểm trừ 1,50", "UBND tỉnh"]) {
      expect(restoreCapitals(text)).toBe(text);
    }
  });
});
