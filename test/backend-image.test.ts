import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { imageBackend } from "../pipeline/backends/image.js";
import type { BackendContext, BackendResult } from "../pipeline/backends/types.js";
import { characterErrorRate, wordRecall } from "../pipeline/eval/cer.js";
import { createOcrEngine } from "../pipeline/ocr/engine.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import type { Message } from "../schemas/index.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

interface ManifestRow {
  case: string;
  file: string;
  form: string;
  source: string;
  rotation?: number;
}

const manifest: ManifestRow[] = JSON.parse(readFileSync(join(FIXTURES, "forms", "manifest.json"), "utf8"));
const formFile = (row: ManifestRow, file = row.file) => join(FIXTURES, "forms", row.case, file);
const truth = (row: ManifestRow) => readFileSync(formFile(row, row.source), "utf8");

function firstRow(test: (row: ManifestRow) => boolean): ManifestRow {
  const row = manifest.find(test);
  if (!row) throw new Error("no such fixture in fixtures/forms/manifest.json");
  return row;
}

const engine = createOcrEngine({ workers: 2 });
afterAll(() => engine.terminate());

async function read(bytes: Buffer) {
  const messages: Omit<Message, "stage">[] = [];
  const ctx: BackendContext = {
    ocr: engine,
    signal: new AbortController().signal,
    report: (m) => messages.push(m),
  };
  const result: BackendResult = await imageBackend.read({ path: "test-image", bytes }, ctx);
  return { ...result, messages };
}

/** A PNG whose header claims `width`×`height` pixels, with one tiny (wrong-sized) data chunk. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(64))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("imageBackend: page images", () => {
  it.each(manifest.filter((row) => row.form === "rotated").map((row) => [row.file, row] as const))(
    "reads %s upright and says how it was turned",
    async (_, row) => {
      const result = await read(readFileSync(formFile(row)));
      expect(wordRecall(result.pages[0]?.text ?? "", truth(row))).toBeGreaterThan(0.95);
      const correction = (360 - (row.rotation ?? 0)) % 360;
      expect(result.messages).toContainEqual(
        expect.objectContaining({
          rule: "ocr-rotation",
          page: 1,
          reason: expect.stringContaining(`${correction}°`),
        }),
      );
    },
  );

  it("reads an upright page image (a bilevel TIFF, as office scanners save it) by OCR", async () => {
    const row = firstRow((r) => r.form === "image" && r.file.endsWith(".tiff"));
    const result = await read(readFileSync(formFile(row)));
    expect(result.format).toBe("image");
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]).toMatchObject({ page: 1, method: "ocr" });
    expect(result.pages[0]?.confidence).toBeGreaterThan(0.8);
    // 0.9, not 0.95: the TIFF fixture may be a page of a bordered table, OCR's weak spot.
    expect(wordRecall(result.pages[0]?.text ?? "", truth(row))).toBeGreaterThan(0.9);
    expect(result.messages.filter((m) => m.rule === "ocr-rotation")).toEqual([]);
  });

  it("flattens a phone photo of a page and reads its header and signature in reading order", async () => {
    const row = firstRow((r) => r.form === "photo" && r.case.startsWith("003"));
    const result = await read(readFileSync(formFile(row)));
    const text = normaliseVi(result.pages[0]?.text ?? "").text;
    expect(characterErrorRate(text, normaliseVi(truth(row)).text)).toBeLessThan(0.04);
  });

  it("reads each page of a multi-page TIFF as a page", async () => {
    const rows = manifest.filter((r) => r.form === "image" && r.file.endsWith(".png")).slice(0, 2);
    const strips = await Promise.all(
      rows.map(async (row) => {
        const image = sharp(formFile(row));
        const { width = 0 } = await image.metadata();
        return image.extract({ left: 0, top: 0, width, height: 900 }).toBuffer();
      }),
    );
    const tiff = await sharp(strips, { join: { animated: true } })
      .tiff({ compression: "lzw" })
      .toBuffer();
    const result = await read(tiff);
    expect(result.pages.map((page) => page.page)).toEqual([1, 2]);
    for (const [index, row] of rows.entries()) {
      const text = result.pages[index]?.text ?? "";
      const firstWords = truth(row).replace(/\*/gu, "").split(/\s+/u).slice(0, 6).join(" ");
      expect(wordRecall(text, firstWords), `page ${index + 1}`).toBeGreaterThan(0.8);
    }
  });
});

describe("imageBackend: files it cannot read", () => {
  it("refuses an image it cannot decode", async () => {
    const garbage = readFileSync(join(FIXTURES, "bad", "image-garbage.png"));
    await expect(read(garbage)).rejects.toMatchObject({ name: "ReadError", rule: "corrupt" });
  });

  it("refuses a truncated JPEG with the decoder's reason", async () => {
    const row = firstRow((r) => r.file.endsWith(".jpg"));
    const jpeg = readFileSync(formFile(row));
    await expect(read(jpeg.subarray(0, jpeg.length >> 1))).rejects.toMatchObject({
      rule: "corrupt",
      message: expect.stringMatching(/JPEG/iu),
    });
  });

  it("refuses an empty file as empty", async () => {
    await expect(read(Buffer.alloc(0))).rejects.toMatchObject({ rule: "empty" });
  });

  it("refuses a decompression bomb from its header, before decoding", async () => {
    await expect(read(pngClaiming(60_000, 60_000))).rejects.toMatchObject({ rule: "too-large" });
  });
});
