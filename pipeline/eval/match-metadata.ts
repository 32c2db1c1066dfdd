import { emptyResult } from "./counts.js";
import { type GoldDocument, METADATA_FIELDS, type MetadataField } from "./gold-schema.js";
import type { OutputDoc } from "./output-doc.js";
import { dice, digitRuns, issuerKey, nameKey, numberKey, wordKey } from "./text-keys.js";
import type { KindResult } from "./types.js";

type Value = string | number | null;

/** The value of one metadata field of a gold or output document. */
export function metadataValue(doc: GoldDocument | OutputDoc, field: MetadataField): Value {
  switch (field) {
    case "unit.name":
      return doc.unit?.name ?? null;
    case "unit.level":
      return doc.unit?.level ?? null;
    case "signer.name":
      return doc.signer?.name ?? null;
    case "signer.position":
      return doc.signer?.position ?? null;
    case "signer.capacity":
      return doc.signer?.capacity ?? null;
    default:
      return doc[field] ?? null;
  }
}

/** The gold quote locating a field: its own key, else its parent's ("signer.name" → "signer"). */
export function metadataQuote(doc: GoldDocument, field: MetadataField): string | undefined {
  return doc.quotes[field] ?? doc.quotes[field.split(".")[0] as string];
}

const KIND_WORDS = /^(?:v v|ve viec|ke hoach|quyet dinh|bao cao|thong bao|cong van) /;

/** A title's comparable words: folded, without a leading "V/v" or kind word ("KẾ HOẠCH …"). */
function titleWords(t: string): string {
  let k = wordKey(t);
  for (let i = 0; i < 2; i++) k = k.replace(KIND_WORDS, "");
  return k;
}

/**
 * Titles agree when their words agree, or nearly (bigram Dice ≥ 0.9, tolerating OCR slips in a long
 * subject line) while every number in them is the same.
 */
export function sameTitle(a: string, b: string): boolean {
  const x = titleWords(a);
  const y = titleWords(b);
  if (x === y) return true;
  if (digitRuns(x).join(",") !== digitRuns(y).join(",")) return false;
  return dice(x.replace(/ /g, ""), y.replace(/ /g, "")) >= 0.9;
}

/** Whether an output value agrees with the gold value of a field (both non-null). */
export function sameMetadata(field: MetadataField, gold: Value, out: Value): boolean {
  if (gold === null || out === null) return gold === out;
  if (typeof gold === "number" || typeof out === "number") return gold === out;
  switch (field) {
    case "number":
      return numberKey(gold) === numberKey(out);
    case "issuer":
      return issuerKey(gold) === issuerKey(out);
    case "place":
    case "unit.name":
    case "signer.name":
    case "signer.position":
      return nameKey(gold) === nameKey(out);
    case "title":
      return sameTitle(gold, out);
    default:
      return gold === out;
  }
}

const show = (v: Value) => (v === null ? "(blank)" : JSON.stringify(v));

/**
 * Scores the metadata fields of one document, one fact per field in `fields`. A gold value must be
 * found; a blank gold field (null: "Số: /KH-UBND") must come out blank, and a value there is a false
 * hit. An output blank where the gold has a value is a miss only.
 */
export function matchMetadata(
  gold: GoldDocument,
  out: OutputDoc | null,
  fields: readonly MetadataField[] = METADATA_FIELDS,
): KindResult {
  const r = emptyResult();
  for (const field of fields) {
    if (gold.optionalFields?.includes(field)) continue;
    const g = metadataValue(gold, field);
    const o = out ? metadataValue(out, field) : null;
    r.counts.gold++;
    if (out === null) {
      r.misses.push(`${field} ${show(g)}: no output document`);
      continue;
    }
    const ok = sameMetadata(field, g, o);
    if (o !== null || g === null) r.counts.output++;
    if (ok) {
      r.counts.found++;
      r.counts.correct++;
    } else {
      r.misses.push(`${field} ${show(g)}, output ${show(o)}`);
      if (o !== null) r.falseHits.push(`${field} ${show(o)} (gold ${show(g)})`);
    }
  }
  return r;
}

/** Every non-null metadata field of an output document with no gold: all false hits. */
export function unmatchedMetadata(out: OutputDoc): KindResult {
  const r = emptyResult();
  for (const field of METADATA_FIELDS) {
    const o = metadataValue(out, field);
    if (o === null) continue;
    r.counts.output++;
    r.falseHits.push(`${field} ${show(o)} (no gold document)`);
  }
  return r;
}

/** A recipient's words without "(b/c)", "(báo cáo)", braces and list marks. */
function recipientWords(s: string): string {
  return wordKey(s.replace(/\([^)]*\)/g, " ").replace(/[{}]/g, " "));
}

const NOT_A_RECIPIENT = /^(?:nhu tren|luu\b)/;

/**
 * Recipients ("Nơi nhận"). One written line may hold several recipients and extractors split lists
 * differently, so a recipient counts as found when its words occur whole in the other side's
 * recipients read as one stream. "Như trên" and "Lưu: …" are ignored on both sides.
 */
export function matchRecipients(gold: readonly string[], out: readonly string[] | null): KindResult {
  const r = emptyResult();
  const g = gold.map(recipientWords).filter((k) => k && !NOT_A_RECIPIENT.test(k));
  const o = (out ?? []).map(recipientWords).filter((k) => k && !NOT_A_RECIPIENT.test(k));
  const gStream = ` ${g.join(" ")} `;
  const oStream = ` ${o.join(" ")} `;
  for (const k of g) {
    r.counts.gold++;
    if (oStream.includes(` ${k} `)) r.counts.found++;
    else r.misses.push(`recipient "${k}"`);
  }
  for (const k of o) {
    r.counts.output++;
    if (gStream.includes(` ${k} `)) r.counts.correct++;
    else r.falseHits.push(`recipient "${k}"`);
  }
  return r;
}
