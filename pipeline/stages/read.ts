import { backends } from "../backends/index.js";
import { StageError } from "../messages.js";
import { buildRawText } from "../text/raw-text.js";
import type { Stage } from "./stage.js";

/** Reads the file with the backend its detected format selects, filling the raw pages and raw text. */
export const readStage: Stage = {
  name: "read",
  async run(record, ctx) {
    const format = record.format;
    if (!format) throw new StageError("unknown-format", "format was not detected");
    const backend = backends[format === "pdf-scanned" ? "pdf" : format];
    const result = await backend.read(
      // A private copy: some libraries (pdf-parse) empty the buffer they are given.
      { path: record.path, bytes: Buffer.from(record.bytes) },
      {
        ocr: ctx.ocr,
        signal: ctx.signal,
        report: (m) => record.messages.push({ ...m, stage: "read" }),
      },
    );
    record.format = result.format;
    record.rawPages = result.pages;
    if (result.pages.length === 0) throw new StageError("empty", "the file has no pages");
    if (result.pages.every((p) => p.text.trim() === "")) {
      throw new StageError("no-text", `no text could be read from ${result.pages.length} page(s)`);
    }
    record.raw = buildRawText(result.pages);
  },
};
