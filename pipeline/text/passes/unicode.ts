import { type MappedText, OffsetMapBuilder, rewrite } from "../offset-map.js";

/**
 * Characters and sequences fixed by {@link unicodePass}, in one scan:
 * - CR LF, lone CR, vertical tab (Word's soft break) and Unicode line/paragraph separators → LF;
 * - no-break and typographic spaces → a plain space (they break `\s`-less matching and collapsing);
 * - zero-width characters, BOM and soft hyphens → removed (invisible, they split words);
 * - "ƣ"/"Ƣ" (U+01A3/U+01A2, LATIN OI), the classic TCVN3/VNI → Unicode converter mistake for
 *   "ư"/"Ư", and the Icelandic eth "Ð"/"ð" used for "Đ"/"đ" by the same converters;
 * - a base letter followed by combining marks (NFD from PDFs, or marks in a non-canonical order)
 *   → its NFC form. Vietnamese letters all compose to one code unit.
 */
const UNICODE_FIXES =
  /\r\n?|[\v\u2028\u2029]|[\u00A0\u2000-\u200A\u202F\u205F\u3000]|[\u200B-\u200D\u2060\uFEFF\u00AD]|[\u01A2\u01A3\u00D0\u00F0]\p{M}*|\P{M}\p{M}+|\p{M}+/gu;

/** A cheap test for "anything to fix": most typed text is already clean NFC. */
const NEEDS_FIX =
  /[\r\v\u2028\u2029\u00A0\u2000-\u200D\u202F\u205F\u3000\u2060\uFEFF\u00AD\u01A2\u01A3\u00D0\u00F0\p{M}]/u;

const LETTER_FIXES: Record<string, string> = { "\u01A3": "ư", "\u01A2": "Ư", "\u00F0": "đ", "\u00D0": "Đ" };

function fixLetters(text: string): string {
  let out = "";
  for (const ch of text) out += LETTER_FIXES[ch] ?? ch;
  return out;
}

/**
 * Unicode clean-up: NFC, converter letter artefacts, line ends, invisible characters. Every other
 * character is kept, so offsets only move where something was actually fixed.
 */
export function unicodePass(text: string): MappedText {
  if (!NEEDS_FIX.test(text)) return new OffsetMapBuilder(text).finish();
  return rewrite(text, UNICODE_FIXES, (m) => {
    const s = m[0];
    const first = s.charCodeAt(0);
    if (first === 0x0d || first === 0x0b || first === 0x2028 || first === 0x2029) return "\n";
    if (s.length === 1 && /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/.test(s)) return " ";
    if (s.length === 1 && /[\u200B-\u200D\u2060\uFEFF\u00AD]/.test(s)) return "";
    if (/^\p{M}/u.test(s)) return null; // marks with no base (after a line start): nothing to attach to
    return fixLetters(s).normalize("NFC");
  });
}
