import type { Detected, Unsupported } from "./detect.js";
import { readZipDirectory } from "./zip-guard.js";

/** How much of a damaged ZIP is searched for part names when its directory cannot be read. */
const ZIP_HEAD = 256 * 1024;
/** OLE directory entries are 128 bytes, sector-aligned, the name (UTF-16LE) first, its byte length at 64. */
const OLE_ENTRY_SIZE = 128;
const OLE_NAME_LENGTH_AT = 64;

const reject = (rule: string, reason: string): Unsupported => ({ kind: "unsupported", rule, reason });

/** What the ODF `mimetype` entry says, when the archive starts with it (stored, as ODF requires). */
function odfMimeType(bytes: Buffer): string {
  if (bytes.toString("latin1", 30, 38) !== "mimetype") return "";
  const match = /^application\/[a-z0-9.+-]+/.exec(bytes.toString("latin1", 38, 38 + 80));
  return match ? match[0] : "";
}

/** The part names of a ZIP: from its directory, or, when that is damaged, found in its head. */
function zipPartNames(bytes: Buffer): { has(name: RegExp): boolean; count: number | null } {
  try {
    const names = readZipDirectory(bytes).map((entry) => entry.name);
    return { has: (name) => names.some((n) => name.test(n)), count: names.length };
  } catch {
    // A truncated DOCX still shows its part names in the local headers at the start: calling it a
    // DOCX lets the DOCX backend say precisely that it is damaged.
    const head = bytes.toString("latin1", 0, ZIP_HEAD);
    return { has: (name) => new RegExp(name.source.replace(/^\^|\$$/g, "")).test(head), count: null };
  }
}

/**
 * Classifies a ZIP-based file: a Word document (a `word/document.xml` part, or a content-types
 * part plus `word/` parts) is a DOCX; spreadsheets, presentations, OpenDocument files and plain
 * archives are rejected with what to convert them to.
 */
export function describeZipFile(bytes: Buffer): Detected {
  const parts = zipPartNames(bytes);
  if (
    parts.has(/^word\/document\d*\.xml$/) ||
    (parts.has(/^\[Content_Types\]\.xml$/) && parts.has(/^word\//))
  ) {
    return { kind: "docx" };
  }
  if (parts.has(/^xl\//)) {
    return reject(
      "spreadsheet",
      "This is an Excel spreadsheet (.xlsx), not a document: export it to PDF first.",
    );
  }
  if (parts.has(/^ppt\//)) {
    return reject("presentation", "This is a PowerPoint presentation (.pptx): export it to PDF first.");
  }
  const mime = odfMimeType(bytes);
  if (mime === "application/vnd.oasis.opendocument.text") {
    return reject(
      "opendocument",
      "This is an OpenDocument text (.odt), which is not supported: open it in LibreOffice or Word and save it as .docx.",
    );
  }
  if (mime.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
    return reject(
      "spreadsheet",
      "This is an OpenDocument spreadsheet (.ods), not a document: export it to PDF first.",
    );
  }
  if (mime.startsWith("application/vnd.oasis.opendocument.presentation")) {
    return reject("presentation", "This is an OpenDocument presentation (.odp): export it to PDF first.");
  }
  const files = parts.count === null ? "" : ` of ${parts.count} files`;
  return reject(
    "archive",
    `This is a ZIP archive${files} that is not a Word document: unpack it and put the documents it holds in the inbox.`,
  );
}

/** Whether an OLE compound file holds a directory entry (stream or storage) with exactly this name. */
export function hasOleEntry(bytes: Buffer, name: string): boolean {
  const needle = Buffer.from(`${name}\0`, "utf16le");
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 2)) {
    if (at % OLE_ENTRY_SIZE !== 0 || at + OLE_NAME_LENGTH_AT + 2 > bytes.length) continue;
    if (bytes.readUInt16LE(at + OLE_NAME_LENGTH_AT) === needle.length) return true;
  }
  return false;
}

/**
 * Classifies an OLE compound file (D0 CF 11 E0): a Word 97–2003 `.doc` (a `WordDocument` stream),
 * a password-protected OOXML file (Office wraps the encrypted DOCX/XLSX in an `EncryptedPackage`
 * stream), a legacy spreadsheet or presentation, or something else. Searches the whole file for the
 * directory entries (they may sit anywhere), which `Buffer.indexOf` does at memory speed.
 */
export function describeOleFile(bytes: Buffer, fileName: string): Detected {
  if (hasOleEntry(bytes, "EncryptedPackage")) {
    return reject(
      "encrypted",
      "This Office document is password-protected: open it in Word, remove the password (File › Info › Protect Document) and save it again as .docx.",
    );
  }
  if (hasOleEntry(bytes, "WordDocument")) {
    const named = /\.docx$/i.test(fileName)
      ? " (the file is named .docx, but its content is an old .doc)"
      : "";
    return reject("legacy-doc", `Word 97–2003 .doc is not supported${named}: save it as .docx.`);
  }
  if (hasOleEntry(bytes, "Workbook") || hasOleEntry(bytes, "Book")) {
    return reject(
      "spreadsheet",
      "This is an Excel 97–2003 spreadsheet (.xls), not a document: export it to PDF first.",
    );
  }
  if (hasOleEntry(bytes, "PowerPoint Document")) {
    return reject(
      "presentation",
      "This is a PowerPoint 97–2003 presentation (.ppt): export it to PDF first.",
    );
  }
  return reject(
    "legacy-office",
    "This is an OLE compound file (an old Microsoft Office or Outlook format) that is not a Word document: save it as .docx or PDF.",
  );
}
