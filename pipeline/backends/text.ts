import { convertLegacyPages } from "../text/legacy-pages.js";
import { PAGE_SEPARATOR } from "../text/types.js";
import { decodeLegacyBytes, decodeText, sniffTextEncoding } from "./text-decode.js";
import type { Backend, BackendResult, RawPage } from "./types.js";
import { ReadError } from "./types.js";

/**
 * Splits decoded text into pages. Plain text has no pages, except where a converter wrote form
 * feeds (pdftotext ends every page with one): then each form feed ends a page, and the final form
 * feed does not open an empty last page.
 */
export function splitTextPages(text: string): string[] {
  const pages = text.split(PAGE_SEPARATOR);
  if (pages.length > 1 && pages[pages.length - 1] === "") pages.pop();
  return pages;
}

/**
 * The plain-text backend: decodes UTF-8 (BOM dropped) or UTF-16 LE/BE (with a BOM) and keeps the
 * text exactly otherwise; normalisation belongs to the normaliser, which maps offsets back to this
 * raw text. Bytes that are not UTF-8 but clearly Vietnamese in Windows-1258, TCVN3 or VNI are read
 * in that encoding; other invalid UTF-8 is replaced by U+FFFD with a warning instead of failing the
 * file. Pages holding text typed in a legacy font (TCVN3/VNI, even saved as UTF-8) are converted.
 */
export const textBackend: Backend = {
  async read(input, ctx): Promise<BackendResult> {
    ctx.signal.throwIfAborted();
    const encoding = sniffTextEncoding(input.bytes);
    let text: string;
    let legacyBytes: string | null = null;
    try {
      text = decodeText(input.bytes, encoding, true);
    } catch {
      const legacy = encoding === "utf-8" ? decodeLegacyBytes(input.bytes) : null;
      if (legacy) {
        text = legacy.text;
        legacyBytes = legacy.encoding === "windows-1258" ? "Windows-1258" : legacy.encoding.toUpperCase();
      } else {
        text = decodeText(input.bytes, encoding, false);
        ctx.report({
          severity: "warning",
          rule: "text-encoding",
          reason: `The file is not entirely valid ${encoding.toUpperCase()}: invalid bytes were replaced by "\uFFFD" (${countReplacements(text)} places); text there may be lost.`,
        });
      }
    }
    if (/^\s*$/.test(text)) {
      throw new ReadError("empty", "The text file holds only white space: nothing to read.");
    }
    if (encoding !== "utf-8" || legacyBytes) {
      ctx.report({
        severity: "info",
        rule: "text-encoding",
        reason: legacyBytes
          ? `The file is not UTF-8: its bytes read as Vietnamese in ${legacyBytes} and were decoded so.`
          : `Decoded as ${encoding.toUpperCase()} (byte-order mark).`,
      });
    }
    const pages: RawPage[] = convertLegacyPages(
      splitTextPages(text).map((pageText, i) => ({ page: i + 1, text: pageText, method: "plain" as const })),
      (message) => ctx.report(message),
    );
    return { pages, format: "text" };
  },
};

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\uFFFD"); at >= 0; at = text.indexOf("\uFFFD", at + 1)) count++;
  return count;
}
