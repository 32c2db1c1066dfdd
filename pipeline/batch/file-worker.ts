/**
 * The child process that runs the pipeline on files, one at a time, for the batch's worker pool.
 * It owns its OCR engine; the parent kills and replaces it when a file hangs, crashes it or exhausts
 * its memory, so one bad file never takes the batch down.
 */
import { processFile, type FileJob } from "./process-file.js";
import { createOcrEngine } from "../ocr/engine.js";

/** Messages from the parent. */
export type WorkerRequest = { type: "job"; job: FileJob } | { type: "stop" };

const ocr = createOcrEngine({ workers: 1 });

process.on("message", async (msg: WorkerRequest) => {
  if (msg.type === "stop") {
    await ocr.terminate();
    process.disconnect?.();
    return;
  }
  const result = await processFile(msg.job, ocr);
  process.send?.({ type: "done", id: msg.job.id, result });
});
process.send?.({ type: "ready" });
