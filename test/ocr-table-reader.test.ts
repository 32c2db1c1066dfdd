import { describe, expect, it } from "vitest";
import { binarise } from "../pipeline/ocr/binarise.js";
import { cutCell, insetQuad } from "../pipeline/ocr/cell-image.js";
import type { Quad } from "../pipeline/ocr/grid-lattice.js";
import type { GreyPage } from "../pipeline/ocr/preprocess.js";
import { joinCellLines } from "../pipeline/ocr/table-reader.js";

describe("joinCellLines", () => {
  it("puts a cell's lines on one line", () => {
    expect(joinCellLines("Hoàn thành xuất sắc\nnhiệm vụ\n\n")).toBe("Hoàn thành xuất sắc nhiệm vụ");
  });

  it("drops the period tesseract adds at the end of a line that goes on in lower case", () => {
    expect(joinCellLines("Năm 2024 và những.\nnăm tiếp theo")).toBe("Năm 2024 và những năm tiếp theo");
  });

  it("keeps a real full stop before a new sentence or a list item", () => {
    expect(joinCellLines("theo quy định.\n- Tham mưu tổ chức")).toBe("theo quy định. - Tham mưu tổ chức");
    expect(joinCellLines("đúng hạn.\nb) Cơ hội tham gia")).toBe("đúng hạn. b) Cơ hội tham gia");
    expect(joinCellLines("hồ sơ.\nCó 01 hồ sơ")).toBe("hồ sơ. Có 01 hồ sơ");
  });
});

/** A 300 × 200 page with a cell ruled at 50..250 × 40..160 and a letter-sized blob inside. */
function cellPage(withInk: boolean): { page: GreyPage; quad: Quad } {
  const width = 300;
  const height = 200;
  const data = Buffer.alloc(width * height, 240);
  const set = (x: number, y: number) => {
    data[y * width + x] = 20;
  };
  for (let x = 50; x <= 250; x++) for (const y of [39, 40, 41, 159, 160, 161]) set(x, y);
  for (let y = 40; y <= 160; y++) for (const x of [49, 50, 51, 249, 250, 251]) set(x, y);
  if (withInk) for (let y = 90; y < 110; y++) for (let x = 100; x < 112; x++) set(x, y);
  const quad: Quad = [
    { x: 50, y: 40 },
    { x: 250, y: 40 },
    { x: 250, y: 160 },
    { x: 50, y: 160 },
  ];
  return { page: { data, width, height, dpi: 200 }, quad };
}

describe("cutCell", () => {
  it("moves every side of a cell inwards", () => {
    const inner = insetQuad(cellPage(false).quad, 5);
    expect(inner.map((p) => [Math.round(p.x), Math.round(p.y)])).toEqual([
      [55, 45],
      [245, 45],
      [245, 155],
      [55, 155],
    ]);
  });

  it("cuts the ink of a cell without its rules, on white, with a margin", async () => {
    const { page, quad } = cellPage(true);
    const cell = await cutCell(page, binarise(page), quad, 4, 8);
    expect(cell?.ink).toBe(240);
    const image = cell?.page as GreyPage;
    // 12 × 20 of ink, two pixels of its edge, twelve of margin on each side.
    expect([image.width, image.height]).toEqual([12 + 4 + 24, 20 + 4 + 24]);
    const dark = [...image.data].filter((v) => v < 128).length;
    expect(dark).toBe(240);
    expect(image.data[0]).toBe(255);
  });

  it("finds nothing in a cell holding only its rules", async () => {
    const { page, quad } = cellPage(false);
    expect(await cutCell(page, binarise(page), quad, 4, 8)).toBeNull();
  });
});
