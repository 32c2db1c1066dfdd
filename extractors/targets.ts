import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Target } from "../schemas/index.js";
import { defineExtractor } from "./define.js";
import { evidenceAt } from "./evidence.js";
import { foldedCell, tableRows } from "./lib/table-rows.js";
import { parseVnNumber, VN_NUMBER } from "./lib/vn-number.js";
import { lineAt, lineStarts } from "./score-text.js";

/**
 * Units a target counts in, folded, longest first ("lần/năm" before "lần"). A number followed by
 * one of them, or by "%", is a candidate; anything else (dates, document numbers, article numbers)
 * never is.
 */
const COUNT_UNITS = [
  "lan/nam",
  "lan/quy",
  "lan/thang",
  "cuoc/nam",
  "mo hinh",
  "dien hinh",
  "cuoc",
  "lan",
  "hoi nghi",
  "lop",
  "buoi",
  "tin bai",
  "tin",
  "bai",
  "hoat dong",
  "dot",
  "cong trinh",
  "sang kien",
  "cau lac bo",
  "phien",
  "chuyen de",
  "diem",
].sort((a, b) => b.length - a.length);

const UNIT_ALT = COUNT_UNITS.map((u) => u.replace(/\//g, "\\s*\\/\\s*").replace(/ /g, "\\s+")).join("|");

/** "95%", "95 %", "02 mô hình", "2 lần/năm" on folded text. */
const CANDIDATE_RE = new RegExp(
  String.raw`(?<![\d/.,-])(${VN_NUMBER})\s*(?:(%)|(${UNIT_ALT})(?![a-z]))`,
  "g",
);

/** Words that make a number a target: in the same clause before it, or just after it ("trở lên"). */
const STRONG_BEFORE =
  /(?<![a-z])(?:chi tieu|phan dau|muc tieu|it nhat|toi thieu|tro len|dam bao|bao dam|phai|dang ky|xay dung|nhan rong)(?![a-z])/;
const WEAK_BEFORE = /(?<![a-z])(?:dat|tren|duoc|moi nam|hang nam|hang quy|100)(?![a-z])/;
const AFTER = /^\s*tro len/;

/** Headings of target sections ("I. Mục tiêu, chỉ tiêu", "II. MỤC TIÊU CHỦ YẾU", "2. Chỉ tiêu cụ thể"). */
const TARGET_HEADING = /^\s*(?:[ivx]+|\d+(?:\.\d+)*)\s*[.)]\s*(?:muc tieu|chi tieu)/;
const ANY_HEADING = /^\s*(?:[ivx]+|\d+(?:\.\d+)*)\s*[.)]\s*\S/;

/** Table columns that hold expected results: every number with a unit in them is a target. */
const TARGET_COLUMN = /ket qua|chi tieu|san pham|muc tieu/;

const MAX_SUBJECT_WORDS = 14;
const LEAD_WORDS = /^(?:nam\s+\d{4}|phan dau|bao dam|dam bao)[\s,]*/;

/** The words a target is about: after the unit up to the end of the clause, else the clause before. */
function subjectOf(
  doc: NormalisedDocument,
  numStart: number,
  unitEnd: number,
  limit: number,
): [number, number] | null {
  const text = doc.text;
  let s = unitEnd;
  while (s < limit && /[\s:]/.test(text[s] ?? "")) s++;
  const skip = /^(?:(?:trở lên|tro len)(?![\p{L}])[\s,]*|(?:số|các)\s+)/iu.exec(text.slice(s, s + 12));
  if (skip) s += skip[0].length;
  let e = s;
  let words = 0;
  while (e < limit) {
    const c = text[e] ?? "";
    if (/[;:.()\n\t]/.test(c)) break;
    if (c === "," && /^,\s*(?:\d|như|gắn|nhằm|để|góp phần|theo)/.test(text.slice(e, e + 12))) break;
    if (/\s/.test(c) && /^\s+(?:và|va)\s+\d/.test(text.slice(e, e + 8))) break;
    if (/\s/.test(c) && !/\s/.test(text[e - 1] ?? "")) {
      words++;
      if (words >= MAX_SUBJECT_WORDS) break;
    }
    e++;
  }
  while (e > s && /[\s,]/.test(text[e - 1] ?? "")) e--;
  // "… được tập huấn ít nhất" before "1 lần/năm": a trailing qualifier belongs to the next target.
  const tail = /\s+(?:it nhat|toi thieu|dat muc|dat|tren)$/.exec(doc.folded.slice(s, e));
  if (tail) e -= tail[0].length;
  if (e > s) return [s, e];
  // "… đạt mức 90% trở lên": the subject is the clause before the number.
  const [lineStart] = lineAt(text, numStart);
  let b = numStart;
  while (b > lineStart && !/[;:.(\n\t]/.test(text[b - 1] ?? "")) b--;
  let bs = b;
  while (bs < numStart && /[\s\-–+]/.test(text[bs] ?? "")) bs++;
  let folded = doc.folded.slice(bs, numStart);
  // Qualifiers and goal words around the clause are not what the target is about.
  for (let prev = ""; prev !== folded; ) {
    prev = folded;
    folded = folded.replace(
      /[\s,]*(?:dat muc|dat|muc|tren|it nhat|toi thieu|phan dau|bao dam|dam bao|tu)[\s,]*$/,
      "",
    );
  }
  for (let lead = LEAD_WORDS.exec(folded); lead && lead[0].length > 0; lead = LEAD_WORDS.exec(folded)) {
    bs += lead[0].length;
    folded = folded.slice(lead[0].length);
  }
  const be = bs + folded.trimEnd().length;
  return be > bs ? [bs, be] : null;
}

/** Spans of table cells under a target column ("Kết quả", "Chỉ tiêu", "Sản phẩm"). */
function targetCells(doc: NormalisedDocument): [number, number][] {
  const spans: [number, number][] = [];
  let cols: number[] = [];
  let table = -1;
  for (const row of tableRows(doc)) {
    const folded = row.cells.map((c) => foldedCell(doc, c));
    if (folded.every((c) => c.length <= 60) && folded.some((c) => TARGET_COLUMN.test(c))) {
      cols = folded.flatMap((c, i) => (TARGET_COLUMN.test(c) ? [i] : []));
      table = row.table;
      continue;
    }
    if (row.table !== table) continue;
    for (const i of cols) {
      const cell = row.cells[i];
      if (cell && cell.text !== "" && !cell.carried) spans.push([cell.start, cell.end]);
    }
  }
  return spans;
}

/** Spans of target sections: from a "Mục tiêu"/"Chỉ tiêu" heading to the next heading of the same or a higher level. */
function targetSections(doc: NormalisedDocument): [number, number][] {
  const spans: [number, number][] = [];
  let open: { start: number; depth: string } | null = null;
  for (const ls of lineStarts(doc.text)) {
    const [s, e] = lineAt(doc.text, ls);
    const line = doc.folded.slice(s, e);
    if (!ANY_HEADING.test(line) || e - s > 160) continue;
    const numbering = /^\s*([ivx]+|\d+(?:\.\d+)*)/.exec(line)?.[1] ?? "";
    const depth = /^[ivx]+$/.test(numbering) ? "0" : String(numbering.split(".").length);
    if (open && depth <= open.depth) {
      spans.push([open.start, s]);
      open = null;
    }
    if (!open && TARGET_HEADING.test(line)) open = { start: e, depth };
  }
  if (open) spans.push([open.start, doc.text.length]);
  return spans;
}

function inside(spans: [number, number][], at: number): boolean {
  return spans.some(([s, e]) => at >= s && at < e);
}

/**
 * Numeric targets (chỉ tiêu): "95% TTHC đúng hạn", "02 mô hình dân vận chính quyền", "ít nhất 2
 * lần/năm". A number counts only with a unit ("%", "mô hình", "cuộc", "lần/năm" …) and only in a
 * target context: a target word before it in the same clause (chỉ tiêu, phấn đấu, đạt, ít nhất,
 * tối thiểu, bảo đảm …) or "trở lên" after it, a "Mục tiêu / Chỉ tiêu" section, or a table column
 * of expected results ("Kết quả", "Chỉ tiêu"). Points ("95 điểm") count only with a strong target
 * word, since "đạt 83,50 điểm" is a result. The same target written twice is kept once.
 */
export function extractTargets(doc: NormalisedDocument): Target[] {
  const sections = targetSections(doc);
  const cells = targetCells(doc);
  const out: Target[] = [];
  const seen = new Set<string>();
  for (const m of doc.folded.matchAll(CANDIDATE_RE)) {
    const numStart = m.index;
    const unitEnd = m.index + m[0].length;
    const value = parseVnNumber(m[1] ?? "");
    if (value === null) continue;
    const unitFolded = m[2] ? "%" : (m[3] ?? "").replace(/\s+/g, " ").replace(/\s*\/\s*/, "/");
    if (unitFolded === "%" && value > 100) continue;
    const [lineStart, lineEnd] = lineAt(doc.text, numStart);
    const lineBefore = doc.folded.slice(lineStart, numStart);
    const cellEnd = doc.text.slice(numStart, lineEnd).indexOf("\t");
    const limit = cellEnd >= 0 ? numStart + cellEnd : lineEnd;
    // The clause the number stands in: back to the cell, ";" or sentence start on its line.
    const clauseStart =
      lineStart +
      Math.max(
        0,
        ...["\t", ";", ". "].map((sep) => {
          const i = lineBefore.lastIndexOf(sep);
          return i < 0 ? 0 : i + sep.length;
        }),
      );
    const before = doc.folded.slice(Math.max(clauseStart, numStart - 120), numStart);
    const after = doc.folded.slice(unitEnd, unitEnd + 20);
    const strong = STRONG_BEFORE.test(before) || AFTER.test(after);
    const context = strong || inside(sections, numStart) || inside(cells, numStart);
    // Points are a target only when a goal word says so, never in a rule's range ("từ 95 điểm trở lên").
    const pointsGoal = STRONG_BEFORE.test(before) && !/(?<![a-z])(?:tu|duoi)\s*$/.test(before);
    if (unitFolded === "diem" ? !pointsGoal : !(context || WEAK_BEFORE.test(before))) continue;
    const subject = subjectOf(doc, numStart, unitEnd, limit);
    const unit =
      unitFolded === "%" ? "%" : doc.text.slice(numStart + (m[0].length - (m[3]?.length ?? 0)), unitEnd);
    // Evidence opens with a qualifier written just before the number ("Trên 95%", "ít nhất 01").
    const qual = /(?:(?<![a-z])(?:tren|it nhat|toi thieu|dat muc|dat|phan dau)\s+(?:tu\s+)?)$/.exec(
      doc.folded.slice(Math.max(lineStart, numStart - 20), numStart),
    );
    let evStart = qual ? numStart - qual[0].length : numStart;
    let evEnd = unitEnd;
    if (subject && subject[0] >= unitEnd) evEnd = subject[1];
    else if (subject) {
      // The subject came before the number ("mức độ hài lòng … đạt mức 90% trở lên").
      evStart = subject[0];
      evEnd = unitEnd + (AFTER.exec(after)?.[0].length ?? 0);
    }
    const subjectText = subject ? doc.text.slice(subject[0], subject[1]) : null;
    const key = `${value}|${unitFolded}|${subject ? doc.folded.slice(subject[0], subject[1]) : ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const evidence = evidenceAt(doc, evStart, evEnd);
    out.push({ text: evidence.text, value, unit, subject: subjectText, evidence });
  }
  return out;
}

/** The targets extractor (contract field `targets`). */
export const targetsExtractor = defineExtractor(
  { id: "targets", fallback: (): Target[] => [] },
  extractTargets,
);
