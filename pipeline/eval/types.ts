/**
 * Types of the evaluation report. Counts keep the gold side and the output side apart, because a
 * gold fact and an output fact need not pair one to one (a task written as one block may come out as
 * three tasks): recall = found / gold, precision = correct / output.
 */

/** The fact kinds the report scores, in report order. */
export const FACT_KINDS = [
  "metadata",
  "recipients",
  "references",
  "criteria",
  "deductions",
  "declaredScores",
  "taskLeads",
  "deadlines",
  "deadlinesUndated",
] as const;
/** One scored fact kind. */
export type FactKind = (typeof FACT_KINDS)[number];

/** Human labels of the fact kinds, for the printed report. */
export const FACT_KIND_LABELS: Record<FactKind, string> = {
  metadata: "metadata fields",
  recipients: "recipients",
  references: "references",
  criteria: "criteria",
  deductions: "deductions",
  declaredScores: "declared scores",
  taskLeads: "task lead roles",
  deadlines: "deadlines (dated)",
  deadlinesUndated: "deadlines (undated, info)",
};

/** Tallies of one fact kind. Neutral outputs (matching an optional gold fact) are in neither side. */
export interface Counts {
  /** Gold facts scored. */
  gold: number;
  /** Gold facts the output has. */
  found: number;
  /** Output facts scored. */
  output: number;
  /** Output facts that agree with the gold. */
  correct: number;
}

/** Precision, recall and F1 of one kind; null where undefined (nothing to score on that side). */
export interface Score extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** The result of matching one fact kind of one document. */
export interface KindResult {
  counts: Counts;
  /** Gold facts the output lacks (or has wrong), each described for a reader. */
  misses: string[];
  /** Output facts the gold does not support. */
  falseHits: string[];
}

/** One document's scores: aligned gold and output documents (either may be absent). */
export interface DocumentScore {
  /** Index of the gold document in its file, or null for an output document with no gold. */
  goldIndex: number | null;
  outputIndex: number | null;
  label: string;
  kinds: Record<FactKind, KindResult>;
  /** Deadline kinds that agree among dated deadlines matched by date. */
  deadlineKinds: { agree: number; total: number };
}

/** One evaluated output file. */
export interface FileScore {
  /** Gold file path relative to the gold directory. */
  gold: string;
  /** Output file path relative to the output directory. */
  output: string;
  /** The rendered-excerpt case, in forms mode. */
  case?: string;
  missingOutput: boolean;
  documents: DocumentScore[];
}

/** The whole evaluation. */
export interface EvalReport {
  mode: "corpus" | "forms";
  goldDir: string;
  outDir: string;
  kinds: Record<FactKind, Score>;
  deadlineKinds: { agree: number; total: number };
  files: FileScore[];
  /** Cases or gold files that could not be evaluated, and why. */
  notes: string[];
}
