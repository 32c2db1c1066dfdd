import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildLexicon } from "../pipeline/ocr/lexicon/build-lexicon.js";
import { lexiconKey } from "../pipeline/ocr/lexicon/lexicon-key.js";
import { lexiconSources } from "../pipeline/ocr/lexicon/lexicon-sources.js";
import { LEXICON_PATH, parseLexicon, toneLexicon } from "../pipeline/ocr/lexicon/tone-lexicon.js";
import { packageRoot } from "../pipeline/package-root.js";

describe("the OCR tone lexicon", () => {
  it("is current: the committed file equals a build from the dictionary package and admin-words.txt", () => {
    const committed = gunzipSync(readFileSync(join(packageRoot(), LEXICON_PATH))).toString("utf8");
    expect(committed === buildLexicon(lexiconSources())).toBe(true);
  });

  it("keys ignore case and tone placement", () => {
    expect(lexiconKey("UỶ BAN")).toBe("ủy ban");
    expect(lexiconKey("Hoá")).toBe("hóa");
  });

  it("counts compounds as words and syllables alone as they stand alone", () => {
    const lexicon = toneLexicon();
    expect(lexicon.isWord("tổ chức")).toBe(true);
    expect(lexicon.isWord("tố chức")).toBe(false);
    expect(lexicon.isWord("cấp tỉnh")).toBe(true);
    expect(lexicon.count("tổ chức")).toBeGreaterThan(lexicon.count("tố cáo"));
    expect(lexicon.count("xyz")).toBe(0);
  });

  it("parses its own format", () => {
    const lexicon = parseLexicon("a b\t3\nc\t2\n");
    expect(lexicon.total).toBe(5);
    expect(lexicon.isWord("a b")).toBe(true);
    expect(lexicon.isWord("c")).toBe(false);
    expect(lexicon.count("c")).toBe(2);
  });
});
