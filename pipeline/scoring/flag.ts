/**
 * What a check returns: a flag before it gets its id, and helpers to quote facts as evidence.
 * A computed value has no span of its own, so a flag's evidence is the facts it derives from.
 */
import type { Evidence, FlagKind, Rubric, ScoreEvidence, Severity } from "../../schemas/index.js";
import type { ScoreRow, UnitYear } from "./group.js";
import type { ScoringDoc } from "./input.js";

/** A flag as a check builds it; {@link buildScores} numbers them. */
export interface FlagDraft {
  unit: string | null;
  /** Grouping key of the unit (for the id); null when the flag is about no unit. */
  key: string | null;
  year: number | null;
  kind: FlagKind;
  severity: Severity;
  message: string;
  evidence: ScoreEvidence[];
  values?: Record<string, number | string | null>;
}

/** Parameters of the checks, documented in scores.json under `parameters`. */
export interface CheckOptions {
  /**
   * Self-assessment minus assessment at or above which `self_gap` fires (points). Default 5: a
   * district taking back more than a twentieth of the scale means the unit misread the rubric.
   */
  selfGapThreshold: number;
}

/** What every check sees. */
export interface CheckContext {
  units: readonly UnitYear[];
  docs: readonly ScoringDoc[];
  rubricOf: (u: UnitYear) => Rubric | null;
  options: CheckOptions;
}

/** A fact's evidence with the file and document it was read from. */
export function quote(doc: ScoringDoc, evidence: Evidence, fact: string): ScoreEvidence {
  return { source: doc.source, document: doc.document, fact, ...evidence };
}

/** The evidence of a declared-score row. */
export function rowEvidence(r: ScoreRow): ScoreEvidence {
  return quote(r.doc, r.score.evidence, "declaredScores");
}

/** A flag about a unit-year. */
export function unitFlag(u: Pick<UnitYear, "unit" | "key" | "year">, fields: DraftFields): FlagDraft {
  return { unit: u.unit, key: u.key, year: u.year, ...fields };
}

/** The same evidence once (two checks may quote one fact twice). */
export function uniqueEvidence(list: readonly ScoreEvidence[]): ScoreEvidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.source}#${e.document ?? 0}:${e.start}-${e.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A flag's own fields, before the unit it is about is attached. */
export type DraftFields = Omit<FlagDraft, "unit" | "key" | "year">;
