/**
 * How the scoring stage writes numbers and classes for Vietnamese reviewers: decimal commas
 * ("83,50"), two decimals for scores (documents write them so), the classes as documents word them.
 */
import type { Classification, DisciplineForm, DisciplineSubject, FlagKind } from "../../schemas/index.js";

/** Integer hundredths: scores have at most two decimals, so all arithmetic is exact in cents. */
export function cents(value: number): number {
  return Math.round(value * 100);
}

/** Back from hundredths to a JSON number (8950 → 89.5). */
export function fromCents(value: number): number {
  return value / 100;
}

/** Two values equal once rounded to 0,01 (the precision documents write scores with). */
export function sameScore(a: number, b: number): boolean {
  return cents(a) === cents(b);
}

/** "89,50": two decimals, decimal comma. */
export function vnScore(value: number): string {
  const c = cents(value);
  const sign = c < 0 ? "-" : "";
  const abs = Math.abs(c);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/** "100" for a whole number, else like {@link vnScore} ("0,50"): used for scales and caps. */
export function vnPoints(value: number): string {
  return cents(value) % 100 === 0 ? String(cents(value) / 100) : vnScore(value);
}

/** The classes as results decisions word them. */
export const CLASS_LABELS: Readonly<Record<Classification, string>> = {
  HOAN_THANH_XUAT_SAC: "Hoàn thành xuất sắc nhiệm vụ",
  HOAN_THANH_TOT: "Hoàn thành tốt nhiệm vụ",
  HOAN_THANH: "Hoàn thành nhiệm vụ",
  KHONG_HOAN_THANH: "Không hoàn thành nhiệm vụ",
};

/** Flag kinds as a reviewer names the problem (the report's badges and the CSV's messages). */
export const FLAG_KIND_LABELS: Readonly<Record<FlagKind, string>> = {
  arithmetic: "Sai số học",
  classification: "Xếp loại mâu thuẫn",
  discipline_cap: "Xếp loại vượt mức trần do kỷ luật",
  self_gap: "Tự chấm cao hơn nhiều",
  rank: "Thứ hạng mâu thuẫn",
  over_max: "Trừ quá mức tối đa",
  remediation: "Chưa có biện pháp khắc phục",
  past_deadline: "Hạn đã qua",
};

/** Who was disciplined, as the rubrics word it. */
export const DISCIPLINE_SUBJECT_LABELS: Readonly<Record<DisciplineSubject, string>> = {
  leader: "lãnh đạo (người đứng đầu hoặc cấp phó)",
  official: "cán bộ, công chức, viên chức",
  party_member: "đảng viên",
};

/** Forms of discipline as decisions word them. */
export const DISCIPLINE_FORM_LABELS: Readonly<Record<DisciplineForm, string>> = {
  khien_trach: "khiển trách",
  canh_cao: "cảnh cáo",
  ha_bac_luong: "hạ bậc lương",
  giang_chuc: "giáng chức",
  cach_chuc: "cách chức",
  bai_nhiem: "bãi nhiệm",
  buoc_thoi_viec: "buộc thôi việc",
  khai_tru: "khai trừ",
};

/** Best first: a lower index is a better class. */
export const CLASS_ORDER: readonly Classification[] = [
  "HOAN_THANH_XUAT_SAC",
  "HOAN_THANH_TOT",
  "HOAN_THANH",
  "KHONG_HOAN_THANH",
];

/** Negative when `a` is a better class than `b`. */
export function compareClass(a: Classification, b: Classification): number {
  return CLASS_ORDER.indexOf(a) - CLASS_ORDER.indexOf(b);
}

const collator = new Intl.Collator("vi");

/** Vietnamese alphabetical order ("Đ" after "D"); one shared collator, as creating one per call is slow. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
