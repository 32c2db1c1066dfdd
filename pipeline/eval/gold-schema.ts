import { z } from "zod";
import {
  DeadlineKind,
  DeclaredScore,
  Deduction,
  DocumentKind,
  Framework,
  ReferenceKind,
  Signer,
  Unit,
} from "../../schemas/index.js";

/**
 * Hand-made gold annotations (fixtures/gold/). Each gold fact has the contract's fields (schemas/facts.ts)
 * without evidence; instead it carries `quote`, a short exact snippet of the source text that locates
 * it (offsets would depend on normalisation). `optional: true` marks a judgement call: an output fact
 * that matches it is neither a hit nor a false hit, and missing it is no miss.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ISO date YYYY-MM-DD");

const Located = {
  /** A short snippet as written in the source (compared whitespace-free, NFC, modern tone placement). */
  quote: z.string().min(3),
  /** A judgement call: matching it is neutral, missing it is no miss. */
  optional: z.boolean().optional(),
  /** Why the annotator decided as they did, for ambiguous cases. */
  note: z.string().optional(),
};

/** A cited document (Quyết định, Kết luận, Chỉ thị …) with a number/symbol, once per document. */
export const GoldReference = z.object({
  kind: ReferenceKind,
  /** As written, without internal spaces ("120-KL/TW", "1211/QĐ-UBND"). */
  number: z.string().min(1),
  /** The date written next to it; null when none is written (then any output date is accepted). */
  issuedOn: IsoDate.nullable(),
  /** Other dates the same document cites it with (a source inconsistency): any of them is accepted. */
  alsoIssuedOn: z.array(IsoDate).optional(),
  issuer: z.string().nullable().optional(),
  ...Located,
});
export type GoldReference = z.infer<typeof GoldReference>;

/** A DVCQ criterion or PAPI dimension the document names. */
export const GoldCriterion = z.object({
  framework: Framework,
  number: z.number().int(),
  sub: z.number().int().nullable().optional(),
  title: z.string().nullable(),
  ...Located,
});
export type GoldCriterion = z.infer<typeof GoldCriterion>;

/** Points a unit lost on one tiêu chí / nội dung ("Bị trừ 3,00 điểm"). */
export const GoldDeduction = Deduction.omit({ evidence: true }).extend(Located);
export type GoldDeduction = z.infer<typeof GoldDeduction>;

/** Scores a document declares for a unit and year (self-assessed, assessed, final, rank, class). */
export const GoldDeclaredScore = DeclaredScore.omit({ evidence: true }).extend(Located);
export type GoldDeclaredScore = z.infer<typeof GoldDeclaredScore>;

/** A unit of work assigned to explicit lead roles (one per role block). */
export const GoldTask = z.object({
  /** The task's text as written (all items the role block applies to), markdown and numbering left out. */
  text: z.string().min(3),
  criterion: z.object({ framework: Framework, number: z.number().int().nullable() }).nullable().optional(),
  /** Lead roles in canonical form ("Công chức Văn phòng – Thống kê"). */
  lead: z.array(z.string().min(1)),
  /** Leads the text also names but that a reader may fairly leave out: neutral either way. */
  leadOptional: z.array(z.string().min(1)).optional(),
  support: z.array(z.string()).optional(),
  ...Located,
});
export type GoldTask = z.infer<typeof GoldTask>;

/** One written deadline phrase; `date` is the last day it allows, when the text gives one. */
export const GoldDeadline = z.object({
  text: z.string().min(1),
  kind: DeadlineKind,
  date: IsoDate.nullable(),
  ...Located,
});
export type GoldDeadline = z.infer<typeof GoldDeadline>;

/** Metadata fields scored one fact each; `unit` and `signer` count per sub-field. */
export const METADATA_FIELDS = [
  "kind",
  "number",
  "issuedOn",
  "place",
  "issuer",
  "unit.name",
  "unit.level",
  "title",
  "year",
  "signer.name",
  "signer.position",
  "signer.capacity",
] as const;
/** One scored metadata field. */
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** One document of a gold file: contract metadata and fact lists, each located by quotes. */
export const GoldDocument = z.object({
  kind: DocumentKind,
  number: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  place: z.string().nullable(),
  issuer: z.string().nullable(),
  unit: Unit.nullable(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  signer: Signer.nullable(),
  recipients: z.array(z.string()),
  /**
   * Where each metadata field is read, keyed by field ("number", "signer", or a sub-field such as
   * "signer.position"); a field with a value must have one. "recipients" locates the list.
   */
  quotes: z.record(z.string(), z.string().min(3)),
  /** Metadata fields left unscored (ambiguous: a multi-year plan's `year`). */
  optionalFields: z.array(z.enum(METADATA_FIELDS)).optional(),
  references: z.array(GoldReference),
  criteria: z.array(GoldCriterion),
  deductions: z.array(GoldDeduction),
  declaredScores: z.array(GoldDeclaredScore),
  tasks: z.array(GoldTask),
  deadlines: z.array(GoldDeadline),
  notes: z.array(z.string()).optional(),
});
export type GoldDocument = z.infer<typeof GoldDocument>;

/** One gold file: fixtures/gold/<folder>/<name>.json for the input `<inbox>/<folder>/<name>`. */
export const GoldFile = z.object({
  /** The input's path relative to the corpus inbox (fixtures/corpus), "/" separators. */
  source: z.object({ path: z.string().min(1) }),
  documents: z.array(GoldDocument).min(1),
  notes: z.array(z.string()).optional(),
});
export type GoldFile = z.infer<typeof GoldFile>;

/** fixtures/gold/forms.json: rendered-excerpt case (fixtures/forms/<case>/) → its corpus gold file. */
export const FormsMap = z.record(z.string(), z.string());
export type FormsMap = z.infer<typeof FormsMap>;
