import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import { canonicalRole, findVocabRoles, isVocabRoleName, type RoleMatch } from "./role-match.js";
import { ROLE_HEAD_WORDS, ROLE_STOP_WORDS } from "./vocab/roles.js";

/**
 * Reading a list of responsible parties as written in a slot or table cell ("Công chức Văn phòng –
 * Thống kê, Tài chính – Kế toán, Tư pháp – Hộ tịch, Công đoàn cơ sở thị trấn.") into canonical role
 * names, each with the span it was read from.
 */

/** One role read from a list: canonical name and the span of the words it came from. */
export interface RoleRef {
  name: string;
  start: number;
  end: number;
  /** The name is a vocabulary role (exact or fuzzy). */
  vocab: boolean;
  /** Written as a vague "các … liên quan" group: dropped when the list names anyone else. */
  vague?: boolean;
}

const HEAD_RE = new RegExp(
  `^(?:${ROLE_HEAD_WORDS.map((w) => w.replace(/ /g, String.raw`\s+`)).join("|")})(?![a-z])`,
);
const STOP_RE = new RegExp(
  `(?<![a-z])(?:${ROLE_STOP_WORDS.map((w) => w.replace(/ /g, String.raw`\s+`)).join("|")})(?![a-z])`,
  "g",
);
/** A piece longer than this is a sentence, not a name: only vocabulary roles are read from it. */
const MAX_NAME_WORDS = 12;
/** Words a cut-off name ends with ("Trưởng các" at a page break); read unfolded: "cửa" is no "của". */
const DANGLING = /(?:^|\s)(?:và|các|của|với|cho|ở|tại|theo)$/i;
/** Vague "related bodies" ("các cơ quan, đơn vị liên quan"): dropped when a list names anyone else. */
const VAGUE = /^cac\b.*\blien quan\b/;
/** A bare "công chức" / "các cán bộ" names nobody in particular: never reported as a role. */
const BARE = /^(?:cac\s+)?(?:can\s+bo|cong\s+chuc|vien\s+chuc)$/;
/** Where a list's prose starts: a full stop before a word that is not a list item. */
const SENTENCE_END = /\.\s+(?=[^\s\-+•])/;

/**
 * The roles listed in `doc.text[start, end)`. Pieces are split at ";", at bullets and at "," /
 * "và" / "với" where the next words start a new name (a head word such as "công chức", "Sở", or a
 * vocabulary role), never inside a vocabulary name ("UBND các xã, phường"); brackets and HTML tags
 * are skipped; each piece is cut where a verb starts ("Ủy ban MTTQ phối hợp" → "Ủy ban MTTQ").
 */
export function roleList(
  doc: Pick<NormalisedDocument, "text" | "folded">,
  start: number,
  end: number,
): RoleRef[] {
  const sentenceEnd = SENTENCE_END.exec(doc.folded.slice(start, end));
  const masked = maskNoise(doc.folded.slice(start, sentenceEnd ? start + sentenceEnd.index : end));
  const vocab = findVocabRoles(masked, 0, masked.length);
  const inVocab = (i: number) => vocab.some((v) => v.start < i && i < v.end);
  const startsVocab = (i: number) => vocab.some((v) => v.start === i);

  const cuts: number[] = [0];
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (inVocab(i)) continue;
    if (c === ";" || c === "|") cuts.push(i);
    else if (c === "-" && isListDash(masked, i)) cuts.push(i);
    else if (c === "." && /\s/.test(masked[i + 1] ?? "")) cuts.push(i);
    else if (
      c === "," ||
      ((c === " " || c === "\t") && /^\s(?:va|voi|cung)\s/.test(masked.slice(i, i + 6)))
    ) {
      let j = c === "," ? i + 1 : masked.indexOf(" ", i + 2) + 1;
      while (/\s/.test(masked[j] ?? "")) j++;
      // "các cơ quan, đơn vị, địa phương liên quan" is one group: inside a plural "các …" piece only
      // a vocabulary name starts a new role.
      const plural = /^[\s;,.:|\-+•]*(?:(?:va|voi|cung)\s+)?cac\s/.test(
        masked.slice(cuts[cuts.length - 1] ?? 0, i),
      );
      if (startsVocab(j) || (!plural && HEAD_RE.test(masked.slice(j, j + 24)))) cuts.push(i);
    }
  }
  cuts.push(masked.length);

  const refs: RoleRef[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    refs.push(...pieceRoles(doc, masked, vocab, start, cuts[k] ?? 0, cuts[k + 1] ?? 0));
  }
  const unique = refs.filter(
    (r, i) => refs.findIndex((o) => o.name === r.name) === i && !BARE.test(fold(r.name)),
  );
  const specific = unique.filter((r) => !r.vague);
  return specific.length > 0 ? specific : unique;
}

/** A dash that starts a list item: at the start, or after ".", ";", ":", "," or a tag, then a word. */
function isListDash(masked: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /\s/.test(masked[j] ?? "")) j--;
  const before = j < 0 ? "" : (masked[j] ?? "");
  return (before === "" || /[.;:,|]/.test(before)) && /[\sa-z]/.test(masked[i + 1] ?? "");
}

/** Blanks HTML tags (marked "|": a list boundary), brackets and markdown marks, keeping length. */
function maskNoise(folded: string): string {
  return folded
    .replace(/<[^>]*>/g, (t) => `|${" ".repeat(t.length - 1)}`)
    .replace(/\([^()]*\)?/g, (t) => " ".repeat(t.length))
    .replace(/[*_]/g, " ");
}

function pieceRoles(
  doc: Pick<NormalisedDocument, "text" | "folded">,
  masked: string,
  vocab: readonly RoleMatch[],
  offset: number,
  from: number,
  to: number,
): RoleRef[] {
  let s = from;
  let e = to;
  while (s < e && /[\s;,.:|\-+•]/.test(masked[s] ?? "")) s++;
  if (/^(?:va|voi|cung)\s/.test(masked.slice(s, s + 5))) s = masked.indexOf(" ", s) + 1;
  while (e > s && /[\s;,.:|]/.test(masked[e - 1] ?? "")) e--;
  if (e <= s) return [];
  const inside = vocab.filter((v) => v.start >= s && v.end <= e);
  const stop = firstStop(masked, s, e, inside);
  if (stop && stop.index === 0 && !inside.some((v) => v.start === s)) return [];
  const words = wordCount(masked.slice(s, e));
  if (words > MAX_NAME_WORDS && !(inside[0] && inside[0].start === s)) {
    // A sentence: read its leading name only if a verb follows it closely, else vocabulary names.
    if (stop && stop.index > 0 && wordCount(masked.slice(s, s + stop.index)) <= 12) {
      return roleList(doc, offset + s, offset + s + stop.index);
    }
    return inside.map((v) => ({
      name: v.entry.name,
      start: offset + v.start,
      end: offset + v.end,
      vocab: true,
    }));
  }
  // Names end where a verb starts; what precedes it may itself be a list ("các sở, ngành liên quan
  // và Ủy ban nhân dân các xã, phường rà soát …").
  if (stop && stop.index > 0) {
    const named = roleList(doc, offset + s, offset + s + stop.index);
    if (named.length > 0) return named;
    // "công chức thực hiện nhiệm vụ tại Bộ phận Một cửa": a bare "công chức" before the verb is
    // described by the body named after it.
    return inside.map((v) => ({
      name: v.entry.name,
      start: offset + v.start,
      end: offset + v.end,
      vocab: true,
    }));
  }
  return nameRef(doc, masked, offset, s, e);
}

const wordCount = (folded: string) => folded.match(/[a-z0-9]+/g)?.length ?? 0;

/** The first verb in `masked[s, e)` outside a vocabulary name ("Xây dựng" in a title is no verb). */
function firstStop(
  masked: string,
  s: number,
  e: number,
  inside: readonly RoleMatch[],
): { index: number } | null {
  const hay = masked.slice(s, e);
  STOP_RE.lastIndex = 0;
  for (let m = STOP_RE.exec(hay); m; m = STOP_RE.exec(hay)) {
    const at = s + m.index;
    if (!inside.some((v) => v.start <= at && at < v.end)) return { index: m.index };
  }
  return null;
}

/** One name from `masked[s, e)`: a vocabulary role opening it, or the tidied words themselves. */
function nameRef(
  doc: Pick<NormalisedDocument, "text">,
  masked: string,
  offset: number,
  s: number,
  e: number,
): RoleRef[] {
  // "các cơ quan liên quan tổ chức hội nghị …": a vague name ends with "liên quan".
  const related = /\blien\s+quan\b/.exec(masked.slice(s, e));
  if (related) e = s + related.index + related[0].length;
  while (e > s && /[\s;,.:|-]/.test(masked[e - 1] ?? "")) e--;
  if (e <= s) return [];
  const piece = masked.slice(s, e);
  const raw = doc.text.slice(offset + s, offset + e);
  const name = canonicalRole(raw);
  const vocab = isVocabRoleName(name);
  if (!vocab && DANGLING.test(raw.normalize("NFC").trimEnd())) return [];
  if (!vocab && !/[a-z]{2}/.test(piece)) return [];
  const ref: RoleRef = { name, start: offset + s, end: offset + e, vocab };
  if (VAGUE.test(piece)) ref.vague = true;
  return [ref];
}
