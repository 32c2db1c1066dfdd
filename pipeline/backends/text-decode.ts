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
