import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Classification } from "../schemas/index.js";
import { parseVnNumber, VN_NUMBER } from "./lib/vn-number.js";
import { classifyFolded, lineAt, lineStarts, unitName, type YearLine, yearIn } from "./score-text.js";

/**
 * How results decisions and reports name the unit a score is about, and the year of a report's own
 * score: unit labels ("- Xã Nghĩa Kỳ: …"), units as sentence subjects ("1. Thị trấn X đạt …"),
 * lists of units under a class ("… (03 đơn vị): xã A (97,25 điểm), xã B (96,5 điểm)"), and the
 * titles that date a report ("Kết quả tự chấm điểm … năm 2024"). Used by declared-scores-prose.ts.
 */

/**
 * A line about one named unit, as a results decision lists them in prose: "- Xã Nghĩa Kỳ: tự chấm
 * 97,5 điểm; thẩm định 95,5 điểm; xếp loại Hoàn thành xuất sắc nhiệm vụ." (group 1: the name).
 */
export const UNIT_LABEL_RE =
  /^\s*(?:[-+•*]\s*|\d{1,3}\s*[.)]\s*|[a-z]\)\s*)?((?:(?:ubnd|uy ban nhan dan)\s+)?(?:xa|phuong|thi tran|thi xa|huyen|quan|thanh pho)\s+[^:;,.()]{1,40}?)\s*:\s*/;
/**
 * A line whose subject is a named unit, as results decisions write them: "1. Thị trấn Krông Kmar đạt
 * 96,5 điểm, xếp loại …" (group 1: the name; the words of the name are checked for capitals on the
 * text itself, so "xã đạt" or "xã được" never make a name).
 */
export const UNIT_SUBJECT_RE =
  /^\s*(?:[-+•*]\s*|\d{1,3}\s*[.)]\s*|[a-z]\)\s*)?((?:(?:ubnd|uy ban nhan dan)\s+)?(?:xa|phuong|thi tran|thi xa|huyen|quan|thanh pho)\s+[^:;,.()]{1,40}?)\s+(?=dat\s|duoc\s|tu\s*cham|tu\s*danh\s*gia|xep\s*(?:loai|thu|hang)|co\s+tong)/;
/**
 * Items of a list of units with their scores: "xã Hòa Phong (97,25 điểm), xã Hòa Khương (96,5 điểm)"
 * (group 1: the name, group 2: the score, group 3: the rest of the bracket).
 */
export const UNIT_ITEM_RE = new RegExp(
  String.raw`(?<![a-z])((?:(?:ubnd|uy ban nhan dan)\s+)?(?:xa|phuong|thi tran|thi xa)\s+[^:;,.()\d]{2,40}?)\s*\(\s*(${VN_NUMBER})\s*(?:diem|d)(?![a-z])([^()]*)\)`,
  "g",
);

/** The fields of one score statement, each with the span it was read from. */
export interface Fields {
  /** The unit a labelled line is about ("- Xã Nghĩa Kỳ: tự chấm 97,5 điểm …"). */
  unit?: string;
  selfAssessed?: number;
  assessed?: number;
  extraDeduction?: number;
  extraDeductionBasis?: string;
  bonus?: number;
  final?: number;
  rank?: number;
  rankOf?: number;
  classification?: Classification;
  year?: number;
  start: number;
  end: number;
}

/** Scores above this are not a unit's score (a count, a year, a document number). */
export const SCORE_MAX = 150;

/**
 * Whether the name at `at` of `line` (the text itself; `folded` is the name's folded form) is
 * written as a proper name: every word after the level word starts with a capital or a digit ("Thị
 * trấn Krông Kmar", "Phường 3"), as opposed to running words ("xã đạt chuẩn nông thôn mới").
 */
export function capitalisedName(line: string, at: number, folded: string): boolean {
  const level = /^(?:(?:ubnd|uy ban nhan dan)\s+)?(?:xa|phuong|thi tran|thi xa|huyen|quan|thanh pho)\s+/.exec(
    folded,
  );
  const name = line.slice(at + (level?.[0].length ?? 0), at + folded.length);
  const words = name.split(/\s+/).filter((w) => w !== "");
  return words.length > 0 && words.length <= 5 && words.every((w) => /^[\p{Lu}\d]/u.test(w));
}

/**
 * The units a line lists with their scores, each with the class the line is about: "1. Hoàn thành
 * xuất sắc nhiệm vụ (03 đơn vị): xã Hòa Phong (97,25 điểm), xã Hòa Khương (96,5 điểm)." A list
 * needs a class written before its first item, or at least two items; a bracket may add the rank
 * ("xã A (97,25 điểm, xếp thứ 1)").
 */
export function unitItems(doc: NormalisedDocument, view: string, s: number, e: number): Fields[] {
  const line = view.slice(s, e);
  const matches = [...line.matchAll(UNIT_ITEM_RE)].filter((m) =>
    capitalisedName(doc.text.slice(s, e), m.index, m[1] ?? ""),
  );
  const first = matches[0];
  if (!first) return [];
  const label = classifyFolded(view, s, s + first.index, false);
  if (!label && matches.length < 2) return [];
  const items: Fields[] = [];
  for (const m of matches) {
    const value = parseVnNumber(m[2] ?? "");
    if (value === null || value > SCORE_MAX) continue;
    const a = s + m.index;
    const f: Fields = {
      unit: unitName(doc.text.slice(a, a + (m[1]?.length ?? 0))),
      final: value,
      start: a,
      end: a + m[0].length,
    };
    if (label) f.classification = label.classification;
    const rank = /xep\s*(?:thu|hang)\s*(\d{1,3})(?:\s*\/\s*(\d{1,3}))?/.exec(m[3] ?? "");
    if (rank) {
      f.rank = Number(rank[1]);
      if (rank[2]) f.rankOf = Number(rank[2]);
    }
    items.push(f);
  }
  return items;
}

/**
 * The titles above which a report's own score is dated, with their year: lines that open with
 * results ("Kết quả tự chấm điểm công tác dân vận chính quyền năm 2024", "II. KẾT QUẢ ĐÁNH GIÁ NĂM
 * 2023"). A line that only mentions results ("Điều 1. Phê duyệt kết quả … năm 2023 như sau:") or
 * states a plan's aim ("khắc phục", "nâng cao", "phấn đấu": the year a plan is for) dates nothing.
 */
export function resultsTitleLines(doc: NormalisedDocument): YearLine[] {
  const title =
    /^\s*(?:(?:[ivx]+|\d+(?:\.\d+)*)\s*[.)]\s*)?(?:v\/v\s*)?(?:bao cao\s+)?(?:ket qua|tu cham|tu danh gia|cham diem|danh gia|xep loai|phan loai)/;
  const out: YearLine[] = [];
  for (const start of lineStarts(doc.text)) {
    const [s, e] = lineAt(doc.text, start);
    if (e - s > 200) continue;
    const line = doc.folded.slice(s, e);
    if (!title.test(line) || /khac phuc|nang cao|phan dau|muc tieu/.test(line)) continue;
    const year = yearIn(doc.folded, s, e);
    if (year !== null) out.push({ start: s, year });
  }
  return out;
}
