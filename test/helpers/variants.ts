import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { METADATA_FIELDS } from "../../pipeline/eval/gold-schema.js";
import { matchRecipients } from "../../pipeline/eval/match-metadata.js";
import { issuerKey, nameKey, numberKey, wordKey } from "../../pipeline/eval/text-keys.js";
import type { OutputDocument } from "../../schemas/index.js";

/**
 * The hand-written variant documents of fixtures/variants/ (documents of the same world as the
 * corpus, written for the extractors to generalise to) and how an extraction is compared with
 * their expected values: exact for kinds, numbers, dates, levels and capacities; folded words for
 * names, places, issuers, positions and titles (tone placement, case and spacing never matter).
 */

/** Where the variants live. */
export const VARIANTS_DIR = "fixtures/variants";

/** One expected reference: numbered citations only (laws cited by name are not scored). */
export interface ExpectedReference {
  kind: string;
  number: string;
  issuedOn: string | null;
}

/** One expected deadline; `optional` ones may be found or not (report rhythms in prose). */
export interface ExpectedDeadline {
  text: string;
  kind: string;
  date: string | null;
  optional?: boolean;
}

/** The expected facts of one document of a variant file. */
export interface ExpectedDocument {
  kind: string;
  number: string | null;
  issuedOn: string | null;
  place: string | null;
  issuer: string | null;
  unit: { name: string; level: string } | null;
  title: string | null;
  year: number | null;
  signer: { name: string | null; position: string | null; capacity: string | null } | null;
  recipients: string[];
  references: ExpectedReference[];
  deadlines: ExpectedDeadline[];
}

/** A variant: its input file (`<name>.txt`, `.docx` …) and what it must yield. */
export interface Variant {
  name: string;
  path: string;
  description: string;
  documents: ExpectedDocument[];
}

/** Every variant with its expected values, sorted by name. */
export function loadVariants(dir = VARIANTS_DIR): Variant[] {
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, "");
      const input = files.find((g) => g !== f && g.startsWith(`${name}.`));
      if (!input) throw new Error(`${f}: no input file ${name}.* next to it`);
      const expected = JSON.parse(readFileSync(join(dir, f), "utf8")) as Omit<Variant, "name" | "path">;
      return { name, path: join(dir, input), ...expected };
    });
}

/** Metadata fields scored one by one. */
export const FIELDS = [...METADATA_FIELDS, "recipients"] as const;
export type Field = (typeof FIELDS)[number];

/** Counts of a list compared as a set: gold items, gold found, output items, output right. */
export interface ListCounts {
  gold: number;
  found: number;
  output: number;
  correct: number;
}

/** The comparison of one document. */
export interface Comparison {
  fields: Record<Field, boolean>;
  references: ListCounts;
  deadlines: ListCounts;
  /** Human-readable differences; empty when everything agrees. */
  failures: string[];
}

type Doc = Pick<
  OutputDocument,
  | "kind"
  | "number"
  | "issuedOn"
  | "place"
  | "issuer"
  | "unit"
  | "title"
  | "year"
  | "signer"
  | "recipients"
  | "references"
  | "deadlines"
>;

const show = (v: unknown) => JSON.stringify(v);

/** Compares one extracted document (or none) with its expected values. */
export function compareDocument(exp: ExpectedDocument, out: Doc | undefined): Comparison {
  const failures: string[] = [];
  const fields = {} as Record<Field, boolean>;
  const check = (field: Field, expected: unknown, actual: unknown, key: (v: never) => unknown) => {
    const ok = out !== undefined && key(expected as never) === key(actual as never);
    fields[field] = ok;
    if (!ok) failures.push(`${field}: expected ${show(expected)}, got ${show(actual)}`);
  };
  const same = (v: unknown) => v ?? null;
  const words = (v: string | null) => (v == null ? null : wordKey(v));
  check("kind", exp.kind, out?.kind, same);
  check("number", exp.number, out?.number, numberKey);
  check("issuedOn", exp.issuedOn, out?.issuedOn, same);
  check("place", exp.place, out?.place, nameKey);
  check("issuer", exp.issuer, out?.issuer, issuerKey);
  check("unit.name", exp.unit?.name ?? null, out?.unit?.name ?? null, nameKey);
  check("unit.level", exp.unit?.level ?? null, out?.unit?.level ?? null, same);
  check("title", exp.title, out?.title, words);
  check("year", exp.year, out?.year, same);
  check("signer.name", exp.signer?.name ?? null, out?.signer?.name ?? null, nameKey);
  check("signer.position", exp.signer?.position ?? null, out?.signer?.position ?? null, nameKey);
  check("signer.capacity", exp.signer?.capacity ?? null, out?.signer?.capacity ?? null, same);

  const rec = matchRecipients(exp.recipients, out?.recipients ?? null);
  fields.recipients = rec.misses.length === 0 && rec.falseHits.length === 0;
  for (const m of rec.misses) failures.push(`recipients: missed ${m}`);
  for (const f of rec.falseHits) failures.push(`recipients: extra ${f}`);

  return {
    fields,
    references: compareReferences(exp.references, out?.references ?? [], failures),
    deadlines: compareDeadlines(exp.deadlines, out?.deadlines ?? [], failures),
    failures,
  };
}

/**
 * References pair on the number; the kind must agree and, when a date is expected, the date too.
 * Output references without a number (laws cited by name) are not scored.
 */
function compareReferences(
  expected: readonly ExpectedReference[],
  output: Doc["references"],
  failures: string[],
): ListCounts {
  const counts: ListCounts = { gold: expected.length, found: 0, output: 0, correct: 0 };
  const numbered = output.filter((r) => r.number !== null);
  counts.output = numbered.length;
  const used = new Set<number>();
  for (const e of expected) {
    const i = numbered.findIndex((r, j) => !used.has(j) && numberKey(r.number) === numberKey(e.number));
    const r = numbered[i];
    if (!r) {
      failures.push(`references: missed ${e.kind} ${e.number} of ${e.issuedOn}`);
      continue;
    }
    used.add(i);
    if (r.kind !== e.kind || (e.issuedOn !== null && r.issuedOn !== e.issuedOn)) {
      failures.push(
        `references: ${e.number} expected ${e.kind} of ${e.issuedOn}, got ${r.kind} of ${r.issuedOn}`,
      );
      continue;
    }
    counts.found++;
    counts.correct++;
  }
  numbered.forEach((r, j) => {
    if (!used.has(j)) failures.push(`references: extra ${r.kind} ${r.number} of ${r.issuedOn}`);
  });
  return counts;
}

/** Folded words without spaces: deadline texts compare by containment either way. */
const squashKey = (s: string) => wordKey(s).replace(/ /g, "");

/**
 * Deadlines pair one to one on kind and date, their texts overlapping (one folded text holds the
 * other). An optional expected deadline is neither missed nor a false hit when it is found.
 */
function compareDeadlines(
  expected: readonly ExpectedDeadline[],
  output: Doc["deadlines"],
  failures: string[],
): ListCounts {
  const counts: ListCounts = { gold: 0, found: 0, output: 0, correct: 0 };
  const matched = new Map<number, boolean>(); // output index → matched a required (true) or optional one
  // Required deadlines first, so an optional one never takes the output a required one needs.
  const ordered = [...expected].sort((a, b) => Number(a.optional ?? false) - Number(b.optional ?? false));
  for (const e of ordered) {
    const ek = squashKey(e.text);
    const i = output.findIndex((d, j) => {
      if (matched.has(j) || d.kind !== e.kind || d.date !== e.date) return false;
      const dk = squashKey(d.text);
      return dk.includes(ek) || ek.includes(dk);
    });
    if (i >= 0) matched.set(i, !e.optional);
    if (e.optional) continue;
    counts.gold++;
    if (i >= 0) counts.found++;
    else failures.push(`deadlines: missed ${e.kind} ${e.date} "${e.text}"`);
  }
  output.forEach((d, j) => {
    const m = matched.get(j);
    if (m === false) return; // an optional deadline found: neutral
    counts.output++;
    if (m) counts.correct++;
    else failures.push(`deadlines: extra ${d.kind} ${d.date} "${d.text}"`);
  });
  return counts;
}
