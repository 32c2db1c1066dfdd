import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { PDFParse } from "pdf-parse";
import { ReadError } from "../backends/types.js";

/**
 * Folders of pdfjs-dist (the copy pdf-parse depends on) that pdfjs reads from disk in Node: the
 * 14 standard fonts (to render PDFs whose fonts are not embedded, as Word's "Times New Roman"
 * often is not), CMaps (CJK encodings), and the wasm decoders for JPEG 2000 scans and ICC colour.
 * Given as local paths, so pdfjs never fetches them.
 */
function pdfjsAssets(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string; iccUrl: string } {
  const fromPdfParse = createRequire(createRequire(import.meta.url).resolve("pdf-parse"));
  const root = dirname(fromPdfParse.resolve("pdfjs-dist/package.json"));
  const folder = (name: string) => join(root, name) + sep;
  return {
    standardFontDataUrl: folder("standard_fonts"),
    cMapUrl: folder("cmaps"),
    wasmUrl: folder("wasm"),
    iccUrl: folder("iccs"),
  };
}

let assets: ReturnType<typeof pdfjsAssets> | undefined;

/**
 * Opens a PDF with pdf-parse. The bytes are copied: pdfjs takes ownership of (and empties) the
 * array it is given. `verbosity: 0` keeps pdfjs's font and structure warnings off stdout.
 */
export function openPdf(bytes: Uint8Array): PDFParse {
  assets ??= pdfjsAssets();
  return new PDFParse({
    data: new Uint8Array(bytes),
    verbosity: 0,
    ...assets,
    cMapPacked: true,
    // Scripts and XFA forms play no part in reading a document's text.
    isEvalSupported: false,
    enableXfa: false,
  });
}

/**
 * Turns an error from pdf-parse/pdfjs into a {@link ReadError} a user can act on: a password
 * ("encrypted"), or a file pdfjs cannot parse ("corrupt", with pdfjs's own message).
 */
export function pdfReadError(error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new ReadError(
      "encrypted",
      "The PDF is password-protected: save an unprotected copy (or print it to PDF) and add that instead.",
    );
  }
  return new ReadError(
    "corrupt",
    `The PDF could not be read (${message}): it may be damaged or incomplete; export it again from its source.`,
  );
}
