/**
 * Groups declared scores and deductions per unit and assessed year. Two kinds of documents feed
 * the comparison: a unit's own plan or report (its declared score has `unit: null`; its deductions
 * are its own) and a district's results decision (a table, one row per unit; its deductions, if
 * any, cannot be told apart per unit and are left out).
 */
import type { DeclaredScore, Deduction, Discipline, UnitLevel } from "../../schemas/index.js";
import { cents } from "./format.js";
import { folderOf, type ScoringDoc } from "./input.js";
import { bareUnit, unitKey } from "./unit-key.js";

/** One declared-score row, resolved to its unit and year. */
export interface ScoreRow {
  doc: ScoringDoc;
  score: DeclaredScore;
  /** Index in the document's `declaredScores`. */
  index: number;
  key: string;
  unit: string;
  level: UnitLevel | null;
  year: number | null;
  /** Id of the table the row belongs to ("<source>#<document>") when its document lists several units. */
  table: string | null;
}

/** One deduction fact of a unit-year. */
export interface DeductionFact {
  doc: ScoringDoc;
  deduction: Deduction;
  index: number;
}

/** One discipline fact of a unit-year (see group-discipline.ts for how it is attributed). */
export interface DisciplineFact {
  doc: ScoringDoc;
  discipline: Discipline;
  index: number;
}

/** Everything known about one unit in one assessed year. */
export interface UnitYear {
  key: string;
  year: number | null;
  unit: string;
  level: UnitLevel | null;
  rows: ScoreRow[];
  deductions: DeductionFact[];
  /** Disciplinary measures the unit's documents state for the year (filled by `attachDiscipline`). */
  discipline: DisciplineFact[];
  /** Documents that speak about this unit-year (rows, deductions or discipline). */
  docs: ScoringDoc[];
}

/** The unit a document belongs to: its `unit`, else its issuer, else its inbox folder. */
export function ownUnit(doc: ScoringDoc): { key: string; unit: string; level: UnitLevel | null } | null {
  const raw = doc.unit?.name ?? doc.issuer ?? folderOf(doc.source);
  if (!raw) return null;
  const bare = bareUnit(raw);
  const key = unitKey(raw);
  return key ? { key, unit: bare.name, level: doc.unit?.level ?? bare.level } : null;
}

/**
 * The assessed year of a row that does not say it. A plan for year Y reviews the assessment of
 * Y − 1 ("Đánh giá … kết quả điểm … năm 2024" in a plan for 2025); a report or decision is about
 * its own `year`.
 */
function defaultYear(doc: ScoringDoc): number | null {
  if (doc.year === null) return null;
  return doc.kind === "KE_HOACH" ? doc.year - 1 : doc.year;
}

/** Rows of one document, each resolved to a unit (rows whose unit cannot be named are skipped). */
export function rowsOf(doc: ScoringDoc): ScoreRow[] {
  const own = ownUnit(doc);
  const rows: ScoreRow[] = [];
  doc.declaredScores.forEach((score, index) => {
    const named = score.unit !== null ? { key: unitKey(score.unit), ...bareUnit(score.unit) } : null;
    const who = named ? { key: named.key, unit: named.name, level: named.level } : own;
    if (!who?.key) return;
    rows.push({ doc, score, index, ...who, year: score.year ?? defaultYear(doc), table: null });
  });
  if (new Set(rows.map((r) => r.key)).size >= 2) {
    for (const r of rows) r.table = `${doc.source}#${doc.document}`;
  }
  return rows;
}

/**
 * The year a document's deductions belong to: the year of its own declared score when it gives
 * exactly one, else the year its rows would default to.
 */
export function deductionYear(doc: ScoringDoc, ownRows: readonly ScoreRow[]): number | null {
  const years = [...new Set(ownRows.map((r) => r.year))];
  return years.length === 1 ? (years[0] ?? null) : defaultYear(doc);
}

const dedKey = (d: Deduction) => `${d.criterion ?? "-"}|${d.content ?? "-"}|${cents(d.points)}`;

/**
 * Merges the deductions several documents give for one unit-year as multisets: the same deduction
 * quoted by a plan and by a report counts once; two equal deductions in one document count twice.
 */
function mergeDeductions(perDoc: DeductionFact[][]): DeductionFact[] {
  const best = new Map<string, DeductionFact[]>();
  for (const facts of perDoc) {
    const byKey = new Map<string, DeductionFact[]>();
    for (const f of facts) byKey.set(dedKey(f.deduction), [...(byKey.get(dedKey(f.deduction)) ?? []), f]);
    for (const [k, list] of byKey) if (list.length > (best.get(k)?.length ?? 0)) best.set(k, list);
  }
  return [...best.values()]
    .flat()
    .sort((a, b) => a.doc.source.localeCompare(b.doc.source) || a.index - b.index);
}

/**
 * Whose deductions a document lists: the one unit its score rows name (a decision about one
 * commune), else its own unit. A table of several units cannot say which row lost which points;
 * the reason is returned instead, for the notes.
 */
export function deductionOwner(
  doc: ScoringDoc,
  rows: readonly ScoreRow[],
): { key: string; unit: string; level: UnitLevel | null } | string {
  const named = rows.filter((r) => r.score.unit !== null);
  const keys = new Set(named.map((r) => r.key));
  if (keys.size >= 2) {
    return "Văn bản có bảng điểm nhiều đơn vị: không gán được các khoản trừ điểm cho từng đơn vị, bỏ qua.";
  }
  const first = named[0];
  if (first) return { key: first.key, unit: first.unit, level: first.level };
  return ownUnit(doc) ?? "Không xác định được đơn vị của văn bản: bỏ qua các khoản trừ điểm.";
}

/** Result of grouping, with the notes a reviewer should read. */
export interface Grouping {
  units: UnitYear[];
  notes: { source: string; reason: string }[];
}

/** Groups every document's rows and deductions per unit key and year. */
export function groupUnits(docs: readonly ScoringDoc[]): Grouping {
  const map = new Map<string, UnitYear & { perDoc: DeductionFact[][] }>();
  const notes: Grouping["notes"] = [];
  const entry = (key: string, year: number | null, unit: string, level: UnitLevel | null) => {
    const id = `${key}|${year ?? ""}`;
    let u = map.get(id);
    if (!u) {
      u = { key, year, unit, level, rows: [], deductions: [], discipline: [], docs: [], perDoc: [] };
      map.set(id, u);
    }
    u.level = u.level ?? level;
    // A name in capitals ("NGHĨA KỲ" from an OCR'd table) gives way to the same name in normal case.
    if (u.unit === u.unit.toUpperCase() && unit !== unit.toUpperCase()) u.unit = unit;
    return u;
  };
  const addDoc = (u: UnitYear, doc: ScoringDoc) => {
    if (!u.docs.includes(doc)) u.docs.push(doc);
  };
  for (const doc of docs) {
    const rows = rowsOf(doc);
    for (const r of rows) {
      const u = entry(r.key, r.year, r.unit, r.level);
      u.rows.push(r);
      addDoc(u, doc);
    }
    if (doc.deductions.length === 0) continue;
    const owner = deductionOwner(doc, rows);
    if (typeof owner === "string") {
      notes.push({ source: doc.source, reason: owner });
      continue;
    }
    const ownRows = rows.filter((r) => r.key === owner.key);
    const u = entry(owner.key, deductionYear(doc, ownRows), owner.unit, owner.level);
    u.perDoc.push(doc.deductions.map((deduction, index) => ({ doc, deduction, index })));
    addDoc(u, doc);
  }
  const units = [...map.values()].map(({ perDoc, ...u }) => ({ ...u, deductions: mergeDeductions(perDoc) }));
  // Every row speaks of its unit by the unit's one display name, so flags and messages agree.
  for (const u of units) for (const r of u.rows) r.unit = u.unit;
  units.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.key.localeCompare(b.key));
  return { units, notes };
}

/** The rows of each results table (rows of one document naming several units), by table id. */
export function tablesOf(units: readonly UnitYear[]): Map<string, ScoreRow[]> {
  const out = new Map<string, ScoreRow[]>();
  for (const u of units) {
    for (const r of u.rows) if (r.table) out.set(r.table, [...(out.get(r.table) ?? []), r]);
  }
  for (const rows of out.values()) rows.sort((a, b) => a.index - b.index);
  return out;
}

/** The score a table compares units by: the final score, else the assessed one. */
export function tableScore(r: ScoreRow): number | null {
  return r.score.final ?? r.score.assessed;
}
