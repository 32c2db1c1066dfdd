import { detectFormat } from "../backends/detect.js";
import { StageError } from "../messages.js";
import type { Stage } from "./stage.js";

/**
 * Checks size and detects the format from the bytes (the extension is only a hint), so a renamed
 * file is still read by the right backend and an unsupported one fails with a reason.
 */
export const ingestStage: Stage = {
  name: "ingest",
  run(record, ctx) {
    const size = record.bytes.length;
    if (size > ctx.limits.maxFileBytes) {
      throw new StageError(
        "too-large",
        `file is ${mb(size)} MB, above the ${mb(ctx.limits.maxFileBytes)} MB limit per file`,
      );
    }
    const detected = detectFormat(record.bytes, record.path);
    if (detected.kind === "unsupported") throw new StageError(detected.rule, detected.reason);
    record.format = detected.kind;
    if (detected.note)
      record.messages.push({
        severity: "info",
        stage: "ingest",
        rule: "name-mismatch",
        reason: detected.note,
      });
  },
};

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
