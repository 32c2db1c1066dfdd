import { z } from "zod";
import { Classification, DisciplineForm, DisciplineSubject, UnitLevel } from "./facts.js";

/**
 * A grading rubric (DVCQ "thang điểm và phương pháp đánh giá, phân loại") as data: each province
 * issues its own, and a province replaces its rubric every few years, so the scoring stage never
 * hard-codes a number. Every number carries `source`, the sentence of the legal text it comes from
 * (or, for an assumption, the reason it was assumed), so a reviewer can check it.
 */

/** Points: a non-negative number ("0,5 điểm" → 0.5). */
const Points = z.number().nonnegative();

/** The quoted sentence of the legal text a value comes from; null when the text says nothing. */
const Quote = z.string().min(1).nullable();

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One numbered content (nội dung) of a criterion. `maxPoints` null: the rubric's text does not give it. */
export const RubricContent = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  maxPoints: Points.nullable(),
  source: Quote,
});
export type RubricContent = z.infer<typeof RubricContent>;

/** One criterion (tiêu chí). `maxPoints` null: not public or not given, never invented. */
export const RubricCriterion = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  maxPoints: Points.nullable(),
  contents: z.array(RubricContent),
  source: Quote,
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

/** One end of a score band; `inclusive` says whether the value itself belongs to the band ("từ 85 điểm" vs "dưới 95 điểm"). */
export const ScoreBound = z.object({ value: z.number(), inclusive: z.boolean() });
export type ScoreBound = z.infer<typeof ScoreBound>;

/** The score band of one class. A null bound is open ("từ 95 điểm trở lên" has no upper bound). */
export const ClassThreshold = z.object({
  classification: Classification,
  min: ScoreBound.nullable(),
  max: ScoreBound.nullable(),
  /** "đồng thời, không có tiêu chí nào trong thang điểm chấm 0 điểm": the class needs every criterion above 0. */
  noCriterionAtZero: z.boolean(),
  /** True when the band is an assumption (the rubric's thresholds are not public), not the legal text. */
  assumed: z.boolean(),
  source: Quote,
});
export type ClassThreshold = z.infer<typeof ClassThreshold>;

/**
 * The machine-readable condition of a discipline rule: it applies when a unit's documents state
 * that someone of one of `subjects` was disciplined with one of `forms` (the `discipline` facts).
 * `source` quotes where the rubric says who and which forms (it may differ from the rule's own
 * sentence: Cần Thơ names the leaders in Điều 6 khoản 5 and the forms in its points a and b).
 */
export const DisciplineCondition = z.object({
  subjects: z.array(DisciplineSubject).min(1),
  forms: z.array(DisciplineForm).min(1),
  source: Quote,
});
export type DisciplineCondition = z.infer<typeof DisciplineCondition>;

/**
 * A condition that makes a unit "Không hoàn thành" whatever its score (corruption, a leader removed
 * from office …). With `when`, the scoring stage applies it to units whose documents state a
 * matching discipline; without, it only explains a class lower than the score.
 */
export const AutomaticFail = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  description: z.string().min(1),
  when: DisciplineCondition.optional(),
  source: Quote,
});
export type AutomaticFail = z.infer<typeof AutomaticFail>;

/**
 * A rule that caps a unit's class whatever its score ("khiển trách" of a leader → at most Hoàn
 * thành tốt). With `when`, the scoring stage applies it (see {@link AutomaticFail}).
 */
export const DowngradeRule = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  description: z.string().min(1),
  capAt: Classification,
  when: DisciplineCondition.optional(),
  source: Quote,
});
export type DowngradeRule = z.infer<typeof DowngradeRule>;

/** A deduction outside the criteria ("bị trừ 06 điểm theo điểm b, khoản 2, Điều 6"). */
export const ExtraDeductionRule = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** Where the rubric states it: "điểm b, khoản 2, Điều 6". */
  basis: z.string().min(1),
  description: z.string().min(1),
  /** Points it takes, when the rubric fixes them; null when unknown. */
  points: Points.nullable(),
  source: Quote,
});
export type ExtraDeductionRule = z.infer<typeof ExtraDeductionRule>;

/** A cap on points with its source ("điểm thưởng … tối đa 03 điểm"). */
export const PointsCap = z.object({ max: Points, source: Quote });
export type PointsCap = z.infer<typeof PointsCap>;

/** A province's grading rubric, validated when loaded. Classes are listed best first. */
export const Rubric = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    legalBasis: z.object({
      /** "1211/QĐ-UBND": matched against the documents' references to choose the rubric. */
      number: z.string().min(1),
      issuedOn: IsoDate,
      issuer: z.string().min(1),
    }),
    /** The province (or province-level city) whose units it grades; `aliases` are other spellings of its name. */
    province: z.object({ name: z.string().min(1), level: UnitLevel, aliases: z.array(z.string()) }),
    /** Assessed years it applies to (inclusive); `to` null: still in force as far as we know. */
    years: z.object({ from: z.number().int(), to: z.number().int().nullable(), source: Quote }),
    /** True when some values are assumptions (see `note` and each value's `assumed`/`source`). */
    provisional: z.boolean(),
    note: z.string().nullable(),
    scale: z.object({ total: Points, source: Quote }),
    criteria: z.array(RubricCriterion),
    /** Null: the rubric's bonus cap is unknown. */
    bonusCap: PointsCap.nullable(),
    /** Cap on the deductions outside the criteria (điểm trừ); null: unknown. */
    deductionCap: PointsCap.nullable(),
    extraDeductions: z.array(ExtraDeductionRule),
    classes: z.array(ClassThreshold).min(1),
    automaticFail: z.array(AutomaticFail),
    downgrades: z.array(DowngradeRule),
  })
  .superRefine((r, ctx) => {
    const numbers = r.criteria.map((c) => c.number);
    if (new Set(numbers).size !== numbers.length) {
      ctx.addIssue({ code: "custom", path: ["criteria"], message: "criterion numbers must be unique" });
    }
    const maxima = r.criteria.map((c) => c.maxPoints);
    if (maxima.length > 0 && maxima.every((m) => m !== null)) {
      const sum = maxima.reduce<number>((a, m) => a + (m ?? 0), 0);
      if (Math.round(sum * 100) > Math.round(r.scale.total * 100)) {
        ctx.addIssue({
          code: "custom",
          path: ["criteria"],
          message: `criterion maxima sum to ${sum} > scale`,
        });
      }
    }
    for (const [i, c] of r.criteria.entries()) {
      const sum = c.contents.reduce<number>((a, x) => a + (x.maxPoints ?? 0), 0);
      if (c.maxPoints !== null && Math.round(sum * 100) > Math.round(c.maxPoints * 100)) {
        ctx.addIssue({
          code: "custom",
          path: ["criteria", i],
          message: "content maxima exceed the criterion",
        });
      }
    }
    // Classification picks the first band that fits, so the order (best first) is part of the meaning.
    const order = Classification.options;
    for (let i = 1; i < r.classes.length; i++) {
      const prev = r.classes[i - 1];
      const cur = r.classes[i];
      if (prev && cur && order.indexOf(cur.classification) <= order.indexOf(prev.classification)) {
        ctx.addIssue({ code: "custom", path: ["classes", i], message: "classes must be listed best first" });
      }
    }
    if (r.years.to !== null && r.years.to < r.years.from) {
      ctx.addIssue({ code: "custom", path: ["years"], message: "years.to before years.from" });
    }
  });
export type Rubric = z.infer<typeof Rubric>;
