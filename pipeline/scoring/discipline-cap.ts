/**
 * The cap a unit's stated discipline puts on its class, under the rubric's rules that carry a
 * machine-readable condition (`when`): a leader's "khiển trách" → at most Hoàn thành tốt, "cảnh
 * cáo" → at most Hoàn thành, "cách chức" or heavier → Không hoàn thành (QĐ 2579 Điều 6). Only what
 * is certain counts: a fact whose subject or form is unknown triggers nothing, and "từ hình thức
 * khiển trách trở lên" caps only as far as every form it allows would.
 */
import {
  type Classification,
  type Discipline,
  DisciplineForm,
  type DisciplineSubject,
  type Rubric,
} from "../../schemas/index.js";
import { compareClass } from "./format.js";
import type { DisciplineFact } from "./group.js";

/** A rubric rule a discipline fact can trigger. */
export interface DisciplineRule {
  kind: "downgrade" | "automatic_fail";
  id: string;
  description: string;
  /** The best class the unit may keep (Không hoàn thành for an automatic fail). */
  capAt: Classification;
  subjects: readonly DisciplineSubject[];
  forms: readonly DisciplineForm[];
  /** The rule's own sentence, then where the rubric names who and which forms. */
  source: string | null;
  conditionSource: string | null;
}

/** The rules of a rubric that carry a `when`; the others only explain (never applied). */
export function disciplineRules(rubric: Rubric | null): DisciplineRule[] {
  if (!rubric) return [];
  const downgrades = rubric.downgrades.flatMap((d) =>
    d.when
      ? [
          {
            kind: "downgrade" as const,
            id: d.id,
            description: d.description,
            capAt: d.capAt,
            subjects: d.when.subjects,
            forms: d.when.forms,
            source: d.source,
            conditionSource: d.when.source,
          },
        ]
      : [],
  );
  const fails = rubric.automaticFail.flatMap((a) =>
    a.when
      ? [
          {
            kind: "automatic_fail" as const,
            id: a.id,
            description: a.description,
            capAt: "KHONG_HOAN_THANH" as const,
            subjects: a.when.subjects,
            forms: a.when.forms,
            source: a.source,
            conditionSource: a.when.source,
          },
        ]
      : [],
  );
  return [...fails, ...downgrades];
}

/** The forms a fact allows: its form, or with "trở lên" that form and every heavier one. */
export function possibleForms(d: Discipline): DisciplineForm[] {
  if (d.form === null) return [];
  const all = DisciplineForm.options;
  return d.orAbove ? all.slice(all.indexOf(d.form)) : [d.form];
}

/** A cap and the rules that give it. */
export interface RuleCap {
  capAt: Classification;
  rules: DisciplineRule[];
}

/**
 * The cap one fact makes certain: for each form it allows, the strictest rule matching its subject
 * and that form; the fact caps at the loosest of those, and not at all when some allowed form is
 * matched by no rule (a leader "từ khiển trách trở lên" may have been "hạ bậc lương", which Cần Thơ
 * does not grade). Null subject or form: no cap.
 */
export function capOfFact(d: Discipline, rules: readonly DisciplineRule[]): RuleCap | null {
  const subject = d.subject;
  if (subject === null || d.form === null) return null;
  let loosest: RuleCap | null = null;
  for (const form of possibleForms(d)) {
    const matching = rules.filter((r) => r.subjects.includes(subject) && r.forms.includes(form));
    const first = matching[0];
    if (!first) return null;
    const worst = matching.reduce((a, r) => (compareClass(r.capAt, a) > 0 ? r.capAt : a), first.capAt);
    if (!loosest || compareClass(worst, loosest.capAt) < 0) {
      loosest = { capAt: worst, rules: matching.filter((r) => r.capAt === worst) };
    }
  }
  return loosest;
}

/** The cap on a unit-year's class, with the facts and rules that give it. */
export interface DisciplineCap extends RuleCap {
  facts: DisciplineFact[];
  /** Facts of the unit-year that could not trigger any rule (subject or form unknown, or uncovered). */
  unused: DisciplineFact[];
}

/** The strictest cap the unit-year's facts make certain under the rubric; null when none. */
export function unitCap(facts: readonly DisciplineFact[], rubric: Rubric | null): DisciplineCap | null {
  const rules = disciplineRules(rubric);
  if (rules.length === 0 || facts.length === 0) return null;
  let best: DisciplineCap | null = null;
  const unused: DisciplineFact[] = [];
  for (const f of facts) {
    const cap = capOfFact(f.discipline, rules);
    if (!cap) {
      unused.push(f);
      continue;
    }
    const order = best ? compareClass(cap.capAt, best.capAt) : 1;
    if (!best || order > 0) best = { ...cap, facts: [f], unused };
    else if (order === 0) {
      best.facts.push(f);
      for (const r of cap.rules) if (!best.rules.includes(r)) best.rules.push(r);
    }
  }
  if (best) best.unused = unused;
  return best;
}

/** The worse of two classes. */
export function worseClass(a: Classification, b: Classification): Classification {
  return compareClass(a, b) >= 0 ? a : b;
}
