import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import { compose, isValidMap, OffsetMapBuilder, rewrite, runPasses } from "../pipeline/text/offset-map.js";
import { buildRawText } from "../pipeline/text/raw-text.js";

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");

describe("OffsetMapBuilder", () => {
  it("maps kept, deleted, inserted and replaced characters back to the source", () => {
    const b = new OffsetMapBuilder("ab**cd");
    b.keep(2).delete(2).insert("-").replace(1, "C").keep(1);
    const { text, map } = b.finish();
    expect(text).toBe("ab-Cd");
    // a b (kept) "-" (inserted: next source char, "c" at 4) C (replaces "c") d, end = source length
    expect([...map]).toEqual([0, 1, 4, 4, 5, 6]);
  });

  it("maps a longer span replaced by one character (NFC composition) to the span's start", () => {
    const source = "to\u0302\u0301t"; // "tốt" decomposed
    const { text, map } = rewrite(source, /\P{M}\p{M}+/gu, (m) => m[0].normalize("NFC"));
    expect(text).toBe("tốt");
    expect([...map]).toEqual([0, 1, 4, 5]);
    expect(source.slice(map[1], map[2])).toBe("o\u0302\u0301");
  });

  it("refuses an edit past the end of the source", () => {
    expect(() => new OffsetMapBuilder("ab").keep(3)).toThrow(RangeError);
  });

  it("keeps map[i] pointing at the same character for any edit script (property)", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("keep" as const), n: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant("delete" as const), n: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant("insert" as const), s: fc.string({ maxLength: 3 }) }),
      fc.record({ kind: fc.constant("replace" as const), n: fc.integer({ min: 0, max: 4 }), s: fc.string() }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(op, { maxLength: 20 }), (source, ops) => {
        const b = new OffsetMapBuilder(source);
        const kept: number[] = []; // output indices of kept characters
        let out = 0;
        for (const o of ops) {
          const room = source.length - b.position;
          if (o.kind === "keep") {
            const n = Math.min(o.n, room);
            for (let k = 0; k < n; k++) kept.push(out + k);
            b.keep(n);
            out += n;
          } else if (o.kind === "delete") b.delete(Math.min(o.n, room));
          else if (o.kind === "insert") {
            b.insert(o.s);
            out += o.s.length;
          } else {
            b.replace(Math.min(o.n, room), o.s);
            out += o.s.length;
          }
        }
        const restStart = out;
        const { text, map } = b.finish();
        for (let k = restStart; k < text.length; k++) kept.push(k);
        expect(isValidMap(map, text.length, source.length)).toBe(true);
        for (const i of kept) expect(source[map[i] as number]).toBe(text[i]);
      }),
    );
  });
});

describe("compose", () => {
  it("chains two passes into one map back to the original", () => {
    const raw = "**Hoà** bình";
    const noStars = (t: string) => rewrite(t, /\*+/g, () => "");
    const upper = (t: string) => rewrite(t, /b/g, () => "B");
    const first = noStars(raw);
    const second = upper(first.text);
    const map = compose(first.map, second.map);
    expect(second.text).toBe("Hoà Bình");
    expect(raw.slice(map[4], map[8])).toBe("bình");
    expect([...map]).toEqual([...runPasses(raw, [noStars, upper]).map]);
  });
});

/*
 * The offset-map invariant, property-tested on real text.
 *
 * For a normalised text T = normaliseVi(R).text with map M, and any slice [s, e) of T that starts
 * at the start of a whitespace-delimited token and ends at the end of a token, we check
 *
 *     collapse(normaliseVi(R.slice(M[s], M[e])).text) === collapse(T.slice(s, e))
 *
 * where collapse turns every whitespace run into one space and trims. What this proves:
 * - the map is monotone with M.length === T.length + 1 and M[T.length] === R.length (checked too);
 * - R.slice(M[s], M[e]) is the source of the slice: it holds every raw character the slice came
 *   from (a word's decomposed marks, its tone mark, a rejoined split syllable) and nothing that
 *   survives normalisation outside the slice, so evidence text and raw spans agree;
 * - residue deleted between or after tokens (Markdown "**", HTML tags, signature stamps, ISO time
 *   stamps) falls inside the raw span and is deleted again: it cannot leak into evidence.
 * Why whitespace is collapsed: line joins depend on context outside the slice (a page's typical
 * line width), so a slice may come out with "\n" where the whole text has " "; words, letters,
 * punctuation and their order may not differ. Token boundaries are the right grain: evidence spans
 * are made of words, and a normalised character inside a merged unit (one NFC letter from three
 * raw code points) has no finer source.
 */
const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

function tokenBounds(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    const here = i < text.length && !/\s/.test(text[i] as string);
    const before = i > 0 && !/\s/.test(text[i - 1] as string);
    if (here && !before) starts.push(i);
    if (before && !here) ends.push(i);
  }
  return { starts, ends };
}

function pagedFixture(name: string, linesPerPage: number): string {
  const lines = corpus(name).split("\n");
  const pages = [];
  for (let i = 0; i < lines.length; i += linesPerPage) {
    pages.push({ page: pages.length + 1, text: lines.slice(i, i + linesPerPage).join("\n") });
  }
  return buildRawText(pages).text;
}

const RAW_TEXTS: [string, () => string][] = [
  ["000 (markdown emphasis)", () => corpus("000_e4db89253d0a1edd.txt")],
  ["001", () => corpus("001_588ab9feba8899da.txt")],
  ["002 (HTML in table cells)", () => corpus("002_90d18914c045a6d4.txt")],
  ["003 (stamp block, two documents)", () => corpus("003_6cafff568a66f664.txt")],
  ["004 (hard-wrapped, ISO stamps)", () => corpus("004_bde61b360d837a63.txt")],
  ["noise samples (split syllables, ƣ, homoglyphs)", () => corpus("more/noise_samples.txt")],
  ["bacninh (markdown, wrapped)", () => corpus("more/bacninh_141-KH-UBND_2025_plan.md")],
  ["001 in NFD", () => corpus("001_588ab9feba8899da.txt").normalize("NFD")],
  ["004 on 6 pages (form feeds)", () => pagedFixture("004_bde61b360d837a63.txt", 70)],
];

describe("normaliseVi offset map on the corpus", () => {
  it.each(RAW_TEXTS)("%s: every token slice maps back to its raw source", (_name, load) => {
    const raw = load();
    const { text, map } = normaliseVi(raw);
    expect(isValidMap(map, text.length, raw.length)).toBe(true);
    const { starts, ends } = tokenBounds(text);
    expect(starts.length).toBe(ends.length);
    fc.assert(
      fc.property(fc.nat({ max: starts.length - 1 }), fc.integer({ min: 1, max: 60 }), (first, count) => {
        const s = starts[first] as number;
        // End at a line end: rules that read a whole line (a lone page number at a page edge) see
        // the same line in the slice as in the whole text. Starts stay at any token.
        const tokenEnd = ends[Math.min(first + count - 1, ends.length - 1)] as number;
        const lineEnd = text.indexOf("\n", tokenEnd);
        const e = lineEnd === -1 ? text.length : lineEnd;
        const source = raw.slice(map[s], map[e]);
        expect(collapse(normaliseVi(source).text)).toBe(collapse(text.slice(s, e)));
      }),
      { numRuns: 400 },
    );
  });
});
