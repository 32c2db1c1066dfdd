import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Message } from "../schemas/index.js";

/** The result of running one extractor on one document. */
export interface ExtractorRun<T> {
  value: T;
  messages: Message[];
}

/** A fact extractor: a pure function of the normalised document, named by `id` (like a lint rule). */
export interface Extractor<T> {
  id: string;
  /** Runs the extractor; a throw becomes an error message and the `fallback` value, never a crash. */
  run(doc: NormalisedDocument): ExtractorRun<T>;
  /** The bare function, for tests and for extractors that build on another one. */
  extract(doc: NormalisedDocument): T;
}

/**
 * Defines an extractor. Extractors do no I/O and keep no state between documents; they match on
 * `doc.folded` and report values from `doc.text` at the same offsets.
 */
export function defineExtractor<T>(
  meta: { id: string; fallback: () => T },
  extract: (doc: NormalisedDocument) => T,
): Extractor<T> {
  return {
    id: meta.id,
    extract,
    run(doc) {
      try {
        return { value: extract(doc), messages: [] };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return {
          value: meta.fallback(),
          messages: [
            { severity: "error", stage: "extract", rule: meta.id, reason: `extractor failed: ${reason}` },
          ],
        };
      }
    },
  };
}
