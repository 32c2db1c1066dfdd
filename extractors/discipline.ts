import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Discipline, DisciplineForm, DisciplineSubject } from "../schemas/index.js";
import { defineExtractor } from "./define.js";
import { evidenceAt, trimSpan } from "./evidence.js";
import {
  DISCIPLINE_CLAUSE_CONDITIONS,
  DISCIPLINE_CO_NEGATORS,
  DISCIPLINE_FORM_WORDS,
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
const KY_LUAT = String.raw`k[yi]\s*lu\s*at`;
/** "đã xử lý / thi hành kỷ luật" (active, group 1), "bị (xử lý) kỷ luật", "bị khiển trách" (passive). */
const ANCHOR_RE = new RegExp(
  String.raw`(?<![a-z])(?:(da\s*(?:xu\s*ly|thi\s*hanh)\s*${KY_LUAT})|bi\s*(?:xu\s*ly\s*|thi\s*hanh\s*)?${KY_LUAT}|bi\s*(?:${alt(FORM_PHRASES)}))(?![a-z])`,
  "g",
);
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
const YEAR_RE = /(?<![a-z])nam\s*(\d{4})(?!\d)/g;

/** How far a clause reaches from its anchor; a longer one is a run-on paragraph, not one clause. */
const REACH = 300;

/**
 * A line break that only wraps a sentence (hard-wrapped PDFs): the line does not end a sentence
 * and the next one goes on in lower case or with a quote ("hình thức\n“Khiển trách” thì …").
 */
function wraps(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 3), i).trimEnd();
  return before !== "" && !/[.:;!?]$/.test(before) && /^[\p{Ll}“"]/u.test(text[i + 1] ?? "");
}

function isBoundary(text: string, i: number, clause: boolean): boolean {
  const c = text[i] ?? "";
  if (c === "\n") return !wraps(text, i);
  if (c === ".") return /\s/.test(text[i + 1] ?? " ");
  if (c === "!" || c === "?") return true;
  return clause && (c === "\t" || c === ";" || c === "(" || c === ")");
}

/** Start of the clause (or, `clause` false, the sentence) holding `pos`. */
function startOf(text: string, pos: number, clause: boolean): number {
  const limit = Math.max(0, pos - REACH);
  for (let i = pos - 1; i >= limit; i--) if (isBoundary(text, i, clause)) return i + 1;
  return limit;
}

function endOf(text: string, pos: number, clause: boolean): number {
  const limit = Math.min(text.length, pos + REACH);
  for (let i = pos; i < limit; i++) if (isBoundary(text, i, clause)) return i;
  return limit;
}

interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

function hits<T>(re: RegExp, folded: string, from: number, to: number, of: (m: string) => T): Hit<T>[] {
  const out: Hit<T>[] = [];
  re.lastIndex = 0;
  const part = folded.slice(from, to);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, value: of(m[0]) });
  }
  return out;
}

/** The year the sentence states: the nearest "năm 2024" before the mention, else the first after. */
function yearOf(folded: string, from: number, to: number, at: number): number | null {
  const years = hits(YEAR_RE, folded, from, to, (m) => Number(m.replace(/\D/g, ""))).filter(
    (y) =>
      y.value >= 1990 && y.value <= 2100 && !/thang\s*\d{1,2}\s*$/.test(folded.slice(y.start - 12, y.start)),
  );
  const before = years.filter((y) => y.start < at);
  return (before[before.length - 1] ?? years[0])?.value ?? null;
}

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

/** Every stated disciplinary measure of the document, in text order. */
export function extractDiscipline(doc: NormalisedDocument): Discipline[] {
  const { text, folded } = doc;
  const anchors = hits(ANCHOR_RE, folded, 0, folded.length, (m) => /^da/.test(m));
  const out: Discipline[] = [];
  let prevEnd = 0;
  anchors.forEach((a, i) => {
    const cs = startOf(text, a.start, true);
    const ce = endOf(text, a.end, true);
    const next = anchors[i + 1];
    const regionEnd = next && next.start < ce ? next.start : ce;
    const leftFrom = Math.max(cs, prevEnd);
    const formHits = hits(FORM_RE, folded, a.start, regionEnd, (m) => FORM_OF.get(glue(m)) as DisciplineForm)
      .map((h) => ({
        ...h,
        value: { form: h.value, orAbove: OR_ABOVE_RE.test(folded.slice(h.end, h.end + 12)) },
      }))
      .filter((h, k, all) => all.findIndex((x) => x.value.form === h.value.form) === k);
    const lastForm = formHits[formHits.length - 1];
    const formEnd = lastForm
      ? lastForm.end + (OR_ABOVE_RE.exec(folded.slice(lastForm.end, lastForm.end + 12))?.[0].length ?? 0)
      : a.end;
    prevEnd = Math.max(a.end, formEnd);

    // Is it something that happened? Only the clause before the mention can say so, and a later
    // "có" resets what came before it ("Do không kê khai …, có 01 công chức bị kỷ luật").
    const left = folded.slice(cs, a.start);
    const co = lastCo(folded, cs, a.start);
    if (co?.negated) return;
    const scopeFrom = co ? co.end : cs;
    const scope = folded.slice(scopeFrom, a.start);
    const right = folded.slice(a.end, ce);
    const ss = startOf(text, a.start, false);
    const sentenceLeft = folded.slice(ss, a.start);
    // After "có", a "không" in a relative clause ("có công chức không chấp hành … bị kỷ luật") is
    // no negation; "không bị" right before the mention, or "không để", still is.
    const negated = co ? NEGATED_AFTER_CO_RE.test(scope) : NEGATION_RE.test(scope);
    if (negated || RULE_RE.test(scope) || CLAUSE_CONDITION_RE.test(left)) return;
    if (SENTENCE_CONDITION_RE.test(sentenceLeft) || PENALTY_RE.test(left) || PENALTY_RE.test(right)) return;
    if (RULE_AFTER_RE.test(right)) return;

    const subjectFrom = a.value ? a.end : Math.max(leftFrom, scopeFrom, a.start - 200);
    const subjectTo = a.value ? regionEnd : a.start;
    const subjectHits = hits(
      SUBJECT_RE,
      folded,
      subjectFrom,
      subjectTo,
      (m) => SUBJECT_OF.get(glue(m)) ?? null,
    );
    const counts = subjectHits.map(
      (h) => /(\d+)\s*$/.exec(folded.slice(Math.max(0, h.start - 6), h.start))?.[1],
    );
    if (counts.some((c) => c !== undefined && Number(c) === 0)) return;
    const people = subjectHits.filter((h): h is Hit<DisciplineSubject> => h.value !== null);
    const subjects = uniq(people.map((h) => h.value));
    if (subjects.length === 0 && formHits.length === 0) return;

    const year = yearOf(folded, ss, endOf(text, a.end, false), a.start);
    const person = hits(PERSON_RE, folded, cs, ce, () => null).some((h) =>
      /^\p{Lu}/u.test(text[h.end] ?? ""),
    );
    const happened =
      (co !== null && !co.negated) ||
      a.value ||
      /(?<![a-z])da\s*$/.test(scope) ||
      counts.some((c) => c !== undefined && Number(c) > 0) ||
      /(?<![a-z])ly\s*do(?![a-z])/.test(left) ||
      year !== null ||
      person;
    const definiteLeader = subjects.includes("leader") && formHits.every((h) => !h.value.orAbove);
    if (!happened && !definiteLeader) return;

    let start = a.start;
    let end = prevEnd;
    const first = people[0];
    if (!a.value && first) {
      start =
        first.start -
        (/\d+\s*$/.exec(folded.slice(Math.max(0, first.start - 6), first.start))?.[0].length ?? 0);
      if (co && co.start < start && start - co.end <= 2) start = co.start;
    } else if (a.value) {
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
