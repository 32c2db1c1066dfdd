/**
 * The scoring stage's view of one output document (contract v1). It reads the JSON the batch
 * wrote, never the extractors' code, and it tolerates partial or older outputs: every fact list is
 * parsed item by item with the zod schemas of schemas/facts.ts, a malformed item is dropped and
 * counted (so one bad fact does not hide a unit's other figures), a missing list reads as [].
 */
import type { z } from "zod";
import {
  Deadline,
  DeclaredScore,
  Deduction,
  Discipline,
  DocumentKind,
  Evidence,
  Reference,
  Task,
  type Unit,
  UnitLevel,
} from "../../schemas/index.js";

/** One document of one output file, as handed to {@link buildScores}. */
export interface SourcedDocument {
  /** The input file's path (the JSON's `source.path`, e.g. "ba-to/ke-hoach-2025.pdf"). */
  source: string;
  /** Index of the document inside its file. */
  document: number;
  /** The document object as written in `documents[]`. */
  raw: unknown;
}

/** The fields the checks read; everything unknown is null or []. */
export interface ScoringDoc {
  source: string;
  document: number;
  kind: DocumentKind | null;
  number: string | null;
  issuedOn: string | null;
  /** Where the date was read (`metadataEvidence.issuedOn`), when the output keeps it. */
  issuedOnEvidence: Evidence | null;
  issuer: string | null;
  unit: Unit | null;
  year: number | null;
  title: string | null;
  references: Reference[];
  deductions: Deduction[];
  declaredScores: DeclaredScore[];
  tasks: Task[];
  deadlines: Deadline[];
  /** Disciplinary measures the document states (absent from outputs written before the fact kind: []). */
  discipline: Discipline[];
  /** The document's normalised text (for finding the province a rubric belongs to). */
  text: string;
  /** How many fact items failed their schema and were dropped. */
  dropped: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const int = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);

/** Parses each item of a list on its own; returns the valid ones and how many were dropped. */
function items<T>(schema: z.ZodType<T>, value: unknown): { ok: T[]; dropped: number } {
  if (!Array.isArray(value)) return { ok: [], dropped: 0 };
  const ok: T[] = [];
  let dropped = 0;
  for (const item of value) {
    const parsed = schema.safeParse(item);
    if (parsed.success) ok.push(parsed.data);
    else dropped++;
  }
  return { ok, dropped };
}

function unitOf(v: unknown): Unit | null {
  if (!isObj(v)) return null;
  const name = str(v.name);
  if (name === null) return null;
  const level = UnitLevel.safeParse(v.level);
  return { name, level: level.success ? level.data : null };
}

function metadataEvidence(v: unknown, field: string): Evidence | null {
  if (!isObj(v)) return null;
  const parsed = Evidence.safeParse(v[field]);
  return parsed.success ? parsed.data : null;
}

/**
 * Reads one document. Metadata may sit on the document itself (contract) or in a nested
 * `metadata` object (the extractors' intermediate shape): both are accepted.
 */
export function readScoringDoc(input: SourcedDocument): ScoringDoc {
  const d: Obj = isObj(input.raw) ? input.raw : {};
  const m: Obj = isObj(d.metadata) ? { ...d, ...d.metadata } : d;
  const kind = DocumentKind.safeParse(m.kind);
  const references = items(Reference, d.references);
  const deductions = items(Deduction, d.deductions);
  const declaredScores = items(DeclaredScore, d.declaredScores);
  const tasks = items(Task, d.tasks);
  const deadlines = items(Deadline, d.deadlines);
  const discipline = items(Discipline, d.discipline);
  return {
    source: input.source,
    document: input.document,
    kind: kind.success ? kind.data : null,
    number: str(m.number),
    issuedOn: str(m.issuedOn),
    issuedOnEvidence:
      metadataEvidence(d.metadataEvidence, "issuedOn") ?? metadataEvidence(m.evidence, "issuedOn"),
    issuer: str(m.issuer),
    unit: unitOf(m.unit),
    year: int(m.year),
    title: str(m.title),
    references: references.ok,
    deductions: deductions.ok,
    declaredScores: declaredScores.ok,
    tasks: tasks.ok,
    deadlines: deadlines.ok,
    discipline: discipline.ok,
    text: typeof d.text === "string" ? d.text : "",
    dropped:
      references.dropped +
      deductions.dropped +
      declaredScores.dropped +
      tasks.dropped +
      deadlines.dropped +
      discipline.dropped,
  };
}

/**
 * The documents of one output file (`<out>/documents/<folder>/<name>.json`). `fallbackPath` names
 * the file when its JSON lacks `source.path` (the JSON's path relative to `documents/`, minus ".json").
 */
export function documentsOfFile(fileJson: unknown, fallbackPath: string): SourcedDocument[] {
  if (!isObj(fileJson) || !Array.isArray(fileJson.documents)) return [];
  const source = (isObj(fileJson.source) ? str(fileJson.source.path) : null) ?? fallbackPath;
  return fileJson.documents.map((raw, document) => ({ source, document, raw }));
}

/** The inbox folder of a source path ("ba-to/ke-hoach.pdf" → "ba-to"); null for files at the top ("_"). */
export function folderOf(source: string): string | null {
  const parts = source.split("/");
  return parts.length > 1 && parts[0] !== "_" && parts[0] !== "" ? (parts[0] ?? null) : null;
}
