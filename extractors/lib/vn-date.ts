/**
 * Dates as Vietnamese documents write them. All parsers take text that is already folded or not:
 * they accept "ngày 11 tháng 01 năm 2024" and "ngay 11 thang 01 nam 2024" alike.
 */

/** A calendar date as ISO "YYYY-MM-DD", or null when the parts do not make a real date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days in a month (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a month as ISO. */
export function endOfMonth(year: number, month: number): string | null {
  return isoDate(year, month, daysInMonth(year, month));
}

/** The last day of quarter `q` (1–4) as ISO: "Quý II năm 2024" → 2024-06-30. */
export function endOfQuarter(year: number, q: number): string | null {
  return q >= 1 && q <= 4 ? endOfMonth(year, q * 3) : null;
}

/** A two-digit year in a short date ("25/03/20") → 2020; four digits stay. */
export function expandYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

const D = String.raw`(\d{1,2})`;
const Y = String.raw`(\d{4}|\d{2})`;
const DIACRITIC_FREE = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d");

/** "ngày 11 tháng 01 năm 2024" (year optional), tolerant of folding and extra spaces. */
const LONG_DATE = new RegExp(String.raw`ngay\s+${D}\s+thang\s+${D}(?:\s+nam\s+(\d{4}))?`, "i");
/** "02/11/2022", "2-11-2022", "02.11.2022", or "30/3" without year. */
const SHORT_DATE = new RegExp(String.raw`(?<!\d)${D}\s*[/.-]\s*${D}(?:\s*[/.-]\s*${Y})?(?!\d)`);

/**
 * Parses the first date in `text`. `defaultYear` fills a date written without a year (a date
 * without a year takes the document's year). Returns null when no real date is found.
 */
export function parseVnDate(text: string, defaultYear?: number | null): string | null {
  const t = DIACRITIC_FREE(text);
  const long = LONG_DATE.exec(t);
  const short = SHORT_DATE.exec(t);
  const first = long && (!short || long.index <= short.index) ? long : short;
  if (!first) return null;
  const day = Number(first[1]);
  const month = Number(first[2]);
  const year = first[3] ? expandYear(first[3]) : defaultYear;
  if (year == null) return null;
  return isoDate(year, month, day);
}
