/**
 * The scoring stage as one pure function: output documents in, `scores.json` content out. No I/O,
 * no clock: the same documents and rubrics always give the same scores (ids, order, messages).
 */

import type { Rubric, ScoreFlag, Scores, ScoresRubric, Severity } from "../../schemas/index.js";
import { arithmeticFlags } from "./checks/arithmetic.js";
import { classificationFlags } from "./checks/classification.js";
import { disagreementFlags } from "./checks/disagreement.js";
import { disciplineCapFlags } from "./checks/discipline-cap.js";
import { overMaxFlags } from "./checks/over-max.js";
import { pastDeadlineFlags } from "./checks/past-deadline.js";
import { rankFlags } from "./checks/rank.js";
import { remediationFlags } from "./checks/remediation.js";
import { selfGapFlags } from "./checks/self-gap.js";
import { deadlineEntries, sourcesOf } from "./deadlines.js";
import { type CheckContext, type FlagDraft, uniqueEvidence } from "./flag.js";
import { compareVi } from "./format.js";
import { groupUnits, type UnitYear } from "./group.js";
import { attachDiscipline } from "./group-discipline.js";
import { readScoringDoc, type SourcedDocument } from "./input.js";
import { RubricError } from "./rubric-load.js";
import { batchRubric, chooseRubric, type RubricChoice } from "./rubric-select.js";
import { criteriaMatrixOf, rankingOf, scoreUnit } from "./summary.js";

/** Default `self_gap` threshold in points (see {@link CheckOptions.selfGapThreshold}). */
export const DEFAULT_SELF_GAP = 5;

/** Options of {@link buildScores}. */
export interface BuildScoresOptions {
  /** The rubrics to choose from (see `loadBundledRubrics`); none: only the checks that need no rubric run. */
  rubrics?: readonly Rubric[];
  /** Force one rubric for every unit (`--rubric <id>`); must be one of `rubrics`. */
  rubricId?: string | null;
  /** `self_gap` threshold in points. */
  selfGapThreshold?: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by unit, year and kind, so the first flags are the ones to read first. */
function sortFlags(flags: FlagDraft[]): FlagDraft[] {
  return flags.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareVi(a.unit ?? "", b.unit ?? "") ||
      (a.year ?? 0) - (b.year ?? 0) ||
      a.kind.localeCompare(b.kind),
  );
}

function numberFlags(drafts: FlagDraft[]): ScoreFlag[] {
  const counters = new Map<string, number>();
  return drafts.map((d) => {
    const prefix = `${d.kind}:${d.key ?? "-"}:${d.year ?? "-"}`;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    const flag: ScoreFlag = {
      id: `${prefix}:${n}`,
      unit: d.unit,
      key: d.key,
      year: d.year,
      kind: d.kind,
      severity: d.severity,
      message: d.message,
      evidence: uniqueEvidence(d.evidence),
    };
    if (d.values) flag.values = d.values;
    return flag;
  });
}

function summariseRubric(
  forced: Rubric | null,
  choices: Map<UnitYear, RubricChoice | null>,
): { main: ScoresRubric; others: Scores["otherRubrics"] } {
  const counts = new Map<string, { rubric: Rubric; n: number; reasons: Set<string> }>();
  for (const c of choices.values()) {
    if (!c) continue;
    const e = counts.get(c.rubric.id) ?? { rubric: c.rubric, n: 0, reasons: new Set<string>() };
    e.n++;
    e.reasons.add(c.reason);
    counts.set(c.rubric.id, e);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.rubric.id.localeCompare(b.rubric.id));
  const top = forced ?? ranked[0]?.rubric ?? null;
  const reason = forced
    ? "chọn bằng --rubric"
    : top
      ? `theo tỉnh và văn bản căn cứ của ${counts.get(top.id)?.n ?? 0} đơn vị-năm (${[...(counts.get(top.id)?.reasons ?? [])].slice(0, 3).join("; ")})`
      : "không văn bản nào chỉ ra bộ tiêu chí đã biết";
  const main: ScoresRubric = {
    id: top?.id ?? null,
    provisional: top ? top.provisional : true,
    title: top?.title ?? null,
    note: top?.note ?? null,
    reason,
    scale: top?.scale.total ?? null,
    criteria: (top?.criteria ?? []).map((c) => ({
      number: c.number,
      title: c.title,
      maxPoints: c.maxPoints,
    })),
  };
  const others = ranked
    .filter((e) => e.rubric.id !== top?.id)
    .map((e) => ({ id: e.rubric.id, provisional: e.rubric.provisional, title: e.rubric.title }));
  return { main, others };
}

/** Builds the whole `scores.json` content from output documents. Throws {@link RubricError} for an unknown `rubricId`. */
export function buildScores(documents: readonly SourcedDocument[], options: BuildScoresOptions = {}): Scores {
  const rubrics = options.rubrics ?? [];
  const forced = options.rubricId ? (rubrics.find((r) => r.id === options.rubricId) ?? null) : null;
  if (options.rubricId && !forced) {
    const known = rubrics.map((r) => r.id).join(", ") || "none loaded";
    throw new RubricError(`unknown rubric "${options.rubricId}" (known: ${known})`);
  }
  const docs = documents
    .map(readScoringDoc)
    .sort((a, b) => a.source.localeCompare(b.source) || a.document - b.document);
  const messages: Scores["messages"] = [];
  for (const d of docs) {
    if (d.dropped > 0) {
      messages.push({
        severity: "warning",
        source: d.source,
        reason: `${d.dropped} dữ kiện sai cấu trúc đã bị bỏ qua (văn bản ${d.document + 1})`,
      });
    }
  }
  const { units, notes } = groupUnits(docs);
  notes.push(...attachDiscipline(units, docs));
  const batch = forced ? null : batchRubric(docs, rubrics);
  const choices = new Map<UnitYear, RubricChoice | null>();
  for (const u of units) {
    choices.set(
      u,
      forced ? { rubric: forced, reason: "--rubric" } : chooseRubric(u.docs, u.year, rubrics, batch),
    );
  }
  const ctx: CheckContext = {
    units,
    docs,
    rubricOf: (u) => choices.get(u)?.rubric ?? null,
    options: { selfGapThreshold: options.selfGapThreshold ?? DEFAULT_SELF_GAP },
  };
  const remediation = remediationFlags(ctx);
  const flags = numberFlags(
    sortFlags([
      ...arithmeticFlags(ctx),
      ...disagreementFlags(ctx),
      ...classificationFlags(ctx),
      ...disciplineCapFlags(ctx),
      ...selfGapFlags(ctx),
      ...rankFlags(ctx),
      ...overMaxFlags(ctx),
      ...remediation.flags,
      ...pastDeadlineFlags(ctx),
    ]),
  );
  for (const n of [...notes, ...remediation.notes]) messages.push({ severity: "info", ...n });
  const unscored = units.filter((u) => !choices.get(u)).map((u) => `${u.unit} (${u.year ?? "?"})`);
  if (unscored.length > 0) {
    messages.push({
      severity: "info",
      reason:
        `Không xác định được bộ tiêu chí cho ${unscored.length} đơn vị-năm (${unscored.slice(0, 10).join(", ")}` +
        `${unscored.length > 10 ? ", …" : ""}): chỉ chạy các kiểm tra không cần thang điểm và ngưỡng ` +
        "(điểm thẩm định − điểm trừ = tổng điểm, xếp loại và thứ hạng so với đơn vị khác, tự chấm, thời hạn).",
    });
  }
  const scoreUnits = units.map((u) => scoreUnit(u, choices.get(u)?.rubric ?? null, flags));
  const { main, others } = summariseRubric(forced, choices);
  const mainRubric = forced ?? rubrics.find((r) => r.id === main.id) ?? null;
  return {
    schemaVersion: 1,
    rubric: main,
    otherRubrics: others,
    parameters: { selfGapThreshold: ctx.options.selfGapThreshold, tolerance: 0.01 },
    documents: { files: new Set(docs.map((d) => d.source)).size, documents: docs.length },
    units: scoreUnits,
    flags,
    ranking: rankingOf(scoreUnits),
    criteriaMatrix: criteriaMatrixOf(scoreUnits, mainRubric),
    deadlines: deadlineEntries(docs),
    sources: sourcesOf(docs),
    messages,
  };
}
