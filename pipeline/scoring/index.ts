/**
 * The scoring stage: rubrics as data, recomputed scores, flags, scores.json and scores.csv.
 * See write-scores.ts for the command and build-scores.ts for the pure core.
 */
export { type BuildScoresOptions, buildScores, DEFAULT_SELF_GAP } from "./build-scores.js";
export { type CsvDialect, scoresCsv } from "./csv.js";
export { CLASS_LABELS, vnScore } from "./format.js";
export { documentsOfFile, readScoringDoc, type SourcedDocument } from "./input.js";
export { classify } from "./recompute.js";
export {
  bundledRubricDir,
  loadBundledRubrics,
  loadRubricDir,
  loadRubricFile,
  parseRubric,
  RubricError,
} from "./rubric-load.js";
export { bareUnit, unitKey } from "./unit-key.js";
export {
  formatReportSummary,
  type ReportOptions,
  readOutputDocuments,
  runReportCommand,
  writeScores,
} from "./write-scores.js";
