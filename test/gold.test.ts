import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listGoldFiles, readGoldFile } from "../pipeline/eval/evaluate.js";
import { goldForExcerpt } from "../pipeline/eval/excerpt.js";
import { FormsMap, type GoldDocument, METADATA_FIELDS } from "../pipeline/eval/gold-schema.js";
import { metadataQuote, metadataValue } from "../pipeline/eval/match-metadata.js";
import { countQuote, modernTones, numberKey, quoteKey } from "../pipeline/eval/text-keys.js";

const GOLD = "fixtures/gold";
const CORPUS = "fixtures/corpus";
const files = listGoldFiles(GOLD);

/** Every located fact of a document with its kind, for quote checks. */
function located(d: GoldDocument): Array<{ kind: string; quote: string }> {
  return [
    ...d.references.map((f) => ({ kind: "references", quote: f.quote })),
    ...d.criteria.map((f) => ({ kind: "criteria", quote: f.quote })),
    ...d.deductions.map((f) => ({ kind: "deductions", quote: f.quote })),
    ...d.declaredScores.map((f) => ({ kind: "declaredScores", quote: f.quote })),
    ...d.tasks.map((f) => ({ kind: "tasks", quote: f.quote })),
    ...d.deadlines.map((f) => ({ kind: "deadlines", quote: f.quote })),
  ];
}

/** Every string value of a gold document except quotes and notes (those are written as in the source). */
function values(x: unknown, key = ""): string[] {
  if (typeof x === "string") return key === "quote" || key === "note" ? [] : [x];
  if (Array.isArray(x)) return x.flatMap((v) => values(v, key === "notes" ? "note" : ""));
  if (x && typeof x === "object") {
    return Object.entries(x).flatMap(([k, v]) => (k === "quotes" ? [] : values(v, k)));
  }
  return [];
}

const isRealDate = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};

describe("gold annotations", () => {
  it("cover the five core documents and at least two of more/", () => {
    for (const name of ["000", "001", "002", "003", "004"]) {
      expect(files.some((f) => f.startsWith(`_/${name}_`))).toBe(true);
    }
    expect(files).toContain("more/bacninh_141-KH-UBND_2025_plan.md.json");
    expect(files).toContain("more/laichau_7360-KH-UBND_2025_plan.md.json");
    expect(readGoldFile(path.join(GOLD, "_/003_6cafff568a66f664.txt.json")).documents).toHaveLength(2);
  });

  describe.each(files)("%s", (rel) => {
    const gold = readGoldFile(path.join(GOLD, rel));
    const sourceFile = path.join(CORPUS, gold.source.path);
    const source = existsSync(sourceFile) ? readFileSync(sourceFile, "utf8") : "";
    const sourceKey = quoteKey(source);

    it("mirrors the output layout of its source file", () => {
      expect(existsSync(sourceFile)).toBe(true);
      const folder = gold.source.path.includes("/") ? path.dirname(gold.source.path) : "_";
      expect(rel).toBe(`${folder}/${path.basename(gold.source.path)}.json`);
    });

    it("quotes only text that occurs in the source, as often as the facts need", () => {
      for (const d of gold.documents) {
        for (const q of Object.values(d.quotes)) {
          expect(countQuote(sourceKey, q), `metadata quote ${q}`).toBeGreaterThan(0);
        }
        const need = new Map<string, number>();
        for (const f of located(d)) {
          const k = `${f.kind}\u0000${quoteKey(f.quote)}`;
          need.set(k, (need.get(k) ?? 0) + 1);
          expect(countQuote(sourceKey, f.quote), `${f.kind} quote ${f.quote}`).toBeGreaterThan(0);
        }
        for (const [k, n] of need) {
          const quote = k.split("\u0000")[1] as string;
          expect(countQuote(sourceKey, quote), `quote used ${n} times: ${quote}`).toBeGreaterThanOrEqual(n);
        }
      }
    });

    it("locates every scored metadata value", () => {
      for (const d of gold.documents) {
        for (const field of METADATA_FIELDS) {
          if (d.optionalFields?.includes(field) || metadataValue(d, field) === null) continue;
          expect(metadataQuote(d, field), `${field} has no quote`).toBeDefined();
        }
      }
    });

    it("writes names in NFC with modern tone placement, dates as real ISO dates", () => {
      for (const v of values(gold.documents)) {
        expect(v.normalize("NFC")).toBe(v);
        expect(modernTones(v), v).toBe(v);
      }
      for (const d of gold.documents) {
        const dates = [
          d.issuedOn,
          ...d.references.flatMap((r) => [r.issuedOn, ...(r.alsoIssuedOn ?? [])]),
          ...d.deadlines.map((x) => x.date),
        ].filter((x): x is string => x !== null);
        for (const date of dates) expect(isRealDate(date), date).toBe(true);
      }
    });

    it("keys references uniquely and gives every required task a lead", () => {
      for (const d of gold.documents) {
        const keys = d.references.map((r) => numberKey(r.number));
        expect(new Set(keys).size).toBe(keys.length);
        for (const r of d.references) expect(r.number).not.toMatch(/\s/);
        for (const t of d.tasks) if (!t.optional) expect(t.lead.length, t.text).toBeGreaterThan(0);
      }
    });

    it("agrees with itself: deductions add up to the declared assessment", () => {
      for (const d of gold.documents) {
        const lost = d.deductions.reduce((sum, x) => sum + x.points, 0);
        for (const s of d.declaredScores) {
          if (d.deductions.length > 0 && s.assessed !== null) expect(100 - lost).toBeCloseTo(s.assessed, 6);
          if (s.assessed !== null && s.extraDeduction !== null && s.final !== null) {
            expect(s.assessed - s.extraDeduction).toBeCloseTo(s.final, 6);
          }
        }
      }
    });
  });

  it("maps every forms case to a gold file, and each existing excerpt keeps some gold", () => {
    const map = FormsMap.parse(JSON.parse(readFileSync(path.join(GOLD, "forms.json"), "utf8")));
    expect(Object.keys(map).sort()).toEqual([
      "000-ba-to",
      "001-ba-vi",
      "002-nhu-quynh",
      "003-duc-pho",
      "004-pho-minh",
    ]);
    for (const [c, rel] of Object.entries(map)) {
      expect(files).toContain(rel);
      const excerpt = path.join("fixtures/forms", c, "source.txt");
      if (!existsSync(excerpt)) continue;
      const kept = goldForExcerpt(
        readGoldFile(path.join(GOLD, rel)).documents,
        readFileSync(excerpt, "utf8"),
      );
      expect(kept.length, c).toBeGreaterThan(0);
    }
  });
});
