import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toneLexicon } from "../pipeline/ocr/lexicon/tone-lexicon.js";
import { correctLineWords, correctTones, swapAcuteAndHook } from "../pipeline/ocr/tone-correction.js";

const lexicon = toneLexicon();
const fix = (text: string) => correctTones(text, lexicon).text;

describe("swapAcuteAndHook", () => {
  it("swaps sắc and hỏi, keeps case and length, leaves other tones alone", () => {
    expect(swapAcuteAndHook("tố")).toBe("tổ");
    expect(swapAcuteAndHook("Điểm")).toBe("Điếm");
    expect(swapAcuteAndHook("TỈNH")).toBe("TÍNH");
    expect(swapAcuteAndHook("huyện")).toBeNull();
    expect(swapAcuteAndHook("dân")).toBeNull();
  });
});

describe("correctTones: sắc/hỏi confusions of tesseract's vie model", () => {
  // Misreadings taken from the cell OCR of the 200 dpi table scans (bench/tables.ts --misses).
  it.each([
    ["Quy chế tố chức và hoạt động", "Quy chế tổ chức và hoạt động"],
    [
      "Tuyến dụng, đào tạo, bồi dưỡng, điều động, bố nhiệm",
      "Tuyển dụng, đào tạo, bồi dưỡng, điều động, bổ nhiệm",
    ],
    ["thay đối chức danh", "thay đổi chức danh"],
    ["kỷ luật từ hình thức khiến trách trở lên", "kỷ luật từ hình thức khiển trách trở lên"],
    ["Điểm thấm\nđịnh", "Điểm thẩm\nđịnh"],
    ["số buối phát sóng", "số buổi phát sóng"],
    ["các đoàn thế đế giới thiệu", "các đoàn thể để giới thiệu"],
    ["Tự kiếm tra, đánh giá", "Tự kiểm tra, đánh giá"],
  ])("%j → %j", (read, want) => {
    expect(fix(read)).toBe(want);
  });

  it.each([
    ["the right reading of a word that has a likelier twin", "khiếu nại, tố cáo của công dân"],
    ["an administrative level the general dictionary lacks", "Chỉ số cấp tỉnh và cấp huyện"],
    ["a compound that already holds the syllable", "trên địa bàn tỉnh để nâng cao"],
    ["a place name", "trên địa bàn phường Phổ   Minh"],
    ["a name next to a common word", "Ủy ban MTTQ Việt Nam tỉnh"],
    ["a header in capitals", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"],
  ])("keeps %s: %j", (_why, text) => {
    expect(fix(text)).toBe(text);
  });

  it("keeps the length and reports each change at its offset", () => {
    const read = "- Triến khai các văn bản; tố chức thực hiện";
    const { text, changes } = correctTones(read, lexicon);
    expect(text.length).toBe(read.length);
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      ["Triến", "Triển"],
      ["tố", "tổ"],
    ]);
    for (const change of changes)
      expect(read.slice(change.offset, change.offset + change.from.length)).toBe(change.from);
  });

  it("changes the words of lines as it changes their text, with the line before as context", () => {
    expect(correctLineWords([["Quy", "chế", "tố", "chức"]], lexicon)).toEqual([["Quy", "chế", "tổ", "chức"]]);
    // "bàn tính" is a word, but the line before ends in "địa": "địa bàn" takes "bàn".
    expect(correctLineWords([["trên", "địa"], ["bàn", "tỉnh", "Quảng", "Ngãi"], []], lexicon)).toEqual([
      ["trên", "địa"],
      ["bàn", "tỉnh", "Quảng", "Ngãi"],
      [],
    ]);
    expect(correctLineWords([["bàn", "tỉnh", "Quảng", "Ngãi"]], lexicon)[0]?.[1]).toBe("tính");
  });

  it("almost never changes right text: under 1 word in 10,000 of the corpus and the variants", () => {
    let words = 0;
    let changes = 0;
    for (const dir of [
      "fixtures/corpus",
      "fixtures/corpus/more",
      "fixtures/variants",
      "fixtures/variants-facts",
    ]) {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isFile() || !/\.(md|txt)$/.test(entry.name)) continue;
        const text = readFileSync(join(dir, entry.name), "utf8").normalize("NFC");
        words += text.match(/\p{L}+/gu)?.length ?? 0;
        changes += correctTones(text, lexicon).changes.length;
      }
    }
    expect(words).toBeGreaterThan(40_000);
    expect(changes / words).toBeLessThan(1 / 10_000);
  });
});
