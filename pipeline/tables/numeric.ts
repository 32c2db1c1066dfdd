/**
 * Numeric columns of tables: score, deduction, rank and count columns, whose values must keep
 * their separators ("1,50" is a point and a half; read as "150" it is a hundred and fifty).
 */

/** A number as Vietnamese tables write it: "97,50", "1.234", "0", "12/19", "5%", or a dash for none. */
const STRICT = /^(?:[-–—]|[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-+]?\d+(?:[.,]\d+)?%?|\d+\s?\/\s?\d+)$/u;

/** Characters OCR confuses with digits in a cell that should hold a number. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: "0",
  o: "0",
  D: "0",
  l: "1",
  I: "1",
  "|": "1",
  i: "1",
  "]": "1",
  "[": "1",
  S: "5",
};

/** Is the text a number (or a lone dash) as a numeric column writes it? */
export function isNumeric(text: string): boolean {
  return STRICT.test(text.trim());
}

/** The text with OCR's look-alikes of digits turned into digits and spaces removed ("l" → "1", "O" → "0"). */
export function repairDigits(text: string): string {
  return [...text.replace(/\s+/gu, "")].map((c) => DIGIT_LOOKALIKES[c] ?? c).join("");
}

/** Does the text look like a number misread by OCR (digits with look-alike letters or stray spaces)? */
export function looksNumeric(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  return isNumeric(t) || isNumeric(repairDigits(t));
}

/** Digits after the decimal comma of a number ("97,50" → 2, "0" → 0); null for a dash, rank or non-number. */
export function decimals(text: string): number | null {
  const t = text.trim();
  if (!isNumeric(t) || /^[-–—]$|\//u.test(t)) return null;
  const comma = /,(\d+)%?$/u.exec(t);
  if (comma) return comma[1]?.length ?? 0;
  // "97.50" with two decimals after a point: OCR read the comma as a point.
  const point = /^[-+]?\d+\.(\d{1,2})%?$/u.exec(t);
  return point ? (point[1]?.length ?? 0) : 0;
}

/** What the numeric cells of one column have in common. */
export interface NumericColumn {
  col: number;
  /** Decimals most values with a decimal part have (2 in "97,50"), or 0 when none has one. */
  decimals: number;
}

/**
 * The columns of a table whose body cells are numbers: at least two non-empty cells below the
 * header row, and at least 60% of them numbers (OCR look-alikes allowed, so one misread value
 * does not hide its column).
 */
export function numericColumns(rows: string[][], headerRows = 1): NumericColumn[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const out: NumericColumn[] = [];
  for (let col = 0; col < width; col++) {
    const body = rows
      .slice(headerRows)
      .map((row) => (row[col] ?? "").trim())
      .filter((text) => text !== "");
    if (body.length < 2) continue;
    if (body.filter(looksNumeric).length < body.length * 0.6) continue;
    const counts = new Map<number, number>();
    for (const text of body) {
      const d = decimals(text);
      if (d !== null && d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    const [common] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    out.push({ col, decimals: common ? common[0] : 0 });
  }
  return out;
}

/**
 * Is a value suspect in its column? Not a number at all, or a whole number of three digits or
 * more in a column whose values have decimals: "150" among "0,25", "1,50" lost its comma.
 */
export function suspectValue(text: string, column: NumericColumn): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (!isNumeric(t)) return true;
  return column.decimals > 0 && /^\d{3,}$/u.test(t);
}

/** The characters a numeric cell may hold, for tesseract's whitelist. */
export const NUMERIC_CHARACTERS = "0123456789,.-/%";
