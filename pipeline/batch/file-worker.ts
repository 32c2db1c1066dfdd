/**
 * The child process that runs the pipeline on files, one at a time, for the batch's worker pool.
 * It owns its OCR engine; the parent kills and replaces it when a file hangs, crashes it or exhausts
 * its memory, so one bad file never takes the batch down.
 */
import { createOcrEngine } from "../ocr/engine.js";
import { injectFault } from "./fault-injection.js";
import { type FileJob, processFile } from "./process-file.js";

/** Messages from the parent. */
export type WorkerRequest = { type: "job"; job: FileJob } | { type: "stop" };

// As many OCR workers as cores, started only when pages are waiting: while the other child is idle
// (one big scan in tonight's inbox), this one reads its pages on every core; when both children are
// busy the extra workers mostly wait, costing memory but not throughput.
const ocr = createOcrEngine();

process.on("message", async (msg: WorkerRequest) => {
  if (msg.type === "stop") {
    await ocr.terminate();
    process.disconnect?.();
    return;
  }
  injectFault(msg.job.path);
  const result = await processFile(msg.job, ocr);
  process.send?.({ type: "done", id: msg.job.id, result });
});
// The parent died (kill -9, crash): stop too, rather than live on as an orphan writing outputs.
process.on("disconnect", () => process.exit(0));
process.send?.({ type: "ready" });
