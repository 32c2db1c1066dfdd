import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFile } from "./helpers/run-file.js";

/**
 * Golden tests: each input's extracted facts against a reviewed expected file. After a deliberate
 * change, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`, then read the diff
 * before committing it: the diff is the review.
 */
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const DIR = "fixtures/golden";
const inputs = [
  "fixtures/corpus/000_e4db89253d0a1edd.txt",
  "fixtures/corpus/001_588ab9feba8899da.txt",
  "fixtures/corpus/002_90d18914c045a6d4.txt",
  "fixtures/corpus/003_6cafff568a66f664.txt",
  "fixtures/corpus/004_bde61b360d837a63.txt",
  "fixtures/corpus/more/bacninh_141-KH-UBND_2025_plan.md",
  "fixtures/corpus/more/laichau_7360-KH-UBND_2025_plan.md",
  "fixtures/corpus/more/ocr_garbled_excerpt.txt",
  "fixtures/results-decision/qd-ket-qua.txt",
];

describe("golden outputs", () => {
  it("the regenerate flag is off in CI", () => {
    if (process.env.CI) expect(UPDATE).toBe(false);
    else expect(typeof UPDATE).toBe("boolean");
  });

  it.each(inputs)("%s", async (input) => {
    const { output } = await runFile(input, { name: input });
    // Facts only: the text itself is covered by the normalisation tests, and would drown the diff.
    const facts = {
      status: output.status,
      messages: output.messages,
      documents: output.documents.map(({ text, pages, ...rest }) => ({ chars: text.length, pages, ...rest })),
    };
    const file = join(DIR, `${basename(input)}.json`);
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE) throw new Error(`no golden file ${file}: run with UPDATE_GOLDEN=1 and review it`);
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, `${JSON.stringify(facts, null, 2)}\n`);
    }
    expect(facts).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });
});
