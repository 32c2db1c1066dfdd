/**
 * The title (trích yếu) of a document: the line(s) under the kind line ("KẾ HOẠCH / Thực hiện quy
 * chế dân chủ ở cơ sở / và công tác dân vận …"), or the "V/v …" subject of a công văn, joined into
 * one line.
 */
import type { NormalisedDocument } from "../pipeline/text/types.js";
import { BODY_CUE, type KindLine } from "./metadata-header.js";
import {
  isBlankLine,
  isCapitalised,
  isUpper,
  type Line,
  squash,
  trimLine,
  wordsBefore,
} from "./metadata-text.js";

type Doc = Pick<NormalisedDocument, "text" | "folded">;

/** A title (trích yếu) read from one or more lines. */
export interface Title {
  value: string;
  start: number;
  end: number;
}

/** Words that leave a title line unfinished, so the next line continues it. Folded. */
const OPEN_ENDING = /(?:[-,]|\b(?:cua|va|ve|tren|tai|cho|cac|nam|giai doan|thuc|o|den|voi|trong))\s*$/;
/** Lines that never continue a title: an issuer line, an article, the body. Folded, at line start. */
const NOT_TITLE =
  /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|quyet dinh\s*:|chu tich|can cu|kinh gui|\(kem theo)/;

/** Joins title lines: a line broken inside a symbol ("53/KH-" + "UBND") joins without a space. */
function joinLines(parts: string[]): string {
  let out = "";
  for (const p of parts) {
    if (out === "") out = p;
    else if (/\S-$/.test(out) && /^\p{Lu}/u.test(p)) out += p;
    else out += ` ${p}`;
  }
  return squash(out);
}

/** A sentence that starts the body inside a flattened line ("… QUẢNG NGÃI Căn cứ Luật …"). */
const BODY_IN_LINE =
  /\s(?=(?:Căn cứ|Kính gửi|Theo đề nghị|Thực hiện (?:Luật|Bộ luật|Nghị quyết|Nghị định|Quyết định|Kế hoạch|Chỉ thị|Công văn|Thông tư|Kết luận|Hướng dẫn|Chương trình))\s)/u;
/** The authority line a QUYẾT ĐỊNH puts between title and "Căn cứ": "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI". */
const AUTHORITY_AT_END =
  /\s+(?:CHỦ TỊCH\s+)?(?:ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN)(?:\s+[\p{Lu}\d.]+)*\s*$/u;

/**
 * A header flattened onto one line (legal-site text) runs on from the title into the body: cut the
 * title where the body starts, and drop the authority line before it.
 */
function cutFlattened(line: string): { value: string; cut: boolean } {
  const body = BODY_IN_LINE.exec(line);
  if (!body) return { value: line, cut: false };
  const head = line.slice(0, body.index);
  const authority = AUTHORITY_AT_END.exec(head);
  const value = authority && authority.index > 0 ? head.slice(0, authority.index) : head;
  return { value: value.trimEnd(), cut: true };
}

/**
 * The title under the kind line, or on the kind line after the kind ("KẾ HOẠCH Triển khai …").
 * Continuation lines: those starting in lower case, those in capitals under a title in capitals,
 * and those after a line left open ("… của", "… -"). One blank line may sit between title lines
 * when the next starts in lower case (PDF text layers put one after every line).
 */
export function findTitle(doc: Doc, kind: KindLine, zoneEnd: number, lines: Line[]): Title | null {
  const text = doc.text;
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  let idx = lines.findIndex((l) => l.start <= kind.end && kind.end <= l.end);
  if (idx < 0) return null;
  const rest = { start: kind.end, end: lines[idx]?.end ?? kind.end };
  const restLine = trimLine(text, rest);
  let restStart = restLine.start;
  while (restStart < restLine.end && /[\s:.\-–]/.test(text[restStart] ?? "")) restStart++;
  if (restStart < restLine.end) {
    const flat = cutFlattened(text.slice(restStart, restLine.end));
    parts.push(flat.value);
    start = restStart;
    end = restStart + flat.value.length;
    if (flat.cut) return { value: joinLines(parts), start, end };
  }
  const limit = Math.max(zoneEnd, kind.lineEnd + 600);
  let blanks = 0;
  for (idx++; idx < lines.length && parts.length < 5; idx++) {
    const raw = lines[idx];
    if (!raw || raw.start > limit) break;
    if (isBlankLine(text, raw)) {
      blanks++;
      if (parts.length > 0 && blanks > 1) break;
      if (parts.length === 0 && blanks > 3) break;
      continue;
    }
    const line = trimLine(text, raw);
    const s = text.slice(line.start, line.end);
    const f = doc.folded.slice(line.start, line.end);
    if (NOT_TITLE.test(f)) break;
    if (parts.length > 0) {
      // A title wraps at the column's width; a long paragraph after it is the body.
      if (s.length > 250) break;
      const prev = parts[parts.length - 1] ?? "";
      // A wrapped line goes on in lower case, or with a figure and a lower-case word ("6 tháng đầu năm").
      const lowerStart = /^(?:\d+\s+)?\p{Ll}/u.test(s);
      const capsChain = parts.every(isUpper) && isUpper(s);
      const open = OPEN_ENDING.test(doc.folded.slice(end - Math.min(end, 20), end)) || /-$/.test(prev);
      if (BODY_CUE.test(f) && !lowerStart) break;
      if (!(lowerStart || (blanks === 0 && (capsChain || open)))) break;
      if (blanks > 0 && !lowerStart) break;
    } else {
      if (BODY_CUE.test(f)) break;
      start = line.start;
    }
    blanks = 0;
    parts.push(s);
    end = line.end;
    if (/[.;:]$/.test(s) && !/\.\.\.$/.test(s)) break;
  }
  if (parts.length === 0 || start < 0) return null;
  return { value: joinLines(parts), start, end };
}

/** Where the place before a ", ngày" starts: the run of capitalised words before the comma. */
function placeStart(text: string, comma: number, floor: number): number {
  let start = comma;
  for (const w of wordsBefore(text, comma, 4)) {
    if (w.start < floor || !isCapitalised(w.text) || /[\d/]/.test(w.text)) break;
    start = w.start;
  }
  return start;
}

/**
 * "V/v" or "Về việc" opening a subject: at a line's start, after "; " (a flattened DOCX cell), or
 * after the year of the date in a header flattened onto one line ("… ngày 05 tháng 11 năm 2010 V/v
 * báo cáo …"). Folded.
 */
const SUBJECT_MARKER = /(?:^|;\s+|nam\s+\d{4}\s+)(v\s*\/\s*v|ve viec)\b\s*[:.]?\s*/d;
/** Where a subject flattened onto one line runs into the address or the body. Folded. */
const SUBJECT_RUNS_ON = /\s(?:kinh gui|can cu|thuc hien)\b/g;

/**
 * The subject of a công văn: "V/v tham mưu triển khai thực / hiện Kế hoạch số 53/KH- / UBND …"
 * (a narrow left column wrapped over several lines) up to a blank line, the place and date, the
 * address or the body. The "V/v" marker is left out of the value.
 */
export function findSubject(
  doc: Doc,
  zoneEnd: number,
  lines: Line[],
): (Title & { markerStart: number }) | null {
  const text = doc.text;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw || raw.start >= zoneEnd) break;
    const line = trimLine(text, raw);
    // At the line's start, or after "; " inside a DOCX header cell flattened onto one line
    // ("ỦY BAN NHÂN DÂN; XÃ HÀNH THIỆN; Số: 85/UBND-VP; V/v báo cáo …⇥CỘNG HÒA …").
    const m = SUBJECT_MARKER.exec(doc.folded.slice(line.start, line.end));
    const markerAt = line.start + (m?.indices?.[1]?.[0] ?? 0);
    if (!m || !/^V/.test(text.slice(markerAt, markerAt + 1))) continue;
    const parts: string[] = [];
    const start = line.start + m.index + m[0].length;
    // In a flattened cell the subject ends with the cell, at the tab; in a flattened header, where
    // the address or the body begins.
    const tab = text.indexOf("\t", start);
    let firstEnd = tab >= 0 && tab < line.end ? tab : line.end;
    const firstLine = doc.folded.slice(start, firstEnd);
    SUBJECT_RUNS_ON.lastIndex = 0;
    for (let r = SUBJECT_RUNS_ON.exec(firstLine); r; r = SUBJECT_RUNS_ON.exec(firstLine)) {
      // Only a capitalised "Kính gửi", "Căn cứ", "Thực hiện" starts the next part; "… triển khai thực
      // hiện Kế hoạch …" inside the subject does not.
      if (/^\p{Lu}/u.test(text[start + r.index + 1] ?? "")) {
        firstEnd = start + r.index;
        break;
      }
    }
    let end = start;
    for (let j = i; j < lines.length && j < i + 6; j++) {
      const l = lines[j];
      if (!l) break;
      if (j > i && isBlankLine(text, l)) break;
      if (j > i && firstEnd < line.end) break;
      const t = j === i ? { start, end: firstEnd } : trimLine(text, l);
      const f = doc.folded.slice(t.start, t.end);
      // The other column's motto (state or Party) ends the subject's column.
      if (j > i && (/^(?:kinh gui|so\s*[:.]|cong hoa|doc lap|dang cong san)/.test(f) || BODY_CUE.test(f)))
        break;
      // The place and date of the right column may share the line: cut the subject before the place.
      const date = /,\s*ngay\b/.exec(f);
      const cut = date ? placeStart(text, t.start + date.index, t.start) : t.end;
      // The subject's column goes on under the date line: keep reading.
      if (cut > t.start) {
        parts.push(text.slice(t.start, cut).trim());
        end = cut;
      }
    }
    const value = joinLines(parts.filter(Boolean));
    if (value) return { value, start, end, markerStart: markerAt };
  }
  return null;
}
