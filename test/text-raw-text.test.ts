import { describe, expect, it } from "vitest";
import { buildRawText } from "../pipeline/text/raw-text.js";

describe("buildRawText", () => {
  it("joins pages with form feeds and records each page's span", () => {
    const raw = buildRawText([
      { page: 1, text: "KẾ HOẠCH" },
      { page: 2, text: "" },
      { page: 3, text: "Nơi nhận:", confidence: 0.87 },
    ]);
    expect(raw.text).toBe("KẾ HOẠCH\f\fNơi nhận:");
    expect(raw.pages).toEqual([
      { page: 1, start: 0, end: 8 },
      { page: 2, start: 9, end: 9 },
      { page: 3, start: 10, end: 19, ocrConfidence: 0.87 },
    ]);
    for (const p of raw.pages) expect(raw.text.slice(p.start, p.end)).not.toContain("\f");
  });

  it("keeps a form feed inside a page from reading as a page break", () => {
    const raw = buildRawText([{ page: 1, text: "a\fb" }]);
    expect(raw.text).toBe("a\nb");
    expect(raw.pages).toEqual([{ page: 1, start: 0, end: 3 }]);
  });
});
