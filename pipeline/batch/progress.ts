import type { BatchEvent, Logger } from "./logger.js";

/**
 * A one-line progress bar for a terminal: files done/total, pages OCR'd, ETA. Problems still get a
 * line of their own above the bar, so nothing the operator must see is overwritten.
 */
export function createProgressLogger(stream: NodeJS.WriteStream = process.stderr): Logger {
  let total = 0;
  let done = 0;
  let ocrPages = 0;
  let started = Date.now();
  const width = 24;
  const clear = () => stream.write("\r\x1b[2K");
  const draw = () => {
    const ratio = total ? done / total : 0;
    const filled = Math.round(ratio * width);
    const elapsed = (Date.now() - started) / 1000;
    const eta = done ? Math.round((elapsed / done) * (total - done)) : null;
    stream.write(
      `\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} files, ` +
        `${ocrPages} OCR pages, ${eta === null ? "ETA …" : `ETA ${formatSeconds(eta)}`}`,
    );
  };
  return {
    emit(event: BatchEvent) {
      if (event.event === "run-start") {
        total = Number(event.files);
        started = Date.now();
        draw();
      } else if (event.event === "file-done") {
        done++;
        ocrPages += Number(event.ocrPages ?? 0);
        if (event.status === "failed" || event.status === "partial") {
          clear();
          stream.write(`${event.status} ${event.path}: ${event.reason ?? ""}\n`);
        }
        draw();
      } else if (event.event === "run-end") {
        clear();
        stream.write(`done: ${JSON.stringify(event.totals)} in ${formatSeconds(Number(event.ms) / 1000)}\n`);
      }
    },
  };
}

function formatSeconds(s: number): string {
  const m = Math.floor(s / 60);
  const sec = Math.round(s % 60);
  return m ? `${m}m${String(sec).padStart(2, "0")}s` : `${sec}s`;
}
