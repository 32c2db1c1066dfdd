import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitTextPages, textBackend } from "../pipeline/backends/text.js";
import type { BackendContext, BackendResult } from "../pipeline/backends/types.js";
import { ReadError } from "../pipeline/backends/types.js";
import type { Message } from "../schemas/index.js";

const corpus = (name: string): Buffer => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url));

async function readText(bytes: Buffer): Promise<BackendResult & { reports: Omit<Message, "stage">[] }> {
  const reports: Omit<Message, "stage">[] = [];
  const ctx: BackendContext = {
    ocr: {
      recognise: () => Promise.reject(new Error("no OCR for text")),
      terminate: () => Promise.resolve(),
    },
    signal: new AbortController().signal,
    report: (message) => reports.push(message),
  };
  const result = await textBackend.read({ path: "a.txt", bytes }, ctx);
  return { ...result, reports };
}

const withBom = (bom: number[], text: string, encoding: "utf16le" | "utf8"): Buffer =>
  Buffer.concat([Buffer.from(bom), Buffer.from(text, encoding)]);

describe("textBackend", () => {
  it("keeps a real corpus document exactly, as one page", async () => {
    const bytes = corpus("000_e4db89253d0a1edd.txt");
    const { pages, format, reports } = await readText(bytes);
    expect(format).toBe("text");
    expect(pages).toEqual([{ page: 1, text: bytes.toString("utf8"), method: "plain" }]);
    expect(reports).toEqual([]);
  });

  it("does no normalisation: CRLF, NFD and markdown residue stay as they are", async () => {
    const raw = "**KẾ HOẠCH**\r\nSố: 08/KH-UBND\r\n".normalize("NFD");
    const { pages } = await readText(Buffer.from(raw, "utf8"));
    expect(pages[0]?.text).toBe(raw);
  });

  it("drops the UTF-8 byte-order mark", async () => {
    const { pages } = await readText(withBom([0xef, 0xbb, 0xbf], "Ủy ban nhân dân", "utf8"));
    expect(pages[0]?.text).toBe("Ủy ban nhân dân");
  });

  it("decodes UTF-16 LE and BE with a byte-order mark, and says so", async () => {
    const text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\nĐộc lập - Tự do - Hạnh phúc";
    const little = withBom([0xff, 0xfe], text, "utf16le");
    const big = Buffer.from(little).swap16();
    const fromLittle = await readText(little);
    expect(fromLittle.pages[0]?.text).toBe(text);
    expect(fromLittle.reports[0]?.reason).toContain("UTF-16LE");
    expect((await readText(big)).pages[0]?.text).toBe(text);
  });

  it("makes one page per form feed, without an empty page after a final form feed", async () => {
    const { pages } = await readText(Buffer.from("Trang một\fTrang hai\f\fTrang bốn\f", "utf8"));
    expect(pages.map((page) => [page.page, page.text])).toEqual([
      [1, "Trang một"],
      [2, "Trang hai"],
      [3, ""],
      [4, "Trang bốn"],
    ]);
  });

  it("replaces invalid UTF-8 with U+FFFD and warns instead of failing", async () => {
    const bytes = Buffer.concat([
      Buffer.from("Quyết định số 1211/QĐ-UBND ", "utf8"),
      Buffer.from([0xc3, 0x28]),
    ]);
    const { pages, reports } = await readText(bytes);
    expect(pages[0]?.text).toBe("Quyết định số 1211/QĐ-UBND \uFFFD(");
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ severity: "warning", rule: "text-encoding" });
  });

  it("throws ReadError('empty') for a file of white space", async () => {
    const error = await readText(Buffer.from(" \r\n\t ", "utf8")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).rule).toBe("empty");
  });

  it("stops before reading when the file's time is already up", async () => {
    const controller = new AbortController();
    controller.abort(new Error("time limit"));
    const ctx: BackendContext = {
      ocr: { recognise: () => Promise.reject(new Error("unused")), terminate: () => Promise.resolve() },
      signal: controller.signal,
      report: () => {},
    };
    await expect(textBackend.read({ path: "a.txt", bytes: Buffer.from("x") }, ctx)).rejects.toThrow(
      "time limit",
    );
  });
});

describe("splitTextPages", () => {
  it("keeps text without form feeds whole, even when empty", () => {
    expect(splitTextPages("một\nhai")).toEqual(["một\nhai"]);
    expect(splitTextPages("")).toEqual([""]);
  });

  it("keeps a leading empty page (a form feed first is a blank first page)", () => {
    expect(splitTextPages("\fhai")).toEqual(["", "hai"]);
  });
});
