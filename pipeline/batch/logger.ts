/** A batch event, printed as a log line or as one JSON object (`--json`) for log collectors. */
export interface BatchEvent {
  event: "run-start" | "file-done" | "run-end" | "warning" | "info";
  [key: string]: unknown;
}

/** Where batch events go. The batch knows nothing of terminals; the CLI picks the logger. */
export interface Logger {
  emit(event: BatchEvent): void;
}

/**
 * Plain log lines on stderr (what cron mails), or JSON lines when `json` is set. Unchanged, skipped
 * files are counted in the run summary but get a line of their own only when `verbose` is set.
 */
export function createLogger(options: {
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  write?: (line: string) => void;
}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  return {
    emit(event) {
      if (options.quiet) return;
      if (options.json) {
        write(JSON.stringify({ time: new Date().toISOString(), ...event }));
        return;
      }
      if (event.event === "file-done" && event.status === "skipped-unchanged" && !options.verbose) return;
      write(formatEvent(event));
    },
  };
}

function formatEvent(e: BatchEvent): string {
  const time = new Date().toISOString();
  switch (e.event) {
    case "run-start":
      return `${time} run start: ${e.files} file(s) in ${e.inbox} → ${e.out}`;
    case "file-done": {
      const reason = e.reason ? ` — ${e.reason}` : "";
      const ocr = e.ocrPages ? `, ${e.ocrPages} OCR` : "";
      return `${time} ${String(e.status).padEnd(8)} ${e.path} (${e.pages ?? 0} p${ocr}, ${e.ms} ms)${reason}`;
    }
    case "run-end":
      return `${time} run end: ${JSON.stringify(e.totals)} in ${e.ms} ms; manifest ${e.manifest}`;
    case "info":
    case "warning":
      return `${time} ${String(e.reason)}`;
    default:
      return `${time} ${e.event}: ${JSON.stringify(e)}`;
  }
}
