import { type GoldDocument, METADATA_FIELDS, type MetadataField } from "./gold-schema.js";
import { metadataQuote } from "./match-metadata.js";
import { countQuote, quoteKey } from "./text-keys.js";

type Located = { quote: string };

/**
 * Keeps the facts whose quote occurs in the excerpt. A quote written several times (the same deadline
 * phrase under every task) keeps as many gold facts as the excerpt has occurrences, first ones first.
 */
export function keepQuoted<T extends Located>(facts: readonly T[], excerptKey: string): T[] {
  const left = new Map<string, number>();
  return facts.filter((f) => {
    const k = quoteKey(f.quote);
    const n = left.has(k) ? (left.get(k) as number) : countQuote(excerptKey, f.quote);
    left.set(k, n - 1);
    return n > 0;
  });
}

/**
 * The gold of an excerpt (a few pages of a corpus document rendered as a scan, a PDF …): each
 * document keeps the metadata fields and facts whose quote occurs in the excerpt's text; a metadata
 * field without a quote in the excerpt is left unscored (added to `optionalFields`), recipients are
 * kept only when their list is quoted. Documents with nothing left are dropped.
 */
export function goldForExcerpt(docs: readonly GoldDocument[], excerpt: string): GoldDocument[] {
  const key = quoteKey(excerpt);
  const seen = (q: string | undefined) => q !== undefined && countQuote(key, q) > 0;
  const kept: GoldDocument[] = [];
  for (const d of docs) {
    const unscored = new Set<MetadataField>(d.optionalFields ?? []);
    let fieldsLeft = 0;
    for (const field of METADATA_FIELDS) {
      if (unscored.has(field)) continue;
      if (seen(metadataQuote(d, field))) fieldsLeft++;
      else unscored.add(field);
    }
    const doc: GoldDocument = {
      ...d,
      optionalFields: METADATA_FIELDS.filter((f) => unscored.has(f)),
      recipients: seen(d.quotes.recipients) ? d.recipients : [],
      references: keepQuoted(d.references, key),
      criteria: keepQuoted(d.criteria, key),
      deductions: keepQuoted(d.deductions, key),
      declaredScores: keepQuoted(d.declaredScores, key),
      tasks: keepQuoted(d.tasks, key),
      deadlines: keepQuoted(d.deadlines, key),
    };
    const facts =
      doc.recipients.length +
      doc.references.length +
      doc.criteria.length +
      doc.deductions.length +
      doc.declaredScores.length +
      doc.tasks.length +
      doc.deadlines.length;
    if (fieldsLeft + facts > 0) kept.push(doc);
  }
  return kept;
}
