import { ocrDigitView, SCORE_DIGITS } from "../../extractors/lib/ocr-digits.js";
import { fold } from "../../pipeline/text/fold.js";
import type { Criterion, DeclaredScore, Deduction, Role, Task } from "../../schemas/index.js";

/**
 * Compares the facts extracted from one fixtures/variants-facts document with the values written by
 * hand in its `<name>.expected.json`. Numbers, classes and unit names are compared exactly (unit
 * names folded for OCR copies, whose text has no diacritics); reasons, role names and task quotes
 * are compared tolerantly: folded (no diacritics, lower case), spaces and punctuation ignored.
 * Only the fact kinds (and, within a fact, the fields) that the expected file lists are checked.
 */

/** A declared score as expected: any field left out is not checked. */
export type ExpectedScore = Partial<Omit<DeclaredScore, "evidence" | "extraDeductionBasis">> & {
  unit: string | null;
};

export interface ExpectedTask {
  /** A phrase of the task's text that identifies it. */
  quote: string;
  lead?: string[];
  /** Roles the lead must include (others allowed). */
  leadIncludes?: string[];
  support?: string[];
  criterion?: { framework: string; number: number | null } | null;
  deadline?: { kind: string; date?: string | null };
  /** A judgement call: matching it is neither right nor wrong, missing it is no miss. */
  optional?: boolean;
}

/** The hand-written expected facts of one document (every kind optional). */
export interface Expected {
  _comment?: string;
  /** OCR copy: unit names are compared folded. */
  ocr?: boolean;
  declaredScores?: ExpectedScore[];
  deductions?: { criterion: number | null; content: number | null; points: number; reason?: string | null }[];
  criteria?: { framework: string; number: number | null }[];
  tasks?: ExpectedTask[];
  roles?: { present: string[]; absent: string[] };
}

/** The facts of one file: the union over its documents. */
export interface Extracted {
  declaredScores: DeclaredScore[];
  deductions: Deduction[];
  criteria: Criterion[];
  tasks: Task[];
  roles: Role[];
}

/** Counts of one fact kind in one document, with a line per problem. */
export interface KindScore {
  right: number;
  /** Extracted facts that are wrong or not expected. */
  falsePositives: number;
  /** Expected facts that were not extracted right. */
  misses: number;
  problems: string[];
}

export type Kind = "declaredScores" | "deductions" | "criteria" | "tasks" | "roles";

/**
 * Folded letters and digits only, OCR's "l" for "1" read as the digit: the tolerant form of names,
 * reasons and quotes (an OCR copy's reason "còn l2 hồ sơ" is the same reason as "còn 12 hồ sơ").
 */
export const loose = (s: string): string =>
  ocrDigitView(fold(s.normalize("NFC")), SCORE_DIGITS).replace(/[^a-z0-9]/g, "");

const unitKey = (unit: string | null, ocr: boolean) =>
  unit === null ? "(own unit)" : ocr ? loose(unit) : unit.replace(/\s+/g, " ").trim();

const SCORE_FIELDS = [
  "year",
  "selfAssessed",
  "assessed",
  "extraDeduction",
  "bonus",
  "final",
  "rank",
  "rankOf",
  "classification",
] as const;

function scoreDeclared(expected: ExpectedScore[], got: DeclaredScore[], ocr: boolean): KindScore {
  const s: KindScore = { right: 0, falsePositives: 0, misses: 0, problems: [] };
  const left = [...got];
  for (const e of expected) {
    const key = unitKey(e.unit, ocr);
    const i = left.findIndex(
      (g) => unitKey(g.unit, ocr) === key && (e.year === undefined || g.year === e.year),
    );
    const j = i >= 0 ? i : left.findIndex((g) => unitKey(g.unit, ocr) === key);
    if (j < 0) {
      s.misses++;
      s.problems.push(`missing score of ${key} ${e.year ?? ""}`);
      continue;
    }
    const [g] = left.splice(j, 1) as [DeclaredScore];
    const wrong = SCORE_FIELDS.filter((f) => f in e && (e[f] ?? null) !== (g[f] ?? null));
    if (wrong.length === 0) s.right++;
    else {
      s.misses++;
      s.falsePositives++;
      s.problems.push(
        `${key}: ${wrong.map((f) => `${f} ${String(g[f] ?? null)} ≠ ${String(e[f] ?? null)}`).join(", ")}`,
      );
    }
  }
  for (const g of left) {
    s.falsePositives++;
    s.problems.push(`unexpected score ${unitKey(g.unit, ocr)} ${g.year}: ${g.evidence.text.slice(0, 70)}`);
  }
  return s;
}

const reasonKey = (r: string | null | undefined) => (r ? loose(r) : null);

function scoreDeductions(expected: NonNullable<Expected["deductions"]>, got: Deduction[]): KindScore {
  const s: KindScore = { right: 0, falsePositives: 0, misses: 0, problems: [] };
  const left = [...got];
  for (const e of expected) {
    const i = left.findIndex(
      (g) => g.criterion === e.criterion && g.content === e.content && g.points === e.points,
    );
    const label = `tiêu chí ${e.criterion}/${e.content} −${e.points}`;
    if (i < 0) {
      s.misses++;
      s.problems.push(`missing deduction ${label}`);
      continue;
    }
    const [g] = left.splice(i, 1) as [Deduction];
    if (e.reason !== undefined && reasonKey(e.reason) !== reasonKey(g.reason)) {
      s.misses++;
      s.falsePositives++;
      s.problems.push(`${label}: reason "${g.reason}" ≠ "${e.reason}"`);
    } else s.right++;
  }
  for (const g of left) {
    s.falsePositives++;
    s.problems.push(
      `unexpected deduction ${g.criterion}/${g.content} −${g.points}: ${g.evidence.text.slice(0, 60)}`,
    );
  }
  return s;
}

function scoreCriteria(expected: NonNullable<Expected["criteria"]>, got: Criterion[]): KindScore {
  const s: KindScore = { right: 0, falsePositives: 0, misses: 0, problems: [] };
  const want = new Set(expected.map((c) => `${c.framework} ${c.number}`));
  const have = new Set(got.map((c) => `${c.framework} ${c.number}`));
  for (const k of want) {
    if (have.has(k)) s.right++;
    else {
      s.misses++;
      s.problems.push(`missing criterion ${k}`);
    }
  }
  for (const k of have) {
    if (!want.has(k)) {
      s.falsePositives++;
      s.problems.push(`unexpected criterion ${k}`);
    }
  }
  return s;
}

const roleSet = (names: readonly string[]) => names.map(loose).sort().join(" | ");

function taskProblems(e: ExpectedTask, g: Task): string[] {
  const out: string[] = [];
  if (e.lead && roleSet(e.lead) !== roleSet(g.lead)) out.push(`lead [${g.lead.join("; ")}]`);
  if (e.leadIncludes && !e.leadIncludes.every((r) => g.lead.some((l) => loose(l) === loose(r)))) {
    out.push(`lead [${g.lead.join("; ")}] lacks [${e.leadIncludes.join("; ")}]`);
  }
  if (e.support && roleSet(e.support) !== roleSet(g.support)) out.push(`support [${g.support.join("; ")}]`);
  if (e.criterion !== undefined) {
    const want = e.criterion ? `${e.criterion.framework} ${e.criterion.number}` : "none";
    const have = g.criterion ? `${g.criterion.framework} ${g.criterion.number}` : "none";
    if (want !== have) out.push(`criterion ${have} ≠ ${want}`);
  }
  if (e.deadline) {
    const d = g.deadline;
    if (!d || d.kind !== e.deadline.kind || ("date" in e.deadline && (e.deadline.date ?? null) !== d.date)) {
      out.push(
        `deadline ${d ? `${d.kind} ${d.date}` : "none"} ≠ ${e.deadline.kind} ${e.deadline.date ?? ""}`,
      );
    }
  }
  return out;
}

function scoreTasks(expected: ExpectedTask[], got: Task[]): KindScore {
  const s: KindScore = { right: 0, falsePositives: 0, misses: 0, problems: [] };
  const used = new Set<number>();
  for (const e of expected) {
    const q = loose(e.quote);
    const i = got.findIndex((g, k) => !used.has(k) && loose(g.text).includes(q));
    if (i < 0) {
      if (!e.optional) {
        s.misses++;
        s.problems.push(`missing task "${e.quote}"`);
      }
      continue;
    }
    used.add(i);
    if (e.optional) continue;
    const problems = taskProblems(e, got[i] as Task);
    if (problems.length === 0) s.right++;
    else {
      s.misses++;
      s.falsePositives++;
      s.problems.push(`task "${e.quote.slice(0, 40)}": ${problems.join("; ")}`);
    }
  }
  got.forEach((g, k) => {
    if (used.has(k)) return;
    s.falsePositives++;
    s.problems.push(`unexpected task "${g.text.slice(0, 60)}" lead [${g.lead.join("; ")}]`);
  });
  return s;
}

function scoreRoles(expected: NonNullable<Expected["roles"]>, got: Role[]): KindScore {
  const s: KindScore = { right: 0, falsePositives: 0, misses: 0, problems: [] };
  const have = new Set(got.map((r) => loose(r.name)));
  for (const name of expected.present) {
    if (have.has(loose(name))) s.right++;
    else {
      s.misses++;
      s.problems.push(`missing role ${name}`);
    }
  }
  for (const name of expected.absent) {
    if (have.has(loose(name))) {
      s.falsePositives++;
      s.problems.push(`role ${name} should not be found`);
    }
  }
  return s;
}

/** Scores every fact kind the expected file lists. */
export function compareFacts(expected: Expected, got: Extracted): Partial<Record<Kind, KindScore>> {
  const out: Partial<Record<Kind, KindScore>> = {};
  const ocr = expected.ocr === true;
  if (expected.declaredScores)
    out.declaredScores = scoreDeclared(expected.declaredScores, got.declaredScores, ocr);
  if (expected.deductions) out.deductions = scoreDeductions(expected.deductions, got.deductions);
  if (expected.criteria) out.criteria = scoreCriteria(expected.criteria, got.criteria);
  if (expected.tasks) out.tasks = scoreTasks(expected.tasks, got.tasks);
  if (expected.roles) out.roles = scoreRoles(expected.roles, got.roles);
  return out;
}

/** Precision, recall and F1 of summed counts (1 when there is nothing to find and nothing found). */
export function prf(
  right: number,
  falsePositives: number,
  misses: number,
): { p: number; r: number; f1: number } {
  const p = right + falsePositives === 0 ? 1 : right / (right + falsePositives);
  const r = right + misses === 0 ? 1 : right / (right + misses);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
