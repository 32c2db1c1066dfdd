import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { pdfBackend } from "../pipeline/backends/pdf.js";
import { type BackendContext, type BackendResult, ReadError } from "../pipeline/backends/types.js";
import { characterErrorRate, wordRecall } from "../pipeline/eval/cer.js";
import { createOcrEngine } from "../pipeline/ocr/engine.js";
import type { OcrEngine } from "../pipeline/ocr/types.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import type { Message } from "../schemas/index.js";
import { contentStream, pdfFromObjects } from "./helpers/pdf-writer.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

interface ManifestRow {
  case: string;
  file: string;
  form: string;
  pages: number;
  source: string;
  pageSources?: string[];
}

const manifest: ManifestRow[] = JSON.parse(readFileSync(join(FIXTURES, "forms", "manifest.json"), "utf8"));
const rowsOf = (form: string) => manifest.filter((row) => row.form === form);
const formFile = (row: ManifestRow, file = row.file) => join(FIXTURES, "forms", row.case, file);

/** The truth text of a page without the converter's markup (markdown emphasis, headings, HTML tags). */
function truth(row: ManifestRow, page: number): string {
  const file = row.pageSources?.[page - 1];
  if (!file) throw new Error(`${row.case}/${row.file} has no source for page ${page}`);
  return readFileSync(formFile(row, file), "utf8")
    .replace(/<[^>]+>/gu, " ")
    .replace(/\*+|^#+\s+/gmu, "");
}

const engine = createOcrEngine({ workers: 2 });
afterAll(() => engine.terminate());

async function read(bytes: Buffer, signal = new AbortController().signal) {
  const messages: Omit<Message, "stage">[] = [];
  const ctx: BackendContext = { ocr: engine, signal, report: (message) => messages.push(message) };
  const result: BackendResult = await pdfBackend.read({ path: "test.pdf", bytes }, ctx);
  return { ...result, messages };
}

/** A small PDF written by hand: Helvetica (not embedded, WinAnsi), one string per line. */
function handMadePdf(pages: string[][]): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + i * 2} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  pages.forEach((lines, i) => {
    const pdfString = (text: string) => text.replace(/[\\()]/gu, (c) => `\\${c}`);
    const content = lines
      .map((line, k) => `BT /F1 16 Tf 60 ${760 - k * 28} Td (${pdfString(line)}) Tj ET`)
      .join("\n");
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
      contentStream(content),
    );
  });
  return pdfFromObjects(objects);
}

describe("pdfBackend: typed PDFs", () => {
  it.each(rowsOf("typed-pdf").map((row) => [row.case, row] as const))(
    "%s: reads every page from the text layer, matching the source text",
    async (_, row) => {
      const result = await read(readFileSync(formFile(row)));
      expect(result.format).toBe("pdf");
      expect(result.pages).toHaveLength(row.pages);
      for (const page of result.pages) {
        expect(page.method).toBe("text-layer");
        expect(page.text).not.toMatch(/-- \d+ of \d+ --/u);
        expect(characterErrorRate(page.text, truth(row, page.page)), `page ${page.page}`).toBeLessThan(0.02);
      }
    },
  );
});

describe("pdfBackend: OCR", () => {
  it("reads a mixed PDF: the typed page from its text layer, the scanned page by OCR", async () => {
    const row = rowsOf("mixed")[0];
    if (!row) throw new Error("no mixed PDF in the manifest");
    const result = await read(readFileSync(formFile(row)));
    expect(result.format).toBe("pdf");
    expect(result.pages.map((page) => page.method)).toEqual(["text-layer", "ocr"]);
    const scanned = result.pages[1];
    expect(scanned?.confidence).toBeGreaterThan(0.8);
    expect(wordRecall(scanned?.text ?? "", truth(row, 2))).toBeGreaterThan(0.95);
    expect(result.messages).toContainEqual(
      expect.objectContaining({ rule: "pdf-scanned-pages", severity: "info" }),
    );
  });

  it("reads a skewed, noisy image-only PDF as pdf-scanned, every page with its confidence", async () => {
    const row = rowsOf("scan-200-noisy").sort((a, b) => a.pages - b.pages)[0];
    if (!row) throw new Error("no scanned PDF in the manifest");
    const result = await read(readFileSync(formFile(row)));
    expect(result.format).toBe("pdf-scanned");
    expect(result.pages).toHaveLength(row.pages);
    for (const page of result.pages) {
      expect(page.method).toBe("ocr");
      expect(page.confidence).toBeGreaterThan(0.8);
      expect(wordRecall(page.text, truth(row, page.page)), `page ${page.page}`).toBeGreaterThan(0.95);
    }
  });

  it("reads scanned headers and signature blocks left column first (whole-document CER under 4%)", async () => {
    const row = rowsOf("scan-200-noisy").find((r) => r.case.startsWith("003"));
    if (!row) throw new Error("no noisy scan of case 003 in the manifest");
    const result = await read(readFileSync(formFile(row)));
    const text = normaliseVi(result.pages.map((page) => page.text).join("\f")).text;
    const source = normaliseVi(readFileSync(formFile(row, row.source), "utf8")).text;
    expect(characterErrorRate(text, source)).toBeLessThan(0.04);
  });

  it("reads a scanned table page as rows of cells separated by tabs, between the text around it", async () => {
    const bytes = readFileSync(join(FIXTURES, "tables", "deductions", "scan-200-noisy.pdf"));
    const result = await read(bytes);
    const text = normaliseVi(result.pages[0]?.text ?? "").text;
    const truthText = normaliseVi(
      readFileSync(join(FIXTURES, "tables", "deductions", "page.txt"), "utf8"),
    ).text;
    expect(characterErrorRate(text, truthText)).toBeLessThan(0.02);
    const rows = text.split("\n").filter((line) => line.includes("\t"));
    expect(rows).toHaveLength(7);
    expect(rows.every((line) => line.split("\t").length === 5)).toBe(true);
    expect(rows[2]).toMatch(/^2\t\tNội dung 2: .*\t1,50\t/u);
  });

  it("sends a page in a legacy font that does not convert to Vietnamese to OCR and says why, printing nothing", async () => {
    // Legacy-font codes that make no Vietnamese words once converted (real TCVN3 text is converted
    // instead: test/legacy-files.test.ts), so only OCR can read the page.
    const stdout = vi.spyOn(process.stdout, "write");
    const log = vi.spyOn(console, "log");
    const result = await read(
      handMadePdf([["µ¸¶·¹ ¼½¾ ×÷ ®¬ ©ª« »¨ ¼½", "¸¸¸ µµµ ¶¶¶ ·· ¹¹ ×× ÷÷", "Ke hoach µ¸¶ nam 2025"]]),
    );
    expect(result.pages[0]?.method).toBe("ocr");
    // The page was drawn and read: OCR sees its digits.
    expect(result.pages[0]?.text).toMatch(/2025/u);
    expect(result.messages).toContainEqual(
      expect.objectContaining({ rule: "pdf-legacy-font", severity: "warning" }),
    );
    expect(stdout).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    stdout.mockRestore();
    log.mockRestore();
  });

  it("keeps the text layer of a nearly blank typed page when OCR finds no more", async () => {
    const result = await read(handMadePdf([["Trang 2"]]));
    expect(result.pages[0]).toMatchObject({ method: "text-layer", text: expect.stringContaining("Trang 2") });
    expect(result.format).toBe("pdf");
  });

  it("stops before the next page once the file's time limit has passed", async () => {
    const row = rowsOf("scan-300").find((r) => r.pages > 1);
    if (!row) throw new Error("no scanned PDF of several pages in the manifest");
    const controller = new AbortController();
    let calls = 0;
    // The limit strikes while the first page is with OCR.
    const ocr: OcrEngine = {
      recognise: (image, options) => {
        calls += 1;
        controller.abort(new Error("timed out"));
        return engine.recognise(image, options);
      },
      terminate: async () => {},
    };
    const ctx: BackendContext = { ocr, signal: controller.signal, report: () => {} };
    await expect(
      pdfBackend.read({ path: "scan.pdf", bytes: readFileSync(formFile(row)) }, ctx),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });
});

describe("pdfBackend: files it cannot read", () => {
  const bad = (file: string) => readFileSync(join(FIXTURES, "bad", file));

  it("refuses a password-protected PDF", async () => {
    await expect(read(bad("encrypted.pdf"))).rejects.toMatchObject({ name: "ReadError", rule: "encrypted" });
    await expect(read(bad("encrypted.pdf"))).rejects.toThrow(/password/u);
  });

  it("refuses a damaged PDF with pdfjs's reason", async () => {
    const error = await read(bad("corrupt.pdf")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadError);
    expect(error).toMatchObject({
      rule: "corrupt",
      message: expect.stringMatching(/could not be read \(.+\)/u),
    });
  });

  it("refuses an empty file and a PDF without pages", async () => {
    await expect(read(bad("empty.pdf"))).rejects.toMatchObject({ rule: "empty" });
    await expect(read(handMadePdf([]))).rejects.toMatchObject({ rule: "empty" });
  });
});
