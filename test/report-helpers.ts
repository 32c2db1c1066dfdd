/**
 * Test helpers for the review report: the hand-made per-file outputs of fixtures/report/documents
 * (two ordinary units' documents and a hostile one), scored by the real scoring stage and turned
 * into a report in a temporary output folder.
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BuiltReport, buildReport } from "../pipeline/report/index.js";
import { writeScores } from "../pipeline/scoring/index.js";
import type { Scores } from "../schemas/index.js";

export const REPORT_FIXTURES = "fixtures/report/documents";

/** A fixed clock for the report (DTSTAMP, "Lập lúc"). */
export const FIXED_NOW = new Date("2025-06-01T03:04:05Z");

/** The hostile strings the fixture puts in a unit name, a reason, an evidence quote, a role and a file name. */
export const HOSTILE = {
  unit: `<script>window.__pwned=1</script> "Hòa" & 'Bình'`,
  reason: `Vi phạm <script>window.__pwned=1</script> & "quy chế" 'dân chủ'`,
  quote: `<img src=x onerror="window.__pwned=2">`,
  role: `Công chức <b onmouseover="window.__pwned=4">Tư pháp</b> & "Hộ tịch"`,
  source: `hostile/bao-cao <img src=x onerror="window.__pwned=3">.pdf`,
  scriptClose: `</script><script>window.__pwned=5</script>`,
} as const;

/** An output folder holding the fixtures' documents (all folders, or only those named). */
export function fixtureOut(folders?: readonly string[]): string {
  const out = mkdtempSync(join(tmpdir(), "kehoach-report-"));
  if (!folders) cpSync(REPORT_FIXTURES, join(out, "documents"), { recursive: true });
  else
    for (const f of folders) cpSync(join(REPORT_FIXTURES, f), join(out, "documents", f), { recursive: true });
  return out;
}

/** Scores and report of the fixtures, built as `kehoach report` does. */
export async function buildFixtureReport(
  folders?: readonly string[],
  now: Date = FIXED_NOW,
): Promise<{ out: string; scores: Scores; built: BuiltReport }> {
  const out = fixtureOut(folders);
  const { scores } = await writeScores(out);
  const built = await buildReport(out, { now });
  return { out, scores, built };
}

/** A valid, empty scores.json content, with `patch` applied (for small render cases). */
export function emptyScores(patch: Partial<Scores> = {}): Scores {
  return {
    schemaVersion: 1,
    rubric: { id: null, provisional: false, title: null, note: null, reason: "", scale: null, criteria: [] },
    otherRubrics: [],
    parameters: { selfGapThreshold: 5, tolerance: 0.01 },
    documents: { files: 0, documents: 0 },
    units: [],
    flags: [],
    ranking: [],
    criteriaMatrix: { columns: [], rows: [] },
    deadlines: [],
    sources: [],
    messages: [],
    ...patch,
  };
}
