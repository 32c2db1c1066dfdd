import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Classification } from "../schemas/index.js";
import { CLASSIFICATION_WORDINGS, SHORT_CLASS_PHRASES } from "./vocab/classifications.js";

/**
 * Small text helpers shared by the criteria, deductions, declared-scores and targets extractors.
 * Everything works on the folded view (same offsets as the text).
 */

/** The line holding `offset`: [start, end) without the line break. */
export function lineAt(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  let end = text.indexOf("\n", offset);
  if (end < 0) end = text.length;
  return [start, end];
}

/**
 * The line around `start..end`, cut to at most `max` characters on each side: text whose line
 * breaks were lost (one paragraph of a whole page) must not turn every per-match look at "its line"
 * into a scan of the whole text.
 */
export function lineWindow(text: string, start: number, end: number, max = 600): [number, number] {
  const from = Math.max(0, start - max);
  const back = text.slice(from, start).lastIndexOf("\n");
  const ahead = text.slice(end, end + max).indexOf("\n");
  return [back >= 0 ? from + back + 1 : from, ahead >= 0 ? end + ahead : Math.min(text.length, end + max)];
}

/** The next line after the one ending at `lineEnd` that holds something, or null. */
export function nextNonEmptyLine(text: string, lineEnd: number): [number, number] | null {
  let pos = lineEnd + 1;
  while (pos < text.length) {
    const [s, e] = lineAt(text, pos);
    if (text.slice(s, e).trim() !== "") return [s, e];
    pos = e + 1;
  }
  return null;
}

/** Offsets of every line start in the text (for walking lines without re-scanning). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

const CLASS_PATTERNS = CLASSIFICATION_WORDINGS.flatMap((w) => [
  ...w.phrases.map((p) => ({
    classification: w.classification,
    short: SHORT_CLASS_PHRASES.includes(p),
    // Words of a phrase may be glued or split by OCR: spaces between words are optional.
    re: new RegExp(`(?<![a-z0-9])${p.split(" ").join("\\s*")}(?![a-z0-9])`, "y"),
  })),
  ...w.abbreviations.map((a) => ({
    classification: w.classification,
    short: SHORT_CLASS_PHRASES.includes(a),
    re: new RegExp(`(?<![a-z0-9])${a}(?![a-z0-9])`, "y"),
  })),
]);

/** A result class found in text, with its span. */
export interface ClassHit {
  classification: Classification;
  start: number;
  end: number;
}

/**
 * The first result class written in `folded[from, to)`. At each position the longest wording wins
 * (the vocabulary is ordered longest first). Short words ("tốt", "xuất sắc", "HT") only count when
 * `allowShort` says the text is known to hold a class (a class column, or right after "xếp loại").
 */
export function classifyFolded(
  folded: string,
  from: number,
  to: number,
  allowShort: boolean,
): ClassHit | null {
  const region = folded.slice(from, to);
  for (let i = 0; i < region.length; i++) {
    if (!/[a-z]/.test(region[i] ?? "") || /[a-z0-9]/.test(folded[from + i - 1] ?? "")) continue;
    for (const p of CLASS_PATTERNS) {
      if (p.short && !allowShort) continue;
      p.re.lastIndex = i;
      const m = p.re.exec(region);
      if (m) return { classification: p.classification, start: from + i, end: from + i + m[0].length };
    }
  }
  return null;
}

/**
 * The first year written as "năm YYYY" in `folded[from, to)`, skipping the year of a full date
 * ("ngày 11 tháng 01 năm 2024" is when something was signed, not the year a score is for).
 */
export function yearIn(folded: string, from: number, to: number): number | null {
  const re = /(?<![a-z])nam\s+(\d{4})(?!\d)/g;
  re.lastIndex = from;
  for (let m = re.exec(folded); m && m.index < to; m = re.exec(folded)) {
    const before = folded.slice(Math.max(from, m.index - 14), m.index);
    if (/thang\s*\d{1,2}\s*$/.test(before)) continue;
    const year = Number(m[1]);
    if (year >= 1990 && year <= 2100) return year;
  }
  return null;
}

/** Trims spaces, markdown residue and trailing separators off `text[start, end)`. */
export function trimClause(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s*_:;,.–-]/.test(text[s] ?? "")) s++;
  while (e > s && /[\s*_:;,.]/.test(text[e - 1] ?? "")) e--;
  return [s, e];
}

/**
 * Whether the deduction ending at `end` is the extra deduction of a declared score: it cites the
 * rule it applies ("bị trừ 06 điểm theo quy định tại điểm b, Khoản 2, Điều 6 …") instead of a
 * criterion's content.
 */
export function isExtraDeductionAt(folded: string, end: number): boolean {
  return /^\s*\(?\s*(?:theo|tai|can cu)\s+(?:quy dinh\s+)?(?:tai\s+)?(?:diem\s+[a-z0-9]{1,2}\b|khoan\s+\d|dieu\s+\d)/.test(
    folded.slice(end, end + 80),
  );
}

/** Score words of a declared score: a line holding one of them is a score statement, not a deduction. */
export const SCORE_WORDS =
  /(?<![a-z])(?:tu\s*cham|tu\s*danh\s*gia|tham\s*dinh|(?:huyen|tinh|thanh pho|so|phong noi vu|cap tren)\s+cham|tong\s+(?:so\s+)?diem|dat\s+tong\s+so|xep\s+thu\s*\d|xep\s+hang\s*\d)/;

/** Whether `folded[start, end)` (a line) states a unit's declared score. */
export function isScoreStatement(folded: string, start: number, end: number): boolean {
  return SCORE_WORDS.test(folded.slice(start, end));
}

/** Level words of a unit's name, folded (OCR text may have lost the diacritics: "Xa Nhon Hau"). */
const LEVEL_WORDS = /^(?:xa|phuong|thi tran|thi xa|huyen|quan|thanh pho)(?= )/;

/**
 * The unit a row is about, in one form for every table: the "UBND"/"Ủy ban nhân dân" prefix is
 * dropped and the level word is lower-cased ("UBND Xã Nghĩa Kỳ" → "xã Nghĩa Kỳ", unaccented "Xa
 * Nhon Hau" → "xa Nhon Hau"); a bare name stays bare ("Nghĩa Kỳ" when the table leaves the level
 * to its header); agencies stay as written.
 */
export function unitName(cell: string): string {
  let name = cell.replace(/\s+/g, " ").trim();
  const prefix = /^(?:ubnd|uy ban nhan dan)\s+/.exec(fold(name));
  if (prefix) name = name.slice(prefix[0].length);
  const level = LEVEL_WORDS.exec(fold(name));
  // "Quận 3", "Xã Nhơn Hậu": a name follows; "Quản lý thị trường" is an agency, not a "quận".
  if (level && /[\p{Lu}\d]/u.test(name[level[0].length + 1] ?? "")) {
    name = name.slice(0, level[0].length).toLowerCase() + name.slice(level[0].length);
  }
  return name.replace(/[.;,]+$/, "");
}

/** A line that names a year, by where it starts. */
export interface YearLine {
  start: number;
  year: number;
}

/**
 * The lines that speak of results or grading and name a year ("… kết quả đánh giá, phân loại công
 * tác dân vận chính quyền năm 2023"), in text order: read once per document, then looked up.
 */
export function resultsYearLines(doc: Pick<NormalisedDocument, "text" | "folded">): YearLine[] {
  const re = /(?:ket qua|danh gia|phan loai|xep loai|cham diem)/g;
  const out: YearLine[] = [];
  for (let m = re.exec(doc.folded); m; m = re.exec(doc.folded)) {
    const [s, e] = lineAt(doc.text, m.index);
    let year = yearIn(doc.folded, s, e);
    // A heading in capitals wraps its year onto the next line ("KẾT QUẢ … CHÍNH QUYỀN / NĂM 2023").
    if (year === null && isCapitals(doc.text.slice(s, e)) && e < doc.text.length) {
      const [ns, ne] = lineAt(doc.text, e + 1);
      if (isCapitals(doc.text.slice(ns, ne))) year = yearIn(doc.folded, ns, ne);
    }
    if (year !== null) out.push({ start: s, year });
    // One look per line.
    re.lastIndex = e + 1;
  }
  return out;
}

/** A heading line: it has letters and none of them is lower case. */
function isCapitals(line: string): boolean {
  return /\p{L}/u.test(line) && line === line.toUpperCase();
}

/** The year of the nearest line before `before`, else of the first line (null when there is none). */
export function yearBefore(lines: readonly YearLine[], before: number): number | null {
  let nearest: number | null = null;
  for (const l of lines) {
    if (l.start >= before) break;
    nearest = l.year;
  }
  return nearest ?? lines[0]?.year ?? null;
}

/**
 * The year results are for: the nearest line before `before` that speaks of results or grading
 * and names a year ("… kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2023"),
 * else the first such line of the document.
 */
export function resultsYearBefore(
  doc: Pick<NormalisedDocument, "text" | "folded">,
  before: number,
): number | null {
  return yearBefore(resultsYearLines(doc), before);
}
