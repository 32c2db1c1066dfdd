import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { brokenSyllableShare, homoglyphWords, legacyFontShare } from "../pipeline/text/quality.js";
import { buildRawText } from "../pipeline/text/raw-text.js";

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");

function noiseSample(id: string): string {
  const all = corpus("more/noise_samples.txt");
  const start = all.indexOf(`##### ${id} `);
  const body = all.indexOf("-----\n", start) + "-----\n".length;
  const end = all.indexOf("\n#####", body);
  return all.slice(body, end === -1 ? undefined : end);
}

/** The national motto and a line of text as a TCVN3 font extracts them (bytes read as Latin-1). */
const TCVN3 =
  "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nKÕ ho¹ch thùc hiÖn quy chÕ d©n chñ ë c¬ së";

describe("normaliseFile", () => {
  it("splits 003 into two documents and says so", () => {
    const { documents, notes } = normaliseFile(
      buildRawText([{ page: 1, text: corpus("003_6cafff568a66f664.txt") }]),
    );
    expect(documents).toHaveLength(2);
    expect(notes).toContain(
      'split into 2 documents: "ỦY BAN NHÂN DÂN" (page 1), "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" (page 1)',
    );
    expect(notes).toContain("removed 3 digital-signature residue line(s)");
  });

  it("gives one document and no warning for a clean plan", () => {
    const { documents, notes } = normaliseFile(
      buildRawText([{ page: 1, text: corpus("000_e4db89253d0a1edd.txt") }]),
    );
    expect(documents).toHaveLength(1);
    expect(notes).toEqual([]);
  });

  it("flags legacy-font text on the page where it is", () => {
    const raw = buildRawText([
      { page: 1, text: corpus("001_588ab9feba8899da.txt").slice(0, 2000) },
      { page: 2, text: TCVN3 },
    ]);
    const { notes } = normaliseFile(raw);
    expect(notes.filter((n) => n.startsWith("legacy font"))).toEqual([
      expect.stringMatching(/^legacy font text detected on page 2: \d+% of letters/),
    ]);
  });

  it("flags letters dropped by a legacy font (20b) and look-alike letters (20d)", () => {
    const { notes } = normaliseFile(
      buildRawText([
        { page: 1, text: noiseSample("20b") },
        { page: 2, text: noiseSample("20d") },
      ]),
    );
    expect(notes.some((n) => /^damaged text on page 1: \d+% of words/.test(n))).toBe(true);
    expect(notes.some((n) => /^look-alike letters .* on page 2$/.test(n))).toBe(true);
  });

  it("reports split syllables it rejoined", () => {
    const { notes } = normaliseFile(buildRawText([{ page: 1, text: noiseSample("20c") }]));
    expect(notes.some((n) => /^rejoined \d+ syllable\(s\)/.test(n))).toBe(true);
  });

  it("carries OCR confidence into the document's page spans", () => {
    const raw = buildRawText([
      { page: 1, text: "KẾ HOẠCH\nThực hiện công tác dân vận", confidence: 0.91 },
      { page: 2, text: "Nơi nhận:\n- Lưu: VT.", confidence: 0.8 },
    ]);
    const [doc] = normaliseFile(raw).documents;
    expect(doc?.text).toBe("KẾ HOẠCH\nThực hiện công tác dân vận\n\nNơi nhận:\n- Lưu: VT.");
    expect(doc?.pages).toEqual([
      { page: 1, start: 0, end: 37, ocrConfidence: 0.91 },
      { page: 2, start: 37, end: doc?.text.length, ocrConfidence: 0.8 },
    ]);
    expect(doc?.text.slice(37)).toBe("Nơi nhận:\n- Lưu: VT.");
  });

  it("gives no document and a note for a file without text", () => {
    const { documents, notes } = normaliseFile(buildRawText([{ page: 1, text: "  \n\n" }]));
    expect(documents).toEqual([]);
    expect(notes).toContain("no text left after normalisation");
  });
});

describe("text quality measures", () => {
  it("separates legacy-font text from real Vietnamese", () => {
    expect(legacyFontShare(TCVN3)).toBeGreaterThan(0.1);
    expect(legacyFontShare(corpus("002_90d18914c045a6d4.txt"))).toBe(0);
  });

  it("separates damaged text from real Vietnamese", () => {
    expect(brokenSyllableShare(noiseSample("20b")).share).toBeGreaterThan(0.3);
    for (const name of ["000_e4db89253d0a1edd.txt", "002_90d18914c045a6d4.txt", "004_bde61b360d837a63.txt"]) {
      expect(brokenSyllableShare(corpus(name)).share).toBeLessThan(0.05);
    }
  });

  it("counts words mixing scripts, and none in real text", () => {
    expect(homoglyphWords(noiseSample("20d"))).toBeGreaterThan(10);
    expect(homoglyphWords(corpus("003_6cafff568a66f664.txt"))).toBe(0);
  });
});
