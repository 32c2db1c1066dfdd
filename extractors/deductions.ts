import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Deduction } from "../schemas/index.js";
import { type CriterionRef, dvcqCriterionRefs } from "./criteria.js";
import { tableDeductions } from "./deductions-table.js";
import { defineExtractor } from "./define.js";
import { evidenceAt } from "./evidence.js";
import { ocrDigitView, SCORE_DIGITS } from "./lib/ocr-digits.js";
import { tableRows } from "./lib/table-rows.js";
import { parseVnNumber, VN_NUMBER } from "./lib/vn-number.js";
import {
  isExtraDeductionAt,
  isScoreStatement,
  lineWindow,
  nextNonEmptyLine,
  trimClause,
} from "./score-text.js";

/** "Bị trừ 3,00 điểm", "bị trừ 0,5 điểm", "trừ 0,5 điểm", "trừ đi 1 điểm", "bi tru 2 diem" (folded). */
const DEDUCTION_RE = new RegExp(
  String.raw`(?<![a-z])(bi\s*)?tru\s*(?:di\s*)?:?\s*(${VN_NUMBER})\s*(?:diem|d)(?![a-z])`,
  "g",
);

/**
 * Words that make a deduction a rule or a condition ("nếu … thì bị trừ", "mỗi hồ sơ trừ …"), not a
 * fact. "thì"/"sẽ" count only right before the deduction: folded "thi" is also "thị" (thị trấn).
 */
const CONDITIONAL = /(?<![a-z])(?:neu|moi|truong hop|toi da|khong qua)(?![a-z])|(?<![a-z])(?:thi|se)\s*$/;

/** How far back (in non-empty lines) a criterion heading may stand from its deduction. */
const HEADER_LINES = 3;

/** Labels introducing who must fix the deduction, and how. */
const RESPONSIBLE_RE =
  /(?:trach nhiem\s+)?chu tri(?:\s+tham muu)?\s*:|(?<![a-z])trach nhiem\s*:|(?:don vi|bo phan|nguoi|can bo)\s+(?:chiu\s+)?trach nhiem\s*:/g;
const REMEDY_RE = /(?:huong|giai phap|bien phap)\s+khac phuc\s*:/g;

/** Words that start a role's name: a list of roles is split where one of them begins. */
const ROLE_HEAD =
  /^(?:cong chuc|can bo|bo phan|ban\s|phong\s|ubnd|uy ban|khoi|truong\s|to truong|chu tich|pho chu tich|van phong|doan\s|hoi\s|cong an|quan su|cong doan|mat tran)/;

/**
 * Splits "Công chức Văn phòng – Thống kê, cán bộ, công chức thị trấn" into its roles: at ";"
 * always, at "," and " và " only where a role name begins ("cán bộ, công chức" stays one role).
 */
export function splitRoles(text: string): string[] {
  const roles: string[] = [];
  for (const chunk of text.split(/\s*;\s*/)) {
    let current = "";
    let last = 0;
    const pieces: { piece: string; sep: string }[] = [];
    for (const m of chunk.matchAll(/\s*,\s*|\s+và\s+/g)) {
      pieces.push({ piece: chunk.slice(last, m.index), sep: m[0] });
      last = m.index + m[0].length;
    }
    pieces.push({ piece: chunk.slice(last), sep: "" });
    let sep = "";
    for (const { piece, sep: next } of pieces) {
      const starts = ROLE_HEAD.test(fold(piece).trim());
      const bare = /^(?:can bo|cong chuc|vien chuc)$/.test(fold(current).trim());
      if (current !== "" && starts && !bare) {
        roles.push(current);
        current = piece;
      } else {
        current = current === "" ? piece : current + sep + piece;
      }
      sep = next;
    }
    roles.push(current);
  }
  return roles.map((r) => r.trim().replace(/[.;,]+$/, "")).filter((r) => r !== "");
}

/** End of the sentence that starts at `from`, within [from, to): a period before a capital, outside brackets. */
function sentenceEnd(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text[i] ?? "";
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "." && depth === 0 && /^\s+\p{Lu}/u.test(text.slice(i + 1, i + 4))) return i;
  }
  return to;
}

/**
 * The criterion a deduction at `at` belongs to. On its own line, the nearest reference before it
 * ("Tiêu chí 5 bị trừ 2,0 điểm"), else one shortly after it ("Bị trừ 0,5 điểm do … (Tiêu chí 10)",
 * "Trừ 1 điểm (Tiêu chí 4): …"); else the nearest reference up to three lines above (a heading
 * "(1) Tiêu chí 2, nội dung 1: …" over "Bị trừ 3,00 điểm"), unless another deduction stands between
 * them: that heading was that deduction's.
 */
function attachedRef(
  text: string,
  refs: CriterionRef[],
  at: number,
  deductionStarts: readonly number[],
): CriterionRef | null {
  const [lineStart, lineEnd] = lineWindow(text, at, at);
  let limit = lineStart;
  for (let n = 0; n < HEADER_LINES && limit > 0; ) {
    const [s] = lineWindow(text, limit - 1, limit - 1);
    if (text.slice(s, limit - 1).trim() !== "") n++;
    limit = s;
  }
  // Only the references near the deduction: from `limit` to a little after it (refs are in text order).
  const near: CriterionRef[] = [];
  for (let i = firstAtOrAfter(refs, limit); i < refs.length && (refs[i]?.start ?? 0) < at + 120; i++) {
    near.push(refs[i] as CriterionRef);
  }
  let best: CriterionRef | null = null;
  for (const r of near) if (r.start >= lineStart && r.end <= at) best = r;
  if (best) return best;
  const after = near.find((r) => r.start > at && r.start < Math.min(lineEnd, at + 120));
  if (after) return after;
  for (const r of near) if (r.end <= lineStart) best = r;
  if (best && deductionStarts.some((d) => d > (best as CriterionRef).end && d < at)) return null;
  return best;
}

/**
 * Where the deduction was made, written after it: "ở Tiêu chí 3 (Cải cách hành chính)", "(Tiêu chí
 * 4)", "tại tiêu chí 2, nội dung 1".
 */
const WHERE_AFTER =
  /^\s*(?:(?:o|tai|thuoc|cua)\s+)?\(?\s*(?:tieu\s*chi|tc)\s*(?:so\s*)?\d{1,2}(?!\d)(?:\s*[,;-]?\s*(?:noi\s*dung|nd)\s*(?:so\s*)?\d{1,2}(?!\d))?\s*\)?(?:\s*\([^()]{1,80}\))?/;

/** The index of the first reference starting at or after `offset` (binary search). */
function firstAtOrAfter(refs: readonly CriterionRef[], offset: number): number {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((refs[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A bracket that holds a reason, not a reference or the rule applied ("(Tiêu chí 4)", "(theo …)"). */
const NOT_A_REASON = /^(?:tieu\s*chi|noi\s*dung|theo|tai|can\s*cu|diem\s+[a-z]\b|khoan|dieu|tc\s*\d)/;

/**
 * The reason written with the deduction: "…; Lý do: …", "… do …", "(…)", "…: …", or a "Lý do:" line
 * just below; it stops before the clause of the `next` deduction when that one follows on the line.
 */
function reasonAfter(doc: NormalisedDocument, end: number, next: number): [number, number] | null {
  const [, lineEnd] = lineWindow(doc.text, end, end);
  // "Bị trừ 1,5 điểm ở Tiêu chí 3 (Cải cách hành chính) do …": the criterion named after the
  // deduction stands between it and its reason.
  const where = WHERE_AFTER.exec(doc.folded.slice(end, lineEnd));
  if (where) end += where[0].length;
  const rest = doc.folded.slice(end, lineEnd);
  const label =
    /^[\s;,.:)-]*(?:ly do|nguyen nhan)\s*:?\s*|^\s*[,;]?\s*(?:do|vi)\s+(?!pham)|^\s*\)?\s*:\s*(?=\S)/.exec(
      rest,
    );
  const bracket = /^\s*\(([^()]{3,200})\)/.exec(rest);
  let s: number;
  let e: number;
  if (label) {
    s = end + label[0].length;
    e = lineEnd;
  } else if (bracket?.[1] && !NOT_A_REASON.test(bracket[1].trim())) {
    // "Tiêu chí 3 bị trừ 1,25 điểm (có 05 hồ sơ trễ hạn)": the bracket says why.
    s = end + bracket[0].indexOf(bracket[1]);
    e = s + bracket[1].length;
  } else {
    const next = nextNonEmptyLine(doc.text, lineEnd);
    if (!next) return null;
    const m = /^\s*[-+]?\s*(?:ly do|nguyen nhan)\s*:\s*/.exec(doc.folded.slice(next[0], next[1]));
    if (!m) return null;
    s = next[0] + m[0].length;
    e = next[1];
  }
  // "… do còn 12 hồ sơ quá hạn; tiêu chí 9 (…) bị trừ 5 điểm do …": the next deduction's clause on
  // the same line is not part of this reason.
  if (next > s && next < e) {
    const cut = doc.text.slice(s, next).lastIndexOf(";");
    e = cut >= 0 ? s + cut : next;
  }
  let [ts, te] = trimClause(doc.text, s, sentenceEnd(doc.text, s, e));
  // "… do chậm gửi báo cáo (Tiêu chí 10)": the reference closing the sentence is not the reason.
  const ref = /\s*\((?:tieu\s*chi|tc)\s*[^()]{0,60}\)$/.exec(doc.folded.slice(ts, te));
  if (ref) [ts, te] = trimClause(doc.text, ts, te - ref[0].length);
  return te > ts ? [ts, te] : null;
}

/** The value after the first `label` in [from, to), up to the end of its line. */
function labelled(doc: NormalisedDocument, re: RegExp, from: number, to: number): [number, number] | null {
  // Searched within the block only: a label-less document must not be scanned to its end each time.
  re.lastIndex = 0;
  const m = re.exec(doc.folded.slice(from, to));
  if (!m) return null;
  const s = from + m.index + m[0].length;
  const [, lineEnd] = lineWindow(doc.text, s, s);
  const [ts, te] = trimClause(doc.text, s, Math.min(lineEnd, to));
  return te > ts ? [ts, te] : null;
}

/**
 * A deduction that sums up the ones that follow on its line ("phường bị trừ 2,25 điểm ở các tiêu
 * chí: Tiêu chí 3 bị trừ 1,25 điểm …; Tiêu chí 6 bị trừ 1 điểm …") is a total, not a deduction.
 */
const TOTAL_AFTER =
  /^[^;.]{0,40}?(?:o|tai|cua|thuoc)?\s*(?:cac|nhung)\s+(?:tieu\s*chi|noi\s*dung)[^:]{0,40}:|^[^;.]{0,40}?(?:cu the|bao gom|gom)(?:\s+nhu\s+sau)?\s*:/;

/** "Tổng cộng bị trừ 3,5 điểm", "tổng số bị trừ …": a total, not one criterion's deduction. */
const TOTAL_BEFORE = /(?<![a-z])tong(?:\s+cong|\s+so)?(?:\s+diem)?\s*$/;

function proseDeductions(doc: NormalisedDocument): Deduction[] {
  const refs = dvcqCriterionRefs(doc);
  // OCR writes "l.5" and "Tieu chi l0": numbers are matched on the repaired view (same offsets).
  const view = ocrDigitView(doc.folded, SCORE_DIGITS);
  const matches = [...view.matchAll(DEDUCTION_RE)];
  const starts = matches.map((m) => m.index);
  // Deductions that open a clause of their own (not the extra deduction cited inside a reason).
  const clauseStarts = matches
    .filter((m) => !isExtraDeductionAt(doc.folded, m.index + m[0].length))
    .map((m) => m.index);
  let nextClause = 0;
  const found: { d: Omit<Deduction, "responsible" | "remedy">; at: number; end: number }[] = [];
  for (const m of matches) {
    const at = m.index;
    const end = at + m[0].length;
    const [lineStart, lineEnd] = lineWindow(doc.text, at, end);
    if (doc.text.slice(lineStart, lineEnd).includes("\t")) continue; // table rows: see tableDeductions
    if (isExtraDeductionAt(doc.folded, end) || isScoreStatement(doc.folded, lineStart, lineEnd)) continue;
    const lineBefore = doc.folded.slice(lineStart, at);
    const clauseStart =
      lineStart + Math.max(lineBefore.lastIndexOf(".") + 1, lineBefore.lastIndexOf(";") + 1);
    if (CONDITIONAL.test(doc.folded.slice(Math.max(clauseStart, at - 100), at))) continue;
    const points = parseVnNumber(m[2] ?? "");
    if (points === null || points <= 0 || points > 100) continue;
    if (TOTAL_AFTER.test(view.slice(end, lineEnd)) && starts.some((d) => d > end && d < lineEnd)) continue;
    if (TOTAL_BEFORE.test(view.slice(Math.max(lineStart, at - 30), at))) continue;
    const ref = attachedRef(doc.text, refs, at, starts);
    // A bare "trừ X điểm" is a deduction only when tied to a criterion; "bị trừ" says it happened.
    if (!m[1] && !ref) continue;
    let content = ref?.content ?? null;
    if (ref && content === null) {
      const between = doc.folded.slice(ref.end, at);
      const all = [...between.matchAll(/(?<![a-z])noi\s*dung\s*(?:so\s*)?(\d{1,2})(?![\d/])/g)];
      const last = all.at(-1);
      if (last) content = Number(last[1]);
    }
    while (nextClause < clauseStarts.length && (clauseStarts[nextClause] ?? 0) <= end) nextClause++;
    const reason = reasonAfter(doc, end, clauseStarts[nextClause] ?? doc.text.length);
    const evStart = ref && ref.start < at && at - ref.start <= 600 ? ref.start : at;
    const evEnd = reason ? reason[1] : end;
    found.push({
      at,
      end: evEnd,
      d: {
        criterion: ref?.number ?? null,
        content,
        points,
        reason: reason ? doc.text.slice(reason[0], reason[1]) : null,
        evidence: evidenceAt(doc, evStart, evEnd),
      },
    });
  }
  return found.map((f, i) => {
    // Who fixes it and how: the labels that follow, before the next deduction or criterion heading.
    const nextDeduction = found[i + 1]?.at ?? doc.text.length;
    const nextRef = refs.find((r) => r.start > f.end)?.start ?? doc.text.length;
    const blockEnd = Math.min(nextDeduction, nextRef, f.end + 2500);
    const resp = labelled(doc, RESPONSIBLE_RE, f.end, blockEnd);
    const remedy = labelled(doc, REMEDY_RE, f.end, blockEnd);
    return {
      ...f.d,
      ...(resp ? { responsible: splitRoles(doc.text.slice(resp[0], resp[1])) } : {}),
      ...(remedy ? { remedy: doc.text.slice(remedy[0], remedy[1]) } : {}),
    };
  });
}

/**
 * Points a unit lost, per criterion: "(1) Tiêu chí 2, nội dung 1: … / Bị trừ 3,00 điểm; Lý do: …"
 * with the responsible roles ("Trách nhiệm chủ trì tham mưu: …") and the remedy ("Hướng khắc
 * phục: …") written below it, and rows of deduction tables. Not deductions: the extra deduction of
 * a declared score ("bị trừ 06 điểm theo điểm b, khoản 2, Điều 6 …"), rules and conditions ("nếu
 * … thì bị trừ 1 điểm", "mỗi hồ sơ trễ hạn trừ 0,25 điểm"), and a bare "trừ X điểm" that no
 * criterion is attached to.
 */
export function extractDeductions(doc: NormalisedDocument): Deduction[] {
  return [...proseDeductions(doc), ...tableDeductions(doc, tableRows(doc, { loose: true }))].sort(
    (a, b) => a.evidence.start - b.evidence.start,
  );
}

/** The deductions extractor (contract field `deductions`). */
export const deductionsExtractor = defineExtractor(
  { id: "deductions", fallback: (): Deduction[] => [] },
  extractDeductions,
);
