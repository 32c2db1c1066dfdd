import { createRequire } from "node:module";
import { fold } from "../pipeline/text/fold.js";
import { ROLE_VOCAB, type RoleVocabEntry } from "./vocab/roles.js";

/**
 * Finding role names in folded text: exact matching against the compiled vocabulary, fuzzy matching
 * (Jaro–Winkler and Dice from `natural`) for OCR-damaged titles, and {@link canonicalRole}, the one
 * name every spelling of a role is reported under.
 */

// Only the two distance modules: importing `natural` itself costs ~1.5 s, reads .env and prints
// dotenv banners; these two files are plain CommonJS functions with no dependencies (~5 ms).
const require = createRequire(import.meta.url);
const jaroWinkler = require("natural/lib/natural/distance/jaro-winkler_distance.js") as (
  a: string,
  b: string,
) => number;
const diceCoefficient = require("natural/lib/natural/distance/dice_coefficient.js") as (
  a: string,
  b: string,
) => number;

/** A vocabulary role found in text; offsets into the string searched. */
export interface RoleMatch {
  entry: RoleVocabEntry;
  start: number;
  end: number;
}

const GAP = String.raw`[\s*_]*`;
const DASH = String.raw`[\s*_]*(?:[-/&+.][\s*_]*)?`;
const COMMA = String.raw`[\s*_]*[,;]?[\s*_]*`;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const word = (w: string) => (w === "&" ? "(?:&|va)?" : escapeRegex(w));

/** Head words kept whole when a group is written by its initials ("Công chức ĐC-NN-XD&MT"). */
const KEPT_HEADS = ["cong chuc", "so", "phong", "ban"];

/**
 * The initials of a group of words, "&"/"và" kept as a separator: "xay dung va moi truong" → "xd" +
 * "&" + "mt", "nong nghiep" → "nn"; a head word such as "công chức" stays whole. Null for a group
 * of one word (its initial alone would match any letter).
 */
function initialsSource(group: string): string | null {
  if (group.includes(", ")) return null;
  const head = KEPT_HEADS.find((h) => group.startsWith(`${h} `));
  const rest = head ? group.slice(head.length + 1) : group;
  const runs = rest.split(/ (?:&|va) /).map((run) => run.split(" "));
  if (runs.some((run) => run.length < 2)) return null;
  const initials = runs
    .map((run) => run.map((w) => escapeRegex(w[0] ?? "")).join(""))
    .join(`${GAP}(?:&|va)?${GAP}`);
  return head ? `${head.split(" ").map(word).join(GAP)}${GAP}${initials}` : initials;
}

/**
 * The regex source of one alias (see the notation in vocab/roles.ts). In an alias of several
 * dash-separated groups each group may also be written by its initials, as documents mix them
 * ("Địa chính - NN - XD & MT", "VP - Thống kê").
 */
function aliasSource(alias: string): string {
  const groups = alias.split(" - ");
  return groups
    .map((group) => {
      const full = group
        .split(", ")
        .map((part) => part.split(" ").map(word).join(GAP))
        .join(COMMA);
      const initials = groups.length > 1 ? initialsSource(group) : null;
      return initials ? `(?:${full}|${initials})` : full;
    })
    .join(DASH);
}

interface CompiledEntry {
  entry: RoleVocabEntry;
  re: RegExp;
}

/**
 * Words before a match that make it something else: a law ("Luật Công đoàn", "Luật Mặt trận Tổ
 * quốc Việt Nam") or, for "sở", the word "cơ sở" ("các cơ sở y tế" is no "Sở Y tế").
 */
const NOT_AFTER_LAW = String.raw`(?<!luat[\s*_]{1,3})`;
const NOT_AFTER_CO = String.raw`(?<!co[\s*_]{1,3})`;

/** One regex per vocabulary entry, its aliases longest first so the longest wins at a position. */
const COMPILED: readonly CompiledEntry[] = ROLE_VOCAB.map((entry) => ({
  entry,
  re: new RegExp(
    `(?<![a-z0-9])${NOT_AFTER_LAW}(?:${[...entry.aliases]
      .sort((a, b) => b.length - a.length)
      .map((alias) => (alias.startsWith("so ") ? NOT_AFTER_CO : "") + aliasSource(alias))
      .join("|")})(?![a-z0-9])`,
    "g",
  ),
}));

/**
 * Every vocabulary role in `folded[from, to)`, in text order, without overlaps: where two matches
 * overlap, the longer one wins. Offsets are into `folded`.
 */
export function findVocabRoles(folded: string, from = 0, to = folded.length): RoleMatch[] {
  const hay = folded.slice(from, to);
  const all: RoleMatch[] = [];
  for (const { entry, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      all.push({ entry, start: from + m.index, end: from + m.index + m[0].length });
    }
  }
  // Longest first: "Địa chính – Xây dựng – Đô thị và Môi trường" beats "công chức Địa chính" that
  // starts earlier and overlaps it.
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: RoleMatch[] = [];
  for (const m of all) {
    if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Letters and digits only: "Văn phòng – Thống kê" and "VănPhòng-Thống kê" compare equal. */
const squeeze = (folded: string) => folded.replace(/[^a-z0-9]/g, "");

/**
 * Aliases worth a fuzzy comparison: long enough that a near miss is still specific ("xây dựng" is
 * close to "Sở Xây dựng" but names no agency).
 */
const FUZZY_ALIASES = ROLE_VOCAB.filter((e) => e.kind !== "generic").flatMap((entry) =>
  entry.aliases
    .map((alias) => {
      // The words compared are those of the key: "công chức" is not part of it, nor are dashes.
      const key = alias.replace(/^cong chuc /, "");
      return { entry, key: squeeze(key), words: key.split(/\s+/).filter((w) => w !== "-").length };
    })
    .filter((a) => a.key.length >= 10),
);

/**
 * Dice (letter pairs) at least this and Jaro–Winkler at least {@link MIN_JARO_WINKLER}: a few wrong
 * letters, not another role ("tai chinh ke hoach" is not "tai chinh ke toan": Dice 0.77). Jaro–Winkler
 * alone is too lenient with a shared prefix and too harsh with one wrong letter early in the word.
 */
const MIN_DICE = 0.8;
const MIN_JARO_WINKLER = 0.85;

/**
 * The vocabulary role that the words at the start of `folded` spell with a few letters wrong
 * ("van phong - thong kc", "tu pbap - ho tich"), or null. Tries the first n words for n around each
 * alias's word count, so trailing words ("… thị trấn") do not spoil the comparison.
 */
export function fuzzyVocabRole(
  folded: string,
  kinds: readonly RoleVocabEntry["kind"][] = ["title", "body", "agency"],
): { entry: RoleVocabEntry; words: number } | null {
  const words = folded.split(/[\s*_]+/).filter((w) => w !== "" && w !== "-");
  let best: { entry: RoleVocabEntry; words: number; score: number } | null = null;
  for (const alias of FUZZY_ALIASES) {
    if (!kinds.includes(alias.entry.kind)) continue;

    for (let n = Math.max(1, alias.words - 2); n <= Math.min(words.length, alias.words + 1); n++) {
      const candidate = squeeze(words.slice(0, n).join(" "));
      if (Math.abs(candidate.length - alias.key.length) > Math.max(2, alias.key.length * 0.2)) continue;
      // Cheap gate before the distances: OCR seldom damages both ends of a name.
      if (candidate[0] !== alias.key[0] && candidate.slice(-2) !== alias.key.slice(-2)) continue;
      const dice = diceCoefficient(candidate, alias.key);
      if (dice < MIN_DICE || jaroWinkler(candidate, alias.key) < MIN_JARO_WINKLER) continue;
      if (!best || dice > best.score) best = { entry: alias.entry, words: n, score: dice };
    }
  }
  return best ? { entry: best.entry, words: best.words } : null;
}

/** Words that may stand before a title without changing the role ("công chức", "bộ phận", "các"). */
const ROLE_PREFIX =
  /^(?:[\s*_\-+•]*(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau|doi\s+voi|dong\s+chi|cac|nganh|cong\s+chuc|can\s+bo|bo\s+phan|toan\s+the)\s+)*/;

/**
 * The canonical name of a role written any way: "Văn phòng - Thống kê", "VP-TK", "van phong thong
 * ke" and OCR-damaged spellings all give "Công chức Văn phòng – Thống kê". A name not in the
 * vocabulary comes back tidied ({@link tidyRoleName}). Used by the tasks extractor and the evaluation.
 */
export function canonicalRole(name: string): string {
  const folded = fold(name.normalize("NFC"));
  const prefix = ROLE_PREFIX.exec(folded)?.[0].length ?? 0;
  const [first] = findVocabRoles(folded, 0, folded.length);
  if (first && first.start <= prefix) return first.entry.name;
  const fuzzy = fuzzyVocabRole(folded.slice(prefix));
  if (fuzzy) return fuzzy.entry.name;
  return tidyRoleName(name);
}

/** Whether `name` is one of the canonical vocabulary names. */
export function isVocabRoleName(name: string): boolean {
  return VOCAB_NAMES.has(name);
}

const VOCAB_NAMES = new Set(ROLE_VOCAB.map((e) => e.name));

/**
 * A role name not in the vocabulary, tidied for reporting: markdown, tags, bullets, numbering and a
 * trailing bracket or punctuation removed, spaces collapsed, "Ủy ban nhân dân" written "UBND" (as
 * the vocabulary does), the first letter in capitals.
 */
export function tidyRoleName(name: string): string {
  let s = name
    .normalize("NFC")
    .replace(/<[^>]*>/g, " ")
    .replace(/[*_]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(/^(?:[-+•·–]\s*)+/, "").replace(/^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s+/i, "");
  s = s.replace(/^(?:giao(?:\s+cho)?|đề\s+nghị|yêu\s+cầu|đối\s+với)\s+/i, "");
  s = s.replace(/[\s.,;:]+$/, "").replace(/\s*\([^()]*\)?\s*$/, "");

  s = s.replace(/[\s.,;:]+$/, "").replace(/\s+(?:và|các|của|với|cho)$/i, "");
  s = s.replace(/(?:Ủy|Uỷ|ủy|uỷ) ban (?:N|n)hân (?:D|d)ân/g, "UBND");
  return s.charAt(0).toUpperCase() + s.slice(1);
}
