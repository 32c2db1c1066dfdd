import { buildReport } from "./report/index.js";
import { type ReportOptions, runReportCommand as writeScoresAndCsv } from "./scoring/index.js";

/**
 * Everything reviewers read, rebuilt from `<out>/documents/` alone (no input is read again):
 * scores.json and scores.csv (scoring stage), then the HTML report and the deadlines calendar.
 * `kehoach report` runs it; `kehoach run` ends with it.
 */
export async function runReportCommand(
  outDir: string,
  options: ReportOptions = {},
): Promise<{ summary: string }> {
  const scores = await writeScoresAndCsv(outDir, options);
  const report = await buildReport(outDir);
  return { summary: `${scores.summary.trim()}\n${report.summary.trim()}` };
}
