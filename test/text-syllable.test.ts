import { describe, expect, it } from "vitest";
import { hasVowel, isStandaloneSyllable, isValidSyllable, parseSyllable } from "../pipeline/text/syllable.js";

describe("isValidSyllable", () => {
  it.each(
    (
      "nguyện vọng phản ánh kiến nghị chủ trương của Đảng pháp luật Nhà nước Trung ương phương " +
      "Quỳnh quốc quý quả quen giêng gìn giữa gì thuở khuya chuyện hòa hoà khỏe khoẻ thủy thuỷ ủy uỷ " +
      "xoong kỹ nghiêng ngoài QUẢNG NGÃI ĐỨC PHỔ"
    ).split(" "),
  )("accepts %s", (word) => {
    expect(isValidSyllable(word)).toBe(true);
  });

  it.each(["v", "ph", "ươ", "ng", "UBND", "Covid", "cầp", "kan", "ghà", "cim", "ngê", "qa", "tiếpp", "hoàà"])(
    "rejects %s",
    (word) => {
      expect(isValidSyllable(word)).toBe(false);
    },
  );

  it("parses onset, rhyme and tone", () => {
    expect(parseSyllable("nguyện")).toEqual({ onset: "ng", rhyme: "uyên", tone: "\u0323" });
    expect(parseSyllable("Quỳnh")).toEqual({ onset: "qu", rhyme: "uynh", tone: "\u0300" });
    expect(parseSyllable("ương")).toEqual({ onset: "", rhyme: "ương", tone: "" });
  });
});

describe("isStandaloneSyllable", () => {
  it("accepts onset-less syllables that are words, not the pieces a split leaves", () => {
    for (const word of ["ý", "ở", "ăn", "ương", "ủy", "ông", "i"])
      expect(isStandaloneSyllable(word)).toBe(true);
    for (const word of ["ện", "ến", "ật", "ọng", "ểm", "ươ", "v"])
      expect(isStandaloneSyllable(word)).toBe(false);
  });

  it("tells onsets and finals from syllables", () => {
    expect(hasVowel("ngh")).toBe(false);
    expect(hasVowel("ọng")).toBe(true);
  });
});
