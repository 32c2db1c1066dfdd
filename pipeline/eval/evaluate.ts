import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { addCounts, emptyCounts, score } from "./counts.js";
import { goldForExcerpt } from "./excerpt.js";
import { FormsMap, type GoldDocument, GoldFile } from "./gold-schema.js";
import { scoreFile } from "./match-document.js";
import { type OutputDoc, readOutputFile } from "./output-doc.js";
import { formatEvalReport } from "./report.js";
import { type EvalReport, FACT_KINDS, type FactKind, type FileScore } from "./types.js";

/** Options of {@link evaluate}. */
export interface EvalOptions {
  /**
   * Score the rendered excerpts instead of the corpus files: for each case of the forms map, every
   * output `<outDir>/documents/<case>/<form>.json` against the case's gold cut down to the facts
   * quoted in the text that form shows (`source.txt`, or one page of it: see {@link formsOfCase}).
   */
  forms?: boolean;
  /** Where the excerpts live (default: `<goldDir>/../forms`). */
  formsDir?: string;
  /** The case → gold file map (default: `<goldDir>/forms.json`). */
  formsMap?: string;
  /** Forms mode: score only these form files (e.g. `["scan-300.pdf"]`), to compare one form with another. */
  only?: string[];
}

/** Truth texts of a forms case: the excerpt, its pages, the pages of a mixed PDF (not inputs). */
const TRUTH_TEXT = /^(?:source|page-\d+|pages-\d+-\d+)\.txt$/;

/** One rendered form of a case and the truth text of exactly what it shows. */
interface FormEntry {
  file: string;
  /** File name (in the case folder) of the text this form shows: the excerpt or one page of it. */
  source: string;
}

/**
 * The forms of one case. `<formsDir>/manifest.json` (rows `{case, file, source}`, written by
 * fixtures/make) says which text each form shows (a single-page image shows one page); without it,
 * every file except the truth texts is a form, showing `<stem>.txt` when that exists, else the excerpt.
 */
export function formsOfCase(formsDir: string, c: string): FormEntry[] {
  const manifestFile = path.join(formsDir, "manifest.json");
  if (existsSync(manifestFile)) {
    const raw: unknown = JSON.parse(readFileSync(manifestFile, "utf8"));
    const rows = Array.isArray(raw) ? raw : ((raw as { rows?: unknown[] }).rows ?? []);
    const mine = rows.filter(
      (r): r is { case: string; file: string; source?: string } =>
        typeof r === "object" &&
        r !== null &&
        (r as { case?: unknown }).case === c &&
        typeof (r as { file?: unknown }).file === "string",
    );
    if (mine.length > 0) return mine.map((r) => ({ file: r.file, source: r.source ?? "source.txt" }));
  }
  const dir = path.join(formsDir, c);
  return readdirSync(dir)
    .filter((n) => !TRUTH_TEXT.test(n) && !/\.(?:md|json)$/i.test(n) && statSync(path.join(dir, n)).isFile())
    .sort()
    .map((file) => {
      const stem = `${file.replace(/\.[^.]+$/, "")}.txt`;
      return { file, source: stem !== file && existsSync(path.join(dir, stem)) ? stem : "source.txt" };
    });
}

/** Reads and validates one gold file; an invalid gold file is a bug in the fixtures and throws. */
export function readGoldFile(file: string): GoldFile {
  const parsed = GoldFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`invalid gold file ${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** Gold files under `goldDir`, as paths relative to it ("<folder>/<name>.json"), sorted. */
export function listGoldFiles(goldDir: string): string[] {
  const found: string[] = [];
  for (const folder of readdirSync(goldDir).sort()) {
    const dir = path.join(goldDir, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".json")) found.push(`${folder}/${name}`);
    }
  }
  return found;
}

function readOutput(file: string): OutputDoc[] | null {
  if (!existsSync(file)) return null;
  try {
    return readOutputFile(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return [];
  }
}

function scoreOne(
  gold: readonly GoldDocument[],
  goldRel: string,
  outDir: string,
  outRel: string,
  c?: string,
): FileScore {
  const out = readOutput(path.join(outDir, "documents", outRel));
  return {
    gold: goldRel,
    output: `documents/${outRel}`,
    ...(c === undefined ? {} : { case: c }),
    missingOutput: out === null,
    documents: scoreFile(gold, out),
  };
}

function corpusFiles(goldDir: string, outDir: string): FileScore[] {
  return listGoldFiles(goldDir).map((rel) =>
    scoreOne(readGoldFile(path.join(goldDir, rel)).documents, rel, outDir, rel),
  );
}

function formsFiles(goldDir: string, outDir: string, options: EvalOptions, notes: string[]): FileScore[] {
  const mapFile = options.formsMap ?? path.join(goldDir, "forms.json");
  const formsDir = options.formsDir ?? path.join(goldDir, "..", "forms");
  const map = FormsMap.parse(JSON.parse(readFileSync(mapFile, "utf8")));
  const files: FileScore[] = [];
  for (const [c, goldRel] of Object.entries(map)) {
    if (!existsSync(path.join(formsDir, c, "source.txt"))) {
      notes.push(`${c}: no ${path.join(formsDir, c, "source.txt")}, case skipped`);
      continue;
    }
    const gold = readGoldFile(path.join(goldDir, goldRel)).documents;
    const forms = formsOfCase(formsDir, c);
    if (forms.length === 0) notes.push(`${c}: no rendered forms next to source.txt`);
    for (const form of forms) {
      if (options.only && !options.only.includes(form.file)) continue;
      const shown = readFileSync(path.join(formsDir, c, form.source), "utf8");
      files.push(scoreOne(goldForExcerpt(gold, shown), goldRel, outDir, `${c}/${form.file}.json`, c));
    }
  }
  return files;
}

/**
 * Scores the pipeline's output against the gold. Corpus mode: every gold file
 * `<goldDir>/<folder>/<name>.json` against `<outDir>/documents/<folder>/<name>.json` (a missing output
 * file counts every gold fact as missed). Forms mode: see {@link EvalOptions.forms}.
 */
export function evaluate(goldDir: string, outDir: string, options: EvalOptions = {}): EvalReport {
  const notes: string[] = [];
  const files = options.forms ? formsFiles(goldDir, outDir, options, notes) : corpusFiles(goldDir, outDir);
  const totals = Object.fromEntries(FACT_KINDS.map((k) => [k, emptyCounts()])) as Record<
    FactKind,
    ReturnType<typeof emptyCounts>
  >;
  const deadlineKinds = { agree: 0, total: 0 };
  for (const f of files) {
    for (const d of f.documents) {
      for (const k of FACT_KINDS) addCounts(totals[k], d.kinds[k].counts);
      deadlineKinds.agree += d.deadlineKinds.agree;
      deadlineKinds.total += d.deadlineKinds.total;
    }
  }
  const kinds = Object.fromEntries(FACT_KINDS.map((k) => [k, score(totals[k])])) as EvalReport["kinds"];
  return { mode: options.forms ? "forms" : "corpus", goldDir, outDir, kinds, deadlineKinds, files, notes };
}

/** `kehoach eval --gold <dir> --out <dir> [--forms]`: the report and its printed form. */
export async function runEvalCommand(
  goldDir: string,
  outDir: string,
  options: EvalOptions = {},
): Promise<{ text: string; report: EvalReport }> {
  const report = evaluate(goldDir, outDir, options);
  return { text: formatEvalReport(report), report };
}
