import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractAll } from "../extractors/index.js";
import { createOcrEngine } from "../pipeline/ocr/engine.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import { benchBatch } from "./batch.js";
import { formRows, measureForm } from "./forms.js";
import { median, printTable, withPeakRss } from "./util.js";

/**
 * `npm run bench`: the figures the issues ask for, printed as tables. Sections can be picked:
 * `npm run bench -- forms extract batch` (default: all). Timings vary with machine load: run it
 * on an idle machine and quote medians.
 */
const sections = process.argv.slice(2);
const want = (name: string) => sections.length === 0 || sections.includes(name);

if (want("forms")) await benchForms();
if (want("extract")) benchExtract();
if (want("batch")) await benchBatch();

async function benchForms(): Promise<void> {
  process.stdout.write("\n== Reading every rendered fixture (ingest → read → normalise), CER vs source ==\n");
  const ocr = createOcrEngine({ workers: 2 });
  const rows: (string | number)[][] = [["case", "file", "form", "pages", "CER %", "s", "s/page", "OCR conf"]];
  const perForm = new Map<string, { pages: number; ms: number; cers: number[] }>();
  const { peakMb } = await withPeakRss(async () => {
    for (const row of formRows()) {
      const { cer, ms, record } = await measureForm(row, ocr);
      const conf = record.rawPages.filter((p) => p.method === "ocr").map((p) => p.confidence ?? 0);
      const pages = record.rawPages.length;
      rows.push([
        row.case,
        row.file,
        row.form,
        pages,
        (cer * 100).toFixed(2),
        (ms / 1000).toFixed(2),
        (ms / 1000 / Math.max(1, pages)).toFixed(2),
        conf.length ? (conf.reduce((a, b) => a + b, 0) / conf.length).toFixed(3) : "-",
      ]);
      const agg = perForm.get(row.form) ?? { pages: 0, ms: 0, cers: [] };
      agg.pages += pages;
      agg.ms += ms;
      agg.cers.push(cer);
      perForm.set(row.form, agg);
    }
  });
  await ocr.terminate();
  printTable(rows);
  process.stdout.write("\nper form: pages/second and CER (mean, worst)\n");
  const summary: (string | number)[][] = [["form", "pages", "pages/s", "mean CER %", "worst CER %"]];
  for (const [form, a] of perForm) {
    summary.push([
      form,
      a.pages,
      (a.pages / (a.ms / 1000)).toFixed(2),
      ((a.cers.reduce((x, y) => x + y, 0) / a.cers.length) * 100).toFixed(2),
      (Math.max(...a.cers) * 100).toFixed(2),
    ]);
  }
  printTable(summary);
  process.stdout.write(`peak memory (RSS, this process incl. 2 OCR workers): ${peakMb} MB\n`);
}

function benchExtract(): void {
  process.stdout.write("\n== Extraction time per corpus document (normalised once; all extractors) ==\n");
  const rows: (string | number)[][] = [["document", "k chars", "normalise ms", "extract ms (median of 15)"]];
  for (const name of readdirSync("fixtures/corpus").filter((f) => /^\d{3}_/.test(f))) {
    const text = readFileSync(join("fixtures/corpus", name), "utf8");
    const t0 = performance.now();
    const { documents } = normaliseFile(buildRawText([{ page: 1, text }]));
    const normMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      for (const d of documents) extractAll(d);
      times.push(performance.now() - s);
    }
    rows.push([name, (text.length / 1024).toFixed(0), normMs.toFixed(0), median(times).toFixed(1)]);
  }
  printTable(rows);
}
