import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildZip } from "../fixtures/docx/build-zip.js";
import { type Detected, detectFormat } from "../pipeline/backends/detect.js";

const fixture = (path: string): Buffer => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const docx = fixture("docx/ke-hoach-papi.docx");
const legacyDoc = fixture("docx/quyet-dinh-xep-loai.doc");
const corpusText = fixture("corpus/002_90d18914c045a6d4.txt");

/** Only the rule of an unsupported result, or the kind of a supported one. */
const verdict = (detected: Detected): string =>
  detected.kind === "unsupported" ? detected.rule : detected.kind;
const reasonOf = (detected: Detected): string => (detected.kind === "unsupported" ? detected.reason : "");

/** Deterministic pseudo-random bytes (xorshift), so the "garbage" case is the same on every run. */
function randomBytes(length: number, seed = 0x2545f491): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** The bytes of a minimal but well-formed PDF (one empty page), with optional junk in front. */
function pdf(prefix = ""): Buffer {
  const body =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\nstartxref\n0\n%%EOF\n";
  return Buffer.from(prefix + body, "latin1");
}

/** A compound file header plus one sector-aligned directory entry with the given stream name. */
function oleWithStream(name: string): Buffer {
  const file = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  const entry = 1024 + 128; // second entry of the sector after the 512-byte header and one FAT sector
  Buffer.from("Root Entry\0", "utf16le").copy(file, 1024);
  file.writeUInt16LE(22, 1024 + 64);
  const encoded = Buffer.from(`${name}\0`, "utf16le");
  encoded.copy(file, entry);
  file.writeUInt16LE(encoded.length, entry + 64);
  return file;
}

describe("detectFormat: supported formats by content", () => {
  it("finds a PDF at the start and after junk within the first kilobyte", () => {
    expect(detectFormat(pdf(), "ke-hoach.pdf")).toEqual({ kind: "pdf" });
    expect(verdict(detectFormat(pdf("X-Mailer: gateway\r\n\r\n".repeat(20)), "ke-hoach.pdf"))).toBe("pdf");
  });

  it("does not take text that merely mentions %PDF-1.4 for a PDF", () => {
    const text = Buffer.from("Ghi chú: tệp hỏng, phần đầu là %PDF-1.4 nhưng không có phần cuối.\n", "utf8");
    expect(verdict(detectFormat(text, "ghi-chu.txt"))).toBe("text");
  });

  it("recognises PNG, JPEG, WebP and both TIFF byte orders", async () => {
    const image = sharp({ create: { width: 8, height: 8, channels: 3, background: "#ffffff" } });
    expect(detectFormat(await image.clone().png().toBuffer(), "scan.png")).toEqual({ kind: "image" });
    expect(detectFormat(await image.clone().jpeg().toBuffer(), "scan.jpg")).toEqual({ kind: "image" });
    expect(detectFormat(await image.clone().tiff().toBuffer(), "scan.tif")).toEqual({ kind: "image" });
    expect(detectFormat(await image.clone().webp().toBuffer(), "anh-chup.webp")).toEqual({ kind: "image" });
    const bigEndianTiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]);
    expect(verdict(detectFormat(bigEndianTiff, "scan.tiff"))).toBe("image");
  });

  it("recognises a real DOCX whatever its name, with a note when the name disagrees", () => {
    expect(detectFormat(docx, "ke-hoach.docx")).toEqual({ kind: "docx" });
    const misnamed = detectFormat(docx, "ke-hoach.pdf");
    expect(misnamed.kind).toBe("docx");
    expect("note" in misnamed && misnamed.note).toContain("named .pdf");
  });

  it("still calls a truncated DOCX a DOCX, so its backend can say it is damaged", () => {
    expect(verdict(detectFormat(docx.subarray(0, 3000), "ke-hoach.docx"))).toBe("docx");
  });

  it("reads a text file named .pdf as text", () => {
    const detected = detectFormat(corpusText, "ke-hoach-08.pdf");
    expect(detected.kind).toBe("text");
    expect("note" in detected && detected.note).toContain("plain text");
  });

  it("reads UTF-8, UTF-8 with BOM, UTF-16 LE and BE with BOM, and Markdown as text", () => {
    const sentence = "Nâng cao Chỉ số Hiệu quả quản trị và hành chính công (PAPI) năm 2024\n";
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, "utf16le")]);
    const utf16be = Buffer.from(utf16le).swap16();
    expect(detectFormat(corpusText, "002.txt")).toEqual({ kind: "text" });
    expect(detectFormat(Buffer.from(`\uFEFF${sentence}`, "utf8"), "a.txt")).toEqual({ kind: "text" });
    expect(detectFormat(utf16le, "a.txt")).toEqual({ kind: "text" });
    expect(detectFormat(utf16be, "a")).toEqual({ kind: "text" });
    expect(detectFormat(fixture("corpus/more/bacninh_141-KH-UBND_2025_plan.md"), "plan.md")).toEqual({
      kind: "text",
    });
  });

  it("judges text by its head only, without cutting a multi-byte character in two", () => {
    // Put a 3-byte "ệ" across the 64 KiB boundary of the inspected head.
    const text = Buffer.from(`${"a".repeat(64 * 1024 - 1)}ệ và phần còn lại`, "utf8");
    expect(detectFormat(text, "dai.txt")).toEqual({ kind: "text" });
  });
});

describe("detectFormat: rejections with a rule and a reason", () => {
  it("rejects empty and whitespace-only files as empty", () => {
    expect(verdict(detectFormat(Buffer.alloc(0), "a.txt"))).toBe("empty");
    expect(verdict(detectFormat(Buffer.from(" \n\t\r\n  ", "utf8"), "a.txt"))).toBe("empty");
    const utf16Blank = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("  \r\n", "utf16le")]);
    expect(verdict(detectFormat(utf16Blank, "a.txt"))).toBe("empty");
    expect(verdict(detectFormat(Buffer.from(`${" ".repeat(70_000)}x`), "a.txt"))).toBe("text");
  });

  it("rejects random bytes as unknown-format, naming the extension", () => {
    const detected = detectFormat(randomBytes(4096), "ke-hoach.pdf");
    expect(verdict(detected)).toBe("unknown-format");
    expect(reasonOf(detected)).toContain("named .pdf");
  });

  it("takes text in a legacy 8-bit Vietnamese encoding for text (the text backend converts it)", () => {
    // TCVN3 bytes read as Latin-1: what a .txt saved from an old ABC font editor contains.
    const tcvn3 = Buffer.from(
      "Céng hoµ x· héi chñ nghÜa ViÖt Nam\r\n§éc lËp - Tù do - H¹nh phóc\r\n",
      "latin1",
    );
    expect(detectFormat(tcvn3, "cong-van.txt")).toEqual({ kind: "text" });
  });

  it("rejects 8-bit text that is not Vietnamese in any legacy encoding with a hint to save as UTF-8", () => {
    // Latin-1 French: not UTF-8, and no Vietnamese encoding makes Vietnamese of it.
    const latin1 = Buffer.from("Le café est très bon; où est la gare? Noël à Paris, été 2024.\r\n", "latin1");
    const detected = detectFormat(latin1, "note.txt");
    expect(verdict(detected)).toBe("text-encoding");
    expect(reasonOf(detected)).toContain("UTF-8");
  });

  it("rejects a Word 97–2003 .doc made by LibreOffice as legacy-doc", () => {
    expect(detectFormat(legacyDoc, "quyet-dinh.doc")).toEqual({
      kind: "unsupported",
      rule: "legacy-doc",
      reason: "Word 97–2003 .doc is not supported: save it as .docx.",
    });
    expect(reasonOf(detectFormat(legacyDoc, "quyet-dinh.docx"))).toContain("named .docx");
  });

  it("rejects a password-protected OOXML file (EncryptedPackage stream) as encrypted", () => {
    const detected = detectFormat(oleWithStream("EncryptedPackage"), "ke-hoach.docx");
    expect(verdict(detected)).toBe("encrypted");
    expect(reasonOf(detected)).toContain("password");
  });

  it("does not take a stream name found off an entry boundary for a directory entry", () => {
    const file = oleWithStream("Other");
    Buffer.from("WordDocument\0", "utf16le").copy(file, 1300); // not 128-aligned: inside some stream
    expect(verdict(detectFormat(file, "x.doc"))).toBe("legacy-office");
  });

  it("rejects OpenDocument text (made by LibreOffice) and spreadsheets with what to convert to", () => {
    const odt = detectFormat(fixture("docx/other/ke-hoach-papi.odt"), "ke-hoach.odt");
    expect(verdict(odt)).toBe("opendocument");
    expect(reasonOf(odt)).toContain(".docx");
    const xlsx = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
    ]);
    expect(verdict(detectFormat(xlsx, "bang-diem.xlsx"))).toBe("spreadsheet");
    expect(verdict(detectFormat(buildZip([{ name: "scan1.pdf", data: "%PDF-" }]), "ho-so.zip"))).toBe(
      "archive",
    );
  });

  it("rejects RTF, other image formats and compressed archives by name", () => {
    expect(verdict(detectFormat(Buffer.from("{\\rtf1\\ansi\\deff0 {\\fonttbl}}"), "a.rtf"))).toBe("rtf");
    expect(reasonOf(detectFormat(Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"), "a.gif"))).toContain("GIF");
    expect(verdict(detectFormat(gzipSync(corpusText), "a.txt.gz"))).toBe("archive");
  });

  it("writes every reason as one sentence that ends with a full stop", () => {
    const rejected = [
      detectFormat(Buffer.alloc(0), "a"),
      detectFormat(randomBytes(512), "a.bin"),
      detectFormat(legacyDoc, "a.doc"),
      detectFormat(oleWithStream("EncryptedPackage"), "a.docx"),
      detectFormat(fixture("docx/other/ke-hoach-papi.odt"), "a.odt"),
    ];
    for (const detected of rejected) expect(reasonOf(detected)).toMatch(/^[A-Z][^\n]*\.$/);
  });
});

describe("chooseBackend", () => {
  it("maps every supported format to its backend and an unsupported file to none", async () => {
    // Imported here: the table pulls in the PDF and image backends and their libraries.
    const { backends, chooseBackend } = await import("../pipeline/backends/index.js");
    const { docxBackend } = await import("../pipeline/backends/docx.js");
    const { textBackend } = await import("../pipeline/backends/text.js");
    expect(Object.keys(backends).sort()).toEqual(["docx", "image", "pdf", "text"]);
    expect(chooseBackend(detectFormat(docx, "a.docx"))).toBe(docxBackend);
    expect(chooseBackend(detectFormat(corpusText, "a.pdf"))).toBe(textBackend);
    expect(chooseBackend(detectFormat(pdf(), "a.pdf"))).toBe(backends.pdf);
    expect(chooseBackend(detectFormat(legacyDoc, "a.doc"))).toBeNull();
  });
});
