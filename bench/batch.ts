import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../pipeline/batch/logger.js";
import { runBatch } from "../pipeline/batch/run-batch.js";
import { printTable, withPeakRss } from "./util.js";

const quiet = createLogger({ quiet: true });

/** A DOCX made distinct by its ZIP comment (readers ignore it), so the batch does not see duplicates. */
function withZipComment(zip: Buffer, comment: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out = Buffer.concat([zip.subarray(0, eocd + 22), Buffer.from(comment, "latin1")]);
  out.writeUInt16LE(comment.length, eocd + 20);
  return out;
}

/** A PDF made distinct by a comment line after its end (readers ignore trailing comments). */
function withPdfComment(pdf: Buffer, comment: string): Buffer {
  return Buffer.concat([pdf, Buffer.from(`\n% ${comment}\n`, "latin1")]);
}

/** Builds an inbox of `n` distinct text, DOCX and typed-PDF files spread over unit folders. */
function buildInbox(dir: string, n: number): void {
  const texts = readdirSync("fixtures/corpus")
    .filter((f) => /^\d{3}_/.test(f))
    .map((f) => readFileSync(join("fixtures/corpus", f), "utf8"));
  const cases = readdirSync("fixtures/forms").filter((c) => /^\d{3}-/.test(c));
  const docx = cases.map((c) => readFileSync(join("fixtures/forms", c, "docx.docx")));
  const pdfs = cases.map((c) => readFileSync(join("fixtures/forms", c, "typed.pdf")));
  for (let i = 0; i < n; i++) {
    const folder = join(dir, `don-vi-${String(i % 20).padStart(2, "0")}`);
    mkdirSync(folder, { recursive: true });
    const kind = i % 5;
    if (kind < 3) writeFileSync(join(folder, `van-ban-${i}.txt`), `${texts[i % texts.length]}\nBản số ${i}.`);
    else if (kind === 3)
      writeFileSync(
        join(folder, `van-ban-${i}.docx`),
        withZipComment(docx[i % docx.length] as Buffer, `v${i}`),
      );
    else
      writeFileSync(
        join(folder, `van-ban-${i}.pdf`),
        withPdfComment(pdfs[i % pdfs.length] as Buffer, `v${i}`),
      );
  }
}

/** Issue 4's figures: a 200-file run, the unchanged rerun, and peak memory of a mixed run with OCR. */
export async function benchBatch(): Promise<void> {
  process.stdout.write("\n== Batch: 200 files (60% text, 20% DOCX, 20% typed PDF), concurrency 2 ==\n");
  const root = mkdtempSync(join(tmpdir(), "kehoach-bench-"));
  try {
    const inbox = join(root, "inbox");
    buildInbox(inbox, 200);
    const out = join(root, "out");
    const t1 = performance.now();
    const first = await withPeakRss(() => runBatch({ inbox, out, logger: quiet, concurrency: 2 }));
    const firstMs = performance.now() - t1;
    const t2 = performance.now();
    const second = await runBatch({ inbox, out, logger: quiet, concurrency: 2 });
    const secondMs = performance.now() - t2;
    printTable([
      ["run", "seconds", "files/s", "totals", "peak RSS (tree)"],
      [
        "first",
        (firstMs / 1000).toFixed(1),
        (200 / (firstMs / 1000)).toFixed(1),
        JSON.stringify(first.value.totals),
        `${first.peakMb} MB`,
      ],
      ["second (unchanged)", (secondMs / 1000).toFixed(2), "-", JSON.stringify(second.totals), "-"],
    ]);
    process.stdout.write(`second / first = ${((secondMs / firstMs) * 100).toFixed(2)}% (target < 5%)\n`);

    process.stdout.write(
      "\n== Mixed run with OCR, concurrency 2: peak memory of the whole process tree ==\n",
    );
    const mixed = join(root, "mixed");
    mkdirSync(join(mixed, "a"), { recursive: true });
    for (const c of ["000-ba-to", "003-duc-pho"]) {
      writeFileSync(
        join(mixed, "a", `${c}-scan.pdf`),
        readFileSync(join("fixtures/forms", c, "scan-200-noisy.pdf")),
      );
      writeFileSync(
        join(mixed, "a", `${c}-photo.jpg`),
        readFileSync(join("fixtures/forms", c, "page-2.jpg")),
      );
      writeFileSync(join(mixed, "a", `${c}.docx`), readFileSync(join("fixtures/forms", c, "docx.docx")));
      writeFileSync(join(mixed, "a", `${c}.txt`), readFileSync(join("fixtures/forms", c, "source.txt")));
    }
    const t3 = performance.now();
    const run = await withPeakRss(() =>
      runBatch({ inbox: mixed, out: join(root, "out-mixed"), logger: quiet, concurrency: 2 }),
    );
    const ms = performance.now() - t3;
    process.stdout.write(
      `${run.value.totals.files} files, ${run.value.totals.ocrPages} OCR pages in ${(ms / 1000).toFixed(1)} s; ` +
        `peak RSS of the batch and its workers: ${run.peakMb} MB\n`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
