import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { characterErrorRate } from "../pipeline/eval/cer.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import { runFile } from "./helpers/run-file.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "legacy");

interface Row {
  file: string;
  truth: string[];
  encoding: "tcvn3" | "vni" | "windows-1258";
  keepsCase: boolean;
}
const rows: Row[] = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")).files;

/** The truth as the pipeline's output would hold it: normalised, pieces in order. */
const truthOf = (row: Row) =>
  normaliseVi(row.truth.map((file) => readFileSync(join(DIR, file), "utf8")).join("\n")).text;

describe("legacy-encoded files read through the whole pipeline", () => {
  it.each(rows.map((row) => [row.file, row] as const))(
    "%s: converted to its Unicode truth",
    async (_, row) => {
      const { record, output } = await runFile(join(DIR, row.file));
      expect(output.status).toBe("success");
      const text = output.documents.map((doc) => doc.text).join("\n");
      const truth = truthOf(row);
      // TCVN3 has no toned capitals: its headings come out in small letters, which the message says.
      const cer = row.keepsCase
        ? characterErrorRate(text, truth)
        : characterErrorRate(text.toLowerCase(), truth.toLowerCase());
      expect(cer).toBeLessThan(0.002);
      // Words in capitals get their capitals back (legacy-case.ts): with case, TCVN3 measured
      // 0.11–0.12 % (1.08 % before), the rest being toned capitals that start a word ("Ủy").
      expect(characterErrorRate(text, truth)).toBeLessThan(0.004);
      const rules = output.messages.map((message) => message.rule);
      if (row.encoding === "windows-1258") {
        expect(output.messages).toContainEqual(
          expect.objectContaining({ rule: "text-encoding", severity: "info" }),
        );
        expect(output.messages.find((m) => m.rule === "text-encoding")?.reason).toContain("Windows-1258");
      } else {
        const message = output.messages.find((m) => m.rule === "legacy-encoding");
        expect(message?.reason).toContain(row.encoding === "tcvn3" ? "TCVN3" : "VNI");
        if (row.encoding === "tcvn3") expect(message?.reason).toContain("lower case");
      }
      expect(rules).not.toContain("pdf-legacy-font");
      expect(output.messages.some((m) => m.reason.startsWith("legacy font text detected"))).toBe(false);
      // No page went to OCR (runFile's engine fails any OCR call): every page kept its text.
      expect(record.rawPages?.every((page) => page.method !== "ocr")).toBe(true);
      expect(output.source.ocr?.used ?? false).toBe(false);
    },
  );
});

describe("tables of a legacy-font DOCX", () => {
  const truthCells = readFileSync(join(DIR, "table.txt"), "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split("\t").map((cell) => normaliseVi(cell).text));

  it.each(["tcvn3.docx", "vni.docx"])(
    "%s: cells converted, their spans still on their text",
    async (file) => {
      const { output } = await runFile(join(DIR, file));
      const tables = output.documents.flatMap((doc) => (doc.tables ?? []).map((table) => ({ doc, table })));
      expect(tables).toHaveLength(1);
      const [{ doc, table }] = tables as [(typeof tables)[number]];
      expect([table.rows, table.cols]).toEqual([3, 4]);
      const fold = (text: string) => (file.startsWith("tcvn3") ? text.toLowerCase() : text);
      for (const cell of table.cells) {
        expect(cell.span).toBeDefined();
        expect(doc.text.slice(cell.span?.start, cell.span?.end)).toBe(cell.text);
        expect(fold(cell.text)).toBe(fold(truthCells[cell.row]?.[cell.col] ?? ""));
      }
    },
  );
});

describe("text files saved as UTF-8", () => {
  it("converts TCVN3 text pasted into a UTF-8 file, and leaves a Unicode file without a message", async () => {
    const source = readFileSync(join(DIR, "source.txt"), "utf8");
    const tcvn3 = Buffer.from(readFileSync(join(DIR, "tcvn3.txt")).toString("latin1"), "utf8");
    const pasted = await runFile("pasted.txt", { bytes: tcvn3 });
    const text = pasted.output.documents.map((doc) => doc.text).join("\n");
    expect(characterErrorRate(text.toLowerCase(), normaliseVi(source).text.toLowerCase())).toBe(0);
    expect(pasted.output.messages.map((m) => m.rule)).toEqual(expect.arrayContaining(["legacy-encoding"]));
    expect(pasted.output.messages.map((m) => m.rule)).not.toContain("text-encoding");

    const unicode = await runFile("unicode.txt", { bytes: Buffer.from(source, "utf8") });
    expect(unicode.output.documents).toHaveLength(1);
    expect(unicode.output.documents[0]?.text).toBe(normaliseVi(source).text);
    expect(unicode.output.messages.map((m) => m.rule)).not.toContain("legacy-encoding");
  });
});
