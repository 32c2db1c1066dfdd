/**
 * `self_gap`: a self-assessment far above the superior's assessment. Units grade themselves
 * first ("tự chấm"), the district then assesses ("huyện chấm", "thẩm định"); a large gap means the
 * unit misread the rubric or claimed evidence it did not send, which reviewers want to see.
 */

import { type CheckContext, type FlagDraft, rowEvidence, unitFlag } from "../flag.js";
import { cents, fromCents, vnScore } from "../format.js";

/** One flag per declared row whose self-assessment exceeds its assessment by the threshold or more. */
export function selfGapFlags(ctx: CheckContext): FlagDraft[] {
  const threshold = cents(ctx.options.selfGapThreshold);
  const flags: FlagDraft[] = [];
  for (const u of ctx.units) {
    for (const r of u.rows) {
      const { selfAssessed, assessed } = r.score;
      if (selfAssessed === null || assessed === null) continue;
      const gap = cents(selfAssessed) - cents(assessed);
      if (gap < threshold) continue;
      flags.push(
        unitFlag(r, {
          kind: "self_gap",
          severity: "warning",
          message:
            `Điểm tự chấm ${vnScore(selfAssessed)} cao hơn điểm thẩm định ${vnScore(assessed)} là ` +
            `${vnScore(fromCents(gap))} điểm (ngưỡng ${vnScore(ctx.options.selfGapThreshold)})`,
          evidence: [rowEvidence(r)],
          values: { selfAssessed, assessed, gap: fromCents(gap), threshold: ctx.options.selfGapThreshold },
        }),
      );
    }
  }
  return flags;
}
