import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Discipline, DisciplineForm, DisciplineSubject } from "../schemas/index.js";
import { defineExtractor } from "./define.js";
import { endOf, type Hit, hits, startOf, yearOf } from "./discipline-clause.js";
import { evidenceAt, trimSpan } from "./evidence.js";
import {
  DISCIPLINE_AGENTS,
  DISCIPLINE_CLAUSE_CONDITIONS,
  DISCIPLINE_CO_NEGATORS,
  DISCIPLINE_FORM_WORDS,
  DISCIPLINE_MODALS,
  DISCIPLINE_NEGATIONS,
  DISCIPLINE_NOT_EXISTENTIAL,
  DISCIPLINE_PERSON_WORDS,
  DISCIPLINE_RESPECTIVELY,
  DISCIPLINE_RULE_AFTER,
  DISCIPLINE_RULE_WORDS,
  DISCIPLINE_SUBJECT_WORDS,
} from "./vocab/discipline.js";

/**
 * Disciplinary measures a document states as having happened: "do có đảng viên và công chức bị xử
 * lý kỷ luật với hình thức khiển trách và cảnh cáo" (corpus 000). Plans and rubrics write the same
 * words as goals and rules ("không có cán bộ … bị xử lý kỷ luật", "Bị xử lý kỷ luật hình thức
 * “Khiển trách” thì xếp loại cao nhất là …"), so a mention counts only when its clause says it
 * happened: an existential "có" that nothing negates, "đã", a count ("01 công chức"), "Lý do:", a
 * stated year, a named person, or a leader named by title (one definite person) with a precise form;
 * and nothing in it makes it a negation, a condition, a goal or a rule ("không", "nếu", "hoặc",
 * "phấn đấu", "… thì xếp loại", "trừ 02 điểm"). Unknown subject or form → null, never a guess.
 */

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** A folded phrase as a pattern: words with optional spaces between them (OCR glues and splits). */
const words = (p: string) => p.split(" ").map(esc).join("\\s*");
const alt = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map(words)
    .join("|");
const glue = (s: string) => s.replace(/\s+/g, "");
const wordRe = (list: readonly string[], flags = "") =>
  new RegExp(`(?<![a-z0-9])(?:${alt(list)})(?![a-z0-9])`, flags);

const FORM_PHRASES = DISCIPLINE_FORM_WORDS.flatMap((w) => w.phrases);
const FORM_OF = new Map(
  DISCIPLINE_FORM_WORDS.flatMap((w) => w.phrases.map((p) => [glue(p), w.form] as const)),
);
const FORM_RE = wordRe(FORM_PHRASES, "g");
const SUBJECT_OF = new Map(DISCIPLINE_SUBJECT_WORDS.map((w) => [glue(w.phrase), w.subject] as const));
const SUBJECT_RE = wordRe(
  DISCIPLINE_SUBJECT_WORDS.map((w) => w.phrase),
  "g",
);
/** "kỷ luật"; OCR reads its "l" as "I" ("kỷ Iuật", folded "ky iuat"). */
const KY_LUAT = String.raw`k[yi]\s*[li]u\s*at`;
const VERB = String.raw`(?:xu\s*ly|thi\s*hanh)\s*`;
/**
 * Where a mention is read, and how (the anchor's kind, from the group that matched):
 * - done: "đã (xem xét,) (quyết định) thi hành / xử lý kỷ luật" (active: the subject follows);
 * - decision: "(Quyết định …) về việc thi hành kỷ luật …", "Điều 1. Thi hành kỷ luật …" (active);
 * - bare: "xử lý kỷ luật 02 công chức" with no "đã" but a count right after (active);
 * - passive: "bị (xử lý) kỷ luật", "bị khiển trách", "bị <Ban Thường vụ Huyện ủy> thi hành kỷ luật".
 */
const ANCHOR_RE = new RegExp(
  [
    "(?<![a-z])(?:",
    String.raw`(da\s*(?:xem\s*xet\s*,?\s*(?:va\s*)?)?(?:ra\s*)?(?:quyet\s*dinh\s*)?${VERB}${KY_LUAT})`,
    String.raw`|((?:ve\s*viec|dieu\s*1\s*[.:]?)\s*(?:${VERB})?${KY_LUAT})`,
    String.raw`|(${VERB}${KY_LUAT}(?=\s*(?:doi\s*voi\s*)?\d{1,3}\s*[a-z]))`,
    String.raw`|bi\s*(?:${alt(DISCIPLINE_AGENTS)})(?![a-z])[a-z0-9 ,\-]{0,60}?\s(?:${VERB})?${KY_LUAT}`,
    String.raw`|bi\s*(?:${VERB})?${KY_LUAT}|bi\s*(?:${alt(FORM_PHRASES)}))(?![a-z])`,
  ].join(""),
  "g",
);
type AnchorKind = "done" | "decision" | "bare" | "passive";
const kindOf = (m: RegExpExecArray): AnchorKind =>
  m[1] ? "done" : m[2] ? "decision" : m[3] ? "bare" : "passive";
const MODAL_BEFORE_RE = new RegExp(`(?<![a-z])(?:${alt(DISCIPLINE_MODALS)})\\s*$`);
/** A decision anchor is one when a "Quyết định" precedes it in the sentence or it opens a line (a title). */
const DECISION_RE = /(?<![a-z])(?:quyet\s*dinh|q[d4]\s*-)/;
/** "do vi phạm …": the reason of an active measure; what it says is no rule of the measure. */
const REASON_RE = /(?<![a-z])do\s/;
/** Rule words that still reject when they stand in a reason: a rubric's "… thì xếp loại …". */
const RULE_THEN_RE = /(?<![a-z])thi\s*(?:xep|khong|bi|tru|se|chi|duoc|cung|phai)(?![a-z])/;
/** Counts per form in a parenthesis right after the clause: "(01 khiển trách, 02 cảnh cáo)". */
const PAREN_MAX = 120;
const NEGATION_RE = wordRe(DISCIPLINE_NEGATIONS);
const NEGATED_AFTER_CO_RE = new RegExp(
  String.raw`(?<![a-z])(?:(?:${alt(DISCIPLINE_NEGATIONS)})\s*(?:bi\s*|duoc\s*)?$|khong\s*de(?![a-z]))`,
);
const RULE_RE = wordRe(DISCIPLINE_RULE_WORDS);
const RULE_AFTER_RE = wordRe(DISCIPLINE_RULE_AFTER);
/** "trừ 02 điểm" as a rule's penalty; "bị trừ 06 điểm" is something that happened. */
const PENALTY_RE = /(?<!bi\s{0,3})(?<![a-z])tru\s*\d/;
const CO_RE = new RegExp(`(?<![a-z])co(?![a-z])(?!\\s*(?:${alt(DISCIPLINE_NOT_EXISTENTIAL)})(?![a-z]))`, "g");
const CO_NEGATED_RE = new RegExp(`(?<![a-z])(?:${alt(DISCIPLINE_CO_NEGATORS)})\\s*$`);
const CLAUSE_CONDITION_RE = new RegExp(
  String.raw`^[\s\-+•*]*(?:[a-z0-9]{1,3}[.)]\s*)?(?:${alt(DISCIPLINE_CLAUSE_CONDITIONS)})(?![a-z])`,
);
const SENTENCE_CONDITION_RE = /(?<![a-z])neu(?![a-z])(?!\s*co\s*\))/;
const PERSON_RE = new RegExp(`(?<![a-z])(?:${alt(DISCIPLINE_PERSON_WORDS)})\\s+(?=\\S)`, "g");
const RESPECTIVELY_RE = wordRe(DISCIPLINE_RESPECTIVELY);
const OR_ABOVE_RE = /^[\s"“”'’»)]*tro\s*len/;

/** The last existential "có" of a span, and whether something before it negates or conditions it. */
function lastCo(
  folded: string,
  from: number,
  to: number,
): { start: number; end: number; negated: boolean } | null {
  const co = hits(CO_RE, folded, from, to, () => null).pop();
  if (!co) return null;
  return { ...co, negated: CO_NEGATED_RE.test(folded.slice(Math.max(0, co.start - 20), co.start)) };
}

function uniq<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** Facts of one mention: pairs only what the sentence makes certain (see {@link Discipline}). */
function pairs(
  subjects: DisciplineSubject[],
  forms: Hit<{ form: DisciplineForm; orAbove: boolean }>[],
  respectively: boolean,
): { subject: DisciplineSubject | null; form: DisciplineForm | null; orAbove: boolean }[] {
  const f = forms.map((x) => x.value);
  if (f.length === 0) return subjects.map((subject) => ({ subject, form: null, orAbove: false }));
  if (subjects.length <= 1) return f.map((x) => ({ subject: subjects[0] ?? null, ...x }));
  if (f.length === 1) return subjects.map((subject) => ({ subject, ...(f[0] as (typeof f)[0]) }));
  if (respectively && f.length === subjects.length)
    return f.map((x, i) => ({ subject: subjects[i] ?? null, ...x }));
  return f.map((x) => ({ subject: null, ...x }));
}

/** The distinct forms written in `[from, to)`, each with whether "trở lên" follows it. */
function formsIn(
  folded: string,
  from: number,
  to: number,
): Hit<{ form: DisciplineForm; orAbove: boolean }>[] {
  return hits(FORM_RE, folded, from, to, (m) => FORM_OF.get(glue(m[0])) as DisciplineForm)
    .map((h) => ({
      ...h,
      value: { form: h.value, orAbove: OR_ABOVE_RE.test(folded.slice(h.end, h.end + 12)) },
    }))
    .filter((h, k, all) => all.findIndex((x) => x.value.form === h.value.form) === k);
}

/** Every stated disciplinary measure of the document, in text order. */
export function extractDiscipline(doc: NormalisedDocument): Discipline[] {
  const { text, folded } = doc;
  const anchors = hits(ANCHOR_RE, folded, 0, folded.length, kindOf);
  const out: Discipline[] = [];
  let prevEnd = 0;
  anchors.forEach((a, i) => {
    const cs = startOf(text, a.start, true);
    const ce = endOf(text, a.end, true);
    const next = anchors[i + 1];
    const regionEnd = next && next.start < ce ? next.start : ce;
    const leftFrom = Math.max(cs, prevEnd);
    const active = a.value !== "passive";
    const formHits = formsIn(folded, a.start, regionEnd);
    let parenEnd = 0;
    if (formHits.length === 0 && regionEnd === ce && text[ce] === "(") {
      const close = text.indexOf(")", ce);
      if (close > ce && close - ce <= PAREN_MAX) formHits.push(...formsIn(folded, ce, close));
      if (formHits.length > 0) parenEnd = close + 1;
    }
    const lastForm = formHits[formHits.length - 1];
    const formEnd = lastForm
      ? lastForm.end + (OR_ABOVE_RE.exec(folded.slice(lastForm.end, lastForm.end + 12))?.[0].length ?? 0)
      : a.end;
    prevEnd = Math.max(a.end, formEnd, parenEnd);
    if (a.value === "bare" && MODAL_BEFORE_RE.test(folded.slice(Math.max(0, a.start - 16), a.start))) return;

    // Is it something that happened? Only the clause before the mention can say so, and a later
    // "có" resets what came before it ("Do không kê khai …, có 01 công chức bị kỷ luật").
    const left = folded.slice(cs, a.start);
    const co = lastCo(folded, cs, a.start);
    if (co?.negated) return;
    const scopeFrom = co ? co.end : cs;
    const scope = folded.slice(scopeFrom, a.start);
    const right = folded.slice(a.end, ce);
    const reasonAt = REASON_RE.exec(right)?.index ?? right.length;
    const ss = startOf(text, a.start, false);
    const sentenceLeft = folded.slice(ss, a.start);
    // "về việc thi hành kỷ luật" is a decision's subject when a "Quyết định" comes before it in the
    // sentence or on the line above (the decision's own title); elsewhere it names a topic or heads
    // a section of a report ("- Về việc xử lý kỷ luật …: đề nghị …").
    const lineStart = text.lastIndexOf("\n", a.start - 1) + 1;
    const lineAbove = folded.slice(text.lastIndexOf("\n", lineStart - 2) + 1, lineStart);
    const titled =
      /^dieu/.test(folded.slice(a.start, a.end)) ||
      DECISION_RE.test(sentenceLeft) ||
      (lineStart > 0 &&
        /^\s*$/.test(folded.slice(lineStart, a.start)) &&
        /^\s*quyet\s*dinh\s*$/.test(lineAbove));
    if (a.value === "decision" && !titled) return;
    // After "có", a "không" in a relative clause ("có công chức không chấp hành … bị kỷ luật") is
    // no negation; "không bị" right before the mention, or "không để", still is.
    const negated = co ? NEGATED_AFTER_CO_RE.test(scope) : NEGATION_RE.test(scope);
    if (negated || RULE_RE.test(scope) || CLAUSE_CONDITION_RE.test(left)) return;
    if (SENTENCE_CONDITION_RE.test(sentenceLeft) || PENALTY_RE.test(left) || PENALTY_RE.test(right)) return;
    // What follows "do" is the reason ("do vi phạm những điều đảng viên không được làm"), but a
    // rubric's consequence ("… thì xếp loại …") rejects wherever it stands.
    if (RULE_AFTER_RE.test(right.slice(0, reasonAt)) || RULE_THEN_RE.test(right)) return;

    const subjectFrom = active ? a.end : Math.max(leftFrom, scopeFrom, a.start - 200);
    const subjectTo = active ? Math.min(regionEnd, a.end + reasonAt) : a.start;
    const subjectHits = hits(
      SUBJECT_RE,
      folded,
      subjectFrom,
      subjectTo,
      (m) => SUBJECT_OF.get(glue(m[0])) ?? null,
    );
    const counts = subjectHits.map(
      (h) => /(\d+)\s*$/.exec(folded.slice(Math.max(0, h.start - 6), h.start))?.[1],
    );
    if (counts.some((c) => c !== undefined && Number(c) === 0)) return;
    const people = subjectHits.filter((h): h is Hit<DisciplineSubject> => h.value !== null);
    const subjects = uniq(people.map((h) => h.value));
    if (subjects.length === 0 && formHits.length === 0) return;

    const year = yearOf(folded, ss, endOf(text, a.end, false), a.start, a.value === "decision");
    const person = hits(PERSON_RE, folded, cs, ce, () => null).some((h) =>
      /^\p{Lu}/u.test(text[h.end] ?? ""),
    );
    const counted = counts.some((c) => c !== undefined && Number(c) > 0);
    // An active sentence says it happened by its "đã"; a decision by naming whom it disciplines.
    const happened =
      a.value === "done" ||
      ((a.value === "decision" || a.value === "bare") && (person || counted)) ||
      (!active &&
        ((co !== null && !co.negated) ||
          /(?<![a-z])da\s*$/.test(scope) ||
          counted ||
          /(?<![a-z])ly\s*do(?![a-z])/.test(left) ||
          year !== null ||
          person));
    const definiteLeader = subjects.includes("leader") && formHits.every((h) => !h.value.orAbove);
    if (!happened && !definiteLeader) return;

    let start = a.start;
    let end = prevEnd;
    const first = people[0];
    if (!active && first) {
      start =
        first.start -
        (/\d+\s*$/.exec(folded.slice(Math.max(0, first.start - 6), first.start))?.[0].length ?? 0);
      if (co && co.start < start && start - co.end <= 2) start = co.start;
    } else if (active) {
      end = Math.max(end, ...people.map((h) => h.end));
    }
    const [s, e] = trimSpan(text, start, end, ",.;:");
    const evidence = evidenceAt(doc, s, e);
    const respectively = RESPECTIVELY_RE.test(folded.slice(cs, ce));
    for (const p of pairs(subjects, formHits, respectively)) {
      out.push({ subject: p.subject, subjects, form: p.form, orAbove: p.orAbove, year, evidence });
    }
  });
  return out;
}

/** The discipline fact kind (see {@link extractDiscipline}). */
export const disciplineExtractor = defineExtractor(
  { id: "discipline", fallback: (): Discipline[] => [] },
  extractDiscipline,
);
