/**
 * Test helpers for the scoring stage: the hand-written outputs of fixtures/scoring/ (one folder per
 * unit, laid out like `<out>/documents/`), and a way to build small documents in a test with
 * evidence spans that really point into their text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type BuildScoresOptions,
  buildScores,
  documentsOfFile,
  loadBundledRubrics,
  type SourcedDocument,
} from "../pipeline/scoring/index.js";
import type { Evidence, Scores } from "../schemas/index.js";

export const FIXTURE_DIR = "fixtures/scoring";

/** Every fixture file, as `<folder>/<name>.json` paths relative to {@link FIXTURE_DIR}. */
export function fixtureFiles(): string[] {
  return readdirSync(FIXTURE_DIR)
    .sort()
    .flatMap((folder) =>
      readdirSync(join(FIXTURE_DIR, folder))
        .filter((n) => n.endsWith(".json"))
        .sort()
        .map((n) => `${folder}/${n}`),
    );
}

/** A fixture file's parsed JSON (a fresh copy each call, so tests may change it). */
export function fixtureJson(rel: string): { documents: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, rel), "utf8"));
}

/** The documents of some fixture files (all of them by default). */
export function fixtureDocs(...rels: string[]): SourcedDocument[] {
  const list = rels.length > 0 ? rels : fixtureFiles();
  return list.flatMap((rel) => documentsOfFile(fixtureJson(rel), rel.replace(/\.json$/, "")));
}

/** The documents of one parsed (possibly edited) fixture JSON. */
export function docsOf(json: unknown, path: string): SourcedDocument[] {
  return documentsOfFile(json, path);
}

/** buildScores with the bundled rubrics. */
export function score(docs: SourcedDocument[], options: BuildScoresOptions = {}): Scores {
  return buildScores(docs, { rubrics: loadBundledRubrics(), ...options });
}

/** Evidence of the first occurrence of `anchor` in `text` (page 1); throws when it is absent. */
export function ev(text: string, anchor: string): Evidence {
  const start = text.indexOf(anchor);
  if (start < 0) throw new Error(`anchor not in text: ${anchor}`);
  return { page: 1, start, end: start + anchor.length, text: anchor };
}

/** A declared score with every figure null except those given. */
export function declared(evidence: Evidence, figures: Record<string, unknown>): Record<string, unknown> {
  return {
    unit: null,
    year: null,
    selfAssessed: null,
    assessed: null,
    extraDeduction: null,
    final: null,
    rank: null,
    rankOf: null,
    classification: null,
    evidence,
    ...figures,
  };
}
