import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildZip } from "../fixtures/docx/build-zip.js";
import { docxBackend, mammothReports } from "../pipeline/backends/docx.js";
import { docxHtmlToPages } from "../pipeline/backends/docx-render.js";
import type { BackendContext } from "../pipeline/backends/types.js";
import { ReadError } from "../pipeline/backends/types.js";
import { DEFAULT_ZIP_LIMITS, guardZip, readZipDirectory } from "../pipeline/backends/zip-guard.js";
import type { Message } from "../schemas/index.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/docx/${name}`, import.meta.url));

function context(): { ctx: BackendContext; reports: Omit<Message, "stage">[] } {
  const reports: Omit<Message, "stage">[] = [];
  const ctx: BackendContext = {
    ocr: {
      recognise: () => Promise.reject(new Error("no OCR in DOCX tests")),
      terminate: () => Promise.resolve(),
    },
    signal: new AbortController().signal,
    report: (message) => reports.push(message),
  };
  return { ctx, reports };
}

async function readDocx(bytes: Buffer) {
  const { ctx, reports } = context();
  const result = await docxBackend.read({ path: "test.docx", bytes }, ctx);
  return { ...result, reports };
}

/** The ReadError a promise or function rejects with. */
async function readError(run: () => unknown): Promise<ReadError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error("expected a ReadError");
}

const tableLines = (page: string): string[] => page.split("\n").filter((line) => line.includes("\t"));

describe("docxBackend on a PAPI plan (ke-hoach-papi.docx)", async () => {
  const { pages, format, reports } = await readDocx(fixture("ke-hoach-papi.docx"));
  const [first = "", second = ""] = pages.map((page) => page.text);

  it("splits pages at the explicit page break and keeps the raw DOCX method", () => {
    expect(format).toBe("docx");
    expect(pages.map((page) => [page.page, page.method])).toEqual([
      [1, "docx"],
      [2, "docx"],
    ]);
    expect(first.endsWith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")).toBe(true);
    expect(second.startsWith("PHỤ LỤC\n\n")).toBe(true);
  });

  it("writes the borderless header table as tab-separated rows, soft breaks joined with '; '", () => {
    expect(first.split("\n").slice(0, 2)).toEqual([
      "ỦY BAN NHÂN DÂN; THỊ TRẤN NHƯ QUỲNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; Độc lập - Tự do - Hạnh phúc",
      "Số: 08/KH-UBND\tNhư Quỳnh, ngày 11 tháng 01 năm 2024",
    ]);
  });

  it("separates paragraphs by a blank line and decodes entities", () => {
    expect(first).toContain("\n\nKẾ HOẠCH\n\nNâng cao Chỉ số Hiệu quả quản trị");
    expect(first).toContain("năm 2024 & các văn bản có liên quan.");
    expect(first).not.toMatch(/<|&amp;/);
  });

  it("keeps Word's list numbers (numbering.xml): 1., its nested level's own 1. 2., then 2. 3., bullets -", () => {
    const blocks = first.split("\n\n");
    const markers = blocks.map((block) => /^(\d+\.|[a-z]\)|-) /.exec(block)?.[1]).filter(Boolean);
    // The nested level is defined as "%2." decimal: Word and LibreOffice print "1.", "2." there.
    expect(markers).toEqual(["1.", "1.", "2.", "2.", "3.", "-", "-"]);
    expect(blocks).toContain("3. Báo cáo kết quả về UBND huyện trước ngày 03/7/2024.");
    expect(blocks).toContain("- Đài truyền thanh thị trấn;");
  });

  it("keeps every appendix row on one line, aligned to the header's six columns", () => {
    const rows = tableLines(second);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.split("\t")).toHaveLength(6);
  });

  it("pads rowspan and colspan with empty cells and joins list items inside a cell", () => {
    const [, firstRow, spannedRow, mergedRow] = tableLines(second);
    expect(firstRow?.split("\t")[3]).toBe(
      "- Triển khai thực hiện các văn bản hướng dẫn của tỉnh về bầu cử; - Tuyên truyền, phổ biến các chủ trương của Đảng.",
    );
    expect(spannedRow?.split("\t").slice(0, 3)).toEqual(["", "", "b) Cơ hội tham gia"]);
    expect(spannedRow?.split("\t")[3]).toBe(
      "Triển khai Luật Thực hiện dân chủ ở cơ sở. Tạo điều kiện thuận lợi về pháp lý.",
    );
    expect(mergedRow).toBe(
      "2\tViệc thực hiện dân chủ trong hoạt động của UBND thị trấn\t\t\tUBND thị trấn\tQuý II, III năm 2024",
    );
  });

  it("reports mammoth's style warnings once, as info", () => {
    expect(reports).toHaveLength(1);
    expect(reports[0]?.severity).toBe("info");
    expect(reports[0]?.reason).toContain("Body Text");
  });
});

describe("docxBackend on a results decision (quyet-dinh-xep-loai.docx)", async () => {
  const { pages } = await readDocx(fixture("quyet-dinh-xep-loai.docx"));
  const texts = pages.map((page) => page.text);

  it("has one page per explicit page break", () => {
    expect(texts).toHaveLength(3);
    expect(texts[2]).toBe("Ghi chú: điểm bị trừ theo điểm b, khoản 2, Điều 6.");
  });

  it("keeps a soft line break inside a paragraph as a single newline", () => {
    expect(texts[0]).toContain("tỉnh Quảng Ngãi;\nXét đề nghị của Trưởng phòng Nội vụ huyện.");
  });

  it("puts header paragraphs of one cell on one line, recipients and signature side by side", () => {
    expect(texts[0]?.split("\n")[0]).toBe(
      "ỦY BAN NHÂN DÂN; HUYỆN BA TƠ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; Độc lập - Tự do - Hạnh phúc",
    );
    expect(texts[0]).toContain("Nơi nhận: - Như Điều 2; - Lưu: VT.\tTM. ỦY BAN NHÂN DÂN; CHỦ TỊCH");
  });

  it("aligns a header merged both ways and flattens a nested table into its cell", () => {
    expect(tableLines(texts[1] ?? "")).toEqual([
      "TT\tĐơn vị\tĐiểm\t\t\tXếp loại",
      "\t\tTự chấm\tThẩm định\tCuối cùng\t",
      "1\tThị trấn Ba Tơ\t97,50\t89,50\t83,50\tHoàn thành tốt",
      "2\tXã Ba Vì\t98,00\t96,25\t96,25\tHoàn thành xuất sắc; Xếp thứ; 1/19",
    ]);
  });
});

describe("docxHtmlToPages on mammoth-shaped HTML", () => {
  it("drops footnote back-links but keeps the reference mark and the note", () => {
    const html =
      '<p>Theo Nghị định 30<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p>' +
      '<ol><li id="footnote-1"><p>Nghị định 30/2020/NĐ-CP về công tác văn thư. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(docxHtmlToPages(html)).toEqual([
      "Theo Nghị định 30[1].\n\n1. Nghị định 30/2020/NĐ-CP về công tác văn thư.",
    ]);
  });

  it("marks third-level ordered items and nested bullets the Vietnamese way", () => {
    const html =
      "<ol><li>Một<ol><li>Hai<ol><li>Ba</li></ol></li></ol></li></ol><ul><li>Gạch<ul><li>Cộng</li></ul></li></ul>";
    expect(docxHtmlToPages(html)[0]?.split("\n\n")).toEqual(["1. Một", "a) Hai", "- Ba", "- Gạch", "+ Cộng"]);
  });

  it("starts list nesting afresh inside a table cell", () => {
    const html =
      "<ol><li>Nhiệm vụ<table><tr><td><ul><li>Tuyên truyền</li><li>Kiểm tra</li></ul></td></tr></table></li></ol>";
    expect(docxHtmlToPages(html)).toEqual(["1. Nhiệm vụ\n\n- Tuyên truyền; - Kiểm tra"]);
  });

  it("continues letters past z the way Word does", () => {
    const items = Array.from({ length: 27 }, (_, i) => `<li>m${i + 1}</li>`).join("");
    const blocks = docxHtmlToPages(`<ol><li>x<ol>${items}</ol></li></ol>`)[0]?.split("\n\n") ?? [];
    expect(blocks.slice(-2)).toEqual(["z) m26", "aa) m27"]);
  });

  it("pads a rowspan in the last column and drops rows with no text", () => {
    const html =
      '<table><tr><td>1</td><td rowspan="2">Khối vận</td></tr><tr><td>2</td></tr><tr><td></td><td></td></tr></table>';
    expect(docxHtmlToPages(html)).toEqual(["1\tKhối vận\n2\t"]);
  });

  it("never lets a tab or newline from a cell break the row", () => {
    const html = "<table><tr><td><p>a\tb</p><p>c<br />d</p></td><td>e</td></tr></table>";
    expect(docxHtmlToPages(html)).toEqual(["a b; c; d\te"]);
  });

  it("ignores a page break inside a table and a trailing page break", () => {
    const html =
      '<table><tr><td>x<hr class="kehoach-page-break" /></td></tr></table><p>y<hr class="kehoach-page-break" /></p>';
    expect(docxHtmlToPages(html)).toEqual(["x\n\ny"]);
  });

  it("gives one empty page for an empty document", () => {
    expect(docxHtmlToPages("")).toEqual([""]);
  });
});

describe("mammothReports", () => {
  it("folds style warnings into one info message and keeps other warnings once", () => {
    const reports = mammothReports([
      { type: "warning", message: "Unrecognised paragraph style: 'Body Text' (Style ID: TextBody)" },
      { type: "warning", message: "Unrecognised run style: 'Strong' (Style ID: Strong)" },
      { type: "warning", message: "An unrecognised element was ignored: w:customXml" },
      { type: "warning", message: "An unrecognised element was ignored: w:customXml" },
    ]);
    expect(reports.map((report) => report.severity)).toEqual(["warning", "info"]);
    expect(reports[1]?.reason).toContain("Body Text, Strong");
  });
});

describe("zip guard", () => {
  const contentTypes = { name: "[Content_Types].xml", data: "<Types/>" };

  it("reads the directory of a real DOCX", () => {
    const names = readZipDirectory(fixture("ke-hoach-papi.docx")).map((entry) => entry.name);
    expect(names).toContain("word/document.xml");
    expect(names).toContain("[Content_Types].xml");
  });

  it("rejects a document.xml that honestly declares 300 MB of zeros, before inflating it", async () => {
    // 300 MB of zeros deflate to ~300 KB: built in 1 MB chunks so the test never holds 300 MB.
    const chunk = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
    const end = deflateRawSync(Buffer.alloc(0));
    const compressed = Buffer.concat([...Array<Buffer>(300).fill(chunk), end]);
    const bomb = buildZip([
      contentTypes,
      { name: "word/document.xml", compressed, declaredSize: 300 * 1024 * 1024 },
    ]);
    const error = await readError(() => readDocx(bomb));
    expect(error.rule).toBe("zip-bomb");
    expect(error.message).toMatch(/expands \d+:1 to 300 MB/);
  });

  it("rejects a header that lies about the size, by inflating under a cap", async () => {
    const compressed = deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    const liar = buildZip([contentTypes, { name: "word/document.xml", compressed, declaredSize: 4096 }]);
    const error = await readError(() => readDocx(liar));
    expect(error.rule).toBe("zip-bomb");
    expect(error.message).toContain("beyond the 4 KB its header declares");
  });

  it("rejects a total declared size above the limit and too many entries", async () => {
    const many = buildZip(
      Array.from({ length: 20 }, (_, i) => ({ name: `word/media/image${i}.png`, data: "x" })),
    );
    expect((await readError(() => guardZip(many, { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 }))).rule).toBe(
      "zip-bomb",
    );
    // 60 pictures of 4 MB each: none compresses suspiciously, together they pass 200 MB.
    const pictures = Array.from({ length: 60 }, (_, i) => ({
      name: `word/media/scan${i}.jpg`,
      data: "x",
      method: 0 as const,
      declaredSize: 4 * 1024 * 1024,
    }));
    expect((await readError(() => guardZip(buildZip(pictures)))).message).toContain("expands to 240 MB");
  });

  it("rejects ZIP64 markers", async () => {
    const zip = buildZip([contentTypes]);
    zip.writeUInt16LE(0xffff, zip.length - 12); // total entries in the end record
    expect((await readError(() => guardZip(zip))).rule).toBe("zip-bomb");
  });

  it("calls a truncated DOCX corrupt", async () => {
    const docx = fixture("ke-hoach-papi.docx");
    const error = await readError(() => readDocx(docx.subarray(0, Math.floor(docx.length / 2))));
    expect(error.rule).toBe("corrupt");
    expect(error.message).toContain("truncated");
  });

  it("calls a DOCX whose document part is garbage corrupt", async () => {
    const broken = buildZip([
      contentTypes,
      { name: "word/document.xml", compressed: Buffer.from("not deflate") },
    ]);
    expect((await readError(() => readDocx(broken))).rule).toBe("corrupt");
  });

  it("explains a DOCX that holds only pictures", async () => {
    const xml =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
    const zip = buildZip([
      contentTypes,
      { name: "_rels/.rels", data: rels },
      { name: "word/document.xml", data: xml },
      { name: "word/media/image1.jpeg", data: "jpeg" },
    ]);
    const error = await readError(() => readDocx(zip));
    expect(error.rule).toBe("docx-images-only");
    expect(error.message).toContain("1 picture");
  });
});
