/**
 * Canonical names of the people, bodies and agencies that plans make responsible for tasks, with the
 * spellings documents use for them. Data only: extractors/role-match.ts compiles it.
 *
 * Alias notation (aliases are written folded: no diacritics, lower case, "đ" → "d"):
 * - a space matches any run of spaces, and also no space at all (OCR glues words: "vanphong");
 * - " - " matches a dash, a slash, "&" or just spaces ("Văn phòng – Thống kê", "Văn phòng - Thống
 *   kê", "Văn phòng Thống kê", "VP/TK" all match "van phong - thong ke"), never a comma: "kinh tế,
 *   văn hóa, xã hội" in running prose is no civil-servant title;
 * - "," matches a comma, a semicolon or nothing ("Văn hóa, Xã hội").
 * Longer aliases win over shorter ones that start at the same place.
 */

/** What kind of responsible party a role is. */
export type RoleKind =
  /** A commune civil-servant title (Nghị định 33/2023/NĐ-CP), or a commune leader. */
  | "title"
  /** A body inside the commune or a mass organisation (Bộ phận Một cửa, Khối vận, MTTQ, Công đoàn …). */
  | "body"
  /** A government agency above the commune (Sở …, Phòng …, Thanh tra tỉnh, UBND các xã …). */
  | "agency"
  /** A generic group ("cán bộ, công chức", "các sở, ngành"): a role in a slot, never counted in prose. */
  | "generic";

/** One canonical role and the folded spellings that name it. */
export interface RoleVocabEntry {
  name: string;
  kind: RoleKind;
  aliases: readonly string[];
}

/** The role vocabulary, canonical names in NFC with the modern tone placement. */
export const ROLE_VOCAB: readonly RoleVocabEntry[] = [
  // Commune civil-servant titles. "Công chức" is optional: "Văn phòng – Thống kê UBND phường".
  {
    name: "Công chức Văn phòng – Thống kê",
    kind: "title",
    aliases: ["van phong - thong ke", "vp - tk", "vptk", "cong chuc van phong"],
  },
  {
    name: "Công chức Tư pháp – Hộ tịch",
    kind: "title",
    aliases: ["tu phap - ho tich", "tp - ht", "cong chuc tu phap"],
  },
  {
    name: "Công chức Tài chính – Kế toán",
    kind: "title",
    aliases: ["tai chinh - ke toan", "tc - kt", "cong chuc tai chinh"],
  },
  {
    name: "Công chức Địa chính – Xây dựng – Đô thị và Môi trường",
    kind: "title",
    aliases: [
      "dia chinh - xay dung - do thi va moi truong",
      "dia chinh - xay dung - do thi - moi truong",
      "dc - xd - dt & mt",
      "dc - xd - dt - mt",
      "dc - xd - dtmt",
    ],
  },
  {
    name: "Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường",
    kind: "title",
    aliases: [
      "dia chinh - nong nghiep - xay dung va moi truong",
      "dia chinh - nong nghiep - xay dung - moi truong",
      "dc - nn - xd - mt",
      "dc - nn - xd & mt",
    ],
  },
  {
    name: "Công chức Địa chính – Xây dựng",
    kind: "title",
    aliases: ["dia chinh - xay dung", "dc - xd", "cong chuc dia chinh"],
  },
  {
    name: "Công chức Văn hóa – Xã hội",
    kind: "title",
    // Only with a prefix: "kinh tế - văn hóa - xã hội" is a common phrase in plans.
    aliases: [
      "cong chuc van hoa - xa hoi",
      "nganh van hoa - xa hoi",
      "bo phan van hoa - xa hoi",
      "vh - xh",
      "vhxh",
      "cong chuc van hoa",
    ],
  },
  {
    name: "Công chức Lao động – Thương binh và Xã hội",
    kind: "title",
    aliases: [
      "cong chuc lao dong - thuong binh va xa hoi",
      "cong chuc lao dong, thuong binh va xa hoi",
      "cong chuc ld - tb - xh",
      "cong chuc ldtbxh",
    ],
  },
  {
    name: "Chỉ huy trưởng Quân sự",
    kind: "title",
    aliases: [
      "chi huy truong ban chi huy quan su",
      "chi huy truong quan su",
      "ban chi huy quan su",
      "chi huy truong ban chqs",
      "cht ban chqs",
      "cht quan su",
      "ban chqs",
    ],
  },
  { name: "Trưởng Công an", kind: "title", aliases: ["truong cong an"] },
  { name: "Trưởng thôn", kind: "title", aliases: ["truong thon", "truong cac thon"] },
  {
    name: "Tổ trưởng tổ dân phố",
    kind: "title",
    aliases: [
      "to truong to dan pho",
      "to truong cac to dan pho",
      "to truong dan pho",
      "to truong tdp",
      "to truong cac tdp",
    ],
  },

  // Bodies inside the commune and mass organisations.
  {
    name: "Bộ phận Một cửa",
    kind: "body",
    aliases: [
      "bo phan mot cua",
      "bo phan tiep nhan va tra ket qua",
      "bo phan tiep nhan va tra ket qua thu tuc hanh chinh",
      "bo phan tn - tkq",
    ],
  },
  { name: "Bộ phận tiếp công dân", kind: "body", aliases: ["bo phan tiep cong dan"] },
  { name: "Khối vận", kind: "body", aliases: ["khoi van", "khoi dan van"] },
  {
    name: "Ủy ban MTTQ Việt Nam",
    kind: "body",
    aliases: [
      "uy ban mat tran to quoc viet nam",
      "uy ban mat tran to quoc",
      "uy ban mttq viet nam",
      "uy ban mttq",
      "ub mttq",
      "ubmttq",
      "mat tran to quoc viet nam",
      "mat tran to quoc",
      "mttq",
      // Commune documents say "Mặt trận và các đoàn thể" for the Front.
      "mat tran",
    ],
  },
  { name: "Công đoàn", kind: "body", aliases: ["cong doan co so", "cong doan"] },
  {
    name: "Đoàn Thanh niên",
    kind: "body",
    aliases: [
      "doan thanh nien cong san ho chi minh",
      "doan thanh nien",
      "doan tncs ho chi minh",
      "doan tncs hcm",
      "doan tncs",
      "doan tn",
    ],
  },
  {
    name: "Hội Liên hiệp Phụ nữ",
    kind: "body",
    aliases: ["hoi lien hiep phu nu", "hoi lhpn", "hoi phu nu"],
  },
  { name: "Hội Nông dân", kind: "body", aliases: ["hoi nong dan", "hoi nd"] },
  { name: "Hội Cựu chiến binh", kind: "body", aliases: ["hoi cuu chien binh", "hoi ccb"] },
  { name: "Ban Thanh tra nhân dân", kind: "body", aliases: ["ban thanh tra nhan dan"] },
  {
    name: "Ban Giám sát đầu tư của cộng đồng",
    kind: "body",
    aliases: ["ban giam sat dau tu cua cong dong", "ban giam sat dau tu cong dong"],
  },
  { name: "Đài truyền thanh", kind: "body", aliases: ["dai truyen thanh"] },
  { name: "Trạm Y tế", kind: "body", aliases: ["tram y te"] },

  // Agencies. District and provincial units of Home Affairs first: they grade the communes.
  { name: "Sở Nội vụ", kind: "agency", aliases: ["so noi vu"] },
  { name: "Phòng Nội vụ", kind: "agency", aliases: ["phong noi vu", "phong nv"] },
  { name: "Cơ quan Tổ chức - Nội vụ", kind: "agency", aliases: ["co quan to chuc - noi vu"] },
  { name: "Thanh tra tỉnh", kind: "agency", aliases: ["thanh tra tinh"] },
  { name: "Thanh tra huyện", kind: "agency", aliases: ["thanh tra huyen"] },
  { name: "Sở Tư pháp", kind: "agency", aliases: ["so tu phap"] },
  { name: "Phòng Tư pháp", kind: "agency", aliases: ["phong tu phap"] },
  { name: "Sở Tài chính", kind: "agency", aliases: ["so tai chinh"] },
  {
    name: "Phòng Tài chính – Kế hoạch",
    kind: "agency",
    aliases: ["phong tai chinh - ke hoach", "phong tai chinh kh", "phong tc - kh"],
  },
  {
    name: "Sở Khoa học và Công nghệ",
    kind: "agency",
    aliases: ["so khoa hoc va cong nghe", "so khoa hoc - cong nghe", "so khcn"],
  },
  {
    name: "Sở Lao động – Thương binh và Xã hội",
    kind: "agency",
    aliases: [
      "so lao dong - thuong binh va xa hoi",
      "so lao dong, thuong binh va xa hoi",
      "so ld - tb & xh",
      "so ldtbxh",
    ],
  },
  {
    name: "Sở Văn hóa, Thể thao và Du lịch",
    kind: "agency",
    aliases: [
      "so van hoa, the thao va du lich",
      "so van hoa - the thao va du lich",
      "so vh - tt & dl",
      "so vhttdl",
    ],
  },
  { name: "Sở Thông tin và Truyền thông", kind: "agency", aliases: ["so thong tin va truyen thong"] },
  { name: "Sở Kế hoạch và Đầu tư", kind: "agency", aliases: ["so ke hoach va dau tu"] },
  { name: "Sở Tài nguyên và Môi trường", kind: "agency", aliases: ["so tai nguyen va moi truong"] },
  {
    name: "Sở Nông nghiệp và Môi trường",
    kind: "agency",
    aliases: ["so nong nghiep va moi truong"],
  },
  {
    name: "Sở Nông nghiệp và Phát triển nông thôn",
    kind: "agency",
    aliases: ["so nong nghiep va phat trien nong thon"],
  },
  { name: "Sở Giáo dục và Đào tạo", kind: "agency", aliases: ["so giao duc va dao tao"] },
  { name: "Sở Y tế", kind: "agency", aliases: ["so y te"] },
  { name: "Sở Xây dựng", kind: "agency", aliases: ["so xay dung"] },
  { name: "Sở Giao thông vận tải", kind: "agency", aliases: ["so giao thong van tai"] },
  { name: "Sở Công Thương", kind: "agency", aliases: ["so cong thuong"] },
  { name: "Sở Dân tộc và Tôn giáo", kind: "agency", aliases: ["so dan toc va ton giao"] },
  { name: "Ban Dân tộc", kind: "agency", aliases: ["ban dan toc"] },
  { name: "Ban Tôn giáo", kind: "agency", aliases: ["ban ton giao"] },
  {
    name: "Ban Thi đua – Khen thưởng",
    kind: "agency",
    aliases: ["ban thi dua - khen thuong"],
  },
  {
    // One office serving both the council and the committee of a district or commune.
    name: "Văn phòng HĐND và UBND",
    kind: "agency",
    aliases: [
      "van phong hoi dong nhan dan va uy ban nhan dan",
      "van phong hdnd va ubnd",
      "van phong hdnd - ubnd",
      "van phong hdnd & ubnd",
    ],
  },
  {
    name: "Văn phòng UBND tỉnh",
    kind: "agency",
    aliases: ["van phong uy ban nhan dan tinh", "van phong ubnd tinh", "vp ubnd tinh"],
  },
  {
    name: "Ban Dân vận Tỉnh ủy",
    kind: "agency",
    aliases: ["ban dan van tinh uy"],
  },
  { name: "Ban Dân vận Huyện ủy", kind: "agency", aliases: ["ban dan van huyen uy"] },
  { name: "Ban Dân vận Thị ủy", kind: "agency", aliases: ["ban dan van thi uy"] },
  { name: "Ban Dân vận Đảng ủy", kind: "agency", aliases: ["ban dan van dang uy"] },
  { name: "Liên đoàn Lao động tỉnh", kind: "agency", aliases: ["lien doan lao dong tinh"] },
  {
    name: "Phòng Văn hóa – Thông tin",
    kind: "agency",
    aliases: ["phong van hoa - thong tin", "phong van hoa va thong tin"],
  },
  {
    name: "Trung tâm Phục vụ hành chính công",
    kind: "agency",
    aliases: ["trung tam phuc vu hanh chinh cong", "trung tam phuc vu - kiem soat thu tuc hanh chinh cong"],
  },
  {
    name: "Báo và Phát thanh, Truyền hình tỉnh",
    kind: "agency",
    aliases: ["bao va phat thanh, truyen hinh", "bao va phat thanh - truyen hinh"],
  },
  {
    name: "Đài Phát thanh và Truyền hình tỉnh",
    kind: "agency",
    aliases: ["dai phat thanh va truyen hinh", "dai pt - th"],
  },
  // Groups of lower-level people's committees ("Ủy ban nhân dân" is written out or as "UBND").
  {
    name: "UBND các xã, phường, thị trấn",
    kind: "agency",
    aliases: ["ubnd cac xa, phuong, thi tran", "uy ban nhan dan cac xa, phuong, thi tran"],
  },
  {
    name: "UBND các xã, phường",
    kind: "agency",
    aliases: ["ubnd cac xa, phuong", "uy ban nhan dan cac xa, phuong"],
  },
  {
    name: "UBND các xã, thị trấn",
    kind: "agency",
    aliases: ["ubnd cac xa, thi tran", "uy ban nhan dan cac xa, thi tran"],
  },
  { name: "UBND cấp xã", kind: "agency", aliases: ["ubnd cap xa", "uy ban nhan dan cap xa"] },
  {
    name: "UBND các huyện, thị xã, thành phố",
    kind: "agency",
    aliases: ["ubnd cac huyen, thi xa, thanh pho", "uy ban nhan dan cac huyen, thi xa, thanh pho"],
  },

  // Generic groups: canonical in role slots, never counted in running prose.
  {
    name: "Cán bộ, công chức",
    kind: "generic",
    aliases: [
      "cac can bo, cong chuc chuyen mon",
      "can bo, cong chuc chuyen mon",
      "can bo, cong chuc, vien chuc",
      "cac can bo, cong chuc",
      "can bo, cong chuc",
      "can bo va cong chuc",
    ],
  },
  {
    name: "Công chức, người hoạt động không chuyên trách",
    kind: "generic",
    aliases: [
      "cong chuc, nguoi hoat dong khong chuyen trach",
      "cong chuc, nguoi hoat dong kct",
      "can bo, cong chuc, nguoi hoat dong khong chuyen trach",
      "can bo, cong chuc, nguoi hoat dong kct",
      "can bo, cong chuc va nguoi hoat dong khong chuyen trach",
    ],
  },
  {
    name: "Công chức chuyên môn",
    kind: "generic",
    aliases: ["cong chuc chuyen mon", "cac cong chuc chuyen mon"],
  },
  {
    name: "Các sở, ban, ngành",
    kind: "generic",
    aliases: ["cac so, ban, nganh", "cac so, ban nganh", "cac so, nganh"],
  },
  { name: "Lãnh đạo UBND", kind: "generic", aliases: ["lanh dao ubnd", "lanh dao uy ban nhan dan"] },
];

/**
 * Words a role name starts with (folded). A piece of a role list that starts with one of them
 * begins a new role ("…, công chức Địa chính"); a piece that does not continues the previous one
 * ("UBND các xã, phường").
 */
export const ROLE_HEAD_WORDS: readonly string[] = [
  "cong chuc",
  "can bo",
  "bo phan",
  "ban",
  "so",
  "phong",
  "uy ban",
  "ubnd",
  "ub",
  "khoi",
  "cong doan",
  "doan",
  "hoi",
  "to truong",
  "chu tich",
  "pho chu tich",
  "lanh dao",
  "van phong",
  "thanh tra",
  "cong an",
  "chi huy",
  "tram",
  "dai",
  "bao",
  "nganh",
  "mat tran",
  "lien doan",
  "trung tam",
  "co quan",
  "don vi",
  "thu truong",
  "nguoi dung dau",
  "cac",
  "tu phap",
  "tai chinh",
  "van hoa",
  "dia chinh",
  "nha truong",
  "to cong tac",
];

/**
 * Words a sentence's subject starts with when it is a role, written with their diacritics: the
 * subject test reads the text itself, since folding merges "Sở" with "Số", "Ban" with "Bản",
 * "Báo" with "Bảo", "Đài" with "Đại" and "Trưởng" with "Trường".
 */
export const ROLE_SUBJECT_WORDS: readonly string[] = [
  "công chức",
  "cán bộ",
  "bộ phận",
  "ban",
  "sở",
  "phòng",
  "ủy ban",
  "ubnd",
  "ub",
  "khối",
  "công đoàn",
  "đoàn",
  "hội",
  "trưởng",
  "tổ trưởng",
  "chủ tịch",
  "phó chủ tịch",
  "lãnh đạo",
  "văn phòng",
  "thanh tra",
  "công an",
  "chỉ huy",
  "trạm",
  "đài",
  "báo",
  "ngành",
  "mặt trận",
  "liên đoàn",
  "trung tâm",
  "cơ quan",
  "đơn vị",
  "thủ trưởng",
  "người đứng đầu",
  "nhà trường",
  "tổ công tác",
];

/**
 * Words that end a role name inside a sentence (folded, matched as whole words): what follows is
 * what the role does ("Sở Khoa học và Công nghệ tiến hành rà soát …").
 */
export const ROLE_STOP_WORDS: readonly string[] = [
  "tien hanh",
  "co trach nhiem",
  "chiu trach nhiem",
  "chu tri",
  "phoi hop",
  "tham muu",
  "thuc hien",
  "trien khai",
  "theo doi",
  "xay dung",
  "huong dan",
  "kiem tra",
  "ra soat",
  "bao cao",
  "tong hop",
  "chi dao",
  "duoc giao",
  "phu trach",
  "lam dau moi",
  "de tong hop",
  "nham",
  "theo chuc nang",
  "theo doi",
  "gui",
  "tiep tuc",
  "chu dong",
  "don doc",
  "cung cap",
  "bo tri",
  "truc tiep",
  "nghiem tuc",
  "khan truong",
  "tich cuc",
  "kip thoi",
  "thuong xuyen",
];
