/**
 * The header of an official document (Nghị định 30/2020/NĐ-CP, Điều 8): number/symbol
 * ("Số: 08/KH-UBND"), place and date ("Như Quỳnh, ngày 11 tháng 01 năm 2024") and the kind in
 * capitals ("KẾ HOẠCH"); the title under it is read by metadata-title.ts. The two header columns
 * come out of PDFs interleaved, so every part is searched for in the header zone rather than read
 * line by line in a fixed order.
 */
import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import { isoDate } from "./lib/vn-date.js";
import {
  isCapitalised,
  isUpper,
  type Line,
  linesOf,
  squash,
  trimLine,
  wordsBefore,
} from "./metadata-text.js";
import { type DocSymbol, matchView, symbolAt } from "./references-symbol.js";
import {
  type DocumentKind,
  KIND_LINE_PREFIXES,
  KIND_LINE_SUFFIXES,
  KIND_LINES,
} from "./vocab/document-kinds.js";
import { NAME_STOP_WORDS, UNIT_LEVELS } from "./vocab/units.js";

type Doc = Pick<NormalisedDocument, "text" | "folded">;

/** A span of the text. */
export interface Span {
  start: number;
  end: number;
}

/** The header never runs longer than this: a document without a body cue is cut here. */
const MAX_HEADER = 4000;

/**
 * Lines that start the body: legal bases ("Căn cứ …", "Thực hiện Quyết định số …"), the address of
 * a công văn ("Kính gửi"), the first part or article. Folded, tested at a line's start.
 */
export const BODY_CUE =
  /^(?:can cu\b|kinh gui\b|thuc hien\b.{0,60}?\bso\s*\d|theo de nghi\b|i\s*[.:]\s|dieu 1\b|phan i\b|chuong i\b)/;

/** Where the header ends: the first body line, or {@link MAX_HEADER}. */
export function headerEnd(doc: Doc, lines: Line[] = linesOf(doc.text)): number {
  for (const raw of lines) {
    if (raw.start >= MAX_HEADER) break;
    const line = trimLine(doc.text, raw);
    if (line.start === line.end || line.start === 0) continue;
    if (BODY_CUE.test(doc.folded.slice(line.start, Math.min(line.end, line.start + 120)))) return raw.start;
  }
  return Math.min(doc.text.length, MAX_HEADER);
}

/** The kind line found in the header. */
export interface KindLine {
  kind: DocumentKind;
  /** The kind words ("KẾ HOẠCH", "DỰ THẢO BÁO CÁO"). */
  start: number;
  end: number;
  /** End of the line holding them. */
  lineEnd: number;
}

/** A kind's letters with optional spaces between them: scans letter-space headings ("K Ế H O Ạ C H"). */
const KIND_ALT = KIND_LINES.map((k) => k.folded.replace(/ /g, "").split("").join(String.raw`\s*`)).join("|");
/**
 * A kind line, with an optional draft prefix and joint suffix ("DỰ THẢO BÁO CÁO", "KẾ HOẠCH LIÊN
 * TỊCH"). "QUYẾT ĐỊNH:" with its colon is not one: it opens the articles of a decision ("the
 * committee decides:"), after the bases.
 */
const KIND_RE = new RegExp(
  String.raw`^(?:(?:${KIND_LINE_PREFIXES.join("|")})\s+)?(${KIND_ALT})(?:\s+(?:${KIND_LINE_SUFFIXES.join("|")}))?(?![a-z0-9])(?![\s*_]*:)`,
);
const KIND_MID_LINE = new RegExp(String.raw`nam\s+\d{4}\s+(${KIND_ALT})(?![a-z0-9])`, "g");

function kindOf(foldedWords: string): DocumentKind {
  const key = foldedWords.replace(/\s+/g, "");
  return KIND_LINES.find((k) => k.folded.replace(/ /g, "") === key)?.kind ?? "OTHER";
}

/**
 * The kind line: a line of the header that starts with a kind in capitals ("KẾ HOẠCH",
 * "KẾ HOẠCH Triển khai …", "DỰ THẢO BÁO CÁO"). A header flattened onto one line ("… ngày 30
 * tháng 8 năm 2019 QUYẾT ĐỊNH PHÊ DUYỆT …") is searched after the date.
 */
export function findKindLine(doc: Doc, zoneEnd: number, lines: Line[]): KindLine | null {
  for (const raw of lines) {
    if (raw.start >= zoneEnd) break;
    const line = trimLine(doc.text, raw);
    const m = KIND_RE.exec(doc.folded.slice(line.start, line.end));
    if (!m) continue;
    const end = line.start + m[0].length;
    if (!isUpper(doc.text.slice(line.start, end))) continue;
    return { kind: kindOf(m[1] ?? ""), start: line.start, end, lineEnd: raw.end };
  }
  const zone = doc.folded.slice(0, zoneEnd);
  KIND_MID_LINE.lastIndex = 0;
  for (let m = KIND_MID_LINE.exec(zone); m !== null; m = KIND_MID_LINE.exec(zone)) {
    const words = m[1] ?? "";
    const start = m.index + m[0].length - words.length;
    const end = start + words.length;
    if (!isUpper(doc.text.slice(start, end))) continue;
    const nl = doc.text.indexOf("\n", end);
    return { kind: kindOf(words), start, end, lineEnd: nl < 0 ? doc.text.length : nl };
  }
  return null;
}

/** The document's own number line ("Số: 560 /UBND"); `number` null when a draft leaves it blank. */
export interface OwnNumber {
  number: string | null;
  symbol: DocSymbol | null;
  /** The "Số:" label through the number (or the label alone when blank). */
  start: number;
  end: number;
}

/** The number label, folded: "số", "số hiệu", with or without a colon. */
const NUMBER_LABEL = /^so(?:\s*hieu)?(?![a-z])\s*[:.]?/;

/**
 * Where a number label may start: a line's or cell's start, after a wide gap (headers aligned
 * with spaces), or anywhere for "Số:" with its colon (a header flattened onto one line).
 */
function labelPositions(doc: Doc, zoneEnd: number, lines: Line[]): number[] {
  const out: number[] = [];
  for (const raw of lines) {
    if (raw.start >= zoneEnd) break;
    out.push(trimLine(doc.text, raw).start);
    const lineText = doc.text.slice(raw.start, raw.end);
    for (const m of lineText.matchAll(/(?:[\t|]|\s{2,})[\s*]*(?=S)|(?=Số\s*:)/gu)) {
      out.push(raw.start + m.index + m[0].length);
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * The document's own number from its header ("Số: 08/KH-UBND" → "08/KH-UBND", "Số: 560 /UBND" →
 * "560/UBND"). A blank draft number ("Số: /KH-UBND", "Số:      /BC-UBND") gives number null.
 * Only the header zone is searched: a "số" in the body is a citation, not the document's number.
 */
export function findOwnNumber(
  doc: Doc,
  zoneEnd?: number,
  lines: Line[] = linesOf(doc.text),
): OwnNumber | null {
  const end = zoneEnd ?? headerEnd(doc, lines);
  // The matching view of the header only (a symbol may run a little past the zone's end).
  const view = matchView(doc.folded.slice(0, end + 200));
  for (const pos of labelPositions(doc, end, lines)) {
    if (doc.text[pos] !== "S") continue;
    const m = NUMBER_LABEL.exec(doc.folded.slice(pos, pos + 24));
    if (!m) continue;
    const after = pos + m[0].length;
    const symbol = symbolAt(doc, after, view);
    if (symbol && symbol.start - after <= 12)
      return { number: symbol.number, symbol, start: pos, end: symbol.end };
    // A blank number: only the part after the missing digits is written ("/KH-UBND", "-KH/BCĐ").
    if (/^\s*[/-]\s*\p{L}/u.test(doc.text.slice(after, after + 16))) {
      return { number: null, symbol: null, start: pos, end: after };
    }
  }
  return null;
}

/** Place and date line of the header. */
export interface PlaceDate {
  place: string | null;
  placeSpan: Span | null;
  issuedOn: string | null;
  /** "ngày … năm yyyy" as written. */
  dateSpan: Span;
  /** The year written in the date, even when day or month are blank. */
  year: number | null;
}

/** Level words that may open a place ("Thành phố Hồ Chí Minh", "Phường 12"), folded. */
const PLACE_LEVELS: ReadonlySet<string> = new Set(UNIT_LEVELS.map((l) => l.folded));

const DATE_LINE =
  /,?\s*ngay\s*(?:((?:\d\s*){1,2})?[\s.…_]*thang\s*((?:\d\s*){1,2})?[\s.…_]*nam\s*((?:\d\s*){4})|(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))(?![0-9])/g;

/**
 * "Như Quỳnh, ngày 11 tháng 01 năm 2024" → place "Như Quỳnh", 2024-01-11. An unfilled draft date
 * ("ngày tháng 01 năm 2025", "ngày … tháng … năm 2025") gives issuedOn null but keeps place and year.
 * The place is the run of capitalised words just before the comma.
 */
export function findPlaceDate(doc: Doc, zoneEnd: number): PlaceDate | null {
  const zone = matchView(doc.folded.slice(0, zoneEnd));
  DATE_LINE.lastIndex = 0;
  for (let m = DATE_LINE.exec(zone); m !== null; m = DATE_LINE.exec(zone)) {
    const hasComma = m[0].trimStart().startsWith(",");
    const before = wordsBefore(doc.text, m.index + (m[0].length - m[0].trimStart().length), 6);
    const placeWords: Array<{ start: number; end: number; text: string }> = [];
    const take = (w: { start: number; end: number }, word: string) =>
      placeWords.unshift({ start: w.end - word.length, end: w.end, text: word });
    for (const [i, w] of before.entries()) {
      const word = w.text.replace(/^[^\p{L}\d]+/u, "");
      const left = before[i + 1];
      const leftWord = left?.text.replace(/^[^\p{L}]+/u, "") ?? "";
      // "Phường 12, ngày …", "Quận 1, ngày …": a number named by the level word before it.
      if (placeWords.length === 0 && /^\d{1,3}$/.test(word)) {
        if (left && isCapitalised(leftWord) && PLACE_LEVELS.has(fold(leftWord).toLowerCase())) {
          take(w, word);
          take(left, leftWord);
        }
        break;
      }
      if (/[\d/:;]/.test(w.text)) break;
      // "Bà Rịa - Vũng Tàu, ngày …": a dash between two capitalised parts of one name.
      if (/^[-–]$/.test(w.text) && placeWords.length > 0 && left && isCapitalised(leftWord)) {
        take(w, w.text);
        continue;
      }
      // "Thành phố Hồ Chí Minh, ngày …": the place opens with its level word, second syllable in lower case.
      if (!isCapitalised(word) && placeWords.length > 0 && left && isCapitalised(leftWord)) {
        if (PLACE_LEVELS.has(fold(`${leftWord} ${word}`).toLowerCase())) {
          take(w, word);
          take(left, leftWord);
        }
        break;
      }
      if (!isCapitalised(word) || NAME_STOP_WORDS.has(word)) break;
      // A change from "Ba Tơ" to capitals is the motto of a flattened header ("VIỆT NAM Ba Tơ, ngày").
      const nearest = placeWords[0]?.text;
      if (nearest && !isUpper(nearest) && isUpper(word) && word.length > 1 && !/\.$/.test(word)) break;
      take(w, word);
    }
    if (!hasComma && placeWords.length === 0) continue;
    const digits = (s: string | undefined) => (s ? Number(s.replace(/\s+/g, "")) : null);
    const day = digits(m[1] ?? m[4]);
    const month = digits(m[2] ?? m[5]);
    const year = digits(m[3] ?? m[6]);
    const dateStart = m.index + m[0].indexOf("ngay");
    const first = placeWords[0];
    const last = placeWords[placeWords.length - 1];
    return {
      place: first && last ? squash(doc.text.slice(first.start, last.end)) : null,
      placeSpan: first && last ? { start: first.start, end: last.end } : null,
      issuedOn: day !== null && month !== null && year !== null ? isoDate(year, month, day) : null,
      dateSpan: { start: dateStart, end: m.index + m[0].length },
      year,
    };
  }
  return null;
}
