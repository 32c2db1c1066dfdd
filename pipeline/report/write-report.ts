/**
 * The report stage's I/O: `<out>/report/index.html` and `<out>/deadlines.ics`, both rebuilt from
 * `<out>/scores.json` and `<out>/documents/` alone (never the inputs), written atomically.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Scores } from "../../schemas/index.js";
import { writeFileAtomic } from "../batch/atomic-write.js";
import type { SourcedDocument } from "../scoring/input.js";
import { readOutputDocuments } from "../scoring/write-scores.js";
import { roleDeadlines } from "./deadlines.js";
import { calendarEvents, deadlinesIcs } from "./ics.js";
import { documentTexts, type RenderOptions, renderReport } from "./render.js";

/** Writes `<out>/report/index.html`; returns its path. */
export async function writeReport(
  outDir: string,
  scores: Scores,
  documents: readonly SourcedDocument[],
  options: RenderOptions = {},
): Promise<string> {
  const path = join(outDir, "report", "index.html");
  await writeFileAtomic(path, renderReport(scores, documents, options));
  return path;
}

/** Writes `<out>/deadlines.ics`; returns its path and the number of events. */
export async function writeDeadlinesCalendar(
  outDir: string,
  scores: Scores,
  documents: readonly SourcedDocument[],
  options: RenderOptions = {},
): Promise<{ path: string; events: number }> {
  const lists = roleDeadlines(scores, documentTexts(documents));
  const path = join(outDir, "deadlines.ics");
  await writeFileAtomic(path, deadlinesIcs(lists, options));
  return { path, events: calendarEvents(lists).length };
}

/** What {@link buildReport} wrote. */
export interface BuiltReport {
  htmlPath: string;
  icsPath: string;
  events: number;
  /** One line for the terminal. */
  summary: string;
}

/**
 * Reads `<out>/scores.json` (validated against the contract) and `<out>/documents/**.json`, and
 * writes the HTML report and the calendar. Call it after the scores are written
 * (`kehoach report`, end of `kehoach run`).
 */
export async function buildReport(outDir: string, options: RenderOptions = {}): Promise<BuiltReport> {
  const scoresPath = join(outDir, "scores.json");
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(scoresPath, "utf8"));
  } catch (err) {
    throw new Error(
      `cannot read ${scoresPath} (${err instanceof Error ? err.message : String(err)}): build the scores first`,
    );
  }
  const parsed = Scores.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${scoresPath} does not match the scores schema: ${parsed.error.issues[0]?.message ?? ""}`,
    );
  }
  const { documents } = await readOutputDocuments(outDir);
  const now = options.now ?? new Date();
  const htmlPath = await writeReport(outDir, parsed.data, documents, { now });
  const { path: icsPath, events } = await writeDeadlinesCalendar(outDir, parsed.data, documents, { now });
  return {
    htmlPath,
    icsPath,
    events,
    summary: `wrote ${htmlPath} and ${icsPath} (${events} calendar events)\n`,
  };
}
