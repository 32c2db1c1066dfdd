import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildZip } from "../fixtures/docx/build-zip.js";
import { docxBackend } from "../pipeline/backends/docx.js";
import { formatNumber, labelParagraphs, numberedParagraphs } from "../pipeline/backends/docx-numbering.js";
import { applyListLabels, type MammothElement } from "../pipeline/backends/docx-numbering-apply.js";
import { readNumberingDefinitions } from "../pipeline/backends/docx-numbering-defs.js";
import type { BackendContext } from "../pipeline/backends/types.js";
import type { Message } from "../schemas/index.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const listsDocx = readFileSync(new URL("../fixtures/docx-numbering/lists.docx", import.meta.url));

async function readDocx(bytes: Buffer) {
  const reports: Omit<Message, "stage">[] = [];
  const ctx: BackendContext = {
    ocr: { recognise: () => Promise.reject(new Error("no OCR")), terminate: () => Promise.resolve() },
    signal: new AbortController().signal,
    report: (message) => reports.push(message),
  };
  const { pages } = await docxBackend.read({ path: "t.docx", bytes }, ctx);
  return { blocks: pages.flatMap((page) => page.text.split("\n\n")), reports };
}

const lvl = (ilvl: number, fmt: string, text: string, extra = ""): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
const numberingXml = (abstracts: string, nums: string): string =>
  `<w:numbering ${W}>${abstracts}${nums}</w:numbering>`;
const li = (numId: number, ilvl: number, text: string): string =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** Labels of a document.xml body against a numbering.xml, as "label|level". */
function labels(numbering: string, body: string, styles = ""): string[] {
  const defs = readNumberingDefinitions(numbering, styles);
  const doc = `<w:document ${W}><w:body>${body}</w:body></w:document>`;
  return labelParagraphs(defs, numberedParagraphs(defs, doc)).map((l) => `${l.label}|${l.level}`);
}

describe("DOCX list numbers on a hand-written Word document (lists.docx)", async () => {
  const { blocks, reports } = await readDocx(listsDocx);

  it("keeps multi-level labels, letters and a list continued across a plain paragraph", () => {
    expect(blocks.slice(0, 10)).toEqual([
      "KẾ HOẠCH thử danh sách",
      "1. Mục đích",
      "1.1. Tuyên truyền",
      "a) Cấp xã",
      "b) Cấp huyện",
      "1.2. Kiểm tra",
      "2. Nội dung",
      "Đoạn văn xen giữa danh sách.",
      "3. Tổ chức thực hiện",
      "1. Danh sách bắt đầu lại",
    ]);
  });

  it("restarts, roman numerals, bullets, style-numbered articles and a list in a table cell", () => {
    expect(blocks.slice(10)).toEqual([
      "1.1. Mục con",
      "I. Căn cứ",
      "II. Nhiệm vụ",
      "- Gạch đầu dòng",
      "+ Ý nhỏ",
      "Điều 1. Phạm vi điều chỉnh",
      "Điều 2. Đối tượng áp dụng",
      "a) Trong bảng\tÔ hai",
      "Hết.",
    ]);
    expect(reports.filter((r) => r.rule === "docx-numbering")).toEqual([]);
  });
});

describe("Word's counting rules", () => {
  const twoLevels = `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "%1.")}${lvl(1, "lowerRoman", "%1.%2")}</w:abstractNum>`;

  it("continues a definition shared by two instances unless one overrides its start", () => {
    const nums = `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;
    const body = li(1, 0, "a") + li(2, 0, "b") + li(3, 0, "c") + li(3, 0, "d");
    expect(labels(numberingXml(twoLevels, nums), body)).toEqual(["1.|0", "2.|0", "5.|0", "6.|0"]);
  });

  it("restarts a level after a higher one unless lvlRestart says otherwise, and honours isLgl", () => {
    const noRestart = `<w:abstractNum w:abstractNumId="1">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%1.%2.", '<w:lvlRestart w:val="0"/><w:isLgl/>')}</w:abstractNum>`;
    const nums = `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
    const body = li(1, 0, "x") + li(1, 1, "y") + li(1, 0, "z") + li(1, 1, "w");
    expect(labels(numberingXml(twoLevels, nums), body)).toEqual(["1.|0", "1.i|1", "2.|0", "2.i|1"]);
    expect(labels(numberingXml(noRestart, nums), body)).toEqual(["I.|0", "1.1.|1", "II.|0", "2.2.|1"]);
  });

  it("reads only what mammoth reads: no mc:Choice copy, no deleted paragraph mark, numId 0 unnumbered", () => {
    const nums = `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
    const textBox = `<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing>${li(1, 0, "box")}</w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>${li(1, 1, "box")}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const deleted = `<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`;
    const body = li(1, 0, "a") + textBox + deleted + li(0, 0, "plain") + li(1, 0, "b");
    expect(labels(numberingXml(twoLevels, nums), body)).toEqual(["1.|0", "1.i|1", "2.|0"]);
  });

  it("formats letters, roman numerals and zero-padded decimals as Word does", () => {
    expect(
      ["lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "decimalZero", "ordinal"].map((f) =>
        formatNumber(27, f),
      ),
    ).toEqual(["aa", "AA", "xxvii", "XXVII", "27", "27"]);
    expect(formatNumber(4, "upperRoman")).toBe("IV");
    expect(formatNumber(7, "decimalZero")).toBe("07");
  });
});

describe("applyListLabels pairing with mammoth's document", () => {
  const paragraph = (level: string | null, text: string): MammothElement => ({
    type: "paragraph",
    numbering: level === null ? null : { level, isOrdered: true },
    children: [{ type: "run", children: [{ type: "text", value: text }] }],
  });
  const textOf = (p: MammothElement | undefined): string | undefined =>
    p?.children?.[0]?.children?.[0]?.value;

  it("prefixes each numbered paragraph's first text and drops its list membership", () => {
    const doc: MammothElement = {
      type: "document",
      children: [paragraph("0", "A"), paragraph(null, "B"), paragraph("1", "C")],
    };
    const outcome = applyListLabels(doc, [
      { level: "0", label: "Điều 1.", separator: " " },
      { level: "1", label: "a)", separator: "" },
    ]);
    expect(outcome).toEqual({ applied: 2 });
    expect(doc.children?.map(textOf)).toEqual(["Điều 1. A", "B", "a)C"]);
    expect(doc.children?.map((p) => p.numbering ?? null)).toEqual([null, null, null]);
  });

  it("leaves the document alone when counts or levels disagree", () => {
    const doc: MammothElement = { type: "document", children: [paragraph("0", "A"), paragraph("0", "B")] };
    expect(applyListLabels(doc, [{ level: "0", label: "1.", separator: " " }])).toHaveProperty("mismatch");
    expect(
      applyListLabels(doc, [
        { level: "0", label: "1.", separator: " " },
        { level: "1", label: "1.1.", separator: " " },
      ]),
    ).toHaveProperty("mismatch");
    expect(doc.children?.map(textOf)).toEqual(["A", "B"]);
  });
});

describe("fallback on a document whose numbering cannot be paired", () => {
  it("renumbers as before and says so in a warning", async () => {
    // mammoth skips an element it does not know (with its paragraphs); we count the paragraph in
    // it, so the counts differ (2 against 1) and the pairing must not be trusted.
    const numbering = numberingXml(
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "lowerLetter", "%1)")}</w:abstractNum>`,
      `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`,
    );
    const body = `<w:unknownBox>${li(1, 0, "Một")}</w:unknownBox>${li(1, 0, "Hai")}`;
    const bytes = buildZip([
      { name: "word/document.xml", data: `<w:document ${W}><w:body>${body}</w:body></w:document>` },
      { name: "word/numbering.xml", data: numbering },
    ]);
    const { blocks, reports } = await readDocx(bytes);
    expect(blocks).toEqual(["1. Hai"]);
    const warning = reports.find((r) => r.rule === "docx-numbering");
    expect(warning?.severity).toBe("warning");
    expect(warning?.reason).toMatch(/1 list paragraph\(s\), numbering.xml gives 2/);
  });
});
