/**
 * The issuing body and the unit a document belongs to. The header names the issuer
 * ("ỦY BAN NHÂN DÂN / THỊ TRẤN BA TƠ", "UBND TỈNH QUẢNG NGÃI"); when the header is lost (corpus
 * 004) the body tells it: "UBND phường xây dựng kế hoạch …" gives the level and the most frequent
 * "phường <Name>" mention the name.
 *
 * Canonical issuer form (one for every document): "<body> <level word in lower case> <Name in
 * title case>", with the body abbreviated: "UBND thị trấn Ba Tơ", "UBND tỉnh Quảng Ngãi",
 * "HĐND xã Ba Vì". Names written in capitals in the header are title-cased ("ĐỨC PHỔ" → "Đức Phổ").
 * An agency issuing under its parent's name takes the body's place: "Phòng Nội vụ huyện Ba Tơ",
 * "Sở Nội vụ tỉnh Quảng Ngãi" (unit: the parent's).
 */
import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Unit, UnitLevel } from "../schemas/index.js";
import type { Span } from "./metadata-header.js";
import { isCapitalised, isUpper, squash, titleCase, type Word, wordsAfter } from "./metadata-text.js";
import {
  AGENCY_ACRONYMS,
  AGENCY_TYPES,
  ISSUING_BODIES,
  MAX_NAME_WORDS,
  MOTTO_WORDS,
  NAME_STOP_WORDS,
  UNIT_LEVELS,
} from "./vocab/units.js";

type Doc = Pick<NormalisedDocument, "text" | "folded">;

/** An issuer and its unit, with the span they were read from. */
export interface IssuerFound {
  issuer: string;
  /** Null when the header names no territory (a Party cell with no organisation line above it). */
  unit: Unit | null;
  span: Span;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, String.raw`\s*`);
const BODY_ALT = ISSUING_BODIES.map((b) => esc(b.folded)).join("|");
const LEVEL_ALT = UNIT_LEVELS.map((l) => esc(l.folded)).join("|");
const MOTTO = MOTTO_WORDS.map(esc).join("|");
/** A word that starts the motto ends a name: "THỊ TRẤN BA TƠ Độc lập - Tự do - Hạnh phúc". */
const MOTTO_START = new RegExp(`^[*_]*(?:${MOTTO})`);
/**
 * Body, then (in an interleaved header) the motto, then the level word. Folded. The DOCX backend
 * joins a cell's lines with "; " ("ỦY BAN NHÂN DÂN; THỊ TRẤN NHƯ QUỲNH"). A body inside a symbol is
 * no issuer: "Số: 45/KH-UBND Tịnh Hà, ngày …" is not "UBND tỉnh Hà".
 */
const HEADER_ISSUER = new RegExp(
  String.raw`(?<![a-z0-9/-])(${BODY_ALT})[\s*|#_;,-]*(?:(?:${MOTTO})[\s*|#_;,-]*)*(${LEVEL_ALT})(?![a-z])`,
  "g",
);
const AGENCY_ALT = AGENCY_TYPES.map((a) => esc(a.folded)).join("|");
/**
 * An agency's type word at a word's start and the first letter of its field ("PHÒNG NỘI VỤ", "SỞ NỘI
 * VỤ"). Folded (no line breaks there): the caller checks in the real text that the field shares the
 * line, as a name wrapped over two lines ("THÀNH PHỐ HẢI / PHÒNG") has nothing after it.
 */
const AGENCY_START = new RegExp(String.raw`^(?:${AGENCY_ALT})\s+(?!${MOTTO})[a-z]`);
/**
 * From the end of a parent's name to its agency's line: separators, rule lines and motto pieces of
 * the other column ("UBND TỈNH QUẢNG NGÃI CỘNG HÒA … SỞ NỘI VỤ"), then the agency's type. Folded, sticky.
 */
const TO_AGENCY = new RegExp(String.raw`(?:[\s*|#_;,-]|${MOTTO})*(${AGENCY_ALT})(?![a-z])`, "y");

function levelOf(folded: string): { level: UnitLevel; word: string } | null {
  const key = folded.replace(/\s+/g, " ");
  const hit = UNIT_LEVELS.find(
    (l) => l.folded === key || l.folded.replace(/ /g, "") === key.replace(/ /g, ""),
  );
  return hit ? { level: hit.level, word: hit.word } : null;
}

function bodyShort(folded: string): string {
  const key = folded.replace(/\s+/g, " ");
  return (
    ISSUING_BODIES.find((b) => b.folded === key || b.folded.replace(/ /g, "") === key.replace(/ /g, ""))
      ?.short ?? "UBND"
  );
}

/**
 * A unit's name after its level word: capitalised words, at most {@link MAX_NAME_WORDS}, ending at a
 * stop word, a lower-case word, the motto, punctuation or a line break (one line break is allowed
 * in a header, where "THÀNH PHỐ CẦN / THƠ" wraps). Names in capitals stay in capitals here.
 */
export function nameAfter(doc: Doc, offset: number, inHeader: boolean): Word[] {
  const words = wordsAfter(doc.text, offset, MAX_NAME_WORDS + 2, !inHeader);
  const out: Word[] = [];
  for (const w of words) {
    const clean = w.text.replace(/^[*_"“]+/, "");
    const core = clean.replace(/[*_"”,;.:)]+$/, "");
    if (/^[-–]$/.test(core) && out.length > 0) continue;
    if (!core || !(isCapitalised(core) || /^\d+$/.test(core))) break;
    if (NAME_STOP_WORDS.has(core) || MOTTO_START.test(doc.folded.slice(w.start, w.start + 40))) break;
    if (out.length > 0 && isUpper(out[0]?.text ?? "") !== isUpper(core) && !/^\d+$/.test(core)) break;
    // The agency's line under its parent ("UBND HUYỆN BA TƠ / PHÒNG NỘI VỤ") is not part of the name,
    // nor is the next cell of a table row ("… XÃ NGHĨA ĐIỀN⇥ỦY BAN MTTQ …").
    const prev = out[out.length - 1];
    if (prev && doc.text.slice(prev.end, w.start).includes("\t")) break;
    if (prev && doc.text.slice(prev.end, w.start).includes("\n")) {
      // The folded text has no line breaks: the real text tells whether the field shares the line.
      const agency = AGENCY_START.exec(doc.folded.slice(w.start, w.start + 60));
      if (agency && !doc.text.slice(w.start, w.start + agency[0].length).includes("\n")) break;
    }
    const start = w.start + (w.text.length - clean.length);
    out.push({ text: core, start, end: start + core.length });
    if (core !== clean || out.length >= MAX_NAME_WORDS) break;
  }
  return out;
}

function build(
  doc: Doc,
  short: string,
  level: { level: UnitLevel; word: string },
  name: Word[],
  start: number,
  agency: { name: string; end: number } | null = null,
): IssuerFound {
  // Words joined by one space, or by " - " where the name has a dash ("Bà Rịa - Vũng Tàu").
  const raw = name
    .map((w, i) => {
      const prev = name[i - 1];
      return prev ? (/[-–]/.test(doc.text.slice(prev.end, w.start)) ? ` - ${w.text}` : ` ${w.text}`) : w.text;
    })
    .join("");
  const display = isUpper(raw) ? titleCase(raw) : raw;
  const last = name[name.length - 1];
  return {
    issuer: `${agency ? agency.name : short} ${level.word} ${display}`,
    unit: { name: display, level: level.level },
    span: { start, end: agency ? agency.end : last ? last.end : start },
  };
}

/**
 * An agency's name as Vietnamese writes it: the type word's canonical spelling, then each part's
 * first word capitalised (after the type, after "và", after a dash) and the rest in lower case;
 * abbreviations stay in capitals. "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo".
 */
export function agencyName(type: string, rest: string[]): string {
  const out = [type];
  let capital = true;
  for (const word of rest) {
    if (/^[-–&]$/.test(word)) {
      out.push(word);
      capital = true;
      continue;
    }
    const lower = word.toLowerCase();
    // An abbreviation has no vowel ("HĐND", "TN&MT") or is a known one.
    if (AGENCY_ACRONYMS.has(word) || word.includes("&") || !/[aeiouy]/.test(fold(lower))) {
      out.push(word);
    } else if (lower === "và") {
      out.push(lower);
      capital = true;
      continue;
    } else out.push(capital ? titleCase(word) : lower);
    capital = false;
  }
  return out.join(" ");
}

/**
 * The agency issuing under its parent's name, read after the parent's name (`offset`), before
 * `limit`: "PHÒNG NỘI VỤ" on the next line, or after the motto of an interleaved header. Only words
 * in capitals, on the agency's line, up to the motto or the number label; a trailing level word
 * ("THANH TRA HUYỆN") is dropped, as the parent's level follows in the issuer.
 */
function agencyAfter(doc: Doc, offset: number, limit: number): { name: string; end: number } | null {
  TO_AGENCY.lastIndex = offset;
  const m = TO_AGENCY.exec(doc.folded);
  const typeFolded = m?.[1];
  if (!m || !typeFolded) return null;
  const typeStart = m.index + m[0].length - typeFolded.length;
  if (typeStart >= limit) return null;
  const type = AGENCY_TYPES.find((a) => a.folded === typeFolded.replace(/\s+/g, " "));
  if (!type) return null;
  const typeWords = type.folded.split(" ").length;
  const words: Word[] = [];
  for (const w of wordsAfter(doc.text, typeStart, 12)) {
    const core = w.text.replace(/[*_,;:.]+$/, "");
    if (
      w.start >= limit ||
      !core ||
      core === "SỐ" ||
      MOTTO_START.test(doc.folded.slice(w.start, w.start + 40))
    )
      break;
    if (!isUpper(core) && !/^[-–&]$/.test(core)) break;
    words.push({ text: core, start: w.start, end: w.start + core.length });
  }
  const lastWord = words[words.length - 1];
  if (lastWord && words.length > typeWords + 1 && levelOf(fold(lastWord.text))) words.pop();
  const end = words[words.length - 1]?.end;
  if (words.length <= typeWords || end === undefined) return null;
  const rest = words.slice(typeWords).map((w) => w.text);
  return { name: agencyName(type.word, rest), end };
}

/**
 * The issuer named in the header, before `regionEnd` (the kind line or the subject). When a parent
 * body sits above it ("UBND HUYỆN BA TƠ / UBND THỊ TRẤN BA TƠ"), the last one is the issuer; an
 * agency's line under the parent ("UBND HUYỆN BA TƠ / PHÒNG NỘI VỤ") makes the agency the issuer
 * ("Phòng Nội vụ huyện Ba Tơ"), the parent's unit its unit.
 */
export function headerIssuer(doc: Doc, regionEnd: number): IssuerFound | null {
  const zone = doc.folded.slice(0, regionEnd);
  let found: IssuerFound | null = null;
  HEADER_ISSUER.lastIndex = 0;
  for (let m = HEADER_ISSUER.exec(zone); m !== null; m = HEADER_ISSUER.exec(zone)) {
    const level = levelOf(m[2] ?? "");
    if (!level) continue;
    const name = nameAfter(doc, m.index + m[0].length, true);
    const nameEnd = name[name.length - 1]?.end ?? 0;
    if (name.length === 0 || nameEnd > regionEnd) continue;
    found = build(doc, bodyShort(m[1] ?? ""), level, name, m.index, agencyAfter(doc, nameEnd, regionEnd));
  }
  return found;
}

/** "UBND/Ủy ban nhân dân <level> [Name] xây dựng|ban hành …": the document speaking of itself. Folded. */
const SELF = new RegExp(String.raw`(?<![a-z0-9/-])(${BODY_ALT})\s+(${LEVEL_ALT})(?![a-z])`, "g");
const SELF_VERB = /^\s*(?:xay dung|ban hanh|trien khai|bao cao|thong bao)\b/;
const NOT_SELF_BEFORE = /\b(?:cua|cho|gui|ve|tham muu|voi|va|den|tai)\s*$/;
const MENTION_CAP = 8000;

/**
 * The issuer told by the body, when the header is missing: the first "UBND phường (Name) xây
 * dựng/ban hành …" not preceded by "của/cho/gửi …" (those are other bodies). Without a name there,
 * the most frequent "<level> <Name>" mention supplies it; without such a sentence, a
 * "UBND <level> <place>" mention of the header's place does.
 */
export function bodyIssuer(doc: Doc, place: string | null): IssuerFound | null {
  const head = doc.folded.slice(0, MENTION_CAP);
  SELF.lastIndex = 0;
  for (let m = SELF.exec(head); m !== null; m = SELF.exec(head)) {
    if (NOT_SELF_BEFORE.test(head.slice(Math.max(0, m.index - 16), m.index))) continue;
    const level = levelOf(m[2] ?? "");
    if (!level) continue;
    const after = m.index + m[0].length;
    const name = nameAfter(doc, after, false);
    const nameEnd = name[name.length - 1]?.end ?? after;
    if (!SELF_VERB.test(doc.folded.slice(nameEnd, nameEnd + 30))) continue;
    if (name.length > 0) return build(doc, bodyShort(m[1] ?? ""), level, name, m.index);
    const mention = mostFrequentMention(doc, m[2] ?? "");
    if (mention) return build(doc, bodyShort(m[1] ?? ""), level, mention.name, mention.start);
  }
  if (place) return placeMention(doc, place);
  return null;
}

/** The most frequent "<level> <Name>" of one level in the document (ties: the earliest). */
function mostFrequentMention(doc: Doc, levelFolded: string): { name: Word[]; start: number } | null {
  const re = new RegExp(`(?<![a-z])${esc(levelFolded.replace(/\s+/g, " "))}(?![a-z])`, "g");
  const counts = new Map<string, { n: number; name: Word[]; start: number }>();
  for (let m = re.exec(doc.folded); m !== null; m = re.exec(doc.folded)) {
    const name = nameAfter(doc, m.index + m[0].length, false);
    if (name.length === 0) continue;
    const key = name.map((w) => w.text.toLowerCase()).join(" ");
    const hit = counts.get(key);
    if (hit) hit.n++;
    else counts.set(key, { n: 1, name, start: m.index });
  }
  let best: { n: number; name: Word[]; start: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best;
}

/** "UBND <level> <place>" (or "Ủy ban nhân dân …") where the place is the header's place. */
function placeMention(doc: Doc, place: string): IssuerFound | null {
  const key = squash(fold(place));
  const re = new RegExp(
    String.raw`(?<![a-z0-9/-])(${BODY_ALT})\s+(${LEVEL_ALT})\s+${esc(key)}(?![a-z])`,
    "g",
  );
  const m = re.exec(doc.folded);
  if (!m) return null;
  const level = levelOf(m[2] ?? "");
  if (!level) return null;
  const nameStart = m.index + m[0].length - key.length;
  const name = nameAfter(doc, nameStart, false).slice(0, key.split(" ").length);
  return name.length > 0 ? build(doc, bodyShort(m[1] ?? ""), level, name, m.index) : null;
}
