import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { DEFAULT_LIMITS } from "../../pipeline/context.js";
import { runDocument } from "../../pipeline/index.js";
import type { OcrEngine } from "../../pipeline/ocr/types.js";
import { toFileOutput } from "../../pipeline/output.js";
import { createRecord, type DocRecord } from "../../pipeline/record.js";
import type { FileOutput } from "../../schemas/index.js";

/** An OCR engine for inputs that must not need OCR: using it fails the test loudly. */
export const noOcr: OcrEngine = {
  recognise: () => Promise.reject(new Error("OCR was not expected for this input")),
  terminate: () => Promise.resolve(),
};

/** Runs one file through every stage in-process and returns its record and contract output. */
export async function runFile(
  path: string,
  options: { ocr?: OcrEngine; name?: string; bytes?: Buffer } = {},
): Promise<{ record: DocRecord; output: FileOutput }> {
  const bytes = options.bytes ?? readFileSync(path);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const record = createRecord(options.name ?? path, bytes, sha);
  await runDocument(record, {
    ocr: options.ocr ?? noOcr,
    limits: DEFAULT_LIMITS,
    signal: new AbortController().signal,
  });
  return { record, output: toFileOutput(record) };
}
