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

/**
 * The Party's motto, which stands in a Party document's header where a state document has
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (Quy định 66-QĐ/TW): written in capitals in the header, it
 * marks the document as a Party one, and it ends a name in an interleaved header. Folded.
 */
export const PARTY_MOTTO = "dang cong san viet nam";

/**
 * Party committees of a territorial Party organisation, folded, with the level they stand at and
 * their canonical spelling. "ĐẢNG ỦY" takes a level word after it ("ĐẢNG ỦY XÃ NGHĨA KỲ" → "Đảng
 * ủy xã Nghĩa Kỳ"); the others carry their level in their own name ("HUYỆN ỦY BA TƠ" → "Huyện ủy
 * Ba Tơ"). "ĐẢNG BỘ" is the Party organisation itself: the header's top line names the superior
 * one ("ĐẢNG BỘ TỈNH QUẢNG NGÃI"), never the issuer when a committee's line follows.
 */
export const PARTY_COMMITTEES: ReadonlyArray<{ folded: string; level: UnitLevel | null; word: string }> = [
  { folded: "dang uy", level: null, word: "Đảng ủy" },
  { folded: "dang bo", level: null, word: "Đảng bộ" },
  { folded: "tinh uy", level: "tinh", word: "Tỉnh ủy" },
  { folded: "thanh uy", level: "thanh_pho", word: "Thành ủy" },
  { folded: "huyen uy", level: "huyen", word: "Huyện ủy" },
  { folded: "quan uy", level: "quan", word: "Quận ủy" },
  { folded: "thi uy", level: "thi_xa", word: "Thị ủy" },
];

/**
 * Boards and offices of a Party committee, which issue under its name ("HUYỆN ỦY BA TƠ / BAN DÂN
 * VẬN", "ĐẢNG BỘ HUYỆN BA TƠ / BAN DÂN VẬN HUYỆN ỦY"), folded, longest first, with their canonical
 * spelling ("Ban Dân vận Huyện ủy Ba Tơ"). "BAN TUYÊN GIÁO VÀ DÂN VẬN" is the 2025 merger.
 */
export const PARTY_BODIES: ReadonlyArray<{ folded: string; word: string }> = [
  { folded: "ban tuyen giao va dan van", word: "Ban Tuyên giáo và Dân vận" },
  { folded: "ban xay dung dang", word: "Ban Xây dựng Đảng" },
  { folded: "uy ban kiem tra", word: "Ủy ban Kiểm tra" },
  { folded: "ban chap hanh", word: "Ban Chấp hành" },
  { folded: "ban thuong vu", word: "Ban Thường vụ" },
  { folded: "ban tuyen giao", word: "Ban Tuyên giáo" },
  { folded: "ban dan van", word: "Ban Dân vận" },
  { folded: "ban to chuc", word: "Ban Tổ chức" },
  { folded: "ban noi chinh", word: "Ban Nội chính" },
  { folded: "van phong", word: "Văn phòng" },
];

/** The basic Party cell ("CHI BỘ THÔN GIÁ VỰC"), folded, and its spelling in an issuer. */
export const PARTY_CELL = { folded: "chi bo", word: "Chi bộ" } as const;

/**
 * Places below a commune that name a Party cell ("CHI BỘ THÔN GIÁ VỰC" → "Chi bộ thôn Giá Vực"),
 * folded, longest first, with their lower-case spelling. ("bản" is left out: folded it is "ban", a board.)
 */
export const SETTLEMENT_WORDS: ReadonlyArray<{ folded: string; word: string }> = [
  { folded: "to dan pho", word: "tổ dân phố" },
  { folded: "khu pho", word: "khu phố" },
  { folded: "thon", word: "thôn" },
  { folded: "xom", word: "xóm" },
  { folded: "ap", word: "ấp" },
  { folded: "buon", word: "buôn" },
  { folded: "lang", word: "làng" },
  { folded: "khoi", word: "khối" },
];
