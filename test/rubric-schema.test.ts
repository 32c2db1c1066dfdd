/**
 * The bundled rubrics (rubrics/*.json) against schemas/rubric.ts, and against their sources: every
 * number of the Cần Thơ rubric quotes a sentence that must really be in the decision's text, and
 * the Quảng Ngãi rubric, whose text is not public, must say which values are assumptions and leave
 * unknown maxima null.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadBundledRubrics, parseRubric, RubricError } from "../pipeline/scoring/index.js";
import { Rubric, Scores } from "../schemas/index.js";

const rubrics = loadBundledRubrics();
const byId = (id: string): Rubric => {
  const r = rubrics.find((x) => x.id === id);
  if (!r) throw new Error(`rubric ${id} not bundled`);
  return r;
};

/** Top-level “…” quotations of a source string (nested quotes stay inside). */
function quotations(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "“") {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (source[i] === "”" && depth > 0) {
      depth--;
      if (depth === 0) out.push(source.slice(start, i));
    }
  }
  return out;
}

/** Text compared without line breaks, markdown stars and quote marks. */
const flat = (s: string) =>
  s
    .replace(/[*“”"]/g, "")
    .replace(/\s+/g, " ")
    .trim();

describe("bundled rubrics", () => {
  it("ships the Quảng Ngãi and Cần Thơ rubrics, valid", () => {
    expect(rubrics.map((r) => r.id)).toEqual(["can-tho-2579-2025", "quang-ngai-1211-2022"]);
  });

  it("Cần Thơ: the numbers of QĐ 2579/QĐ-UBND", () => {
    const r = byId("can-tho-2579-2025");
    expect(r.provisional).toBe(false);
    expect(r.scale.total).toBe(100);
    expect(r.criteria.map((c) => [c.number, c.maxPoints])).toEqual([
      [1, 10],
      [2, 90],
    ]);
    expect([r.bonusCap?.max, r.deductionCap?.max]).toEqual([3, 3]);
    expect(r.classes.map((c) => [c.classification, c.min, c.max, c.noCriterionAtZero])).toEqual([
      ["HOAN_THANH_XUAT_SAC", { value: 95, inclusive: true }, null, true],
      ["HOAN_THANH_TOT", { value: 85, inclusive: true }, { value: 95, inclusive: false }, true],
      ["HOAN_THANH", { value: 75, inclusive: true }, { value: 85, inclusive: false }, false],
      ["KHONG_HOAN_THANH", null, { value: 75, inclusive: false }, false],
    ]);
    expect(r.downgrades.map((d) => d.capAt)).toEqual(["HOAN_THANH_TOT", "HOAN_THANH"]);
    expect(r.automaticFail.map((a) => a.id)).toEqual(
      expect.arrayContaining(["tham_nhung", "lanh_dao_cach_chuc", "khong_tu_danh_gia"]),
    );
  });

  it("Cần Thơ: every quoted source sentence is in the decision's text", () => {
    const corpus = flat(readFileSync("fixtures/corpus/more/cantho_2579-QD-UBND_2025_rubric.md", "utf8"));
    const r = byId("can-tho-2579-2025");
    const sources = [
      r.scale.source,
      r.years.source,
      r.bonusCap?.source,
      r.deductionCap?.source,
      ...r.criteria.map((c) => c.source),
      ...r.classes.map((c) => c.source),
      ...r.automaticFail.map((c) => c.source),
      ...r.downgrades.map((c) => c.source),
    ];
    let checked = 0;
    for (const source of sources) {
      expect(source).toBeTruthy();
      const quotes = quotations(source ?? "");
      expect(quotes.length, source ?? "").toBeGreaterThan(0);
      for (const q of quotes) {
        for (const part of q.split("…").map((p) => flat(p).replace(/^[\s,.;:]+|[\s,.;:]+$/g, ""))) {
          if (part.length < 8) continue;
          expect(corpus, part).toContain(part);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("Quảng Ngãi: provisional, says what is assumed, invents no maximum", () => {
    const r = byId("quang-ngai-1211-2022");
    expect(r.provisional).toBe(true);
    expect(r.note).toMatch(/GIẢ ĐỊNH/);
    expect(r.criteria.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(
      r.criteria.every((c) => c.maxPoints === null && c.contents.every((x) => x.maxPoints === null)),
    ).toBe(true);
    expect(r.classes.every((c) => c.assumed && c.source?.includes("GIẢ ĐỊNH"))).toBe(true);
    expect([r.bonusCap, r.deductionCap]).toEqual([null, null]);
    expect(r.extraDeductions[0]).toMatchObject({ basis: "điểm b, khoản 2, Điều 6", points: null });
    expect(r.scale.total).toBe(100);
  });

  it("Quảng Ngãi: criterion titles and the contents the corpus deducts come from the Ba Tơ plan", () => {
    const plan = flat(readFileSync("fixtures/corpus/000_e4db89253d0a1edd.txt", "utf8"));
    const r = byId("quang-ngai-1211-2022");
    for (const c of r.criteria) expect(plan).toContain(flat(c.title));
    // Section 2.2 deducts 2.1, 2.2, 3.3, 5.2, 6.2, 6.4: each is a content of the rubric.
    for (const [c, n] of [
      [2, 1],
      [2, 2],
      [3, 3],
      [5, 2],
      [6, 2],
      [6, 4],
    ] as const) {
      expect(
        r.criteria.find((x) => x.number === c)?.contents.some((x) => x.number === n),
        `${c}.${n}`,
      ).toBe(true);
    }
  });
});

describe("rubric schema", () => {
  const good = readFileSync("rubrics/can-tho-2579-2025.json", "utf8");
  type Editable = { classes: unknown[]; criteria: { number: number; maxPoints: number }[]; scale?: unknown };
  const edit = (f: (r: Editable) => void) => {
    const r = JSON.parse(good);
    f(r);
    return JSON.stringify(r);
  };

  it("rejects classes not listed best first", () => {
    const bad = edit((r) => r.classes.reverse());
    expect(() => parseRubric(bad, "x.json")).toThrow(/best first/);
  });

  it("rejects criterion maxima above the scale and duplicate criteria", () => {
    expect(() =>
      parseRubric(
        edit((r) => {
          const c = r.criteria[1];
          if (c) c.maxPoints = 95;
        }),
        "x.json",
      ),
    ).toThrow(/sum to 105/);
    expect(() =>
      parseRubric(
        edit((r) => {
          const c = r.criteria[1];
          if (c) c.number = 1;
        }),
        "x.json",
      ),
    ).toThrow(/unique/);
  });

  it("names the file and the field in errors", () => {
    expect(() =>
      parseRubric(
        edit((r) => delete r.scale),
        "mine.json",
      ),
    ).toThrow(RubricError);
    expect(() =>
      parseRubric(
        edit((r) => delete r.scale),
        "mine.json",
      ),
    ).toThrow(/mine\.json: .*scale/);
    expect(() => parseRubric("{", "broken.json")).toThrow(/broken\.json: not JSON/);
  });
});

describe("JSON Schema export", () => {
  it("converts the rubric and scores schemas (for schemas/json/)", () => {
    const rubric = z.toJSONSchema(Rubric, { target: "draft-2020-12", io: "output" }) as {
      required?: string[];
    };
    const scores = z.toJSONSchema(Scores, { target: "draft-2020-12", io: "output" }) as {
      required?: string[];
    };
    expect(rubric.required).toContain("classes");
    expect(scores.required).toEqual(expect.arrayContaining(["schemaVersion", "rubric", "units", "flags"]));
  });
});
