import { ReadError } from "./backends/types.js";
import type { PipelineContext } from "./context.js";
import { StageError } from "./messages.js";
import type { DocRecord } from "./record.js";
import { extractStage } from "./stages/extract.js";
import { ingestStage } from "./stages/ingest.js";
import { normaliseStage } from "./stages/normalise.js";
import { readStage } from "./stages/read.js";
import type { Stage } from "./stages/stage.js";
import { validateStage } from "./stages/validate.js";

/** The stages, in order. This list is the only place the order is written. */
export const STAGES: readonly Stage[] = [ingestStage, readStage, normaliseStage, extractStage, validateStage];

/**
 * Runs one file's record through every stage. A thrown error is caught here, once: it becomes an
 * error message and the file ends `failed` (or `partial` when some text was read before it).
 * Never throws.
 */
export async function runDocument(record: DocRecord, ctx: PipelineContext): Promise<DocRecord> {
  for (const stage of STAGES) {
    const started = performance.now();
    try {
      if (ctx.signal.aborted) throw new StageError("timeout", abortReason(ctx.signal));
      await stage.run(record, ctx);
    } catch (err) {
      record.messages.push(fatalMessage(stage.name, err, ctx.signal));
      break;
    } finally {
      record.timings[stage.name] = Math.round(performance.now() - started);
    }
  }
  record.status = finalStatus(record);
  return record;
}

/** success: no error; partial: errors but some text survived; failed: errors and no text. */
export function finalStatus(record: DocRecord): DocRecord["status"] {
  const hasError = record.messages.some((m) => m.severity === "error");
  if (!hasError) return "success";
  return record.documents.some((d) => d.text.trim().length > 0) ? "partial" : "failed";
}

function fatalMessage(stage: string, err: unknown, signal: AbortSignal) {
  if (signal.aborted) {
    return { severity: "error" as const, stage, rule: "timeout", reason: abortReason(signal) };
  }
  if (err instanceof StageError || err instanceof ReadError) {
    return { severity: "error" as const, stage, rule: err.rule, reason: err.message };
  }
  const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { severity: "error" as const, stage, rule: "internal", reason: `unexpected error: ${reason}` };
}

function abortReason(signal: AbortSignal): string {
  return signal.reason instanceof Error ? signal.reason.message : String(signal.reason ?? "aborted");
}
