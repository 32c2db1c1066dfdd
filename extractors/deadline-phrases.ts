import type { DeadlineKind } from "../schemas/index.js";
import { endOfMonth, endOfQuarter, expandYear, isoDate } from "./lib/vn-date.js";

/**
 * The deadline phrases Vietnamese plans write, as folded-text matchers in priority order (data for
 * deadline-parse.ts). Each names its kind, where it may stand, and how its last allowed day follows.
 */

/** Where a phrase sits: a deadline slot or table cell ("slot"), or running prose ("inline"). */
export type DeadlineMode = "slot" | "inline";

// A date after its trigger words: long form "15 tháng 12 (năm 2022)" or short "15/12(/2022)".
const DATE_BODY = String.raw`(?:(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam|[/,.-])\s*(\d{4}))?|(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?)(?![\d/])`;
const QUARTER_NUMERAL = "(?:iv|i{1,3}|[1-4])(?![a-z0-9])";
const AND_NEXT_YEARS = String.raw`(?:\s*,?\s*va\s+(?:cac|nhung)\s+nam\s+tiep\s+theo|\s*,?\s*va\s+hang\s+nam)?`;
/** A time of day before the date: "trước 17 giờ 00 ngày 20/12", "chậm nhất 16h30, ngày …". */
const TIME_OF_DAY = String.raw`\d{1,2}\s*(?:gio|h)(?:\s*\d{2}(?:\s*phut|')?)?\s*,?\s*`;
/** A month with an optional year: "6/2024", "6 năm 2024", "6". Groups: month, year. */
const MONTH_YEAR = String.raw`(\d{1,2})(?:\s*(?:[/.-]|nam)\s*((?:19|20)\d{2}))?`;
/** The rest of a clause: up to a full stop, a semicolon, a bracket or a list dash, at most 160 characters. */
const CLAUSE = String.raw`(?:(?!\s-\s)[^.;()]){0,160}`;

/** One phrase pattern: its kind, where it counts, and the last allowed day it gives. */
export interface Matcher {
  kind: DeadlineKind;
  re: RegExp;
  modes: readonly DeadlineMode[];
  date: (m: RegExpExecArray, year: number | null) => string | null;
  weak?: boolean;
}

/** Reads the date groups of {@link DATE_BODY} starting at group `g`. */
function dateFrom(m: RegExpExecArray, g: number, year: number | null): string | null {
  const long = m[g] !== undefined;
  const day = Number(long ? m[g] : m[g + 3]);
  const month = Number(long ? m[g + 1] : m[g + 4]);
  const y = long ? m[g + 2] : m[g + 5];
  const fullYear = y ? expandYear(y) : year;
  return fullYear == null ? null : isoDate(fullYear, month, day);
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Matchers in priority order: an earlier one's span is never re-read by a later one. */
export const MATCHERS: readonly Matcher[] = [
  {
    // "từ ngày 10 đến ngày 15 tháng 12", "từ ngày 01/01/2024 đến ngày 30/6/2024": the end date.
    kind: "window",
    modes: ["slot"],
    re: new RegExp(
      String.raw`tu\s+(?:ngay\s+)?\d{1,2}(?:\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?|\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?)?\s*(?:den|toi|-)\s*(?:het\s+)?(?:ngay\s+)?${DATE_BODY}`,
      "g",
    ),
    date: (m, y) => dateFrom(m, 1, y),
  },
  {
    // "Từ tháng 4 đến tháng 6/2024", "từ tháng 3 đến hết tháng 5 năm 2025", "Tháng 4 - 6/2024": the
    // last month's last day (a year written once, at the end, holds for both months).
    kind: "window",
    modes: ["slot"],
    re: new RegExp(
      String.raw`(?:tu\s+)?thang\s+${MONTH_YEAR}\s*(?:den|toi|-)\s*(?:het\s+)?(?:thang\s+)?${MONTH_YEAR}(?![\d/])`,
      "g",
    ),
    date: (m, y) => {
      const year = m[4] ? Number(m[4]) : m[2] ? Number(m[2]) : y;
      return year == null ? null : endOfMonth(year, Number(m[3]));
    },
  },
  {
    // "chậm nhất trước ngày 01/11/2025", "trước ngày 30/3", "trước 03/01/2025", "hạn chót: 15/6".
    kind: "by_date",
    modes: ["slot", "inline"],
    re: new RegExp(
      String.raw`(?:(?:cham\s+nhat|han\s+chot|han\s+cuoi)\s*:?\s*(?:(?:la|vao|den|truoc)\s+)?(?:${TIME_OF_DAY}ngay\s+|ngay\s+)?|truoc\s+(?:${TIME_OF_DAY}ngay\s+|ngay\s+)?)${DATE_BODY}`,
      "g",
    ),
    date: (m, y) => dateFrom(m, 1, y),
  },
  {
    // In a deadline slot, "đến ngày 30/6/2024" also closes the time allowed.
    kind: "by_date",
    modes: ["slot"],
    re: new RegExp(String.raw`(?:den|toi)\s+(?:het\s+)?ngay\s+${DATE_BODY}`, "g"),
    date: (m, y) => dateFrom(m, 1, y),
  },
  {
    // "chậm nhất 15 ngày làm việc sau …", "trong thời hạn 05 ngày kể từ …".
    kind: "relative",
    modes: ["slot", "inline"],
    re: new RegExp(
      String.raw`(?:(?:cham\s+nhat|trong\s+vong|trong\s+thoi\s+han|sau)\s+\d{1,3}\s+(?:ngay(?:\s+lam\s+viec)?|tuan|thang)|trong\s+\d{1,3}\s+ngay(?:\s+lam\s+viec)?)(?:\s+(?:ke\s+tu|tinh\s+tu|sau|truoc|tu)\b${CLAUSE})?`,
      "g",
    ),
    date: () => null,
  },
  {
    // "Từ 01/7/2025": a start, not an end.
    kind: "period",
    modes: ["slot"],
    re: new RegExp(String.raw`^[\s*_-]*tu\s+(?:ngay\s+)?${DATE_BODY}`, "g"),
    date: () => null,
  },
  {
    // "ngày 15 tháng 12 năm 2022", "15/12/2022" on its own in a deadline slot.
    kind: "on_date",
    modes: ["slot"],
    re: new RegExp(String.raw`(?:(?:vao|trong)\s+)?(?:ngay\s+)?${DATE_BODY}`, "g"),
    date: (m, y) => dateFrom(m, 1, y),
  },
  {
    // A slot or time cell giving a month in figures only, "6/2024", "06/2024": the month's last day.
    kind: "month",
    modes: ["slot"],
    re: /(?<!(?:thang|quy)\s*)(?<![\d/.-])(\d{1,2})\s*\/\s*((?:19|20)\d{2})(?![\d/])/g,
    date: (m) => endOfMonth(Number(m[2]), Number(m[1])),
  },
  {
    // A slot or time cell holding only a year or a span of years, "2024", "2024 - 2025": its end.
    kind: "period",
    modes: ["slot"],
    re: /^[\s*_-]*((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?(?=[\s.;]*$)/g,
    date: (m) => endOfMonth(Number(m[2] ?? m[1]), 12),
  },
  {
    // "Tháng 12/2025", "trong tháng 12 năm 2025", "xong trong tháng 12/2025": the month's last day.
    kind: "month",
    modes: ["slot", "inline"],
    // A list of months gives the last one, the year written once at its end: "Tháng 6 và tháng 12 năm 2024".
    re: /(?:(?:trong|truoc|cuoi|het)\s+)?thang\s+(\d{1,2})((?:\s*(?:,|va)\s*(?:thang\s+)?\d{1,2}(?![\d/]))*)(?:\s*(?:[/.-]|nam)\s*(\d{4}))?(?![\d/])/g,
    date: (m, y) => {
      const year = m[3] ? Number(m[3]) : y;
      const months = [m[1], ...(m[2]?.match(/\d{1,2}/g) ?? [])].map(Number);
      return year == null ? null : endOfMonth(year, Math.max(...months));
    },
  },
  {
    // "Quý II, III năm 2024" (the last quarter named), "Quý IV năm 2025 và các năm tiếp theo".
    kind: "quarter",
    modes: ["slot", "inline"],
    re: new RegExp(
      String.raw`(?:trong\s+)?quy\s+(${QUARTER_NUMERAL}(?:\s*(?:,|va|-|den)\s*(?:quy\s+)?${QUARTER_NUMERAL})*)(?:\s*(?:nam|[/,-])\s*(\d{4}))?${AND_NEXT_YEARS}`,
      "g",
    ),
    date: (m, y) => {
      const year = m[2] ? Number(m[2]) : y;
      const numerals = (m[1] ?? "").match(/iv|i{1,3}|[1-4]/g) ?? [];
      const last = Math.max(...numerals.map((n) => ROMAN[n] ?? Number(n)));
      return year == null || !Number.isFinite(last) ? null : endOfQuarter(year, last);
    },
  },
  {
    // "Năm 2023-2025", "giai đoạn 2026 - 2030 và những năm tiếp theo": the last year's end.
    kind: "period",
    modes: ["slot", "inline"],
    re: new RegExp(
      String.raw`(?:trong\s+)?(?:cac\s+)?(?:giai\s+doan|nam)\s+((?:19|20)\d{2})\s*(?:-|den|toi)\s*(?:nam\s+)?((?:19|20)\d{2})${AND_NEXT_YEARS}`,
      "g",
    ),
    date: (m) => endOfMonth(Number(m[2]), 12),
  },
  {
    // "6 tháng đầu năm 2024" (its last day when the year is written), "9 tháng", "6 tháng cuối năm".
    kind: "period",
    modes: ["slot"],
    re: /(\d{1,2})\s+thang(?:\s+(dau|cuoi))?(?:\s+nam)?(?:\s+((?:19|20)\d{2}))?(?![\d/])/g,
    date: (m) => {
      const n = Number(m[1]);
      if (!m[3] || n < 1 || n > 12) return null;
      return m[2] === "cuoi" ? endOfMonth(Number(m[3]), 12) : endOfMonth(Number(m[3]), n);
    },
  },
  {
    // "Đầu năm 2025", "giữa năm 2024": a part of the year with no day that follows from it.
    kind: "period",
    modes: ["slot", "inline"],
    re: /(?:(?:trong|vao)\s+)?(?:dau|giua)\s+nam\s+(?:19|20)\d{2}(?![\d/])/g,
    date: () => null,
  },
  {
    // "Năm 2025", "trong năm 2023", "Năm 2024 và các năm tiếp theo", "cuối năm 2024".
    kind: "period",
    modes: ["slot", "inline"],
    re: new RegExp(
      String.raw`(?:(?:trong|ca|cuoi|het)\s+)?nam\s+((?:19|20)\d{2})(?![\d/])${AND_NEXT_YEARS}`,
      "g",
    ),
    date: (m) => endOfMonth(Number(m[1]), 12),
  },
  {
    // "Trong năm học", "1 năm", "01 năm", "cả năm": report or work periods without a day.
    kind: "period",
    modes: ["slot"],
    re: /(?:trong\s+)?nam\s+hoc(?:\s+\d{4}\s*-\s*\d{4})?|(?<![a-z])(?:\d{1,2}|mot)\s+nam(?!\s*\d)(?!\s+hoc)|ca\s+nam(?!\s*\d)/g,
    date: () => null,
  },
  {
    // "hàng tháng", "hằng năm", "hàng quý", "định kỳ 6 tháng".
    kind: "recurring",
    modes: ["slot"],
    re: /(?:hang|moi)\s+(?:nam|thang|quy|tuan|ngay)(?![a-z])|dinh\s+ky(?:\s+(?:\d{1,2}\s+)?(?:thang|nam|quy|tuan))?/g,
    date: () => null,
  },
  {
    // "Thường xuyên", "liên tục", "suốt nhiệm kỳ".
    kind: "continuous",
    modes: ["slot"],
    re: /thuong\s+xuyen|lien\s+tuc|suot\s+(?:nam|nhiem\s+ky)/g,
    date: () => null,
  },
  {
    // "Khi có cuộc bầu cử …", "Sau khi Nghị định … được ban hành", "Trước và trong quá trình bầu cử".
    kind: "event",
    modes: ["slot"],
    re: new RegExp(
      // A bare "khi" only opens the value or a list item: folded, "không khí" (air) reads "khi".
      String.raw`(?<![a-z])(?:ngay\s+sau\s+khi|sau\s+khi|truoc\s+khi|(?<=^[\s*_+•-]*|[;:]\s*|\s-\s*)khi|truoc\s+va\s+trong|trong\s+qua\s+trinh|theo\s+tien\s+do|dot\s+xuat)(?![a-z])${CLAUSE}`,

      "g",
    ),
    date: () => null,
  },
  {
    // "Theo kế hoạch …", "theo yêu cầu …": tied to something else; weaker than any other reading.
    kind: "event",
    modes: ["slot"],
    weak: true,
    re: new RegExp(String.raw`theo\s+(?:ke\s+hoach|yeu\s+cau|chi\s+dao|lich|quy\s+dinh)${CLAUSE}`, "g"),
    date: () => null,
  },
];
