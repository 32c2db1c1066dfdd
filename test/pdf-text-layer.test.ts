import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  assessTextLayer,
  droppedLetterWordShare,
  foreignCharacterShare,
} from "../pipeline/pdf/text-layer.js";

const CORPUS = join(import.meta.dirname, "..", "fixtures", "corpus");

/** The body of one numbered sample in fixtures/corpus/more/noise_samples.txt ("20b" …). */
function noiseSample(id: string): string {
  const text = readFileSync(join(CORPUS, "more", "noise_samples.txt"), "utf8");
  const section = text.split(/^##### /mu).find((part) => part.startsWith(`${id} `));
  const body = section?.split("-----\n")[1];
  if (!body) throw new Error(`noise sample ${id} not found`);
  return body;
}

describe("assessTextLayer", () => {
  it("rejects TCVN3 text read as Latin-1 as a legacy font", () => {
    const verdict = assessTextLayer("Céng hoµ x· héi chñ nghÜa");
    expect(verdict.usable).toBe(false);
    expect(verdict.problem).toBe("legacy-font");
    expect(verdict.foreignShare).toBeGreaterThan(0.1);
  });

  it("rejects VNI text read as Latin-1 as a legacy font", () => {
    const verdict = assessTextLayer(
      "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam – Ñoäc laäp – Töï do – Haïnh phuùc",
    );
    expect(verdict.problem).toBe("legacy-font");
  });

  it("rejects a text layer whose Vietnamese letters were dropped (noise sample 20b)", () => {
    const verdict = assessTextLayer(noiseSample("20b"));
    expect(verdict.usable).toBe(false);
    expect(verdict.problem).toBe("dropped-letters");
  });

  it("rejects look-alike letters from other scripts (noise sample 20d)", () => {
    expect(assessTextLayer(noiseSample("20d")).usable).toBe(false);
  });

  it("keeps split syllables and glued words: the normaliser repairs those (20c, 20a, 20f)", () => {
    for (const id of ["20a", "20c", "20e", "20h"]) {
      expect(assessTextLayer(noiseSample(id)), id).toMatchObject({ usable: true });
    }
  });

  it("keeps decomposed (NFD) Vietnamese text", () => {
    const text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc".normalize("NFD");
    expect(assessTextLayer(text)).toMatchObject({ usable: true, foreignShare: 0, droppedLetterShare: 0 });
  });

  it("keeps every page-sized slice of the real corpus documents", () => {
    const files = readdirSync(CORPUS).filter((name) => name.endsWith(".txt"));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = readFileSync(join(CORPUS, name), "utf8");
      for (let start = 0; start < text.length; start += 2500) {
        const verdict = assessTextLayer(text.slice(start, start + 2500));
        expect(verdict.usable, `${name} at ${start}`).toBe(true);
      }
    }
  });

  it("rejects a page with almost no text (a scan, perhaps with a stamp's few letters)", () => {
    expect(assessTextLayer("  \n 3 \n")).toMatchObject({ usable: false, problem: "too-little-text" });
    expect(assessTextLayer("Trang 2")).toMatchObject({ usable: false, problem: "too-little-text" });
  });

  it("keeps a short signature page (about 50 characters)", () => {
    const page = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn An\nNơi nhận: như trên";
    expect(assessTextLayer(page).usable).toBe(true);
  });
});

describe("foreignCharacterShare", () => {
  it("counts bullets, dashes, quotes and degree signs as harmless", () => {
    expect(foreignCharacterShare("• Nhiệm vụ “trọng tâm” – 30°C, ± 5%, § 2, 3 × 4 …")).toBe(0);
  });

  it("does not count the ƣ artefact, which the normaliser maps back to ư", () => {
    expect(foreignCharacterShare("phƣơng pháp nghiên cứu, TRƢỜNG ĐẠI HỌC, trƣởng")).toBe(0);
  });
});

describe("droppedLetterWordShare", () => {
  it("does not count upper-case abbreviations or list letters", () => {
    expect(droppedLetterWordShare("UBND HĐND TP KH QĐ điểm b khoản 2 Điều 6 và HĐND xã TTg")).toBe(0);
  });
});
