/**
 * The scoring stage's I/O: reads `<out>/documents/**.json`, builds the scores, writes
 * `<out>/scores.json` (validated by schemas/scores.ts) and `<out>/scores.csv`. It never reads the
 * inputs again: `kehoach report` rebuilds everything from the per-file outputs.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { type Rubric, Scores } from "../../schemas/index.js";
import { writeFileAtomic } from "../batch/atomic-write.js";
import { buildScores } from "./build-scores.js";
import { type CsvDialect, scoresCsv } from "./csv.js";
import { documentsOfFile, type SourcedDocument } from "./input.js";
import { loadBundledRubrics, loadRubricDir, loadRubricFile } from "./rubric-load.js";

/** Options of `kehoach report` (and of {@link writeScores}). */
export interface ReportOptions {
  /** A rubric id (`quang-ngai-1211-2022`) or the path of a rubric JSON file; forces it for every unit. */
  rubric?: string | null;
  /** Folder of rubric files to choose from instead of the bundled `rubrics/`. */
  rubricDir?: string;
  /** CSV dialect (see csv.ts); default `vi`. */
  csvDialect?: CsvDialect;
  /** `self_gap` threshold in points; default 5. */
  selfGapThreshold?: number;
}

/** What was read from `<out>/documents/`. */
export interface ReadDocuments {
  documents: SourcedDocument[];
  /** Files that could not be read as JSON. */
  problems: { source: string; reason: string }[];
}

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".json") && !e.name.startsWith("."))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Reads every per-file output under `<out>/documents/` (a missing folder reads as none). */
export async function readOutputDocuments(outDir: string): Promise<ReadDocuments> {
  const root = join(outDir, "documents");
  const documents: SourcedDocument[] = [];
  const problems: ReadDocuments["problems"] = [];
  for (const path of await jsonFiles(root)) {
    const rel = relative(root, path)
      .split(sep)
      .join("/")
      .replace(/\.json$/, "");
    try {
      documents.push(...documentsOfFile(JSON.parse(await readFile(path, "utf8")), rel));
    } catch (err) {
      problems.push({
        source: rel,
        reason: `không đọc được JSON: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  return { documents, problems };
}

/** The rubrics to choose from and the forced id, from the options. */
export function rubricsFor(options: ReportOptions): { rubrics: Rubric[]; rubricId: string | null } {
  const rubrics = options.rubricDir ? loadRubricDir(options.rubricDir) : loadBundledRubrics();
  const r = options.rubric ?? null;
  if (r && (r.endsWith(".json") || r.includes("/") || r.includes("\\"))) {
    const own = loadRubricFile(r);
    return { rubrics: [...rubrics.filter((x) => x.id !== own.id), own], rubricId: own.id };
  }
  return { rubrics, rubricId: r };
}

/** Paths written and the scores they hold. */
export interface WrittenScores {
  scores: Scores;
  jsonPath: string;
  csvPath: string;
}

/** Builds and writes `<out>/scores.json` and `<out>/scores.csv` (atomically). */
export async function writeScores(outDir: string, options: ReportOptions = {}): Promise<WrittenScores> {
  const { documents, problems } = await readOutputDocuments(outDir);
  const { rubrics, rubricId } = rubricsFor(options);
  const built = buildScores(documents, {
    rubrics,
    rubricId,
    ...(options.selfGapThreshold !== undefined ? { selfGapThreshold: options.selfGapThreshold } : {}),
  });
  built.messages.unshift(...problems.map((p) => ({ severity: "warning" as const, ...p })));
  // Validation guards the contract: a bug here must fail loudly, not write a file readers reject.
  const scores = Scores.parse(built);
  const jsonPath = join(outDir, "scores.json");
  const csvPath = join(outDir, "scores.csv");
  await writeFileAtomic(jsonPath, `${JSON.stringify(scores, null, 2)}\n`);
  await writeFileAtomic(csvPath, scoresCsv(scores, options.csvDialect ?? "vi"));
  return { scores, jsonPath, csvPath };
}

/** One line for the terminal: what was written and how much needs a look. */
export function formatReportSummary(w: WrittenScores): string {
  const s = w.scores;
  const count = (sev: string) => s.flags.filter((f) => f.severity === sev).length;
  const rubric = s.rubric.id
    ? `${s.rubric.id}${s.rubric.provisional ? " (provisional)" : ""}`
    : "none matched";
  return (
    `scores: ${s.units.length} unit-years from ${s.documents.files} files; ` +
    `${count("error")} errors, ${count("warning")} warnings, ${count("info")} info; rubric ${rubric}\n` +
    `wrote ${w.jsonPath} and ${w.csvPath}\n`
  );
}

/**
 * `kehoach report`: rebuilds the scores from `<out>/documents/` without re-reading inputs. Returns
 * what was written and a summary line for stdout; the lead wires it into the CLI (and the HTML
 * report and .ics writers add their files after it).
 */
export async function runReportCommand(
  outDir: string,
  options: ReportOptions = {},
): Promise<WrittenScores & { summary: string }> {
  const written = await writeScores(outDir, options);
  return { ...written, summary: formatReportSummary(written) };
}
