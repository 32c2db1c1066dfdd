/** The evaluation of the pipeline's output against hand-made gold (fixtures/gold/). */
export { type EvalOptions, evaluate, listGoldFiles, readGoldFile, runEvalCommand } from "./evaluate.js";
export { goldForExcerpt } from "./excerpt.js";
export * from "./gold-schema.js";
export { scoreFile } from "./match-document.js";
export { formatEvalReport } from "./report.js";
export * from "./types.js";
