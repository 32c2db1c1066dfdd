/** One physical line of a text: `[start, end)` without its terminator. */
export interface Line {
  start: number;
  end: number;
  /** What ends the line: "\n", "\f" (page break) or "" at the end of the text. */
  terminator: "\n" | "\f" | "";
}

/** Splits a text into physical lines; "\f" ends a line like "\n" and also marks a page break. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 12) {
      lines.push({ start, end: i, terminator: ch === 10 ? "\n" : "\f" });
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length, terminator: "" });
  return lines;
}

/** True for a line with nothing but whitespace (tabs included). */
export function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 9 && ch !== 11) return false;
  }
  return true;
}
