/**
 * Which unit and assessed year a document's discipline facts belong to, the way deductions are
 * grouped (group.ts): a unit's own plan or report speaks of itself (the year of its own declared
 * score, else the year its rows default to), unless the fact states its year. A results decision
 * lists several units: a fact there belongs to the unit whose row stands on the same line just
 * before it ("xã Hòa Phú (70,5 điểm, do có cán bộ lãnh đạo bị xử lý kỷ luật cách chức)"); a fact
 * that no row claims is left out with a note.
 */
import type { Evidence } from "../../schemas/index.js";
import { deductionOwner, deductionYear, rowsOf, type ScoreRow, type UnitYear } from "./group.js";
import type { ScoringDoc } from "./input.js";

/** The row of a results table that a fact on the same line speaks about: the nearest one before it. */
function rowOfLine(doc: ScoringDoc, rows: readonly ScoreRow[], evidence: Evidence): ScoreRow | null {
  const lineStart = doc.text.lastIndexOf("\n", evidence.start - 1) + 1;
  const before = rows
    .filter(
      (r) =>
        r.score.evidence.start >= lineStart &&
        r.score.evidence.start <= evidence.start &&
        !doc.text.slice(r.score.evidence.start, evidence.start).includes("\n"),
    )
    .sort((a, b) => b.score.evidence.start - a.score.evidence.start);
  return before[0] ?? null;
}

/**
 * Adds each document's discipline facts to the unit-years of `units` (and the documents to their
 * `docs`). Facts of a unit-year that has neither a declared score nor a deduction are left out:
 * there is no class to cap. Returns the notes a reviewer should read.
 */
export function attachDiscipline(
  units: readonly UnitYear[],
  docs: readonly ScoringDoc[],
): { source: string; reason: string }[] {
  const byId = new Map(units.map((u) => [`${u.key}|${u.year ?? ""}`, u]));
  const notes: { source: string; reason: string }[] = [];
  for (const doc of docs) {
    if (doc.discipline.length === 0) continue;
    const rows = rowsOf(doc);
    const table = new Set(rows.filter((r) => r.score.unit !== null).map((r) => r.key)).size >= 2;
    const owner = table ? null : deductionOwner(doc, rows);
    let unclaimed = 0;
    doc.discipline.forEach((discipline, index) => {
      let id: string | null = null;
      if (table) {
        const row = rowOfLine(doc, rows, discipline.evidence);
        if (row) id = `${row.key}|${discipline.year ?? row.year ?? ""}`;
      } else if (owner && typeof owner !== "string") {
        const year =
          discipline.year ??
          deductionYear(
            doc,
            rows.filter((r) => r.key === owner.key),
          );
        id = `${owner.key}|${year ?? ""}`;
      }
      const u = id ? byId.get(id) : undefined;
      if (!u) {
        unclaimed++;
        return;
      }
      u.discipline.push({ doc, discipline, index });
      if (!u.docs.includes(doc)) u.docs.push(doc);
    });
    if (unclaimed > 0) {
      notes.push({
        source: doc.source,
        reason:
          `${unclaimed} dữ kiện kỷ luật (văn bản ${doc.document + 1}) không gắn được với điểm của đơn vị nào ` +
          "cùng năm: không dùng để xét hạ bậc xếp loại.",
      });
    }
  }
  return notes;
}
