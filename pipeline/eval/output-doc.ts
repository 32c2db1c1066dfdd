/**
 * A tolerant view of one output document (contract v1, `<out>/documents/<folder>/<name>.json`). The
 * evaluation must score partial or older outputs too, so every field is read defensively: a missing
 * or ill-typed field reads as null / [] (and then simply scores as not found), never as a crash.
 */

/** An output reference, as far as the evaluation reads it. */
export interface OutRef {
  kind: string | null;
  number: string | null;
  issuedOn: string | null;
}
/** An output criterion. */
export interface OutCriterion {
  framework: string | null;
  number: number | null;
}
/** An output deduction. */
export interface OutDeduction {
  criterion: number | null;
  content: number | null;
  points: number | null;
}
/** An output declared score. */
export interface OutScore {
  unit: string | null;
  year: number | null;
  selfAssessed: number | null;
  assessed: number | null;
  extraDeduction: number | null;
  bonus: number | null;
  final: number | null;
  rank: number | null;
  rankOf: number | null;
  classification: string | null;
}
/** An output task: its text (or evidence text) and lead roles. */
export interface OutTask {
  text: string;
  lead: string[];
}
/** An output deadline. */
export interface OutDeadline {
  text: string;
  kind: string | null;
  date: string | null;
}

/** The fields the evaluation reads from one output document. */
export interface OutputDoc {
  kind: string | null;
  number: string | null;
  issuedOn: string | null;
  place: string | null;
  issuer: string | null;
  unit: { name: string | null; level: string | null } | null;
  title: string | null;
  year: number | null;
  signer: { name: string | null; position: string | null; capacity: string | null } | null;
  recipients: string[];
  references: OutRef[];
  criteria: OutCriterion[];
  deductions: OutDeduction[];
  declaredScores: OutScore[];
  tasks: OutTask[];
  deadlines: OutDeadline[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objs = (v: unknown): Obj[] => arr(v).filter(isObj);
const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === "string");

/** Reads one output document; metadata may sit on the document or in a nested `metadata` object. */
export function readOutputDoc(raw: unknown): OutputDoc {
  const d: Obj = isObj(raw) ? raw : {};
  const m: Obj = isObj(d.metadata) ? { ...d, ...d.metadata } : d;
  const unit = isObj(m.unit) ? { name: str(m.unit.name), level: str(m.unit.level) } : null;
  const signer = isObj(m.signer)
    ? { name: str(m.signer.name), position: str(m.signer.position), capacity: str(m.signer.capacity) }
    : null;
  return {
    kind: str(m.kind),
    number: str(m.number),
    issuedOn: str(m.issuedOn),
    place: str(m.place),
    issuer: str(m.issuer),
    unit,
    title: str(m.title),
    year: num(m.year),
    signer,
    recipients: strs(m.recipients),
    references: objs(d.references).map((r) => ({
      kind: str(r.kind),
      number: str(r.number),
      issuedOn: str(r.issuedOn),
    })),
    criteria: objs(d.criteria).map((c) => ({ framework: str(c.framework), number: num(c.number) })),
    deductions: objs(d.deductions).map((x) => ({
      criterion: num(x.criterion),
      content: num(x.content),
      points: num(x.points),
    })),
    declaredScores: objs(d.declaredScores).map((s) => ({
      unit: str(s.unit),
      year: num(s.year),
      selfAssessed: num(s.selfAssessed),
      assessed: num(s.assessed),
      extraDeduction: num(s.extraDeduction),
      bonus: num(s.bonus),
      final: num(s.final),
      rank: num(s.rank),
      rankOf: num(s.rankOf),
      classification: str(s.classification),
    })),
    tasks: objs(d.tasks).map((t) => ({
      text: str(t.text) ?? (isObj(t.evidence) ? (str(t.evidence.text) ?? "") : ""),
      lead: strs(t.lead),
    })),
    deadlines: objs(d.deadlines).map((x) => ({
      text: str(x.text) ?? (isObj(x.evidence) ? (str(x.evidence.text) ?? "") : ""),
      kind: str(x.kind),
      date: str(x.date),
    })),
  };
}

/** The documents of one output file (`documents: [...]`); an unreadable file gives none. */
export function readOutputFile(raw: unknown): OutputDoc[] {
  return isObj(raw) ? objs(raw.documents).map(readOutputDoc) : [];
}
