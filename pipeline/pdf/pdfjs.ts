import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { PDFParse } from "pdf-parse";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The pdfjs module, as pdf-parse runs it. */
export type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsModule: Promise<Pdfjs> | undefined;

/**
 * The pdfjs copy pdf-parse itself runs on (resolved from pdf-parse's folder, as pipeline/pdf/open.ts
 * resolves its assets), for its operator and image-kind codes: the numbers are pdfjs's, not ours to
 * hard-code.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsModule ??= (async () => {
    const fromPdfParse = createRequire(createRequire(import.meta.url).resolve("pdf-parse"));
    const path = fromPdfParse.resolve("pdfjs-dist/legacy/build/pdf.mjs");
    return (await import(pathToFileURL(path).href)) as Pdfjs;
  })();
  return pdfjsModule;
}

/** pdf-parse keeps its pdfjs document behind a private `load()`; reading it avoids parsing the file twice. */
export function documentOf(parser: PDFParse): Promise<PDFDocumentProxy> {
  const holder = parser as unknown as { load?: () => Promise<PDFDocumentProxy> };
  if (typeof holder.load !== "function")
    throw new Error("this pdf-parse version does not expose its document");
  return holder.load.call(parser);
}
