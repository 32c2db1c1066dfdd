import { inflateRawSync } from "node:zlib";
import { ReadError } from "./types.js";

/** One file inside a ZIP archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate (the only two methods a DOCX uses). */
  method: number;
  /** General-purpose flags; bit 0 set means the entry is encrypted. */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header, already corrected for bytes prepended to the archive. */
  localHeaderOffset: number;
}

/** Limits that keep a hostile archive from exhausting memory when a library inflates it. */
export interface ZipLimits {
  /** Largest total declared uncompressed size of all entries, in bytes. */
  maxTotalBytes: number;
  /** Most entries an archive may hold (a DOCX has a few dozen, a few hundred with many pictures). */
  maxEntries: number;
  /** Largest compression ratio allowed for an entry bigger than {@link ZipLimits.ratioMinBytes}. */
  maxRatio: number;
  /** Entries smaller than this are never judged by their ratio (tiny XML parts compress very well). */
  ratioMinBytes: number;
}

/** Defaults sized for Word documents: real XML parts compress 5–30:1, deflate's ceiling is ~1000:1. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 100,
  ratioMinBytes: 4 * 1024 * 1024,
};

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;

/** A size for a reason a person reads: MB, or KB below one megabyte. */
const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.ceil(bytes / 1024)} KB`;

function corrupt(detail: string): ReadError {
  return new ReadError(
    "corrupt",
    `The ZIP container of this file is damaged (${detail}): re-save or re-export it.`,
  );
}

function zip64(): ReadError {
  return new ReadError(
    "zip-bomb",
    "The ZIP container uses ZIP64 (sizes or counts beyond 4 GB / 65,535 entries), which no real Word document needs: it was rejected as a possible zip bomb.",
  );
}

/** Finds the End Of Central Directory record: the last signature whose fields fit the file. */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    const commentLength = bytes.readUInt16LE(at + 20);
    // Some writers append junk after the comment; only a record pointing past the end is impossible.
    if (at + EOCD_SIZE + commentLength <= bytes.length) return at;
  }
  return -1;
}

/**
 * Reads a ZIP archive's central directory without inflating anything. Throws
 * `ReadError("corrupt")` for a truncated or damaged archive and `ReadError("zip-bomb")` for ZIP64.
 */
export function readZipDirectory(bytes: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw corrupt("its directory is missing, the file is probably truncated");
  const disk = bytes.readUInt16LE(eocd + 4);
  const directoryDisk = bytes.readUInt16LE(eocd + 6);
  const count = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const declaredOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || declaredOffset === 0xffffffff) throw zip64();
  if (eocd >= 20 && bytes.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) throw zip64();
  if (disk !== 0 || directoryDisk !== 0) throw corrupt("it is one part of a split archive");

  // Bytes prepended to the archive (a self-extractor stub, a mail gateway's junk) shift every offset.
  const directoryStart = eocd - directorySize;
  const shift = directoryStart - declaredOffset;
  if (directoryStart < 0 || shift < 0) throw corrupt("its directory lies outside the file");

  const entries: ZipEntry[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER_SIZE > eocd || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw corrupt(`directory entry ${i + 1} of ${count} is unreadable`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42) + shift,
      name: bytes.toString("utf8", at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset - shift === 0xffffffff
    ) {
      throw zip64();
    }
    if (entry.localHeaderOffset + LOCAL_HEADER_SIZE > directoryStart) {
      throw corrupt(`the data of "${entry.name}" lies outside the file`);
    }
    entries.push(entry);
    at += CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of one entry, located through its local header. */
function compressedData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw corrupt(`the header of "${entry.name}" is unreadable`);
  }
  const start = at + LOCAL_HEADER_SIZE + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`"${entry.name}" is cut short`);
  return bytes.subarray(start, end);
}

/**
 * Inflates one entry, refusing to produce more than `maxBytes`: zlib stops as soon as the output
 * passes the cap, so a lying header costs at most `maxBytes` of memory, never the bomb's full size.
 */
export function readZipEntry(bytes: Buffer, entry: ZipEntry, maxBytes = entry.uncompressedSize): Buffer {
  if ((entry.flags & 1) !== 0) {
    throw new ReadError("encrypted", `"${entry.name}" inside the ZIP container is password-protected.`);
  }
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw bomb(`"${entry.name}" is larger than its header says`);
    return data;
  }
  if (entry.method !== 8) throw corrupt(`"${entry.name}" uses compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw bomb(`"${entry.name}" expands beyond the ${size(maxBytes)} its header declares`);
    }
    throw corrupt(`"${entry.name}" cannot be decompressed`);
  }
}

function bomb(detail: string): ReadError {
  return new ReadError("zip-bomb", `The ZIP container was rejected as a possible zip bomb: ${detail}.`);
}

/**
 * Checks a ZIP archive before a library inflates it in memory (mammoth uses JSZip, which inflates
 * whole parts at once): rejects too many entries, a total declared size above the limit, and
 * entries whose compression ratio only a bomb reaches. Declared sizes can lie, so every XML part
 * (the parts mammoth reads; pictures are never read) is also inflated here with its declared size
 * as a hard cap. The last line of defence against anything this misses is the batch's per-file
 * memory limit. Returns the directory for callers that need it.
 */
export function guardZip(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = readZipDirectory(bytes);
  if (entries.length > limits.maxEntries) {
    throw bomb(`it holds ${entries.length} entries (a Word document holds at most a few hundred)`);
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioMinBytes && ratio > limits.maxRatio) {
      throw bomb(
        `"${entry.name}" expands ${Math.round(ratio)}:1 to ${size(entry.uncompressedSize)}, beyond any real document`,
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    throw bomb(`it expands to ${size(total)}, above the ${size(limits.maxTotalBytes)} limit`);
  }
  for (const entry of entries) {
    if (/\.(xml|rels)$/i.test(entry.name)) readZipEntry(bytes, entry);
  }
  return entries;
}
