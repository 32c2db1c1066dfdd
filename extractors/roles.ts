import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Evidence, Role } from "../schemas/index.js";
import { defineExtractor } from "./define.js";
import { evidenceAt } from "./evidence.js";
import { findVocabRoles, fuzzyVocabRole } from "./role-match.js";
import { taskDrafts } from "./tasks.js";

export { canonicalRole } from "./role-match.js";

/**
 * The roles a document names, each under its canonical name with how often it is mentioned:
 * every spelling of a vocabulary role in the text ("Công chức Văn phòng – Thống kê", "văn phòng –
 * thống kê", "VP-TK", OCR-damaged ones after "công chức"), plus the names that role slots and task
 * tables give ("Chủ trì: X", "Đơn vị chủ trì" column) that the vocabulary does not know, counted
 * once per slot under their tidied name. Generic groups ("cán bộ, công chức") count only in slots.
 */

/** At most this many evidence spans are kept per role (the count covers every mention). */
const MAX_EVIDENCE = 50;

interface Mention {
  name: string;
  start: number;
  end: number;
}

/** Where OCR-damaged titles are looked for: after "công chức", "bộ phận", "cán bộ". */
const ANCHOR = /(?<![a-z])(?:cong\s+chuc|bo\s+phan|can\s+bo)\s+/g;
/** The words after an anchor that may hold a title: up to punctuation, at most 9 words. */
const WINDOW = /^[^,;.:()\n]{3,90}/;

/** Mentions of vocabulary roles in running text, exact then fuzzy. */
function textMentions(doc: Pick<NormalisedDocument, "folded">): Mention[] {
  const exact = findVocabRoles(doc.folded).filter((m) => m.entry.kind !== "generic");
  const mentions: Mention[] = exact.map((m) => ({ name: m.entry.name, start: m.start, end: m.end }));
  const all = findVocabRoles(doc.folded);
  ANCHOR.lastIndex = 0;
  for (let a = ANCHOR.exec(doc.folded); a; a = ANCHOR.exec(doc.folded)) {
    const from = a.index + a[0].length;
    if (all.some((m) => m.start <= from && from < m.end + 1 && m.end > a.index)) continue;
    const window = WINDOW.exec(doc.folded.slice(from, from + 90));
    if (!window) continue;
    // After "công chức" comes a title; agencies are not looked for by likeness in running text.
    const hit = fuzzyVocabRole(window[0], ["title", "body"]);

    if (!hit || hit.entry.kind === "generic") continue;
    const end = from + wordsEnd(window[0], hit.words);
    mentions.push({ name: hit.entry.name, start: a.index, end });
  }
  return mentions;
}

/** The offset after the first `n` words of `s` (dashes are not words). */
function wordsEnd(s: string, n: number): number {
  const re = /[^\s*_-]+/g;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const m = re.exec(s);
    if (!m) break;
    end = m.index + m[0].length;
  }
  return end;
}

/** Every role of the document with its mention count, most mentioned first. */
export function findRoles(doc: NormalisedDocument): Role[] {
  const mentions = textMentions(doc);
  for (const task of taskDrafts(doc)) {
    for (const ref of [...task.lead, ...task.support]) {
      // A slot name the text scan already counted is not counted twice.
      if (mentions.some((m) => m.start < ref.end && ref.start < m.end)) continue;
      mentions.push({ name: ref.name, start: ref.start, end: ref.end });
    }
  }
  const byName = new Map<string, { count: number; variants: Set<string>; evidence: Evidence[] }>();
  for (const m of mentions.sort((a, b) => a.start - b.start)) {
    const entry = byName.get(m.name) ?? { count: 0, variants: new Set<string>(), evidence: [] };
    const evidence = evidenceAt(doc, m.start, m.end);
    entry.count++;
    entry.variants.add(evidence.text.replace(/\s+/g, " "));
    if (entry.evidence.length < MAX_EVIDENCE) entry.evidence.push(evidence);
    byName.set(m.name, entry);
  }
  return [...byName.entries()]
    .map(([name, e]) => ({ name, mentions: e.count, variants: [...e.variants], evidence: e.evidence }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, "vi"));
}

/** The roles extractor. */
export const rolesExtractor = defineExtractor<Role[]>({ id: "roles", fallback: () => [] }, findRoles);

/** The roles of a document (the extractor's bare function). */
export const extractRoles = rolesExtractor.extract;
