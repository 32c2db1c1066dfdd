import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_LIMITS } from "../pipeline/context.js";
import { characterErrorRate } from "../pipeline/eval/cer.js";
import type { OcrEngine } from "../pipeline/ocr/types.js";
import { createRecord, type DocRecord } from "../pipeline/record.js";
import { ingestStage } from "../pipeline/stages/ingest.js";
import { normaliseStage } from "../pipeline/stages/normalise.js";
import { readStage } from "../pipeline/stages/read.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";

/** One row of fixtures/forms/manifest.json. */
export interface FormRow {
  case: string;
  file: string;
  form: string;
  pages: number;
  source: string;
  pageSources?: string[];
}

const FORMS = "fixtures/forms";

/**
 * The rendered fixtures, as the generator listed them. `BENCH_FORMS=REGEX` in the environment keeps
 * the rows whose "case/file" matches (`BENCH_FORMS='\.pdf$'` measures the PDF forms only): on
 * shared machines a change that touches one backend need not re-read every image.
 */
export function formRows(): FormRow[] {
  const rows = JSON.parse(readFileSync(join(FORMS, "manifest.json"), "utf8")) as FormRow[];
  const only = process.env.BENCH_FORMS ? new RegExp(process.env.BENCH_FORMS, "u") : null;
  return only ? rows.filter((row) => only.test(`${row.case}/${row.file}`)) : rows;
}

/** The truth text of a form: its source file (the excerpt, or one page's text for a page image). */
export function truthOf(row: FormRow): string {
  return readFileSync(join(FORMS, row.case, row.source), "utf8");
}

/**
 * Reads one form through the pipeline's own ingest, read and normalise stages, and measures CER
 * against the truth after the same normalisation (the acceptance measure: whole document, headers
 * and tables included, so reading order counts).
 */
export async function measureForm(
  row: FormRow,
  ocr: OcrEngine,
): Promise<{ cer: number; ms: number; record: DocRecord }> {
  const bytes = readFileSync(join(FORMS, row.case, row.file));
  const record = createRecord(
    `${row.case}/${row.file}`,
    bytes,
    createHash("sha256").update(bytes).digest("hex"),
  );
  const ctx = { ocr, limits: DEFAULT_LIMITS, signal: new AbortController().signal };
  const started = performance.now();
  for (const stage of [ingestStage, readStage, normaliseStage]) await stage.run(record, ctx);
  const ms = performance.now() - started;
  const text = record.documents.map((d) => d.text).join("\n");
  return { cer: characterErrorRate(text, normaliseVi(truthOf(row)).text), ms, record };
}
