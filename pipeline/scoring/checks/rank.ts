/**
 * `rank`: a rank the scores contradict ("xếp thứ 12/19"). Within one results table, a unit ranked
 * above a unit with a higher score (an error: the table contradicts itself), two units sharing a
 * rank with different scores, or a rank beyond the number ranked. Across documents, a unit's own
 * claim (its plan's "xếp thứ 12/19 … 83,50 điểm") is compared with the rows of other documents of
 * the same year ranked out of the same number (a district table of 19 rows): a warning on the
 * claim, since the two are probably, not certainly, one ranking.
 */

import { type CheckContext, type FlagDraft, rowEvidence, unitFlag } from "../flag.js";
import { cents, vnScore } from "../format.js";
import { type ScoreRow, tableScore, tablesOf } from "../group.js";

interface Ranked {
  row: ScoreRow;
  rank: number;
  score: number;
  /** Out of how many: the row's own "/19", else the number of ranked rows of its table. */
  of: number | null;
}

function ranked(rows: readonly ScoreRow[], tableSize: number | null): Ranked[] {
  const out: Ranked[] = [];
  for (const row of rows) {
    const score = tableScore(row);
    if (row.score.rank === null || score === null) continue;
    out.push({ row, rank: row.score.rank, score, of: row.score.rankOf ?? tableSize });
  }
  return out;
}

/** Units `a` is ranked level with or above although they scored higher (`a` ranked too high). */
function contradictions(a: Ranked, all: readonly Ranked[]): Ranked[] {
  return all.filter(
    (b) =>
      b.row.key !== a.row.key &&
      b.row.year === a.row.year &&
      cents(b.score) > cents(a.score) &&
      b.rank >= a.rank,
  );
}

/** `a` ranked level with or above units of its own table that scored higher. */
function inversionFlag(a: Ranked, against: Ranked[]): FlagDraft {
  const list = against
    .sort((x, y) => x.rank - y.rank)
    .slice(0, 3)
    .map((b) => `${b.row.unit} ${vnScore(b.score)} điểm xếp thứ ${b.rank}`)
    .join("; ");
  const more = against.length > 3 ? ` và ${against.length - 3} đơn vị khác` : "";
  return unitFlag(a.row, {
    kind: "rank",
    severity: "error",
    message:
      `${a.row.unit} ${vnScore(a.score)} điểm xếp thứ ${a.rank}${a.of ? `/${a.of}` : ""}, ` +
      `${against.every((b) => b.rank === a.rank) ? "đồng hạng với" : "xếp trên"} đơn vị có điểm cao hơn trong cùng bảng: ${list}${more}`,
    evidence: [rowEvidence(a.row), ...against.map((b) => rowEvidence(b.row))],
    values: { rank: a.rank, rankOf: a.of, score: a.score, contradicting: against.length },
  });
}

/** Ranks and scores of two units that cannot both be right (equal scores may take any order). */
function contradicts(a: Ranked, b: Ranked): boolean {
  const sa = cents(a.score);
  const sb = cents(b.score);
  if (a.rank === b.rank) return sa !== sb;
  return a.rank < b.rank ? sa < sb : sa > sb;
}

/** A unit's own rank claim that other documents' rows contradict. */
function claimFlag(a: Ranked, against: Ranked[]): FlagDraft {
  const list = against
    .sort((x, y) => x.rank - y.rank)
    .slice(0, 3)
    .map((b) => `${b.row.unit} ${vnScore(b.score)} điểm xếp thứ ${b.rank} (${b.row.doc.source})`)
    .join("; ");
  const more = against.length > 3 ? ` và ${against.length - 3} đơn vị khác` : "";
  return unitFlag(a.row, {
    kind: "rank",
    severity: "warning",
    message:
      `${a.row.unit} khai ${vnScore(a.score)} điểm xếp thứ ${a.rank}/${a.of}, trái với thứ hạng và điểm ` +
      `của đơn vị khác cùng năm, cùng xếp hạng trên ${a.of} đơn vị: ${list}${more}`,
    evidence: [rowEvidence(a.row), ...against.map((b) => rowEvidence(b.row))],
    values: { rank: a.rank, rankOf: a.of, score: a.score, contradicting: against.length },
  });
}

function outOfRange(a: Ranked): FlagDraft | null {
  if (a.rank >= 1 && (a.of === null || a.rank <= a.of)) return null;
  return unitFlag(a.row, {
    kind: "rank",
    severity: "error",
    message: `Xếp thứ ${a.rank}${a.of ? ` trên tổng số ${a.of} đơn vị` : ""}: thứ hạng không hợp lệ`,
    evidence: [rowEvidence(a.row)],
    values: { rank: a.rank, rankOf: a.of },
  });
}

/** Every rank flag of the batch. */
export function rankFlags(ctx: CheckContext): FlagDraft[] {
  const flags: FlagDraft[] = [];
  const inTables: Ranked[] = [];
  for (const rows of tablesOf(ctx.units).values()) {
    const list = ranked(rows, rows.filter((r) => r.score.rank !== null).length);
    inTables.push(...list);
    for (const a of list) {
      const bad = outOfRange(a);
      if (bad) flags.push(bad);
      const against = contradictions(a, list);
      if (against.length > 0) flags.push(inversionFlag(a, against));
    }
  }
  // Across documents: a unit's own claim ("xếp thứ 12/19" in its plan) against the rows of other
  // documents of the same year ranked out of the same number. The claim is flagged, not the table.
  const single = ranked(
    ctx.units.flatMap((u) => u.rows.filter((r) => r.table === null)),
    null,
  );
  const all = [...single, ...inTables].filter((r) => r.of !== null);
  for (const a of single) {
    const bad = outOfRange(a);
    if (bad) flags.push(bad);
    if (a.of === null) continue;
    const against = all.filter(
      (b) =>
        b.row.doc !== a.row.doc &&
        b.row.key !== a.row.key &&
        b.row.year === a.row.year &&
        b.of === a.of &&
        contradicts(a, b),
    );
    if (against.length > 0) flags.push(claimFlag(a, against));
  }
  return flags;
}
