import { extname } from "node:path";
import { describeOleFile, describeZipFile } from "./detect-containers.js";
import { decodeLegacyBytes, decodeText, headAtBoundary, sniffTextEncoding } from "./text-decode.js";

/** The formats a backend exists for (see `backends` in index.ts). */
export type SupportedFormat = "pdf" | "docx" | "image" | "text";

/**
 * What {@link detectFormat} found. A supported format may carry a `note` for the operator (a file
 * whose name says one thing and whose content another); an unsupported one always carries a `rule`
 * (stable, for code and tests) and a `reason` (one English sentence, for the run manifest).
 */
export type Detected = { kind: SupportedFormat; note?: string } | Unsupported;

/** A file no backend reads, with the rule that rejected it and what the operator can do. */
export interface Unsupported {
  kind: "unsupported";
  rule: string;
  reason: string;
}

/** How far into a file `%PDF-` may start: readers accept junk before it, so real files have some. */
const PDF_HEADER_WINDOW = 1024;
/** How far from the end a PDF's `%%EOF` / `startxref` may lie (writers append a little junk too). */
const PDF_TAIL_WINDOW = 4096;
/** How much of a file the text checks decode: enough to judge, cheap for a file of hundreds of MB. */
const TEXT_HEAD = 64 * 1024;
/** Share of control characters above which decoded "text" is really binary. */
const MAX_CONTROL_SHARE = 0.01;
const DESCRIPTION_OF: Record<SupportedFormat, string> = {
  pdf: "a PDF",
  docx: "a Word .docx document",
  image: "an image",
  text: "plain text",
};
const EXTENSIONS_OF: Record<SupportedFormat, string[]> = {
  pdf: [".pdf"],
  docx: [".docx", ".docm", ".dotx"],
  image: [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".jfif", ".webp"],
  text: [".txt", ".md", ".text", ".csv", ".html", ".htm", ""],
};

const startsWith = (bytes: Buffer, magic: number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((byte, i) => bytes[at + i] === byte);

const ascii = (bytes: Buffer, from: number, to: number): string => bytes.toString("latin1", from, to);

/** Detects a supported format from magic bytes at the very start of the file. */
function detectByMagic(bytes: Buffer, fileName: string): Detected | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: "image" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "image" };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: "image" };
  }
  // WebP: what phones and messaging apps often send instead of JPEG; the image backend reads it.
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { kind: "image" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return describeZipFile(bytes);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return describeOleFile(bytes, fileName);
  }
  if (ascii(bytes, 0, 5) === "{\\rtf") {
    return unsupported(
      "rtf",
      "This is an RTF document, which is not supported: open it in Word and save it as .docx.",
    );
  }
  return detectOtherBinary(bytes);
}

/** Recognisable binary formats we do not read, named so the operator knows what to convert. */
function detectOtherBinary(bytes: Buffer): Unsupported | null {
  const image = (name: string): Unsupported =>
    unsupported(
      "unsupported-image",
      `This is a ${name} image; only PNG, JPEG, TIFF and WebP scans are supported: convert it to PNG or JPEG.`,
    );
  if (ascii(bytes, 0, 4) === "GIF8") return image("GIF");
  if (ascii(bytes, 0, 2) === "BM" && bytes.length >= 6 && bytes.readUInt32LE(2) === bytes.length) {
    return image("BMP");
  }
  if (ascii(bytes, 4, 8) === "ftyp" && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(ascii(bytes, 8, 12))) {
    return image("HEIC/AVIF (phone camera)");
  }
  const archive = (name: string): Unsupported =>
    unsupported(
      "archive",
      `This is a ${name} archive: unpack it and put the documents it holds in the inbox.`,
    );
  if (startsWith(bytes, [0x1f, 0x8b])) return archive("gzip");
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return archive("7-Zip");
  if (ascii(bytes, 0, 4) === "Rar!") return archive("RAR");
  return null;
}

/**
 * `%PDF-` at the start, or after a little junk (a mail gateway's header, a BOM, stray bytes). After
 * junk, a text that merely mentions "%PDF-1.4" must not pass: the file must also end like a PDF.
 */
function findsPdfHeader(bytes: Buffer): boolean {
  const at = bytes.subarray(0, PDF_HEADER_WINDOW + 8).indexOf("%PDF-", 0, "latin1");
  if (at === 0) return true;
  if (at < 0 || !/^%PDF-\d\.\d/.test(ascii(bytes, at, at + 8))) return false;
  const tail = ascii(bytes, Math.max(0, bytes.length - PDF_TAIL_WINDOW), bytes.length);
  return tail.includes("%%EOF") || tail.includes("startxref");
}

/** Counts C0/C1 control characters other than the whitespace ones text files use. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isWhitespaceControl = code >= 0x09 && code <= 0x0d;
    if ((code < 0x20 && !isWhitespaceControl) || (code >= 0x7f && code <= 0x9f)) controls++;
  }
  return controls / text.length;
}

/**
 * Share of bytes below 0x20 (other than tab, line breaks, form feed and the DOS end-of-file
 * Ctrl-Z) in bytes that are not UTF-8: 8-bit Vietnamese encodings use every byte from 0x80 up,
 * so only the low control bytes tell a legacy-encoded text from a binary file.
 */
function lowControlShare(bytes: Uint8Array): number {
  let controls = 0;
  for (const byte of bytes) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a)) controls++;
  return bytes.length === 0 ? 0 : controls / bytes.length;
}

/** Decides between text, empty and binary for a file no magic number claimed. */
function detectText(bytes: Buffer, fileName: string): Detected {
  const encoding = sniffTextEncoding(bytes);
  const head = headAtBoundary(bytes, encoding, TEXT_HEAD);
  // NUL never occurs in UTF-8 text, and is the surest sign of a binary file.
  if (encoding === "utf-8" && head.includes(0)) return unknownFormat(fileName, "it contains NUL bytes");
  let text: string;
  try {
    text = decodeText(head, encoding, true);
  } catch {
    if (encoding !== "utf-8")
      return unknownFormat(fileName, `it is not valid ${encoding.toUpperCase()} text`);
    if (lowControlShare(head) > MAX_CONTROL_SHARE) {
      return unknownFormat(fileName, "its bytes are neither text nor a known file type");
    }
    // Clearly Vietnamese in Windows-1258, TCVN3 or VNI: the text backend decodes and converts it.
    if (decodeLegacyBytes(head)) return withNote({ kind: "text" }, fileName);
    return unsupported(
      "text-encoding",
      "This text file is not UTF-8, and its bytes do not read as Vietnamese in Windows-1258, TCVN3 or VNI either: save it again as UTF-8.",
    );
  }
  if (
    /^\s*$/.test(text) &&
    (head.length === bytes.length || /^\s*$/.test(decodeText(bytes, encoding, false)))
  ) {
    return emptyFile();
  }
  if (text.includes("\0") || controlShare(text) > MAX_CONTROL_SHARE) {
    return unknownFormat(fileName, "it decodes as text but is mostly control characters");
  }
  return withNote({ kind: "text" }, fileName);
}

/** Adds a note when the file's extension promises a different format than its content. */
function withNote(detected: { kind: SupportedFormat }, fileName: string): Detected {
  const extension = extname(fileName).toLowerCase();
  if (EXTENSIONS_OF[detected.kind].includes(extension)) return detected;
  const known = Object.values(EXTENSIONS_OF).some((list) => list.includes(extension));
  if (!known) return detected;
  return {
    ...detected,
    note: `The file is named ${extension} but its content is ${DESCRIPTION_OF[detected.kind]}; it was read as such.`,
  };
}

function emptyFile(): Unsupported {
  return unsupported("empty", "The file is empty (no bytes, or only white space): nothing to read.");
}

function unknownFormat(fileName: string, why: string): Unsupported {
  const extension = extname(fileName).toLowerCase();
  const named = extension ? ` (named ${extension})` : "";
  return unsupported(
    "unknown-format",
    `The file${named} is not a PDF, DOCX, PNG/JPEG/TIFF/WebP image or UTF-8 text file: ${why}.`,
  );
}

/** Builds an {@link Unsupported} result. */
export function unsupported(rule: string, reason: string): Unsupported {
  return { kind: "unsupported", rule, reason };
}

/**
 * Detects a file's format from its content; the name is only used for notes and reasons (a text
 * file named .pdf is text). Reads only the head of the file, except to find a ZIP's directory at
 * its end and an OLE file's stream names, so a file of hundreds of MB costs microseconds.
 */
export function detectFormat(bytes: Buffer, fileName: string): Detected {
  if (bytes.length === 0) return emptyFile();
  const byMagic = detectByMagic(bytes, fileName);
  if (byMagic) {
    return byMagic.kind === "unsupported" ? byMagic : withNote(byMagic, fileName);
  }
  // Checked after the magic numbers: "%PDF-" may follow junk, but no other format starts with junk.
  if (findsPdfHeader(bytes)) return withNote({ kind: "pdf" }, fileName);
  return detectText(bytes, fileName);
}
