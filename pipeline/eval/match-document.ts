import { emptyResult } from "./counts.js";
import type { GoldDocument } from "./gold-schema.js";
import { matchDeadlines } from "./match-deadlines.js";
import { matchCriteria, matchDeclaredScores, matchDeductions, matchReferences } from "./match-facts.js";
import { matchMetadata, matchRecipients, unmatchedMetadata } from "./match-metadata.js";
import { matchTaskLeads } from "./match-tasks.js";
import type { OutputDoc } from "./output-doc.js";
import { numberKey } from "./text-keys.js";
import type { DocumentScore, FactKind, KindResult } from "./types.js";
import { FACT_KINDS } from "./types.js";

/**
 * Pairs gold and output documents of one file: by order when the counts agree; otherwise by kind and
 * number, then by kind, then by order among what is left. Returns [goldIndex, outputIndex] pairs, with
 * null for a document that has no partner.
 */
export function alignDocuments(
  gold: readonly GoldDocument[],
  out: readonly OutputDoc[],
): Array<[number | null, number | null]> {
  if (gold.length === out.length) return gold.map((_g, i) => [i, i]);
  const partner = new Map<number, number>();
  const used = new Set<number>();
  const passes: Array<(g: GoldDocument, o: OutputDoc) => boolean> = [
    (g, o) => g.kind === o.kind && g.number !== null && numberKey(g.number) === numberKey(o.number),
    (g, o) => g.kind === o.kind,
    () => true,
  ];
  for (const fits of passes) {
    gold.forEach((g, gi) => {
      if (partner.has(gi)) return;
      const oi = out.findIndex((o, i) => !used.has(i) && fits(g, o));
      if (oi < 0) return;
      partner.set(gi, oi);
      used.add(oi);
    });
  }
  const pairs: Array<[number | null, number | null]> = gold.map((_g, gi) => [gi, partner.get(gi) ?? null]);
  out.forEach((_o, oi) => {
    if (!used.has(oi)) pairs.push([null, oi]);
  });
  return pairs;
}

/** Scores one gold document against its output document (null: the output lacks it). */
export function scoreDocument(
  gold: GoldDocument,
  out: OutputDoc | null,
): Omit<DocumentScore, "goldIndex" | "outputIndex" | "label"> {
  const deadlines = matchDeadlines(gold.deadlines, out?.deadlines ?? null);
  const kinds: Record<FactKind, KindResult> = {
    metadata: matchMetadata(gold, out),
    recipients: matchRecipients(gold.recipients, out?.recipients ?? null),
    references: matchReferences(gold.references, out?.references ?? null, gold.number),
    criteria: matchCriteria(gold.criteria, out?.criteria ?? null),
    deductions: matchDeductions(gold.deductions, out?.deductions ?? null),
    declaredScores: matchDeclaredScores(
      gold.declaredScores,
      out?.declaredScores ?? null,
      gold.unit?.name ?? null,
    ),
    taskLeads: matchTaskLeads(gold.tasks, out?.tasks ?? null),
    deadlines: deadlines.dated,
    deadlinesUndated: deadlines.undated,
  };
  return { kinds, deadlineKinds: deadlines.kinds };
}

/** An output document with no gold document: every fact it states is a false hit. */
export function scoreExtraOutput(out: OutputDoc): Omit<DocumentScore, "goldIndex" | "outputIndex" | "label"> {
  const empty: GoldDocument = {
    kind: "OTHER",
    number: null,
    issuedOn: null,
    place: null,
    issuer: null,
    unit: null,
    title: null,
    year: null,
    signer: null,
    recipients: [],
    quotes: {},
    references: [],
    criteria: [],
    deductions: [],
    declaredScores: [],
    tasks: [],
    deadlines: [],
  };
  const s = scoreDocument(empty, out);
  s.kinds.metadata = unmatchedMetadata(out);
  return s;
}

const docLabel = (d: { kind: string | null; number: string | null }) =>
  `${d.kind ?? "?"} ${d.number ?? "(no number)"}`;

/** Scores every document of one file. `out` null: the output file is missing (all gold facts missed). */
export function scoreFile(gold: readonly GoldDocument[], out: readonly OutputDoc[] | null): DocumentScore[] {
  const outs = out ?? [];
  return alignDocuments(gold, outs).map(([gi, oi]) => {
    const g = gi === null ? undefined : gold[gi];
    const o = oi === null ? null : (outs[oi] ?? null);
    const base = g
      ? scoreDocument(g, o)
      : o
        ? scoreExtraOutput(o)
        : { kinds: emptyKinds(), deadlineKinds: { agree: 0, total: 0 } };
    const label = g
      ? `document ${(gi ?? 0) + 1} (${docLabel(g)})${o ? "" : ": no output document"}`
      : `extra output document ${(oi ?? 0) + 1} (${o ? docLabel(o) : "?"})`;
    return { goldIndex: gi, outputIndex: oi, label, ...base };
  });
}

function emptyKinds(): Record<FactKind, KindResult> {
  return Object.fromEntries(FACT_KINDS.map((k) => [k, emptyResult()])) as Record<FactKind, KindResult>;
}
