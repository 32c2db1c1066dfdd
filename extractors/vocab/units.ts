/**
 * Administrative units as documents name them: the issuing bodies of a header ("ỦY BAN NHÂN DÂN",
 * "UBND"), the level words before a unit's name ("THỊ TRẤN BA TƠ", "phường Phổ Minh") and the
 * words that end a name. Data only; `folded` keys follow pipeline/text/fold.ts.
 */
import type { UnitLevel } from "../../schemas/index.js";

/**
 * Level words, longest first so "thị trấn" wins over a bare "xã"-like prefix and "thành phố" over
 * "tp". `word` is the canonical lower-case spelling used in issuer names ("UBND thị trấn Ba Tơ").
 * A "thành phố" may be a province-level city (Cần Thơ) or a district-level one: both are
 * `thanh_pho`, as the contract has one value for them.
 */
export const UNIT_LEVELS: ReadonlyArray<{ folded: string; level: UnitLevel; word: string }> = [
  { folded: "thanh pho", level: "thanh_pho", word: "thành phố" },
  { folded: "thi tran", level: "thi_tran", word: "thị trấn" },
  { folded: "thi xa", level: "thi_xa", word: "thị xã" },
  { folded: "tinh", level: "tinh", word: "tỉnh" },
  { folded: "huyen", level: "huyen", word: "huyện" },
  { folded: "quan", level: "quan", word: "quận" },
  { folded: "phuong", level: "phuong", word: "phường" },
  { folded: "xa", level: "xa", word: "xã" },
  { folded: "tp.", level: "thanh_pho", word: "thành phố" },
  { folded: "tp", level: "thanh_pho", word: "thành phố" },
];

/**
 * Issuing bodies named in a header, folded, with the abbreviation used in canonical issuer names
 * ("UBND thị trấn Ba Tơ", "HĐND xã Ba Vì").
 */
export const ISSUING_BODIES: ReadonlyArray<{ folded: string; short: string }> = [
  { folded: "uy ban nhan dan", short: "UBND" },
  { folded: "ubnd", short: "UBND" },
  { folded: "hoi dong nhan dan", short: "HĐND" },
  { folded: "hdnd", short: "HĐND" },
];

/**
 * Agencies that issue documents under a parent body's name ("UBND HUYỆN BA TƠ / PHÒNG NỘI VỤ", "UBND
 * TỈNH QUẢNG NGÃI / SỞ NỘI VỤ"): the word(s) that open the agency's line, folded, with their
 * canonical spelling. Longest first ("văn phòng" before "phòng").
 */
export const AGENCY_TYPES: ReadonlyArray<{ folded: string; word: string }> = [
  { folded: "van phong", word: "Văn phòng" },
  { folded: "thanh tra", word: "Thanh tra" },
  { folded: "chi cuc", word: "Chi cục" },
  { folded: "trung tam", word: "Trung tâm" },
  { folded: "ban quan ly", word: "Ban Quản lý" },
  { folded: "phong", word: "Phòng" },
  { folded: "so", word: "Sở" },
  { folded: "ban", word: "Ban" },
];

/** Abbreviations kept in capitals inside an agency's name ("Văn phòng HĐND và UBND", "Phòng GD&ĐT"). */
export const AGENCY_ACRONYMS: ReadonlySet<string> = new Set([
  "HĐND",
  "UBND",
  "MTTQ",
  "LĐTBXH",
  "TN&MT",
  "GD&ĐT",
]);

/**
 * The national motto that sits in the header's right column and comes out of PDFs interleaved
 * with the issuer ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / THỊ XÃ ĐỨC PHỐ …"). Its
 * "XÃ" must never be read as a level word. Folded, spaces optional (PDF layers drop them).
 */
export const MOTTO_WORDS: readonly string[] = [
  "cong hoa xa hoi chu nghia viet nam",
  "doc lap",
  "tu do",
  "hanh phuc",
];

/**
 * Capitalised words that begin the next phrase, never a place name: "của UBND tỉnh Quảng Ngãi Thực
 * hiện quy chế …" ends the name before "Thực". Compared with the real (unfolded) word, because
 * "Năm" ends a name and "Nam" (Quảng Nam) does not.
 */
export const NAME_STOP_WORDS: ReadonlySet<string> = new Set([
  "Thực",
  "Về",
  "Năm",
  "Và",
  "Của",
  "Theo",
  "Trong",
  "Tại",
  "Kế",
  "Quyết",
  "Nghị",
  "Chỉ",
  "Báo",
  "Hướng",
  "Căn",
  "Kính",
  "Xây",
  "Triển",
  "Để",
  "Nhằm",
  "Giai",
  "Đến",
  "Từ",
  "Đã",
  "Được",
  "Số",
  "Ngày",
  "Tháng",
  "V/v",
  "UBND",
  "HĐND",
  "MTTQ",
  "CỘNG",
  "ĐỘC",
  "SỐ",
  "NGÀY",
  "KẾ",
  "QUYẾT",
  "BÁO",
  "THÔNG",
  "CÔNG",
]);

/** At most this many words in a unit's name ("Bà Rịa - Vũng Tàu" counts the dash as a joiner). */
export const MAX_NAME_WORDS = 4;
