/**
 * `<out>/scores.csv`: one row per unit-year, mismatches first, for reviewers who work in Excel.
 *
 * Encoding: UTF-8 with a BOM (without it Excel reads Vietnamese as Windows-1252 mojibake); CRLF
 * line ends and RFC 4180 quoting. Dialect: Excel splits a CSV on the list separator of the
 * computer's regional settings, and a Vietnamese locale (vi-VN) uses ";" as list separator and ","
 * as decimal mark. So the default `vi` dialect writes ";" between cells and "89,50" for numbers:
 * Excel in vi-VN shows columns and real numbers. An English-locale Excel would put each row in one
 * cell; the `rfc` dialect (",", "89.50") is for those machines and for scripts. A "sep=;" line
 * would force the separator everywhere but makes Excel ignore the BOM, so it is not used.
 * Ranks are two separate integer columns ("12" and "19", never "12/19", which Excel turns into a
 * date). Text cells that start with = + - @ get a leading apostrophe so Excel never runs a formula
 * copied out of a document.
 */
import type { ScoreFlag, Scores, ScoreUnit, UnitLevel } from "../../schemas/index.js";
import { CLASS_LABELS, compareVi, FLAG_KIND_LABELS, vnScore } from "./format.js";

/** `vi`: ";" and decimal commas (Excel in a Vietnamese locale); `rfc`: "," and decimal points. */
export type CsvDialect = "vi" | "rfc";

const LEVELS: Record<UnitLevel, string> = {
  tinh: "tỉnh",
  thanh_pho: "thành phố",
  huyen: "huyện",
  quan: "quận",
  thi_xa: "thị xã",
  xa: "xã",
  phuong: "phường",
  thi_tran: "thị trấn",
};

const HEADER = [
  "Đơn vị",
  "Cấp",
  "Năm đánh giá",
  "Bộ tiêu chí",
  "Điểm tự chấm",
  "Điểm thẩm định",
  "Điểm trừ",
  "Điểm thưởng",
  "Tổng điểm (khai)",
  "Điểm tính lại",
  "Cách tính lại",
  "Tổng điểm bị trừ theo tiêu chí",
  "Xếp loại (khai)",
  "Xếp loại (tính lại)",
  "Xếp hạng (khai)",
  "Trên tổng số",
  "Số lỗi",
  "Số cảnh báo",
  "Số thông tin",
  "Nội dung lỗi và cảnh báo",
  "Văn bản nguồn",
];

type Cell = { text: string } | { num: number | null; int?: boolean };

function cellText(c: Cell, dialect: CsvDialect): string {
  if ("text" in c) return /^[=+\-@\t\r]/.test(c.text) ? `'${c.text}` : c.text;
  if (c.num === null) return "";
  if (c.int) return String(c.num);
  return dialect === "vi" ? vnScore(c.num) : vnScore(c.num).replace(",", ".");
}

function quoteCell(value: string, sep: string): string {
  return value.includes(sep) || /["\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

const t = (text: string | null | undefined): Cell => ({ text: text ?? "" });
const n = (num: number | null | undefined): Cell => ({ num: num ?? null });
const i = (num: number | null | undefined): Cell => ({ num: num ?? null, int: true });

function rowOf(u: ScoreUnit, flags: readonly ScoreFlag[]): Cell[] {
  const d = u.declared;
  const c = u.computed;
  const messages = flags
    .filter((f) => f.key === u.key && f.year === u.year && f.severity !== "info")
    .map((f) => `${FLAG_KIND_LABELS[f.kind]}: ${f.message}`);
  return [
    t(u.unit),
    t(u.level ? LEVELS[u.level] : ""),
    i(u.year),
    t(u.rubric),
    n(d.selfAssessed),
    n(d.assessed),
    n(d.extraDeduction),
    n(d.bonus),
    n(d.final),
    n(c.score),
    t(
      c.basis === "deductions"
        ? "thang điểm − điểm trừ"
        : c.basis === "declared_assessed"
          ? "điểm thẩm định − điểm trừ"
          : "",
    ),
    n(c.deductionTotal),
    t(d.classification ? CLASS_LABELS[d.classification] : ""),
    t(c.classification ? CLASS_LABELS[c.classification] : ""),
    i(d.rank),
    i(d.rankOf),
    i(u.flagCounts.error),
    i(u.flagCounts.warning),
    i(u.flagCounts.info),
    t(messages.join(" | ")),
    t(u.sources.join(" | ")),
  ];
}

/** The CSV text (BOM included): errors first, then warnings, then the rest, by year and unit. */
export function scoresCsv(scores: Scores, dialect: CsvDialect = "vi"): string {
  const sep = dialect === "vi" ? ";" : ",";
  const units = [...scores.units].sort(
    (a, b) =>
      b.flagCounts.error - a.flagCounts.error ||
      b.flagCounts.warning - a.flagCounts.warning ||
      (a.year ?? 0) - (b.year ?? 0) ||
      compareVi(a.unit, b.unit),
  );
  const lines = [HEADER.map((h) => quoteCell(h, sep)).join(sep)];
  for (const u of units) {
    lines.push(
      rowOf(u, scores.flags)
        .map((c) => quoteCell(cellText(c, dialect), sep))
        .join(sep),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
