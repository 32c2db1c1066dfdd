#!/usr/bin/env node
import { availableParallelism } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { LockHeldError } from "./batch/lock.js";
import { createLogger } from "./batch/logger.js";
import { createProgressLogger } from "./batch/progress.js";
import { runBatch } from "./batch/run-batch.js";
import { formatStatus, latestManifest } from "./batch/status.js";
import { watchInbox } from "./batch/watch.js";
import { runReportCommand } from "./review.js";
import { PIPELINE_VERSION } from "./version.js";

/** Exit codes, for cron: documented in README.md. */
export const EXIT = { ok: 0, error: 1, someFilesFailed: 2, locked: 3 } as const;

interface RunOptions {
  inbox: string;
  out: string;
  concurrency: number;
  timeout: number;
  force: boolean;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
}

const program = new Command()
  .name("kehoach")
  .description("Vietnamese local-government documents → checked, structured data with evidence")
  .version(PIPELINE_VERSION);

withBatchOptions(
  program
    .command("run")
    .description(
      "process every new or changed file of the inbox into <out>/documents/, with a manifest in <out>/runs/",
    ),
)
  .option("--force", "reprocess every file, even unchanged ones", false)
  .option("--json", "log one JSON object per event (for log collectors)", false)
  .option("--quiet", "no log lines, only the exit code", false)
  .option("--verbose", "also log unchanged, skipped files", false)
  .option("--rubric <id|file>", "scoring: use this rubric for every unit")
  .action(async (opts: RunOptions & { rubric?: string }) => {
    const logger = pickLogger(opts);
    const manifest = await runBatch({
      inbox: opts.inbox,
      out: opts.out,
      concurrency: opts.concurrency,
      force: opts.force,
      limits: { fileTimeoutMs: opts.timeout * 1000 },
      logger,
    });
    const review = await runReportCommand(opts.out, { rubric: opts.rubric ?? null });
    if (!opts.quiet) process.stderr.write(`${review.summary}\n`);
    const bad = manifest.files.filter((f) => f.status === "failed" || f.status === "partial").length;
    process.exitCode = bad > 0 ? EXIT.someFilesFailed : EXIT.ok;
  });

program
  .command("report")
  .description(
    "rebuild scores.json, scores.csv and the review report from <out>/documents (no input is read)",
  )
  .option("--out <dir>", "output folder", "out")
  .option("--rubric <id|file>", "use this rubric for every unit instead of choosing by province and year")
  .option(
    "--csv <dialect>",
    "scores.csv for Excel in Vietnamese (vi: ';' and 89,50) or English (rfc: ',' and 89.50)",
    "vi",
  )
  .option("--self-gap <points>", "flag a self-assessment this many points above the assessment", Number, 5)
  .action(async (opts: { out: string; rubric?: string; csv: string; selfGap: number }) => {
    if (opts.csv !== "vi" && opts.csv !== "rfc") throw new InvalidArgumentError("--csv must be vi or rfc");
    const review = await runReportCommand(opts.out, {
      rubric: opts.rubric ?? null,
      csvDialect: opts.csv,
      selfGapThreshold: opts.selfGap,
    });
    process.stdout.write(`${review.summary}\n`);
  });

withBatchOptions(
  program
    .command("watch")
    .description(
      "watch the inbox and process folders as they arrive (a file is read once it stops changing)",
    ),
)
  .option("--stable <seconds>", "how long a file must stay unchanged before it is read", positiveInt, 3)
  .option("--json", "log one JSON object per event (for log collectors)", false)
  .option("--verbose", "also log unchanged, skipped files", false)
  .action(async (opts: RunOptions & { stable: number }) => {
    const controller = new AbortController();
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => controller.abort());
    const logger = createLogger({ json: opts.json, verbose: opts.verbose });
    logger.emit({ event: "info", reason: `watching ${opts.inbox}; Ctrl-C to stop` });
    await watchInbox(
      {
        inbox: opts.inbox,
        out: opts.out,
        concurrency: opts.concurrency,
        limits: { fileTimeoutMs: opts.timeout * 1000 },
        logger,
        stableMs: opts.stable * 1000,
        afterRun: async () => {
          const review = await runReportCommand(opts.out, {});
          logger.emit({ event: "info", reason: review.summary.replace(/\n/g, "; ") });
        },
      },
      controller.signal,
    );
  });

program
  .command("status")
  .description("print the last run's summary from its manifest")
  .option("--out <dir>", "output folder", "out")
  .option("--json", "print the manifest's totals as JSON", false)
  .action(async (opts: { out: string; json: boolean }) => {
    const found = await latestManifest(opts.out);
    if (!found) {
      process.stderr.write(`kehoach: no run manifest in ${opts.out}/runs yet\n`);
      process.exitCode = EXIT.error;
      return;
    }
    process.stdout.write(opts.json ? `${JSON.stringify(found.manifest.totals)}\n` : formatStatus(found));
  });

program
  .command("eval")
  .description(
    "compare the outputs in <out>/documents with gold annotations: precision, recall, F1 per fact kind",
  )
  .requiredOption("--gold <dir>", "folder of gold annotations (fixtures/gold)")
  .option("--out <dir>", "output folder of a run over the gold's inputs", "out")
  .option("--forms", "score rendered excerpts (fixtures/forms) against the gold cut to each excerpt", false)
  .option("--only <files>", "with --forms: only these form files, comma-separated (e.g. scan-300.pdf)")
  .option("--json", "print the full report as JSON", false)
  .action(async (opts: { gold: string; out: string; forms: boolean; only?: string; json: boolean }) => {
    const { runEvalCommand } = await import("./eval/index.js");
    const only = opts.only?.split(",").map((s) => s.trim());
    const { text, report } = await runEvalCommand(opts.gold, opts.out, { forms: opts.forms, only });
    process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : text);
  });

/** The options `run` and `watch` share: where to read and write, how many files at once, time limit. */
function withBatchOptions(command: Command): Command {
  return command
    .option("--inbox <dir>", "folder of unit folders to read (never modified)", "inbox")
    .option("--out <dir>", "output folder", "out")
    .option(
      "--concurrency <n>",
      "files processed at once (default: the machine's cores, at most 4)",
      positiveInt,
      defaultConcurrency(),
    )
    .option("--timeout <seconds>", "time limit per file", positiveInt, 600);
}

/** A progress bar on a terminal; plain lines under cron (no TTY); JSON lines with --json. */
function pickLogger(opts: { json: boolean; quiet: boolean; verbose: boolean }) {
  if (!opts.json && !opts.quiet && process.stderr.isTTY) return createProgressLogger(process.stderr);
  return createLogger({ json: opts.json, quiet: opts.quiet, verbose: opts.verbose });
}

/** Files at once: one per core (OCR is CPU-bound), at most 4 (memory: ~0.5 GB per busy worker). */
function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`kehoach: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof LockHeldError ? EXIT.locked : EXIT.error;
});
