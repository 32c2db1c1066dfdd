/**
 * Recipients: the items under "Kính gửi:" (the addressees of a công văn) and under "Nơi nhận:"
 * (everyone who gets a copy). Items are "- " lines ending in ";" or "."; a DOCX cell flattened
 * onto one line keeps them on one line ("Nơi nhận: - Như trên; - Lưu: VT."). "Lưu: VT" (the
 * archive copy) is not a recipient, nor are "Như trên" / "Như Điều 4", which point back at the
 * addressees; purpose notes ("(b/c)", "(để báo cáo)") and brace residue ("} (báo cáo)") are dropped.
 */
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Span } from "./metadata-header.js";
import { isBlankLine, isUpper, type Line, squash } from "./metadata-text.js";
import { CAPACITIES, PARTY_CAPACITY_MARKS, POSITIONS, SIGNING_BODIES } from "./vocab/signers.js";

type Doc = Pick<NormalisedDocument, "text" | "folded">;

/** A list of recipients and the span of its items. */
export interface RecipientList {
  items: string[];
  span: Span;
}

/** Items that are not recipients, folded, at the item's start. */
const NOT_RECIPIENT = /^(?:luu\b|nhu tren\b|nhu dieu\b|nhu kinh gui\b)/;
/** A purpose note at an item's end: "(b/c)", "(báo cáo)", "(để biết)", "(t/h)". Folded. */
const PURPOSE_NOTE =
  /\s*\((?:de\s+)?(?:b\/c|bao cao|biet|t\/h|thuc hien|p\/h|phoi hop|chi dao|theo doi)\)\s*$/;
/** A line that ends the list: a signature mark ("TM.", or a Party "T/M"), or a heading. */
const LIST_END =
  /^(?:tm|kt|tl|tuq)\s*\.|^(?:t\s*\/\s*m|k\s*\/\s*t|t\s*\/\s*l|t\s*\/\s*uq)\s|^(?:chu tich|pho chu tich|giam doc)\b/;
/**
 * A piece of a line that is only part of the signature block beside the list ("- UBND quận Hải
 * Châu; CHỦ TỊCH" when the two columns share lines): a capacity, a position or a signing body.
 * Folded; counts only when written in capitals.
 */
const SIGNATURE_PIECE = new RegExp(
  String.raw`^(?:(?:${CAPACITIES.map((c) => c.folded).join("|")})\s*\.\s*|(?:${PARTY_CAPACITY_MARKS.join("|")})\s*)?(?:${[
    ...POSITIONS,
    ...SIGNING_BODIES,
  ]
    .map((p) => p.replace(/ /g, String.raw`\s+`))
    .join("|")})$`,
);

/** Cleans one item: leading dash, trailing separators, braces and purpose notes. */
function cleanItem(
  doc: Doc,
  start: number,
  end: number,
): { value: string; start: number; end: number } | null {
  let s = start;
  let e = end;
  const text = doc.text;
  while (s < e && /[\s\-–+•*]/.test(text[s] ?? "")) s++;
  for (;;) {
    const before = e;
    while (e > s && /[\s;.,:}*]/.test(text[e - 1] ?? "")) e--;
    const note = PURPOSE_NOTE.exec(doc.folded.slice(s, e));
    if (note) e = s + note.index;
    if (e === before) break;
  }
  if (e <= s) return null;
  const value = squash(text.slice(s, e));
  if (!/\p{L}/u.test(value) || /^\(.*\)$/.test(value)) return null;
  return { value, start: s, end: e };
}

/**
 * Reads the list after a label ("kinh gui" or "noi nhan", folded) at `labelEnd`: the rest of the
 * label's line, then item lines ("- …", "+ …") up to the first line that is not an item, the archive
 * item ("Lưu: VT") or a signature mark. Only the first cell of a tab row is read: the signature
 * sits in the second.
 */
function readList(doc: Doc, labelEnd: number, lines: Line[]): RecipientList | null {
  const text = doc.text;
  const items: { value: string; start: number; end: number }[] = [];
  let i = lines.findIndex((l) => l.end >= labelEnd);
  if (i < 0) return null;
  let blanks = 0;
  let done = false;
  for (let n = 0; i < lines.length && n < 60 && !done; i++, n++) {
    const line = lines[i];
    if (!line) break;
    const from = Math.max(line.start, labelEnd);
    const tab = text.indexOf("\t", from);
    const end = tab >= 0 && tab < line.end ? tab : line.end;
    const seg = { start: from, end };
    if (isBlankLine(text, seg)) {
      if (from !== line.start) continue; // nothing after the label on its own line
      blanks++;
      if (items.length > 0 && blanks > 1) break;
      continue;
    }
    let s = seg.start;
    while (s < seg.end && /[\s*|]/.test(text[s] ?? "")) s++;
    const f = doc.folded.slice(s, seg.end);
    const isItem = /^[-–+•]/.test(text.slice(s, s + 1));
    // The signature may share the label's line ("Nơi nhận: TM. ỦY BAN NHÂN DÂN"): the items follow.
    if (LIST_END.test(f)) {
      if (from !== line.start && items.length === 0) continue;
      break;
    }
    if (!isItem && from === line.start && (items.length > 0 || blanks > 0)) break;
    if (!isItem && from === line.start && items.length === 0 && /^\p{Ll}/u.test(text.slice(s, s + 1))) break;
    blanks = 0;
    // Items inside the line: split on ";" and on ". - " of a flattened cell (not on every " - ":
    // "Cơ quan Tổ chức - Nội vụ" is one item).
    const body = text.slice(s, seg.end);
    let cursor = s;
    for (const piece of body.split(/;|\.\s+(?=[-–]\s)/u)) {
      const pStart = text.indexOf(piece, cursor);
      const pEnd = pStart + piece.length;
      cursor = pEnd;
      // A list flattened onto one line runs on into the body: "- Bộ Giáo dục và Đào tạo. Vừa qua, …"
      // (a sentence after a lower-case word's full stop; "TT. HĐND" is an abbreviation, not an end).
      const runOn = /(?<=\p{Ll})\.\s+(?=\p{Lu}\p{Ll})/u.exec(piece);
      const item = cleanItem(doc, pStart, runOn ? pStart + runOn.index : pEnd);
      if (item) {
        const fi = doc.folded.slice(item.start, item.end);
        if (/^luu\b/.test(fi)) {
          done = true;
          break;
        }
        const signature = SIGNATURE_PIECE.test(fi) && isUpper(item.value);
        if (!NOT_RECIPIENT.test(fi) && !signature) items.push(item);
      }
      if (runOn) {
        done = true;
        break;
      }
    }
  }
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return null;
  return { items: items.map((it) => it.value), span: { start: first.start, end: last.end } };
}

/** Finds a label ("Kính gửi", "Nơi nhận") with a capital first letter; the last one wins for "Nơi nhận". */
function labelEnd(doc: Doc, label: string, last: boolean): number {
  const re = new RegExp(String.raw`(?<![a-z])${label.replace(/ /g, String.raw`\s*`)}\s*:?`, "g");
  let found = -1;
  for (let m = re.exec(doc.folded); m !== null; m = re.exec(doc.folded)) {
    if (!/\p{Lu}/u.test(doc.text[m.index] ?? "")) continue;
    found = m.index + m[0].length;
    if (!last) break;
  }
  return found;
}

/** The addressees ("Kính gửi:") and the copy list ("Nơi nhận:"), each null when absent. */
export function findRecipients(
  doc: Doc,
  lines: Line[],
): { kinhGui: RecipientList | null; noiNhan: RecipientList | null } {
  const kg = labelEnd(doc, "kinh gui", false);
  const nn = labelEnd(doc, "noi nhan", true);
  return {
    kinhGui: kg >= 0 ? readList(doc, kg, lines) : null,
    noiNhan: nn >= 0 ? readList(doc, nn, lines) : null,
  };
}
