/**
 * Two documents declaring different figures for the same unit and year: a plan quoting its own
 * result ("xếp thứ 12/19 … 83,50 điểm") and the district's results decision, or a draft and the
 * signed version. Which one is right is for the reviewer; the flag quotes both.
 */
import type { FlagKind } from "../../../schemas/index.js";
import { type CheckContext, type FlagDraft, rowEvidence, unitFlag } from "../flag.js";
import { CLASS_LABELS, cents, vnScore } from "../format.js";
import type { ScoreRow } from "../group.js";

type Field = "selfAssessed" | "assessed" | "extraDeduction" | "bonus" | "final" | "rank" | "classification";

/** Each compared field, the flag kind a disagreement on it raises, and its name for reviewers. */
const FIELDS: ReadonlyArray<readonly [Field, FlagKind, string]> = [
  ["selfAssessed", "arithmetic", "điểm tự chấm"],
  ["assessed", "arithmetic", "điểm thẩm định"],
  ["extraDeduction", "arithmetic", "điểm trừ"],
  ["bonus", "arithmetic", "điểm thưởng"],
  ["final", "arithmetic", "tổng điểm"],
  ["rank", "rank", "thứ hạng"],
  ["classification", "classification", "xếp loại"],
];

function shown(field: Field, value: unknown): string {
  if (field === "classification") return CLASS_LABELS[value as keyof typeof CLASS_LABELS];
  if (field === "rank") return String(value);
  return vnScore(value as number);
}

function keyOf(field: Field, value: unknown): string {
  return typeof value === "number" && field !== "rank" ? String(cents(value)) : String(value);
}

/** Flags where rows of different documents give one unit-year different values of one field. */
export function disagreementFlags(ctx: CheckContext): FlagDraft[] {
  const flags: FlagDraft[] = [];
  for (const u of ctx.units) {
    if (new Set(u.rows.map((r) => `${r.doc.source}#${r.doc.document}`)).size < 2) continue;
    for (const [field, kind, label] of FIELDS) {
      const byValue = new Map<string, ScoreRow[]>();
      for (const r of u.rows) {
        const v = r.score[field];
        if (v === null || v === undefined) continue;
        const k = keyOf(field, v);
        byValue.set(k, [...(byValue.get(k) ?? []), r]);
      }
      if (byValue.size < 2) continue;
      const parts = [...byValue.values()].map(
        (rows) =>
          `${shown(field, rows[0]?.score[field])} (${[...new Set(rows.map((r) => r.doc.source))].join(", ")})`,
      );
      flags.push(
        unitFlag(u, {
          kind,
          severity: "warning",
          message: `Các văn bản khai ${label} khác nhau: ${parts.join("; ")}`,
          evidence: [...byValue.values()].flat().map(rowEvidence),
          values: { field },
        }),
      );
    }
  }
  return flags;
}
