/**
 * Spellings of the same role that the evaluation treats as one (data, not code). Each pair maps a
 * folded word key (see `wordKey`) to the folded canonical words. Only abbreviations and synonyms
 * that the domain brief names belong here: the extractors are expected to write canonical names,
 * the evaluation merely forgives the common short forms. Longer keys come first (applied in order).
 */
export const ROLE_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ["vp tk", "van phong thong ke"],
  ["dc xd dt mt", "dia chinh xay dung do thi va moi truong"],
  ["dc xd", "dia chinh xay dung"],
  ["vh xh", "van hoa xa hoi"],
  ["vhxh", "van hoa xa hoi"],
  ["tc kt", "tai chinh ke toan"],
  ["tp ht", "tu phap ho tich"],
  ["ld tb xh", "lao dong thuong binh va xa hoi"],
  ["ldtbxh", "lao dong thuong binh va xa hoi"],
  // The Fatherland Front: its committee, the front, and their abbreviations are one body at commune level.
  ["uy ban mat tran to quoc viet nam", "mttq"],
  ["uy ban mat tran to quoc", "mttq"],
  ["mat tran to quoc viet nam", "mttq"],
  ["mat tran to quoc", "mttq"],
  ["uy ban mttq viet nam", "mttq"],
  ["uy ban mttq", "mttq"],
  ["ub mttq", "mttq"],
  ["ubmttq", "mttq"],
  ["mttq viet nam", "mttq"],
  ["mat tran", "mttq"],
  // A commune's trade union and youth union are its grassroots ("cơ sở") ones.
  ["cong doan co so", "cong doan"],
  ["doan thanh nien co so", "doan thanh nien"],
  ["uy ban nhan dan", "ubnd"],
  ["bo phan tiep nhan va tra ket qua", "bo phan mot cua"],
  ["khoi dan van", "khoi van"],
];

/** Leading words that say what kind of person or body follows, not which one ("Công chức", "Các"). */
export const ROLE_LEADING_NOISE: ReadonlyArray<string> = [
  "giao",
  "va",
  "de nghi",
  "cac",
  "cong chuc",
  "can bo",
  "nganh",
];

/**
 * Trailing locality words ("… thị trấn", "… UBND phường") that the same role may carry or not; "cấp xã"
 * and "các xã" are kept (they say which bodies, not where).
 */
export const ROLE_TRAILING_LOCALITY =
  /(?<!\b(?:cap|cac))(?:\s(?:cua|thuoc))?(?:\s(?:ubnd))?\s(?:thi tran|thi xa|xa|phuong)$/;
