import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { wordRecall } from "../pipeline/eval/cer.js";
import { createOcrEngine } from "../pipeline/ocr/engine.js";
import { ImageDecodeError } from "../pipeline/ocr/preprocess.js";
import { OcrAbortedError } from "../pipeline/ocr/worker-pool.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

interface ManifestRow {
  case: string;
  file: string;
  form: string;
  source: string;
}

const rows: ManifestRow[] = JSON.parse(readFileSync(join(FIXTURES, "forms", "manifest.json"), "utf8"));
const found = rows.find((r) => r.form === "image" && r.file.endsWith(".png"));
if (!found) throw new Error("no page image in fixtures/forms/manifest.json");
const row: ManifestRow = found;
const pageFile = (file: string) => join(FIXTURES, "forms", row.case, file);

/** The top third of the first clean page image of the fixtures: a few lines, quick to read. */
async function pageTop(): Promise<Buffer> {
  const image = sharp(pageFile(row.file));
  const { width = 0, height = 0 } = await image.metadata();
  return image
    .extract({ left: 0, top: 0, width, height: Math.round(height / 3) })
    .png()
    .toBuffer();
}

/** The first words of that page's truth text, which the top third must hold. */
const firstWords = readFileSync(pageFile(row.source), "utf8").split(/\s+/u).slice(0, 10).join(" ");

const engine = createOcrEngine({ workers: 1 });
afterAll(() => engine.terminate());

describe("createOcrEngine", () => {
  it("reads Vietnamese from the model in node_modules and writes no file in the working directory", async () => {
    const image = await pageTop();
    const workdir = mkdtempSync(join(tmpdir(), "kehoach-ocr-"));
    const previous = process.cwd();
    process.chdir(workdir);
    try {
      const result = await engine.recognise(image);
      expect(wordRecall(result.text, firstWords)).toBeGreaterThan(0.8);
      expect(result.confidence).toBeGreaterThan(0.7);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(readdirSync(workdir)).toEqual([]);
    } finally {
      process.chdir(previous);
      rmSync(workdir, { recursive: true, force: true });
    }
  });

  it("does not start reading once the signal is aborted", async () => {
    await expect(engine.recognise(await pageTop(), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      OcrAbortedError,
    );
  });

  it("says when the image itself cannot be decoded", async () => {
    const error = await engine
      .recognise(Buffer.from("%PDF-1.4 not an image"))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImageDecodeError);
    expect(error).toMatchObject({ kind: "corrupt" });
  });

  it("refuses work after terminate()", async () => {
    const other = createOcrEngine({ workers: 1 });
    await other.terminate();
    await expect(other.recognise(await pageTop())).rejects.toThrow(/terminated/u);
  });
});
