/**
 * Benchmark of scanned tables and reading order (issues 6 and 2). Run `npm run build` then
 * `node dist/bench/tables.js [--only=REGEX] [--skip-forms] [--skip-cli] [--workers=N] [--misses]`
 * (`--misses` lists every cell read wrong, with what was expected).
 *
 * 1. Every image of fixtures/tables/manifest.json, ruled tables and borderless tables (`kind`) in
 *    sections of their own: cell exact-match (all cells, numeric cells),
 *    row/column counts and merged cells against the truth, whole-page CER before (tesseract's
 *    whole-page reading, as the engine read pages before tables and reading order) and after, and
 *    time per table page against whole-page OCR of the same page (the engine's default workers: a
 *    table page spreads its cells over all of them; `--workers=1` compares the work done).
 * 2. Every image form of fixtures/forms/manifest.json: whole-document CER before and after.
 * 3. Both sets side by side with the native tesseract CLI (`OMP_THREAD_LIMIT=1 tesseract img - -l
 *    vie`, same model) when it is installed; skipped otherwise.
 * CER: both sides through normaliseVi, whitespace collapsed (pipeline/eval/cer.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { characterErrorRate } from "../pipeline/eval/cer.js";
import { createOcrEngine } from "../pipeline/ocr/engine.js";
import type { OcrEngine, OcrOptions } from "../pipeline/ocr/types.js";
import { openPdf } from "../pipeline/pdf/open.js";
import { pageImage } from "../pipeline/pdf/page-image.js";
import { scoreTable, type TableScore } from "../pipeline/tables/compare.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import {
  FIXTURES_DIR,
  fixtureImage,
  fixtureName,
  type TableFixture,
  tableFixtures,
  truthTables,
  truthText,
} from "./table-fixtures.js";

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const filter = only ? new RegExp(only, "u") : null;
const skipForms = args.includes("--skip-forms");
const skipCli = args.includes("--skip-cli");
const showMisses = args.includes("--misses");
const workers = Number(args.find((a) => a.startsWith("--workers="))?.slice("--workers=".length)) || undefined;

const normalise = (text: string) => normaliseVi(text).text;
const cer = (text: string, truth: string) => characterErrorRate(normalise(text), normalise(truth));
const pct = (value: number) => `${(100 * value).toFixed(2)}%`;
const scratch = mkdtempSync(join(tmpdir(), "kehoach-bench-tables-"));

/** The native CLI's reading of an image file, or null when tesseract with `vie` is not installed. */
const cliAvailable = (() => {
  if (skipCli) return false;
  try {
    return execFileSync("tesseract", ["--list-langs"], { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .split(/\s+/u)
      .includes("vie");
  } catch {
    return false;
  }
})();

function cli(image: Buffer): string {
  const file = join(scratch, "page.img");
  writeFileSync(file, image);
  return execFileSync("tesseract", [file, "-", "-l", "vie"], {
    env: { ...process.env, OMP_THREAD_LIMIT: "1" },
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 64 << 20,
  }).toString();
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Reads with both engines: `before` as pages were read before tables and reading order, `after` now. */
interface Engines {
  before: OcrEngine;
  after: OcrEngine;
}

const BEFORE: OcrOptions = { tables: false, layout: false };

/** The sections of the table report: ruled tables (the acceptance figures) apart from borderless ones. */
const TABLE_SECTIONS: { title: string; kind: TableFixture["kind"] }[] = [
  { title: "Ruled tables (fixtures/tables)", kind: undefined },
  { title: "Borderless tables (fixtures/tables/borderless)", kind: "borderless" },
];

async function tables(engines: Engines, title: string, fixtures: TableFixture[]): Promise<void> {
  const chosen = fixtures.filter((fixture) => !filter || filter.test(fixtureName(fixture)));
  if (chosen.length === 0) return;
  console.log(`\n## ${title}\n`);
  console.log(
    "| page | rows×cols | merges | cells exact | numeric exact | CER before | CER after | CER CLI | ms table page | ms whole page | ratio |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  const total = { cells: 0, exact: 0, numeric: 0, numericExact: 0, shapes: 0, tables: 0, merges: 0 };
  const ratios: number[] = [];
  for (const fixture of chosen) {
    const name = fixtureName(fixture);
    const { image, dpi } = await fixtureImage(fixture);
    const options: OcrOptions = dpi ? { dpi } : {};
    const whole = await timed(() => engines.before.recognise(image, { ...options, ...BEFORE }));
    const read = await timed(() => engines.after.recognise(image, options));
    const truth = truthText(fixture);
    const scores: TableScore[] = [];
    truthTables(fixture).forEach((t, i) => {
      const found = read.value.tables?.[i];
      total.tables++;
      if (!found) {
        total.cells += t.rows * t.cols;
        return;
      }
      const score = scoreTable(found, t, normalise);
      scores.push(score);
      total.cells += score.cells;
      total.exact += score.exact;
      total.numeric += score.numeric;
      total.numericExact += score.numericExact;
      if (score.shapeExact) total.shapes++;
      if (score.mergesExact) total.merges++;
    });
    const sum = (key: "cells" | "exact" | "numeric" | "numericExact") =>
      scores.reduce((s, x) => s + x[key], 0);
    const shape = (read.value.tables ?? []).map((t) => `${t.rows}×${t.cols}`).join(", ") || "none";
    const cliCer = cliAvailable ? pct(cer(cli(image), truth)) : "–";
    ratios.push(read.ms / whole.ms);
    console.log(
      `| ${name} | ${shape}${scores.every((s) => s.shapeExact) ? "" : " ✗"} | ${scores.every((s) => s.mergesExact) ? "ok" : "✗"} | ${sum("exact")}/${sum("cells")} | ${sum("numericExact")}/${sum("numeric")} | ${pct(cer(whole.value.text, truth))} | ${pct(cer(read.value.text, truth))} | ${cliCer} | ${read.ms.toFixed(0)} | ${whole.ms.toFixed(0)} | ${(read.ms / whole.ms).toFixed(2)} |`,
    );
    if (showMisses)
      for (const miss of scores.flatMap((s) => s.misses))
        console.log(`|   ↳ r${miss.row} c${miss.col} | want «${miss.want}» | got «${miss.got}» |`);
  }
  if (total.tables === 0) return;
  console.log(
    `\nCells exact ${total.exact}/${total.cells} (${pct(total.exact / total.cells)}), numeric ${total.numericExact}/${total.numeric} (${pct(total.numericExact / total.numeric)}), row and column counts exact on ${total.shapes}/${total.tables} tables, merged cells exact on ${total.merges}/${total.tables}.`,
  );
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(
    `Time per table page / whole-page OCR of the same page: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)}, max ${sorted[sorted.length - 1]?.toFixed(2)}.`,
  );
}

interface FormRow {
  case: string;
  file: string;
  form: string;
  source: string;
}

const IMAGE_FORMS = new Set(["scan-300", "scan-200-noisy", "image", "rotated", "photo"]);

/** The images of a form as OCR gets them: the file, or each page of a PDF as the backend gets it (page-image.ts). */
async function formImages(path: string): Promise<{ image: Buffer; dpi?: number }[]> {
  const bytes = readFileSync(path);
  if (!path.endsWith(".pdf")) return [{ image: bytes }];
  const parser = openPdf(bytes);
  try {
    const info = await parser.getInfo({ parsePageInfo: true });
    const out: { image: Buffer; dpi?: number }[] = [];
    for (const page of info.pages) {
      const drawn = await pageImage(parser, page.pageNumber, { width: page.width, height: page.height }, 200);
      out.push(drawn.dpi ? { image: drawn.image, dpi: drawn.dpi } : { image: drawn.image });
    }
    return out;
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function forms(engines: Engines): Promise<void> {
  console.log("\n## Whole-document CER of the rendered forms (fixtures/forms)\n");
  console.log("| document | form | CER before | CER after | CER CLI |");
  console.log("|---|---|---|---|---|");
  const rows: FormRow[] = JSON.parse(readFileSync(join(FIXTURES_DIR, "forms", "manifest.json"), "utf8"));
  for (const row of rows) {
    const name = `${row.case}/${row.file}`;
    if (!IMAGE_FORMS.has(row.form) || (filter && !filter.test(name))) continue;
    const truth = readFileSync(join(FIXTURES_DIR, "forms", row.case, row.source), "utf8");
    const images = await formImages(join(FIXTURES_DIR, "forms", row.case, row.file));
    const before: string[] = [];
    const after: string[] = [];
    const native: string[] = [];
    for (const { image, dpi } of images) {
      const options: OcrOptions = dpi ? { dpi } : {};
      before.push((await engines.before.recognise(image, { ...options, ...BEFORE })).text);
      after.push((await engines.after.recognise(image, options)).text);
      // The CLI does not turn pages upright: it reads rotated pages as they are.
      if (cliAvailable) native.push(cli(image));
    }
    const cliCer = cliAvailable ? pct(cer(native.join("\n"), truth)) : "–";
    console.log(
      `| ${name} | ${row.form} | ${pct(cer(before.join("\n"), truth))} | ${pct(cer(after.join("\n"), truth))} | ${cliCer} |`,
    );
  }
}

const engines: Engines = {
  before: createOcrEngine({ flattenPhotos: false, ...(workers ? { workers } : {}) }),
  after: createOcrEngine(workers ? { workers } : {}),
};
try {
  if (!cliAvailable)
    console.log("Native tesseract CLI (with vie) not found or skipped: CLI column left empty.");
  // Start the workers of both engines before anything is timed.
  const warm = readFileSync(join(FIXTURES_DIR, "forms", "000-ba-to", "page-1.png"));
  await Promise.all([engines.before.recognise(warm), engines.after.recognise(warm)]);
  for (const { title, kind } of TABLE_SECTIONS) {
    await tables(
      engines,
      title,
      tableFixtures().filter((fixture) => fixture.kind === kind),
    );
  }
  if (!skipForms) await forms(engines);
} finally {
  await Promise.all([engines.before.terminate(), engines.after.terminate()]);
  rmSync(scratch, { recursive: true, force: true });
}
