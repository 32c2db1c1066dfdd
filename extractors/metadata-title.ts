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
      const lowerStart = /^\p{Ll}/u.test(s);
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
    const m = /^(v\s*\/\s*v|ve viec)\b\s*[:.]?\s*/.exec(doc.folded.slice(line.start, line.end));
    if (!m || !/^V/.test(text.slice(line.start, line.start + 1))) continue;
    const parts: string[] = [];
    const start = line.start + m[0].length;
    let end = start;
    for (let j = i; j < lines.length && j < i + 6; j++) {
      const l = lines[j];
      if (!l) break;
      if (j > i && isBlankLine(text, l)) break;
      const t = j === i ? { start, end: line.end } : trimLine(text, l);
      const f = doc.folded.slice(t.start, t.end);
      if (j > i && (/^(?:kinh gui|so\s*[:.]|cong hoa|doc lap)/.test(f) || BODY_CUE.test(f))) break;
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
    if (value) return { value, start, end, markerStart: line.start };
  }
  return null;
}
