#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { createLogger } from "./batch/logger.js";
import { runBatch } from "./batch/run-batch.js";
import { PIPELINE_VERSION } from "./version.js";

/** Exit codes, for cron: documented in README.md. */
export const EXIT = { ok: 0, error: 1, someFilesFailed: 2 } as const;

const program = new Command()
  .name("kehoach")
  .description("Vietnamese local-government documents → checked, structured data with evidence")
  .version(PIPELINE_VERSION);

program
  .command("run")
  .description("process every file of the inbox into <out>/documents/, with a run manifest in <out>/runs/")
  .option("--inbox <dir>", "folder of unit folders to read (never modified)", "inbox")
  .option("--out <dir>", "output folder", "out")
  .option("--concurrency <n>", "files processed at once (and OCR workers)", positiveInt, 2)
  .option("--timeout <seconds>", "time limit per file", positiveInt, 600)
  .option("--json", "log one JSON object per event (for log collectors)", false)
  .option("--quiet", "no log lines, only the exit code", false)
  .action(async (opts: { inbox: string; out: string; concurrency: number; timeout: number; json: boolean; quiet: boolean }) => {
    const logger = createLogger({ json: opts.json, quiet: opts.quiet });
    const manifest = await runBatch({
      inbox: opts.inbox,
      out: opts.out,
      concurrency: opts.concurrency,
      limits: { fileTimeoutMs: opts.timeout * 1000 },
      logger,
    });
    const bad = manifest.files.filter((f) => f.status === "failed" || f.status === "partial").length;
    process.exitCode = bad > 0 ? EXIT.someFilesFailed : EXIT.ok;
  });

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`kehoach: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = EXIT.error;
});
