/**
 * What the reviewer reads: Vietnamese labels for every code in scores.json, and numbers and dates
 * the way Vietnamese offices write them ("89,50", "01/11/2025").
 */
import type { Classification, FlagKind, Severity, UnitLevel } from "../../schemas/index.js";
import { CLASS_LABELS, FLAG_KIND_LABELS, vnScore } from "../scoring/format.js";
import { fold } from "../text/fold.js";

export { CLASS_LABELS, FLAG_KIND_LABELS, vnScore };

/** One sentence per kind, for the "how to read" section. */
export const FLAG_KIND_HELP: Readonly<Record<FlagKind, string>> = {
  arithmetic:
    "Các con số khai không cộng trừ đúng: điểm thẩm định khác thang điểm trừ tổng điểm bị trừ, hoặc điểm thẩm định trừ điểm trừ thêm khác tổng điểm.",
  classification:
    "Xếp loại không khớp với điểm theo ngưỡng của bộ tiêu chí, hoặc đơn vị điểm thấp hơn lại được xếp loại cao hơn đơn vị khác trong cùng bảng.",
  discipline_cap:
    "Văn bản của đơn vị nêu lãnh đạo bị kỷ luật mà bộ tiêu chí hạ bậc xếp loại (hoặc xếp Không hoàn thành) vì thế, nhưng xếp loại khai cao hơn mức trần đó.",
  self_gap: "Điểm tự chấm cao hơn điểm thẩm định từ mức ngưỡng trở lên.",
  rank: "Thứ hạng trái với điểm của các đơn vị khác trong cùng bảng (đơn vị điểm thấp hơn xếp trên).",
  over_max: "Số điểm bị trừ vượt quá điểm tối đa của tiêu chí hoặc mức trần của bộ tiêu chí.",
  remediation:
    "Tiêu chí bị trừ điểm năm trước nhưng kế hoạch năm nay không giao ai chủ trì hoặc không đặt thời hạn khắc phục.",
  past_deadline: "Thời hạn ghi trong kế hoạch đã qua ngay tại ngày ban hành kế hoạch.",
};

/** Severities, most serious first. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: "Lỗi",
  warning: "Cảnh báo",
  info: "Lưu ý",
};

/** The order severities are shown in. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** The order flag kinds are listed in (as the contract lists them). */
export const FLAG_KINDS: readonly FlagKind[] = [
  "arithmetic",
  "classification",
  "discipline_cap",
  "self_gap",
  "rank",
  "over_max",
  "remediation",
  "past_deadline",
];

/** Administrative levels. */
export const LEVEL_LABELS: Readonly<Record<UnitLevel, string>> = {
  tinh: "Tỉnh",
  thanh_pho: "Thành phố",
  huyen: "Huyện",
  quan: "Quận",
  thi_xa: "Thị xã",
  xa: "Xã",
  phuong: "Phường",
  thi_tran: "Thị trấn",
};

/** Best class first (index used as the sort value: a lower number is a better class). */
export const CLASS_RANK: Readonly<Record<Classification, number>> = {
  HOAN_THANH_XUAT_SAC: 1,
  HOAN_THANH_TOT: 2,
  HOAN_THANH: 3,
  KHONG_HOAN_THANH: 4,
};

/** What a quoted span is, by the fact list it was read from. */
export const FACT_LABELS: Readonly<Record<string, string>> = {
  declaredScores: "Điểm khai",
  deductions: "Điểm bị trừ",
  tasks: "Nhiệm vụ",
  deadlines: "Thời hạn",
  issuedOn: "Ngày ban hành",
  references: "Văn bản căn cứ",
  criteria: "Tiêu chí",
  discipline: "Kỷ luật",
};

/** A score with two decimals and a decimal comma; "—" when unknown. */
export function scoreOrDash(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : vnScore(value);
}

/** "2025-11-01" → "01/11/2025"; other strings are returned unchanged. */
export function vnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Vietnam has one time zone, UTC+7, without daylight saving. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The moment as "22/11/2026 lúc 12:29 (giờ Việt Nam)". */
export function vnDateTime(moment: Date): string {
  const t = new Date(moment.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ` +
    `lúc ${two(t.getUTCHours())}:${two(t.getUTCMinutes())} (giờ Việt Nam)`
  );
}

/**
 * The search key of a name: diacritics and case folded, punctuation as spaces ("Nghĩa Kỳ" →
 * "nghia ky"). The report's filter folds what the reviewer types the same way.
 */
export function searchKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
