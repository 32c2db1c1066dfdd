/**
 * The issuer of a Party document (Quy định 66-QĐ/TW; Hướng dẫn 36-HD/VPTW). Its header names the
 * superior Party organisation on the top line and the issuing committee under it ("ĐẢNG BỘ TỈNH
 * QUẢNG NGÃI / ĐẢNG ỦY XÃ NGHĨA KỲ", "ĐẢNG BỘ TỈNH QUẢNG NGÃI / HUYỆN ỦY BA TƠ"); a committee's
 * board or a Party cell issues under the name above it ("HUYỆN ỦY NGHĨA HÀNH / BAN DÂN VẬN",
 * "ĐẢNG BỘ HUYỆN BA TƠ / BAN DÂN VẬN HUYỆN ỦY", "ĐẢNG BỘ XÃ BA ĐIỀN / CHI BỘ THÔN GIÁ VỰC"). The
 * motto "ĐẢNG CỘNG SẢN VIỆT NAM" stands in the other column.
 *
 * Canonical issuer: the committee as Vietnamese writes it ("Đảng ủy xã Nghĩa Kỳ", "Huyện ủy Ba Tơ",
 * "Tỉnh ủy Quảng Ngãi"), a board followed by its committee ("Ban Dân vận Huyện ủy Ba Tơ"), a cell
 * by its own name ("Chi bộ thôn Giá Vực"). The unit is the territory of the committee (a Party
 * committee stands at the level of the government it leads: Huyện ủy Ba Tơ → huyện Ba Tơ); a cell's
 * or a board's unit is that of the committee or organisation above it, null when none is written.
 */
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Unit, UnitLevel } from "../schemas/index.js";
import type { Span } from "./metadata-header.js";
import { isUpper, type Line, linesOf, titleCase, trimLine } from "./metadata-text.js";
import { agencyName, type IssuerFound } from "./metadata-unit.js";
import {
  MAX_NAME_WORDS,
  NAME_STOP_WORDS,
  PARTY_BODIES,
  PARTY_CELL,
  PARTY_COMMITTEES,
  PARTY_MOTTO,
  SETTLEMENT_WORDS,
  UNIT_LEVELS,
} from "./vocab/units.js";

type Doc = Pick<NormalisedDocument, "text" | "folded">;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, String.raw`\s*`);
const alt = (xs: ReadonlyArray<{ folded: string }>) => xs.map((x) => esc(x.folded)).join("|");
const LEVEL_ALT = UNIT_LEVELS.filter((l) => !l.folded.startsWith("tp")).map((l) => esc(l.folded));
/** The Party motto, and the state one (a joint header may hold both), end a header segment. Folded. */
const PARTY_MOTTO_RE = new RegExp(esc(PARTY_MOTTO));
const MOTTO_RE = new RegExp(`${esc(PARTY_MOTTO)}|cong\\s*hoa\\s*xa\\s*hoi|doc\\s*lap\\s*-`, "g");
/** A committee or organisation at a segment's start, with its level word when it takes one. Folded. */
const COMMITTEE_RE = new RegExp(
  String.raw`^(${alt(PARTY_COMMITTEES)})(?![a-z])\s*(?:(${LEVEL_ALT.join("|")})(?![a-z]))?`,
);
const BODY_RE = new RegExp(`^(${alt(PARTY_BODIES)})(?![a-z])`);
const CELL_RE = new RegExp(`^${esc(PARTY_CELL.folded)}(?![a-z])`);
const SETTLEMENT_RE = new RegExp(`^(${alt(SETTLEMENT_WORDS)})(?![a-z])`);

/** A Party committee or organisation read from the header. */
interface Committee {
  /** "Đảng ủy xã Nghĩa Kỳ", "Huyện ủy Ba Tơ"; for an organisation, its committee's name. */
  issuer: string | null;
  unit: Unit | null;
  /** "ĐẢNG BỘ …": the organisation, not its committee. */
  organisation: boolean;
  span: Span;
}

/** A word of a segment with its span in the text. */
interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsIn(doc: Doc, span: Span): Word[] {
  return [...doc.text.slice(span.start, span.end).matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: span.start + m.index,
    end: span.start + m.index + m[0].length,
  }));
}

/** The place name after a level word: capitalised words or a number ("PHƯỜNG 12"), up to a stop word. */
function placeName(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const core = w.text.replace(/[*_,;.:)]+$/, "");
    if (!core || !/^(?:\p{Lu}|\d+$)/u.test(core) || NAME_STOP_WORDS.has(core)) break;
    out.push({ text: core, start: w.start, end: w.start + core.length });
    if (core !== w.text || out.length >= MAX_NAME_WORDS) break;
  }
  return out;
}

const display = (words: Word[]) => {
  const raw = words.map((w) => w.text).join(" ");
  return isUpper(raw) ? titleCase(raw) : raw;
};

/** The committee that leads a unit: "Huyện ủy" for a district, "Đảng ủy xã" for a commune. */
function committeeOf(unit: Unit): string | null {
  const own = PARTY_COMMITTEES.find((c) => c.level !== null && c.level === unit.level);
  if (own) return `${own.word} ${unit.name}`;
  const word = UNIT_LEVELS.find((l) => l.level === unit.level)?.word;
  return word ? `Đảng ủy ${word} ${unit.name}` : null;
}

/** How many words of a level ("HUYỆN", "THỊ TRẤN") start at `words[i]`, spelt with diacritics; 0 if none. */
function levelWordsAt(words: Word[], i: number): number {
  for (const l of UNIT_LEVELS) {
    const parts = l.word.split(" ");
    if (parts.every((p, k) => words[i + k]?.text.toLowerCase() === p)) return parts.length;
  }
  return 0;
}

/**
 * A committee at `at` in the folded text ("ĐẢNG ỦY XÃ NGHĨA KỲ", "HUYỆN ỦY BA TƠ", "ĐẢNG BỘ TỈNH
 * QUẢNG NGÃI", or a bare "HUYỆN ỦY" whose name `context` supplies). Null when the words there are not one.
 */
function committeeAt(doc: Doc, at: number, end: number, context: Committee | null): Committee | null {
  const m = COMMITTEE_RE.exec(doc.folded.slice(at, end));
  if (!m) return null;
  const type = PARTY_COMMITTEES.find((c) => c.folded === (m[1] ?? "").replace(/\s+/g, " "));
  if (!type) return null;
  const levelWord = m[2] ? UNIT_LEVELS.find((l) => l.folded === m[2]?.replace(/\s+/g, " ")) : undefined;
  const level: UnitLevel | null = levelWord?.level ?? type.level;
  const organisation = type.folded === "dang bo";
  const after = at + m[0].length;
  const name = placeName(wordsIn(doc, { start: after, end }));
  const last = name[name.length - 1];
  if (name.length > 0 && last && level) {
    const unit: Unit = { name: display(name), level };
    const issuer = organisation
      ? committeeOf(unit)
      : levelWord
        ? `${type.word} ${levelWord.word} ${unit.name}`
        : `${type.word} ${unit.name}`;
    return { issuer, unit, organisation, span: { start: at, end: last.end } };
  }
  // "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY CƠ QUAN UBND HUYỆN": a committee with no territory of
  // its own; its unit is the organisation's above it.
  const rest = wordsIn(doc, { start: after, end });
  if (!levelWord && type.folded === "dang uy" && rest.length > 0 && isUpper(doc.text.slice(after, end))) {
    const words = rest.map((w) => w.text.replace(/[*_,;.:]+$/, "")).filter(Boolean);
    // A place named inside ("ĐẢNG ỦY CƠ QUAN UBND HUYỆN BA TƠ") keeps its capitals: "… huyện Ba Tơ".
    // Matched with its diacritics: "QUAN" (cơ quan) is not "QUẬN".
    let place: Word[] = [];
    for (let i = 1; i < rest.length && place.length === 0; i++) {
      const level = levelWordsAt(rest, i);
      if (level > 0) place = placeName(rest.slice(i + level));
    }
    const head = place.length > 0 ? words.slice(0, words.length - place.length) : words;
    const named = agencyName(type.word, head);
    return {
      issuer: place.length > 0 ? `${named} ${display(place)}` : named,
      unit: context?.unit ?? null,
      organisation: false,
      span: { start: context?.span.start ?? at, end: rest[rest.length - 1]?.end ?? after },
    };
  }
  // A bare committee word ("BAN DÂN VẬN HUYỆN ỦY" under "ĐẢNG BỘ HUYỆN BA TƠ"): the organisation names it.
  if (name.length === 0 && rest.length === 0 && context?.unit && (!level || level === context.unit.level)) {
    const issuer = levelWord || !type.level ? committeeOf(context.unit) : `${type.word} ${context.unit.name}`;
    return { issuer, unit: context.unit, organisation: false, span: { start: context.span.start, end } };
  }
  return null;
}

/** A cell's name: "THÔN GIÁ VỰC" → "thôn Giá Vực"; other names as an agency writes them. */
function cellName(doc: Doc, words: Word[]): string {
  const texts = words.map((w) => w.text.replace(/[*_,;.:]+$/, "")).filter(Boolean);
  const first = words[0];
  const m = first ? SETTLEMENT_RE.exec(doc.folded.slice(first.start, words[words.length - 1]?.end)) : null;
  const settlement = m ? SETTLEMENT_WORDS.find((s) => s.folded === m[1]?.replace(/\s+/g, " ")) : undefined;
  if (settlement) {
    const name = placeName(words.slice(settlement.folded.split(" ").length));
    if (name.length > 0) return `${PARTY_CELL.word} ${settlement.word} ${display(name)}`;
  }
  return agencyName(PARTY_CELL.word, texts);
}

/** Segments of the header: line pieces between tabs and "; ", split at the motto, markup trimmed. */
function segments(doc: Doc, regionEnd: number, lines: Line[]): Span[] {
  const out: Span[] = [];
  const push = (start: number, end: number) => {
    const t = trimLine(doc.text, { start, end });
    if (t.end > t.start) out.push(t);
  };
  for (const line of lines) {
    if (line.start >= regionEnd) break;
    const end = Math.min(line.end, regionEnd);
    let from = line.start;
    for (const m of doc.text.slice(line.start, end).matchAll(/\t|;\s/g)) {
      splitAtMotto(doc, from, line.start + m.index, push);
      from = line.start + m.index + m[0].length;
    }
    splitAtMotto(doc, from, end, push);
  }
  return out;
}

function splitAtMotto(doc: Doc, start: number, end: number, push: (s: number, e: number) => void): void {
  let from = start;
  MOTTO_RE.lastIndex = 0;
  const view = doc.folded.slice(start, end);
  for (let m = MOTTO_RE.exec(view); m !== null; m = MOTTO_RE.exec(view)) {
    push(from, start + m.index);
    from = start + m.index + m[0].length;
  }
  push(from, end);
}

/** True when the header (before `end`) holds the Party motto in capitals. */
export function hasPartyMotto(doc: Doc, end: number): boolean {
  const m = PARTY_MOTTO_RE.exec(doc.folded.slice(0, end));
  return m !== null && isUpper(doc.text.slice(m.index, m.index + m[0].length));
}

/**
 * The Party issuer named in the header before `regionEnd`, or null when the header names none
 * (a state document). Only segments written in capitals count, as headers write them. The last
 * committee, board or cell is the issuer; the lines above it give a board's or cell's unit.
 */
export function partyIssuer(
  doc: Doc,
  regionEnd: number,
  lines: Line[] = linesOf(doc.text),
): IssuerFound | null {
  let context: Committee | null = null;
  let found: IssuerFound | null = null;
  for (const seg of segments(doc, regionEnd, lines)) {
    if (!isUpper(doc.text.slice(seg.start, seg.end))) continue;
    const folded = doc.folded.slice(seg.start, seg.end);
    const committee = committeeAt(doc, seg.start, seg.end, context);
    if (committee) {
      context = committee;
      if (!committee.organisation && committee.issuer) {
        found = { issuer: committee.issuer, unit: committee.unit, span: committee.span };
      }
      continue;
    }
    const body = BODY_RE.exec(folded);
    if (body) {
      const type = PARTY_BODIES.find((b) => b.folded === (body[1] ?? "").replace(/\s+/g, " "));
      let restStart = seg.start + body[0].length;
      while (restStart < seg.end && /\s/.test(doc.text[restStart] ?? "")) restStart++;
      // Its committee written after it ("BAN DÂN VẬN HUYỆN ỦY"), else the one above it.
      const own = restStart < seg.end ? committeeAt(doc, restStart, seg.end, context) : null;
      const parent = own ?? (context && !context.organisation ? context : null) ?? context;
      if (!type || !parent?.issuer) continue;
      found = {
        issuer: `${type.word} ${parent.issuer}`,
        unit: parent.unit,
        span: { start: Math.min(parent.span.start, seg.start), end: Math.max(parent.span.end, seg.end) },
      };
      continue;
    }
    if (CELL_RE.test(folded)) {
      const words = wordsIn(doc, { start: seg.start, end: seg.end }).slice(
        PARTY_CELL.folded.split(" ").length,
      );
      if (words.length === 0) continue;
      found = {
        issuer: cellName(doc, words),
        unit: context?.unit ?? null,
        span: { start: context?.span.start ?? seg.start, end: seg.end },
      };
    }
  }
  return found;
}
