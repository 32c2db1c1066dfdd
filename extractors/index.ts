import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { DocumentFacts, DocumentMetadata, Message } from "../schemas/index.js";
import { criteriaExtractor } from "./criteria.js";
import { deadlinesExtractor } from "./deadlines.js";
import { declaredScoresExtractor } from "./declared-scores.js";
import { deductionsExtractor } from "./deductions.js";
import { disciplineExtractor } from "./discipline.js";
import { emptyMetadata, metadataExtractor } from "./metadata.js";
import { referencesExtractor } from "./references.js";
import { rolesExtractor } from "./roles.js";
import { targetsExtractor } from "./targets.js";
import { tasksExtractor } from "./tasks.js";

/** The fact lists, each from its own extractor (one fact kind per file, like lint rules). */
export const FACT_EXTRACTORS = {
  references: referencesExtractor,
  criteria: criteriaExtractor,
  deductions: deductionsExtractor,
  declaredScores: declaredScoresExtractor,
  tasks: tasksExtractor,
  deadlines: deadlinesExtractor,
  roles: rolesExtractor,
  targets: targetsExtractor,
  discipline: disciplineExtractor,
} as const;

/** Everything extracted from one document, ready for the contract's document shape. */
export type ExtractedDocument = Omit<DocumentMetadata, "evidence"> & {
  metadataEvidence: DocumentMetadata["evidence"];
} & DocumentFacts;

/**
 * Runs every extractor on one normalised document. An extractor that throws contributes its empty
 * fallback and an error message; the others are unaffected.
 */
export function extractAll(doc: NormalisedDocument): { facts: ExtractedDocument; messages: Message[] } {
  const messages: Message[] = [];
  const meta = metadataExtractor.run(doc);
  messages.push(...meta.messages);
  const { evidence, ...metadata } = meta.value;
  const lists = {} as DocumentFacts;
  for (const [key, extractor] of Object.entries(FACT_EXTRACTORS) as [
    keyof DocumentFacts,
    (typeof FACT_EXTRACTORS)[keyof DocumentFacts],
  ][]) {
    const run = extractor.run(doc);
    messages.push(...run.messages);
    (lists as Record<string, unknown>)[key] = run.value;
  }
  return { facts: { ...metadata, metadataEvidence: evidence, ...lists }, messages };
}

/** What a document gets when extraction did not run (the file failed or timed out after normalising). */
export function emptyExtraction(): ExtractedDocument {
  const { evidence, ...metadata } = emptyMetadata();
  const lists = Object.fromEntries(
    Object.keys(FACT_EXTRACTORS).map((k) => [k, []]),
  ) as unknown as DocumentFacts;
  return { ...metadata, metadataEvidence: evidence, ...lists };
}
