/**
 * Small text helpers shared by the metadata and references extractors: lines with offsets,
 * capitals, Vietnamese title case, and words read backwards or forwards from an offset.
 */

/** A line of the text: `start` its first character, `end` the newline (excluded). */
export interface Line {
  start: number;
  end: number;
}

/** Every line of `text` with its offsets (one pass). */
export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Markup a converter may leave at a line's edges ("**", "#", "|", ">" and spaces): skipped when a
 * line is read as a header, kind or signature line. The normaliser removes most of it already.
 */
const EDGE = /[\s*#|>_]/;

/** The line's span without markup and spaces at its edges. */
export function trimLine(text: string, line: Line): Line {
  let s = line.start;
  let e = line.end;
  while (s < e && EDGE.test(text[s] ?? "")) s++;
  while (e > s && EDGE.test(text[e - 1] ?? "")) e--;
  return { start: s, end: e };
}

/** True when the line holds no letter or digit (blank, a rule "-------", a lone "|"). */
export function isBlankLine(text: string, line: Line): boolean {
  return !/[\p{L}\p{N}]/u.test(text.slice(line.start, line.end));
}

/** True when `s` has letters and none of them is lower-case ("KẾ HOẠCH", "TM. ỦY BAN"). */
export function isUpper(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** True when `word` starts with an upper-case letter ("Ba", "BA", "Đức"). */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Vietnamese title case of a name written in capitals: "BA TƠ" → "Ba Tơ", "ĐỨC PHỔ" → "Đức Phổ". */
export function titleCase(name: string): string {
  return name
    .split(/(\s+|-)/)
    .map((w) => (/\p{L}/u.test(w) ? (w[0] ?? "").toUpperCase() + w.slice(1).toLowerCase() : w))
    .join("");
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** A word of the text with its span. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Up to `max` words (runs of non-space characters) from `offset` on, stopping at a line break
 * when `stopAtNewline` is set (a name never runs over a blank line).
 */
export function wordsAfter(text: string, offset: number, max: number, stopAtNewline = true): Word[] {
  const out: Word[] = [];
  let i = offset;
  while (out.length < max && i < text.length) {
    let gapNewlines = 0;
    while (i < text.length && /\s/.test(text[i] ?? "")) {
      if (text[i] === "\n") gapNewlines++;
      i++;
    }
    if (i >= text.length) break;
    if (gapNewlines > (stopAtNewline ? 0 : 1) && out.length > 0) break;
    const s = i;
    while (i < text.length && !/\s/.test(text[i] ?? "")) i++;
    out.push({ text: text.slice(s, i), start: s, end: i });
  }
  return out;
}

/** Up to `max` words ending before `offset`, nearest first, stopping at a line break or a tab. */
export function wordsBefore(text: string, offset: number, max: number): Word[] {
  const out: Word[] = [];
  let i = offset;
  while (out.length < max && i > 0) {
    let e = i;
    while (e > 0 && (text[e - 1] === " " || text[e - 1] === "\u00a0")) e--;
    if (e === 0 || /[\n\t\f]/.test(text[e - 1] ?? "")) break;
    let s = e;
    while (s > 0 && !/\s/.test(text[s - 1] ?? "")) s--;
    out.push({ text: text.slice(s, e), start: s, end: e });
    i = s;
  }
  return out;
}
