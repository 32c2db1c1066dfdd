/**
 * Which rubric grades a unit: an explicit id (`--rubric`) wins; otherwise the unit's documents
 * vote. A document votes for a rubric when it cites the rubric's legal basis ("Quyết định số
 * 1211/QĐ-UBND") and when it names the rubric's province ("tỉnh Quảng Ngãi" in its issuer or legal
 * bases). Numbers alone are weak (every province issues a "1211/QĐ-UBND" some year), so the two
 * together count most. The rubric must also cover the assessed year.
 */
import type { Rubric } from "../../schemas/index.js";
import type { ScoringDoc } from "./input.js";

/** One document's vote for one rubric. */
export interface RubricVote {
  rubric: Rubric;
  strength: number;
  reason: string;
}

/** A chosen rubric and why. */
export interface RubricChoice {
  rubric: Rubric;
  reason: string;
}

const LEVEL_WORDS: Record<string, readonly string[]> = {
  tinh: ["tinh"],
  thanh_pho: ["thanh pho", "tp", "tp."],
};

/**
 * Folded without spaces, with native string operations: whole texts are searched here, and the
 * per-character `fold` (which keeps offsets, not needed here) is several times slower on them.
 */
const compact = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, "");

/** Folded spellings of the province with its level word ("tinh quang ngai"), spaces removed. */
function provinceNeedles(r: Rubric): string[] {
  const names = [r.province.name, ...r.province.aliases].map(compact);
  const words = LEVEL_WORDS[r.province.level] ?? [r.province.level.replace("_", "")];
  return names.flatMap((n) => words.map((w) => `${w.replace(/\s+/g, "")}${n}`));
}

const compactCache = new WeakMap<ScoringDoc, string>();

/** The document's text, issuer and references' issuers, folded without spaces (cached). */
function haystack(doc: ScoringDoc): string {
  let h = compactCache.get(doc);
  if (h === undefined) {
    const refs = doc.references.map((r) => `${r.number ?? ""} ${r.issuer ?? ""}`).join(" ");
    h = compact(`${doc.issuer ?? ""} ${doc.unit?.name ?? ""} ${refs} ${doc.text}`);
    compactCache.set(doc, h);
  }
  return h;
}

/** The votes of one document (strength 3: basis and province; 1: only one of them). */
export function rubricVotes(doc: ScoringDoc, rubrics: readonly Rubric[]): RubricVote[] {
  const hay = haystack(doc);
  const votes: RubricVote[] = [];
  for (const rubric of rubrics) {
    const basis = hay.includes(compact(rubric.legalBasis.number));
    const province = provinceNeedles(rubric).some((n) => hay.includes(n));
    if (!basis && !province) continue;
    const what = [
      basis ? `trích dẫn ${rubric.legalBasis.number}` : "",
      province ? `nêu ${rubric.province.name}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    votes.push({ rubric, strength: basis && province ? 3 : 1, reason: `${doc.source}: ${what}` });
  }
  return votes;
}

/** Whether a rubric covers an assessed year (an unknown year is not excluded). */
export function coversYear(rubric: Rubric, year: number | null): boolean {
  if (year === null) return true;
  return year >= rubric.years.from && (rubric.years.to === null || year <= rubric.years.to);
}

/**
 * The rubric of one unit-year from its documents' votes; `batch` is the single rubric every voting
 * document of the batch agrees on (used when the unit's own documents name no province), if any.
 */
export function chooseRubric(
  docs: readonly ScoringDoc[],
  year: number | null,
  rubrics: readonly Rubric[],
  batch: Rubric | null,
): RubricChoice | null {
  const tally = new Map<string, { rubric: Rubric; strength: number; reasons: string[] }>();
  for (const doc of docs) {
    for (const v of rubricVotes(doc, rubrics)) {
      if (!coversYear(v.rubric, year)) continue;
      const t = tally.get(v.rubric.id) ?? { rubric: v.rubric, strength: 0, reasons: [] };
      t.strength += v.strength;
      t.reasons.push(v.reason);
      tally.set(v.rubric.id, t);
    }
  }
  const ranked = [...tally.values()].sort(
    (a, b) => b.strength - a.strength || a.rubric.id.localeCompare(b.rubric.id),
  );
  const top = ranked[0];
  if (top) return { rubric: top.rubric, reason: top.reasons.join("; ") };
  if (batch && coversYear(batch, year)) {
    return { rubric: batch, reason: "các văn bản khác trong lô đều chỉ về bộ tiêu chí này" };
  }
  return null;
}

/** The one rubric all voting documents of the batch point to (strongest vote per document), or null. */
export function batchRubric(docs: readonly ScoringDoc[], rubrics: readonly Rubric[]): Rubric | null {
  const ids = new Set<string>();
  let found: Rubric | null = null;
  for (const doc of docs) {
    const best = rubricVotes(doc, rubrics).sort((a, b) => b.strength - a.strength)[0];
    if (best) {
      ids.add(best.rubric.id);
      found = best.rubric;
    }
  }
  return ids.size === 1 ? found : null;
}
