import { describe, expect, it } from "vitest";
import { ocrPageReports, ocrSummaryReports, pageList } from "../pipeline/ocr/page-reports.js";

const reading = (text: string, confidence: number, rotation = 0) => ({ text, confidence, rotation });
const PROSE = "Thực hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022 của UBND tỉnh Quảng Ngãi";

describe("pageList", () => {
  it("folds consecutive pages into ranges", () => {
    expect(pageList([3])).toBe("Page 3");
    expect(pageList([5, 1, 2, 3, 7, 8])).toBe("Pages 1–3, 5, 7–8");
  });
});

describe("ocrSummaryReports", () => {
  it("names the scanned pages in one info message and a broken font in a warning", () => {
    const messages = ocrSummaryReports([
      { page: 1, reason: "too-little-text", result: reading(PROSE, 0.95) },
      { page: 2, reason: "too-little-text", result: reading(PROSE, 0.95) },
      { page: 3, reason: "too-little-text", result: reading("", 0), keptTextLayer: true },
      { page: 4, reason: "legacy-font", result: reading(PROSE, 0.9) },
    ]);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ severity: "info", rule: "pdf-scanned-pages" });
    expect(messages[0]?.reason).toContain("Pages 1–2");
    expect(messages[1]).toMatchObject({ severity: "warning", rule: "pdf-legacy-font" });
    expect(messages[1]?.reason).toContain("Page 4 uses");
  });
});

describe("ocrPageReports", () => {
  it("reports turned pages, blank pages, low confidence and failures, each on its page", () => {
    const messages = ocrPageReports([
      { page: 1, result: reading(PROSE, 0.95, 90) },
      { page: 2, result: reading(" \n", 0) },
      { page: 3, result: reading(PROSE, 0.45) },
      { page: 4, failure: "worker crashed" },
      { page: 5, result: reading(PROSE, 0.96) },
    ]);
    expect(messages.map((m) => [m.page, m.rule, m.severity])).toEqual([
      [1, "ocr-rotation", "info"],
      [2, "ocr-blank-page", "info"],
      [3, "ocr-low-confidence", "warning"],
      [4, "ocr-failed", "warning"],
    ]);
  });
});
