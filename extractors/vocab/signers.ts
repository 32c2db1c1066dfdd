/**
 * The signature block of an official document (Nghị định 30/2020/NĐ-CP, Điều 8): a signing
 * capacity ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH"), the signer's position in
 * capitals ("PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG") and the name. Data only; `folded` keys follow
 * pipeline/text/fold.ts.
 */
import type { Signer } from "../../schemas/index.js";

/** Signing capacities: TM = thay mặt, KT = ký thay, TL = thừa lệnh, TUQ = thừa ủy quyền, Q = quyền. */
export type Capacity = NonNullable<Signer["capacity"]>;

/** Capacity markers, folded (the dot follows in the text: "KT."), longest first. */
export const CAPACITIES: ReadonlyArray<{ folded: string; capacity: Capacity }> = [
  { folded: "tuq", capacity: "TUQ" },
  { folded: "tm", capacity: "TM" },
  { folded: "kt", capacity: "KT" },
  { folded: "tl", capacity: "TL" },
  { folded: "q", capacity: "Q" },
];

/**
 * Capacity markers as Party documents write them (Hướng dẫn 36-HD/VPTW): a slash inside, no dot
 * after ("T/M ĐẢNG ỦY", "K/T TRƯỞNG BAN", "T/L BAN THƯỜNG VỤ", "T/UQ"). Folded; the marker without
 * its slash is the state one ("t/m" → "tm").
 */
export const PARTY_CAPACITY_MARKS: readonly string[] = ["t/uq", "t/m", "k/t", "t/l"];

/**
 * Positions a signer holds, folded, longest first ("phó chủ tịch" before "chủ tịch"). They count
 * only when written in capitals, as the signature block writes them.
 */
export const POSITIONS: readonly string[] = [
  "pho chanh van phong",
  "chanh van phong",
  "pho chu tich",
  "chu tich",
  "pho giam doc",
  "giam doc",
  "pho truong phong",
  "truong phong",
  "pho truong ban",
  "truong ban",
  "pho bi thu",
  "bi thu",
  "pho chanh thanh tra",
  "chanh thanh tra",
  "pho chu nhiem",
  "chu nhiem",
  "thu truong",
  "bo truong",
  "thu tuong",
  "pho thu tuong",
];

/** Bodies a "TM." (on behalf of) names, folded. */
export const SIGNING_BODIES: readonly string[] = [
  "uy ban nhan dan",
  "ubnd",
  "hoi dong nhan dan",
  "thuong truc hoi dong nhan dan",
  "ban chi dao",
  "ban thuong vu",
  "ban thuong truc",
  "uy ban mat tran to quoc",
  "uy ban mttq",
  "dang uy",
  "chinh phu",
  "ban chap hanh",
  // Party committees, boards and cells ("T/M BAN THƯỜNG VỤ", "T/M CHI BỘ", "T/M BAN DÂN VẬN").
  "tinh uy",
  "thanh uy",
  "huyen uy",
  "quan uy",
  "thi uy",
  "chi bo",
  "chi uy",
  "dang bo",
  "ban dan van",
  "ban tuyen giao",
  "ban to chuc",
  "uy ban kiem tra",
  "ban xay dung dang",
];

/** Lines between the position and the name that are not the name ("(Đã ký)", "Ký bởi: …"), folded prefixes. */
export const SIGNATURE_NOISE: readonly string[] = [
  "(da ky",
  "da ky",
  "ky boi",
  "(ky",
  "[da ky",
  "thoi gian ky",
  "(ky ten",
];

/**
 * Common Vietnamese family names, NFC: a name found without a position ("… Lưu: VT. / Đặng Văn
 * Minh") is accepted only when it starts with one, so a stray capitalised line is not taken for a signer.
 */
export const SURNAMES: ReadonlySet<string> = new Set([
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Đinh",
  "Đoàn",
  "Trương",
  "Lương",
  "Mai",
  "Cao",
  "Lâm",
  "Tô",
  "Tạ",
  "Hà",
  "Chu",
  "Đào",
  "Lưu",
  "Thái",
  "Văn",
  "Quách",
  "Triệu",
  "Kiều",
  "La",
  "Châu",
  "Tăng",
  "Phùng",
  "Lục",
  "Nông",
  "Hứa",
  "Từ",
  "Đàm",
  "Khổng",
  "Thân",
  "Giang",
  "Lại",
  "Vương",
  "Tống",
  "Trịnh",
  "Doãn",
  "Mạc",
  "Âu",
  "Lò",
  "Cầm",
  "Y",
  "H'",
]);
