import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { DeclaredScore } from "../schemas/index.js";
import { proseDeclaredScores } from "./declared-scores-prose.js";
import { tableDeclaredScores } from "./declared-scores-table.js";
import { defineExtractor } from "./define.js";
import { tableRows } from "./lib/table-rows.js";

/**
 * Scores a document declares: its own unit's (prose, `unit` null) and every unit's of a results
 * table (`unit` named as "xã Nghĩa Kỳ": level word lower-cased, "UBND" dropped). In text order.
 */
export function extractDeclaredScores(doc: NormalisedDocument): DeclaredScore[] {
  return [...proseDeclaredScores(doc), ...tableDeclaredScores(doc, tableRows(doc, { loose: true }))].sort(
    (a, b) => a.evidence.start - b.evidence.start,
  );
}

/** The declared-scores extractor (contract field `declaredScores`). */
export const declaredScoresExtractor = defineExtractor(
  { id: "declared-scores", fallback: (): DeclaredScore[] => [] },
  extractDeclaredScores,
);
