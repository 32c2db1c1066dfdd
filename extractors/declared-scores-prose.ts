import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { DeclaredScore } from "../schemas/index.js";
import {
  capitalisedName,
  type Fields,
  resultsTitleLines,
  SCORE_MAX,
  UNIT_LABEL_RE,
  UNIT_SUBJECT_RE,
  unitItems,
} from "./declared-scores-units.js";
import { evidenceAt } from "./evidence.js";
import { ocrDigitView, SCORE_DIGITS } from "./lib/ocr-digits.js";
import { parseVnNumber, VN_NUMBER } from "./lib/vn-number.js";
import {
  classifyFolded,
  isExtraDeductionAt,
  lineAt,
  lineStarts,
  resultsYearLines,
  trimClause,
  unitName,
  type YearLine,
  yearBefore,
  yearIn,
} from "./score-text.js";

/**
 * Filler words between a score word and its number ("huyện chấm đạt 89,50", "tổng số điểm là
 * 83,5", "tự đánh giá năm 2023 của phường đạt 96,5").
 */
const FILL = String.raw`(?:\s*(?:dat|duoc|la|voi|con|so diem|tong so|diem|muc|nam\s+\d{4}|cua\s+(?:xa|phuong|thi\s*tran|don\s*vi|co\s*quan|dia\s*phuong|ubnd(?:\s+(?:xa|phuong|thi\s*tran))?))(?![a-z\d]))*\s*[:=]?\s*`;
const N = `(${VN_NUMBER})`;
/**
 * A score number ends there: not a date, a fraction, a percentage or a longer number; "91/100" is
 * a score out of 100.
 */
const END = String.raw`(?:\s*\/\s*100(?!\d))?(?![\d/%]|[,.]\d)`;

const SELF_RE = new RegExp(
  String.raw`(?<![a-z])(?:diem\s+)?tu\s*(?:cham|danh\s*gia)(?:\s*cham)?(?:\s*diem)?${FILL}${N}${END}`,
  "g",
);
const ASSESSED_RE = new RegExp(
  String.raw`(?<![a-z])(?:(?:huyen|tinh|thanh pho|thi xa|quan|so noi vu|phong noi vu|cap tren|hoi dong(?:\s+tham\s*dinh)?|doan(?:\s+kiem tra)?|to\s+tham\s*dinh|ban\s+chi\s+dao)\s+(?:cham(?:\s*diem)?|tham\s*dinh|danh\s*gia)(?:\s+lai)?|(?:diem\s+)?(?:ket qua\s+)?tham\s*dinh)${FILL}${N}${END}`,
  "g",
);
const FINAL_RE = new RegExp(
  String.raw`(?<![a-z])(?:dat\s+tong\s+(?:so\s+)?(?:diem\s+)?|tong\s+(?:so\s+)?diem(?:\s+(?:cuoi cung|chinh thuc|sau\s+(?:tham\s*dinh|khi\s+tru)))?|diem\s+(?:cuoi cung|chinh thuc|sau\s+(?:tham\s*dinh|khi\s+tru))|con\s+lai)${FILL}${N}${END}`,
  "g",
);
/** "đạt 83,50 điểm" alone: the final score, when no more specific word claimed the number. */
const REACHED_RE = new RegExp(
  String.raw`(?<![a-z])dat\s+${N}(?:\s*\/\s*100(?!\d))?\s*(?:diem|d)(?![a-z])`,
  "g",
);
const EXTRA_RE = new RegExp(String.raw`(?<![a-z])bi\s+tru\s*(?:them\s*)?${N}\s*(?:diem|d)(?![a-z])`, "g");
const BONUS_RE = new RegExp(
  String.raw`(?<![a-z])(?:diem\s+thuong|duoc\s+cong(?:\s+them)?|cong\s+them)${FILL}${N}${END}`,
  "g",
);
const RANK_RE =
  /(?<![a-z])(?:xep\s*(?:thu|hang)|dung\s+thu)\s*(?:thu\s*)?(\d{1,3})(?!\d)(?:\s*(?:\/|tren|trong)\s*(?:tong\s+so\s*)?(\d{1,3})(?!\d))?/g;
/**
 * Clauses about another index than DVCQ: "Chỉ số PAPI năm 2023 của tỉnh đạt 43,1254 điểm, xếp thứ
 * 25/63" is no unit's declared score.
 */
const OTHER_INDEX =
  /(?<![a-z])(?:papi|pci|par\s*index|sipas|chi\s*so\s*(?:hai\s*long|cai\s*cach|nang\s*luc|hieu\s*qua\s*quan\s*tri))(?![a-z])/;

/** "…: 95,5 điểm" right after a unit's label: the unit's final score. */
const LABELLED_SCORE_RE = new RegExp(String.raw`^(${VN_NUMBER})\s*(?:diem|d)(?![a-z])`);
const CLASS_ANCHOR_RE = /(?<![a-z])(?:xep\s*loai|phan\s*loai)\s*(?:dat\s*)?(?:muc\s*)?(?:loai\s*)?:?\s*/g;

/** Words that make a number a goal or a rule, not a result: "phấn đấu đạt 95 điểm", "từ 85 điểm trở lên". */
const NOT_A_RESULT =
  /(?<![a-z])(?:phan dau|muc tieu|chi tieu|neu|toi da|toi thieu|cao nhat|thap nhat|la nhung)\s*$/;
const GOAL_CLAUSE = /(?<![a-z])(?:phan dau|muc tieu|chi tieu|du kien|dang ky|nam toi)(?![a-z])/;
const RULE_AFTER = /^\s*(?:diem\s*)?(?:tro len|tro xuong|den duoi)/;

/** The start of the clause holding `at` in `line`: after the last ";" or sentence end before it. */
function clauseStart(line: string, at: number): number {
  // At most 300 characters back: a paragraph that lost its line breaks must not be rescanned per match.
  const from = Math.max(0, at - 300);
  const back = line.slice(from, at + 1);
  return from + Math.max(0, back.lastIndexOf(";") + 1, back.lastIndexOf(". ") + 1);
}

/**
 * Reads the score fields written in `view[s, e)` (one line; `view` is the folded text with OCR
 * digits repaired, same offsets).
 */
function readLine(doc: NormalisedDocument, view: string, s: number, e: number): Fields | null {
  const f: Fields = { start: e, end: s };
  const line = view.slice(s, e);
  const taken: [number, number][] = [];
  const touch = (a: number, b: number) => {
    f.start = Math.min(f.start, a);
    f.end = Math.max(f.end, b);
  };
  const score = (re: RegExp, key: "selfAssessed" | "assessed" | "final" | "bonus" | "extraDeduction") => {
    for (const m of line.matchAll(re)) {
      const clause = line.slice(clauseStart(line, m.index), m.index);
      if (GOAL_CLAUSE.test(clause) || OTHER_INDEX.test(clause)) continue;
      // A DVCQ score has at most two decimals; "46,0415" is an index.
      if (/[,.]\d{3,}$/.test(m[1] ?? "") && !/\.\d{3}$/.test(m[1] ?? "")) continue;
      const numStart = m.index + m[0].lastIndexOf(m[1] ?? "");
      const before = line.slice(Math.max(0, m.index - 14), m.index);
      if (NOT_A_RESULT.test(before)) continue;
      if (RULE_AFTER.test(line.slice(numStart + (m[1]?.length ?? 0)))) continue;
      const value = parseVnNumber(m[1] ?? "");
      if (value === null || value > SCORE_MAX) continue;
      const a = s + m.index;
      const b = s + m.index + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      if (f[key] !== undefined) continue;
      f[key] = value;
      taken.push([a, b]);
      touch(a, b);
      if (key === "extraDeduction") basis(b);
    }
  };
  const basis = (after: number) => {
    if (!isExtraDeductionAt(doc.folded, after)) return;
    const rest = doc.folded.slice(after, e);
    const cite = /(?:diem\s+[a-z0-9]{1,2}\b|khoan\s+\d|dieu\s+\d)/.exec(rest);
    if (!cite) return;
    const bs = after + cite.index;
    const stop = /\s+(?:do|vi)\s|[);]/.exec(doc.folded.slice(bs, e));
    const [ts, te] = trimClause(doc.text, bs, stop ? bs + stop.index : e);
    if (te > ts) f.extraDeductionBasis = doc.text.slice(ts, te);
  };
  const subject = UNIT_LABEL_RE.exec(line) ? null : UNIT_SUBJECT_RE.exec(line);
  if (subject?.[1] && capitalisedName(doc.text.slice(s, e), subject[0].indexOf(subject[1]), subject[1])) {
    const nameStart = s + subject[0].indexOf(subject[1]);
    f.unit = unitName(doc.text.slice(nameStart, nameStart + subject[1].length));
  }
  const written = UNIT_LABEL_RE.exec(line);
  const label =
    written?.[1] && capitalisedName(doc.text.slice(s, e), written[0].indexOf(written[1]), written[1])
      ? written
      : null;
  if (label?.[1]) {
    const nameStart = s + label[0].indexOf(label[1]);
    f.unit = unitName(doc.text.slice(nameStart, nameStart + label[1].length));
    const bare = LABELLED_SCORE_RE.exec(line.slice(label[0].length));
    const value = bare ? parseVnNumber(bare[1] ?? "") : null;
    if (bare && value !== null && value <= SCORE_MAX) {
      f.final = value;
      const a = s + label[0].length;
      taken.push([a, a + bare[0].length]);
      touch(a, a + bare[0].length);
    }
  }
  score(SELF_RE, "selfAssessed");
  score(ASSESSED_RE, "assessed");
  score(FINAL_RE, "final");
  score(BONUS_RE, "bonus");
  score(EXTRA_RE, "extraDeduction");
  score(REACHED_RE, "final");
  for (const m of line.matchAll(RANK_RE)) {
    const clause = line.slice(clauseStart(line, m.index), m.index);
    if (GOAL_CLAUSE.test(clause) || OTHER_INDEX.test(clause) || f.rank !== undefined) continue;
    f.rank = Number(m[1]);
    if (m[2]) f.rankOf = Number(m[2]);
    if (f.rankOf !== undefined && f.rank > f.rankOf) {
      delete f.rank;
      delete f.rankOf;
      continue;
    }
    touch(s + m.index, s + m.index + m[0].length);
  }
  for (const m of line.matchAll(CLASS_ANCHOR_RE)) {
    const from = s + m.index + m[0].length;
    const clause = line.slice(clauseStart(line, m.index), m.index);
    // A rule ("nếu … thì xếp loại …", "xếp loại cao nhất là …"); folded "thi" is also "thị" (thị trấn).
    if (
      GOAL_CLAUSE.test(clause) ||
      /(?<![a-z])(?:neu|cao nhat|toi da)(?![a-z])|(?<![a-z])thi\s*$/.test(clause)
    )
      continue;
    const hit = classifyFolded(doc.folded, from, Math.min(e, from + 40), true);
    if (!hit || hit.start > from + 2) continue;
    if (/^\s*(?:nhiem vu\s*)?tro len/.test(doc.folded.slice(hit.end, e))) continue;
    f.classification = hit.classification;
    touch(s + m.index, hit.end);
    break;
  }
  if (f.classification === undefined && (f.final !== undefined || f.assessed !== undefined)) {
    // "95,5 điểm (Hoàn thành xuất sắc nhiệm vụ)", "93 điểm, hoàn thành tốt nhiệm vụ": a class
    // written in full right after a score, without "xếp loại".
    for (const m of line.matchAll(/(?<![a-z])diem\s*[(,;–-]\s*/g)) {
      const from = s + m.index + m[0].length;
      const hit = classifyFolded(doc.folded, from, Math.min(e, from + 40), false);
      if (!hit || hit.start > from) continue;
      f.classification = hit.classification;
      touch(s + m.index, hit.end);
      break;
    }
  }
  // "bị trừ X điểm" is an extra deduction only when it cites its rule or sits among the scores;
  // otherwise it is a criterion's deduction (see the deductions extractor).
  const scored = f.selfAssessed !== undefined || f.assessed !== undefined || f.final !== undefined;
  if (f.extraDeductionBasis === undefined && !scored) delete f.extraDeduction;
  const has = f.selfAssessed ?? f.assessed ?? f.final ?? f.extraDeduction ?? f.classification ?? f.rank;
  return has === undefined ? null : f;
}

/**
 * The paragraphs of the text as [start, end) spans: non-empty lines, where a line that ends without
 * punctuation and is followed by one starting in lower case is a hard wrap and joins the next.
 */
function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open: [number, number] | null = null;
  for (const ls of lineStarts(text)) {
    const [s, e] = lineAt(text, ls);
    const line = text.slice(s, e);
    if (line.trim() === "") continue;
    if (
      open &&
      !/[.;:!?)]\s*$/.test(text.slice(open[0], open[1])) &&
      /^\s*[\p{Ll}\d]/u.test(line) &&
      !line.includes("\t")
    ) {
      open[1] = e;
      continue;
    }
    if (open) out.push(open);
    open = [s, e];
  }
  if (open) out.push(open);
  return out;
}

/** A statement holds a score when it gives a number, or a rank with its class. */
function isScore(f: Fields): boolean {
  return (
    f.selfAssessed !== undefined ||
    f.assessed !== undefined ||
    f.final !== undefined ||
    (f.rank !== undefined && (f.rankOf !== undefined || f.classification !== undefined))
  );
}

/** Whether two statements can be one: no field given twice. */
function compatible(a: Fields, b: Fields): boolean {
  const keys = [
    "selfAssessed",
    "assessed",
    "extraDeduction",
    "bonus",
    "final",
    "rank",
    "classification",
  ] as const;
  return keys.every((k) => a[k] === undefined || b[k] === undefined);
}

/**
 * Scores a document declares in prose, for its own unit (`unit` null) or for a unit a line is
 * labelled with ("- Xã Nghĩa Kỳ: tự chấm 97,5 điểm …"): "Năm 2024, điểm công tác dân vận của thị
 * trấn xếp thứ 12/19 …, đạt tổng số 83,50 điểm (điểm thị trấn tự chấm 97,50 điểm, huyện chấm đạt
 * 89,50 điểm và bị trừ 06 điểm theo quy định tại điểm b, Khoản 2, Điều 6 …); Xếp loại: Hoàn thành
 * tốt." Statements spread over adjacent lines ("Tự chấm: 97,5 điểm" / "Huyện thẩm định: 89,5 điểm")
 * are merged. Goals ("phấn đấu đạt 95 điểm"), rules ("từ 85 điểm trở lên") and classes without any
 * score are not declared scores. The year is the one the statement names ("Năm 2024, …"), else the
 * one of the heading just above it.
 */
export function proseDeclaredScores(doc: NormalisedDocument): DeclaredScore[] {
  const view = ocrDigitView(doc.folded, SCORE_DIGITS);
  const statements: { f: Fields; para: number; span: [number, number] }[] = [];
  const headings: { year: number; para: number }[] = [];
  let para = 0;
  for (const [s, e] of paragraphs(doc.text)) {
    para++;
    if (doc.text.slice(s, e).includes("\t")) continue;
    const year = yearIn(doc.folded, s, e);
    if (year !== null && e - s < 200) headings.push({ year, para });
    const items = unitItems(doc, view, s, e);
    if (items.length > 0) {
      for (const f of items) statements.push({ f, para, span: [f.start, f.end] });
      continue;
    }
    const f = readLine(doc, view, s, e);
    if (!f) continue;
    if (year !== null) f.year = year;
    const prev = statements.at(-1);
    const sameYear = f.year === undefined || prev?.f.year === undefined || f.year === prev.f.year;
    if (prev && prev.para === para - 1 && prev.f.unit === f.unit && compatible(prev.f, f) && sameYear) {
      const { start: ps, end: pe, ...pf } = prev.f;
      const { start: fs, end: fe, ...ff } = f;
      prev.f = { ...pf, ...ff, start: Math.min(ps, fs), end: Math.max(pe, fe) };
      prev.para = para;
      prev.span[1] = e;
      continue;
    }
    statements.push({ f, para, span: [s, e] });
  }
  const out: DeclaredScore[] = [];
  // Read once, when a statement needs them.
  let resultLines: YearLine[] | undefined;
  let titleLines: YearLine[] | undefined;
  for (const { f, para: at, span } of statements) {
    if (!isScore(f)) continue;
    const heading = headings.filter((h) => h.para < at && h.para >= at - 3).at(-1)?.year;
    // A named unit's line may stand far below the "Phê duyệt kết quả … năm 2023" that dates it; a
    // report's own score below its title "Kết quả tự chấm điểm … năm 2024".
    let year = f.year ?? heading ?? null;
    if (year === null && f.unit) {
      resultLines ??= resultsYearLines(doc);
      year = yearBefore(resultLines, span[0]);
    } else if (year === null) {
      titleLines ??= resultsTitleLines(doc);
      year = titleLines.filter((l) => l.start < span[0]).at(-1)?.year ?? null;
    }
    out.push({
      unit: f.unit ?? null,
      year,
      selfAssessed: f.selfAssessed ?? null,
      assessed: f.assessed ?? null,
      extraDeduction: f.extraDeduction ?? null,
      extraDeductionBasis: f.extraDeductionBasis ?? null,
      bonus: f.bonus ?? null,
      final: f.final ?? null,
      rank: f.rank ?? null,
      rankOf: f.rankOf ?? null,
      classification: f.classification ?? null,
      evidence: evidenceAt(doc, ...trimClause(doc.text, span[0], span[1])),
    });
  }
  return out;
}
