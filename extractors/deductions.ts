import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Deduction } from "../schemas/index.js";
import { type CriterionRef, dvcqCriterionRefs } from "./criteria.js";
import { tableDeductions } from "./deductions-table.js";
import { defineExtractor } from "./define.js";
import { evidenceAt } from "./evidence.js";
import { tableRows } from "./lib/table-rows.js";
import { parseVnNumber, VN_NUMBER } from "./lib/vn-number.js";
import { isExtraDeductionAt, isScoreStatement, lineAt, nextNonEmptyLine, trimClause } from "./score-text.js";

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

/** The criterion a deduction at `at` belongs to: the nearest reference on its line or up to three lines above. */
function attachedRef(text: string, refs: CriterionRef[], at: number): CriterionRef | null {
  let limit = lineAt(text, at)[0];
  for (let n = 0; n < HEADER_LINES && limit > 0; ) {
    const [s] = lineAt(text, limit - 1);
    if (text.slice(s, limit - 1).trim() !== "") n++;
    limit = s;
  }
  let best: CriterionRef | null = null;
  for (const r of refs) {
    if (r.start >= limit && r.end <= at) best = r;
  }
  if (best) return best;
  // "Bị trừ 3 điểm tại Tiêu chí 2, nội dung 1": the reference may follow on the same line.
  const [, lineEnd] = lineAt(text, at);
  return refs.find((r) => r.start > at && r.start < Math.min(lineEnd, at + 120)) ?? null;
}

/** The reason written with the deduction: "…; Lý do: …", "… do …", or a "Lý do:" line just below. */
function reasonAfter(doc: NormalisedDocument, end: number): [number, number] | null {
  const [, lineEnd] = lineAt(doc.text, end);
  const rest = doc.folded.slice(end, lineEnd);
  const label = /^[\s;,.:)-]*(?:ly do|nguyen nhan)\s*:?\s*|^\s*[,;]?\s*(?:do|vi)\s+(?!pham)/.exec(rest);
  let s: number;
  let e: number;
  if (label) {
    s = end + label[0].length;
    e = lineEnd;
  } else {
    const next = nextNonEmptyLine(doc.text, lineEnd);
    if (!next) return null;
    const m = /^\s*[-+]?\s*(?:ly do|nguyen nhan)\s*:\s*/.exec(doc.folded.slice(next[0], next[1]));
    if (!m) return null;
    s = next[0] + m[0].length;
    e = next[1];
  }
  const [ts, te] = trimClause(doc.text, s, sentenceEnd(doc.text, s, e));
  return te > ts ? [ts, te] : null;
}

/** The value after the first `label` in [from, to), up to the end of its line. */
function labelled(doc: NormalisedDocument, re: RegExp, from: number, to: number): [number, number] | null {
  re.lastIndex = from;
  const m = re.exec(doc.folded);
  if (!m || m.index >= to) return null;
  const s = m.index + m[0].length;
  const [, lineEnd] = lineAt(doc.text, s);
  const [ts, te] = trimClause(doc.text, s, Math.min(lineEnd, to));
  return te > ts ? [ts, te] : null;
}

function proseDeductions(doc: NormalisedDocument): Deduction[] {
  const refs = dvcqCriterionRefs(doc);
  const found: { d: Omit<Deduction, "responsible" | "remedy">; at: number; end: number }[] = [];
  for (const m of doc.folded.matchAll(DEDUCTION_RE)) {
    const at = m.index;
    const end = at + m[0].length;
    const [lineStart, lineEnd] = lineAt(doc.text, at);
    if (doc.text.slice(lineStart, lineEnd).includes("\t")) continue; // table rows: see tableDeductions
    if (isExtraDeductionAt(doc.folded, end) || isScoreStatement(doc.folded, lineStart, lineEnd)) continue;
    const lineBefore = doc.folded.slice(lineStart, at);
    const clauseStart =
      lineStart + Math.max(lineBefore.lastIndexOf(".") + 1, lineBefore.lastIndexOf(";") + 1);
    if (CONDITIONAL.test(doc.folded.slice(Math.max(clauseStart, at - 100), at))) continue;
    const points = parseVnNumber(m[2] ?? "");
    if (points === null || points <= 0 || points > 100) continue;
    const ref = attachedRef(doc.text, refs, at);
    // A bare "trừ X điểm" is a deduction only when tied to a criterion; "bị trừ" says it happened.
    if (!m[1] && !ref) continue;
    let content = ref?.content ?? null;
    if (ref && content === null) {
      const between = doc.folded.slice(ref.end, at);
      const all = [...between.matchAll(/(?<![a-z])noi\s*dung\s*(?:so\s*)?(\d{1,2})(?![\d/])/g)];
      const last = all.at(-1);
      if (last) content = Number(last[1]);
    }
    const reason = reasonAfter(doc, end);
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
  return [...proseDeductions(doc), ...tableDeductions(doc, tableRows(doc))].sort(
    (a, b) => a.evidence.start - b.evidence.start,
  );
}

/** The deductions extractor (contract field `deductions`). */
export const deductionsExtractor = defineExtractor(
  { id: "deductions", fallback: (): Deduction[] => [] },
  extractDeductions,
);
