import { afterAll, describe, expect, it } from "vitest";
import { runFile } from "./helpers/run-file.js";
import {
  type Comparison,
  compareDocument,
  FIELDS,
  type ListCounts,
  loadVariants,
} from "./helpers/variants.js";

/**
 * The metadata, references and deadlines extractors on documents written for them to generalise to
 * (fixtures/variants/: other provinces, communes and agencies; BÁO CÁO, THÔNG BÁO, QUYẾT ĐỊNH,
 * công văn, HƯỚNG DẪN, NGHỊ QUYẾT; interleaved PDF headers, DOCX tab rows, flattened legal-site
 * text, drafts, and OCR-noisy copies). Each file runs through the whole pipeline in-process (text
 * backend, normaliser, document split, extractors) and is compared with its hand-written
 * `<name>.expected.json`. A per-field accuracy table is printed at the end.
 */

const variants = loadVariants();
const results: Array<{ name: string; comparison: Comparison }> = [];

describe("extractors on the variant documents", () => {
  it("has at least ten variants, three of them OCR-noisy", () => {
    expect(variants.length).toBeGreaterThanOrEqual(10);
    expect(variants.filter((v) => v.name.startsWith("ocr-")).length).toBeGreaterThanOrEqual(3);
  });

  for (const variant of variants) {
    it(`${variant.name}: ${variant.description.slice(0, 80)}…`, async () => {
      const { output } = await runFile(variant.path, { name: variant.path.replace(/^fixtures\//, "") });
      expect(output.documents.map((d) => d.kind)).toHaveLength(variant.documents.length);
      const failures: string[] = [];
      variant.documents.forEach((expected, i) => {
        const comparison = compareDocument(expected, output.documents[i]);
        results.push({ name: `${variant.name}#${i + 1}`, comparison });
        failures.push(...comparison.failures.map((f) => `document ${i + 1}: ${f}`));
      });
      expect(failures).toEqual([]);
    });
  }
});

afterAll(() => {
  if (results.length === 0) return;
  const lines = [`variant accuracy over ${results.length} document(s)`];
  for (const field of FIELDS) {
    const right = results.filter((r) => r.comparison.fields[field]).length;
    lines.push(`  ${field.padEnd(16)} ${right}/${results.length}`);
  }
  const sum = (key: "references" | "deadlines"): ListCounts =>
    results.reduce(
      (a, r) => ({
        gold: a.gold + r.comparison[key].gold,
        found: a.found + r.comparison[key].found,
        output: a.output + r.comparison[key].output,
        correct: a.correct + r.comparison[key].correct,
      }),
      { gold: 0, found: 0, output: 0, correct: 0 },
    );
  for (const key of ["references", "deadlines"] as const) {
    const c = sum(key);
    lines.push(`  ${key.padEnd(16)} recall ${c.found}/${c.gold}, precision ${c.correct}/${c.output}`);
  }
  console.log(lines.join("\n"));
});
