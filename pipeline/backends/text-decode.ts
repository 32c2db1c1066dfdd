import { convertLegacy } from "../text/legacy-encoding.js";
import { isValidSyllable } from "../text/syllable.js";

/** The Unicode encodings a plain-text file may use: UTF-8 (BOM optional) or UTF-16 with a BOM. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** Which encoding a byte-order mark announces; no BOM means UTF-8 (Windows Notepad marks UTF-16). */
export function sniffTextEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/**
 * Decodes bytes in the given encoding, dropping the BOM. With `fatal`, throws a `TypeError` on the
 * first invalid sequence; without it, invalid sequences become U+FFFD.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/**
 * The first `limit` bytes cut at a character boundary, so a head that splits a multi-byte
 * character (UTF-8), a code unit or a surrogate pair (UTF-16) still decodes cleanly with `fatal`.
 */
export function headAtBoundary(bytes: Uint8Array, encoding: TextEncoding, limit: number): Uint8Array {
  if (bytes.length <= limit) return bytes;
  let end = limit;
  if (encoding === "utf-8") {
    // Step back over continuation bytes (10xxxxxx) to the lead byte, then drop the incomplete char.
    let lead = end;
    while (lead > end - 4 && lead > 0 && ((bytes[lead - 1] ?? 0) & 0xc0) === 0x80) lead--;
    const first = bytes[lead - 1] ?? 0;
    const width = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
    if (lead - 1 + width > end) end = lead - 1;
  } else {
    end -= end % 2;
    // Do not end on a high surrogate: its low half is past the cut.
    const unit = encoding === "utf-16le" ? (bytes[end - 1] ?? 0) : (bytes[end - 2] ?? 0);
    if (unit >= 0xd8 && unit <= 0xdb) end -= 2;
  }
  return bytes.subarray(0, end);
}

/** The 8-bit Vietnamese encodings a text file that is not UTF-8 may be read in. */
export type LegacyByteEncoding = "windows-1258" | "tcvn3" | "vni";

/** A text file's bytes read in an 8-bit Vietnamese encoding (see {@link decodeLegacyBytes}). */
export interface LegacyDecoded {
  /** Windows-1258: Unicode NFC. TCVN3/VNI: the bytes as Latin-1, for `convertLegacy` to convert. */
  text: string;
  encoding: LegacyByteEncoding;
}

/** Fewer Vietnamese words than this and the guess is not worth making; the share must be high too. */
const MIN_VIETNAMESE_WORDS = 2;
const MIN_VIETNAMESE_SHARE = 0.8;

/**
 * Reads bytes that are not UTF-8 in the 8-bit Vietnamese encoding that makes them clearly
 * Vietnamese: Windows-1258 (tone marks as combining characters, composed to NFC), or TCVN3 / VNI
 * (the bytes read as Latin-1, then converted). Among the words with a letter outside ASCII, the
 * winner must read as Vietnamese syllables for at least 80% of them. Null when none does (a
 * Latin-1 French file, a binary file): the caller keeps its "not UTF-8" error.
 */
export function decodeLegacyBytes(bytes: Uint8Array): LegacyDecoded | null {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const candidates: Array<LegacyDecoded & { converted: string }> = [];
  const cp1258 = new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
  candidates.push({ text: cp1258, encoding: "windows-1258", converted: cp1258 });
  const legacy = convertLegacy(latin1);
  if (legacy.encoding) candidates.push({ text: latin1, encoding: legacy.encoding, converted: legacy.text });
  let best: { decoded: LegacyDecoded; valid: number } | null = null;
  for (const { converted, ...decoded } of candidates) {
    const { valid, share } = vietnameseWords(converted);
    if (valid < MIN_VIETNAMESE_WORDS || share < MIN_VIETNAMESE_SHARE) continue;
    if (!best || valid > best.valid) best = { decoded, valid };
  }
  return best?.decoded ?? null;
}

/** Words holding a letter outside ASCII: how many read as Vietnamese syllables, and their share. */
function vietnameseWords(text: string): { valid: number; share: number } {
  let words = 0;
  let valid = 0;
  for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if (!/\P{ASCII}/u.test(word)) continue;
    words++;
    if (isValidSyllable(word)) valid++;
  }
  return { valid, share: words === 0 ? 0 : valid / words };
}
