import { z } from "zod";
import { Evidence } from "./evidence.js";
import { Classification, UnitLevel } from "./facts.js";
import { Severity } from "./message.js";

/**
 * `<out>/scores.json` (contract v1, scoring stage). Built from the per-file outputs alone, and
 * complete enough that the review report (HTML, .ics) needs nothing else: every flag quotes the
 * evidence of both sides, every unit lists the files it was read from.
 */

/** Which check fired (see contract.md). */
export const FlagKind = z.enum([
  "arithmetic",
  "classification",
  "discipline_cap",
  "self_gap",
  "rank",
  "over_max",
  "remediation",
  "past_deadline",
]);
export type FlagKind = z.infer<typeof FlagKind>;

/**
 * A fact's evidence plus where it was read: `source` is the input file's path (as in its JSON's
 * `source.path`), `document` the index of the document inside that file (a file may hold two),
 * `fact` what the quoted span is ("declaredScores", "deductions", "tasks", "deadlines" …).
 */
export const ScoreEvidence = Evidence.extend({
  source: z.string(),
  document: z.number().int().nonnegative().optional(),
  fact: z.string().optional(),
});
export type ScoreEvidence = z.infer<typeof ScoreEvidence>;

/**
 * One finding. A computed value has no span of its own, so `evidence` lists the facts it derives
 * from (both sides of a mismatch). `values` holds the numbers the message quotes, for sorting and
 * filtering without parsing Vietnamese text.
 */
export const ScoreFlag = z.object({
  /** Stable within one build: kind, unit key, year and a counter. */
  id: z.string(),
  unit: z.string().nullable(),
  /** The unit's grouping key (as in `units[].key`), to join flags to units. */
  key: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: FlagKind,
  severity: Severity,
  /** For reviewers, in Vietnamese, numbers with decimal commas. */
  message: z.string(),
  evidence: z.array(ScoreEvidence),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional(),
});
export type ScoreFlag = z.infer<typeof ScoreFlag>;

/** The figures the documents declare for one unit and year (first document that gives each one). */
export const DeclaredFigures = z.object({
  selfAssessed: z.number().nullable(),
  assessed: z.number().nullable(),
  extraDeduction: z.number().nullable(),
  bonus: z.number().nullable(),
  final: z.number().nullable(),
  rank: z.number().int().nullable(),
  rankOf: z.number().int().nullable(),
  classification: Classification.nullable(),
});
export type DeclaredFigures = z.infer<typeof DeclaredFigures>;

/**
 * How the computed score was obtained: `deductions` = scale − Σ deductions + bonus − extra
 * deduction; `declared_assessed` = the declared assessed score − extra deduction (no deduction
 * list, or no scale); null = nothing to compute from.
 */
export const ComputedBasis = z.enum(["deductions", "declared_assessed"]);
export type ComputedBasis = z.infer<typeof ComputedBasis>;

export const ComputedFigures = z.object({
  score: z.number().nullable(),
  classification: Classification.nullable(),
  basis: ComputedBasis.nullable(),
  /** The rubric's scale used (null without a rubric). */
  scale: z.number().nullable(),
  /** Σ of the criterion deductions read for this unit and year (null when none were read). */
  deductionTotal: z.number().nullable(),
  /** Whether some criterion is at 0 (its maximum fully deducted); null when the maxima are unknown. */
  criterionAtZero: z.boolean().nullable(),
  /**
   * Ids of the rubric's discipline rules (downgrades, automatic fail) that lowered `classification`
   * below what the score earns, because the unit's documents state a matching discipline; absent
   * when none did.
   */
  cappedBy: z.array(z.string()).optional(),
});
export type ComputedFigures = z.infer<typeof ComputedFigures>;

/** One unit and assessed year. `unit` is the bare name ("Nghĩa Kỳ"), `key` its folded grouping key. */
export const ScoreUnit = z.object({
  unit: z.string(),
  key: z.string(),
  level: UnitLevel.nullable(),
  year: z.number().int().nullable(),
  /** Id of the rubric applied to this unit and year; null when none matched. */
  rubric: z.string().nullable(),
  declared: DeclaredFigures,
  computed: ComputedFigures,
  /** Points lost per criterion number ("unassigned" for deductions without one). */
  deductionsByCriterion: z.record(z.string(), z.number()),
  /** Input files that speak about this unit and year. */
  sources: z.array(z.string()),
  flagCounts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
});
export type ScoreUnit = z.infer<typeof ScoreUnit>;

/** Ranking across units of one year, by score (declared final, else computed), ties sharing a place. */
export const RankingEntry = z.object({
  year: z.number().int().nullable(),
  position: z.number().int().positive(),
  unit: z.string(),
  key: z.string(),
  score: z.number(),
  declaredRank: z.number().int().nullable(),
});
export type RankingEntry = z.infer<typeof RankingEntry>;

/** Units × criteria: points lost. Columns are the rubric's criteria plus any other criterion deducted. */
export const CriteriaMatrix = z.object({
  columns: z.array(
    z.object({ criterion: z.string(), title: z.string().nullable(), maxPoints: z.number().nullable() }),
  ),
  rows: z.array(
    z.object({
      unit: z.string(),
      key: z.string(),
      year: z.number().int().nullable(),
      lost: z.record(z.string(), z.number()),
      total: z.number(),
    }),
  ),
});
export type CriteriaMatrix = z.infer<typeof CriteriaMatrix>;

/**
 * One deadline of one document, with the task and the roles that carry it: what the report's
 * per-role lists and the .ics calendar are built from. `pastAtIssue`: the date had passed on the
 * document's issue date (null when either date is unknown or the deadline has no fixed end).
 */
export const ScoreDeadline = z.object({
  unit: z.string().nullable(),
  key: z.string().nullable(),
  year: z.number().int().nullable(),
  source: z.string(),
  document: z.number().int().nonnegative(),
  task: z.string().nullable(),
  criterion: z.object({ framework: z.string(), number: z.number().int().nullable() }).nullable(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  deadline: z.object({ text: z.string(), kind: z.string(), date: z.string().nullable() }),
  pastAtIssue: z.boolean().nullable(),
  evidence: z.array(ScoreEvidence),
});
export type ScoreDeadline = z.infer<typeof ScoreDeadline>;

/** One document the scores were built from (what a report lists as its sources). */
export const ScoreSource = z.object({
  source: z.string(),
  document: z.number().int().nonnegative(),
  kind: z.string().nullable(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  title: z.string().nullable(),
});
export type ScoreSource = z.infer<typeof ScoreSource>;

/** The rubric applied, in short (enough for a report's headers). `id` null: no rubric matched. */
export const ScoresRubric = z.object({
  id: z.string().nullable(),
  provisional: z.boolean(),
  title: z.string().nullable(),
  note: z.string().nullable(),
  /** Why this rubric: "--rubric", or which documents' province/legal basis chose it. */
  reason: z.string(),
  scale: z.number().nullable(),
  criteria: z.array(
    z.object({ number: z.number().int(), title: z.string(), maxPoints: z.number().nullable() }),
  ),
});
export type ScoresRubric = z.infer<typeof ScoresRubric>;

/** `<out>/scores.json`. */
export const Scores = z.object({
  schemaVersion: z.literal(1),
  rubric: ScoresRubric,
  /** Every other rubric some unit was scored with (when units of several provinces share a batch). */
  otherRubrics: z.array(z.object({ id: z.string(), provisional: z.boolean(), title: z.string() })),
  /** The check parameters used, so a reader knows what "far above" meant. */
  parameters: z.object({ selfGapThreshold: z.number(), tolerance: z.number() }),
  documents: z.object({ files: z.number().int(), documents: z.number().int() }),
  units: z.array(ScoreUnit),
  flags: z.array(ScoreFlag),
  ranking: z.array(RankingEntry),
  criteriaMatrix: CriteriaMatrix,
  /** Every task deadline and every other deadline of the documents, by date (undated last). */
  deadlines: z.array(ScoreDeadline),
  /** The documents read, in path order. */
  sources: z.array(ScoreSource),
  /** What the stage could not do, and why (skipped checks, unreadable files). */
  messages: z.array(z.object({ severity: Severity, reason: z.string(), source: z.string().optional() })),
});
export type Scores = z.infer<typeof Scores>;
