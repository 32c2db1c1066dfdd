import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { characterErrorRate, editDistance, normaliseForCer, wordRecall } from "../pipeline/eval/cer.js";

/** Textbook O(n·m) Levenshtein over code points, the reference the banded version must match. */
function naiveDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("Quyết định", "Quyết định")).toBe(0);
  });

  it("counts a Vietnamese letter as one character, not as its UTF-16 units", () => {
    expect(editDistance("hòa", "hoa")).toBe(1);
    expect(editDistance("𝐀b", "ab")).toBe(1);
  });

  it("agrees with the textbook algorithm on random strings", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "ă", "ư", " ", "đ"), maxLength: 120 });
    fc.assert(
      fc.property(text, text, (a, b) => editDistance(a, b) === naiveDistance(a, b)),
      { numRuns: 300 },
    );
  });

  it("agrees with the textbook algorithm on long texts far apart, where the band must grow", () => {
    const text = fc.string({ unit: fc.constantFrom("x", "y", "z"), minLength: 200, maxLength: 400 });
    fc.assert(
      fc.property(text, text, (a, b) => editDistance(a, b) === naiveDistance(a, b)),
      { numRuns: 20 },
    );
  });
});

describe("characterErrorRate", () => {
  it("ignores line breaks, repeated spaces and Unicode form", () => {
    const nfd = "Cộng hòa xã hội".normalize("NFD");
    expect(characterErrorRate(`  ${nfd}\n\n`, "Cộng  hòa\nxã hội")).toBe(0);
    expect(normaliseForCer(" a \t b\n")).toBe("a b");
  });

  it("divides the distance by the reference length", () => {
    expect(characterErrorRate("Kế hoạch số 40", "Kế hoạch số 41")).toBeCloseTo(1 / 14);
    expect(characterErrorRate("", "abcd")).toBe(1);
    expect(characterErrorRate("", "")).toBe(0);
    expect(characterErrorRate("x", "")).toBe(1);
  });
});

describe("wordRecall", () => {
  it("counts reference words found, in any order, each as often as it occurs", () => {
    expect(wordRecall("Độc lập Tự do", "**Tự do** - Độc lập")).toBe(1);
    expect(wordRecall("xã", "xã xã phường")).toBeCloseTo(1 / 3);
    expect(wordRecall("Cong hoa", "Cộng hòa")).toBe(0);
    expect(wordRecall("", "")).toBe(1);
  });
});
