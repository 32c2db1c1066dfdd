/**
 * Criterion vocabularies as data: the DVCQ rubric criteria as one province writes them, and the
 * PAPI dimensions (chỉ số nội dung) with their sub-dimensions (nội dung thành phần).
 *
 * `keys` are folded phrases (no diacritics, lower case, words separated by single spaces) that
 * identify an entry; matching compares them with spaces removed, so split or glued words still
 * match, and tolerates a few OCR errors. A longer key that matches beats a shorter one.
 */

/** One criterion of a DVCQ grading rubric. */
export interface DvcqCriterionEntry {
  number: number;
  title: string;
}

/** A DVCQ rubric's criteria, keyed by the rubric that defines them. */
export interface DvcqRubricCriteria {
  /** Rubric id, as the scoring stage names rubrics ("quang-ngai-1211-2022"). */
  rubric: string;
  criteria: readonly DvcqCriterionEntry[];
}

/**
 * Quảng Ngãi QĐ 1211/QĐ-UBND (02/11/2022), as the Ba Tơ plan lists its ten criteria (III.2).
 * Other provinces number the same topics differently (Quảng Nam QĐ 1094/2024), so an unnumbered
 * title is never turned into a number with this list: the number comes from the document.
 */
export const DVCQ_QUANG_NGAI_1211: DvcqRubricCriteria = {
  rubric: "quang-ngai-1211-2022",
  criteria: [
    {
      number: 1,
      title:
        "Công tác triển khai, quán triệt các văn bản lãnh đạo, chỉ đạo, hướng dẫn về công tác dân vận của chính quyền",
    },
    { number: 2, title: "Thực hiện nhiệm vụ chính trị" },
    { number: 3, title: "Thực hiện công tác cải cách hành chính" },
    {
      number: 4,
      title:
        "Tiếp tục thực hiện tốt phong trào thi đua “Dân vận khéo” trên các lĩnh vực kinh tế, văn hóa, xã hội, an ninh, quốc phòng",
    },
    { number: 5, title: "Giải quyết đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh của công dân" },
    { number: 6, title: "Thực hiện quy định về đạo đức công vụ, văn hóa công sở" },
    {
      number: 7,
      title:
        "Công tác phối hợp, tạo điều kiện cho Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và Nhân dân tham gia xây dựng chính quyền, giám sát và phản biện xã hội",
    },
    { number: 8, title: "Thực hiện quy chế dân chủ ở cơ sở" },
    { number: 9, title: "Tổ chức thực hiện công tác tiếp công dân, công khai đối thoại với Nhân dân" },
    { number: 10, title: "Thực hiện chế độ thông tin, báo cáo; điểm thưởng" },
  ],
};

/** A PAPI sub-dimension (nội dung thành phần). */
export interface PapiSubDimension {
  sub: number;
  title: string;
  keys: readonly string[];
}

/** A PAPI dimension (chỉ số nội dung) with its sub-dimensions. */
export interface PapiDimension {
  number: number;
  title: string;
  keys: readonly string[];
  subs: readonly PapiSubDimension[];
}

/** PAPI since 2018: 8 dimensions, 28 sub-dimensions (papi.org.vn). */
export const PAPI_DIMENSIONS: readonly PapiDimension[] = [
  {
    number: 1,
    title: "Tham gia của người dân ở cấp cơ sở",
    keys: ["tham gia cua nguoi dan", "su tham gia cua nguoi dan"],
    subs: [
      { sub: 1, title: "Tri thức công dân", keys: ["tri thuc cong dan"] },
      { sub: 2, title: "Cơ hội tham gia", keys: ["co hoi tham gia"] },
      {
        sub: 3,
        title: "Chất lượng bầu cử trưởng thôn, tổ trưởng dân phố",
        keys: ["chat luong bau cu", "bau cu truong thon"],
      },
      { sub: 4, title: "Đóng góp tự nguyện", keys: ["dong gop tu nguyen"] },
    ],
  },
  {
    number: 2,
    title: "Công khai, minh bạch trong việc ra quyết định ở địa phương",
    keys: ["cong khai minh bach"],
    subs: [
      { sub: 1, title: "Tiếp cận thông tin", keys: ["tiep can thong tin"] },
      { sub: 2, title: "Công khai danh sách hộ nghèo", keys: ["danh sach ho ngheo"] },
      {
        sub: 3,
        title: "Công khai thu chi ngân sách cấp xã",
        keys: ["thu chi ngan sach", "minh bach ngan sach"],
      },
      {
        sub: 4,
        title: "Công khai quy hoạch, kế hoạch sử dụng đất và khung giá đền bù",
        keys: ["quy hoach ke hoach su dung dat", "ke hoach su dung dat", "khung gia den bu"],
      },
    ],
  },
  {
    number: 3,
    title: "Trách nhiệm giải trình với người dân",
    keys: ["trach nhiem giai trinh"],
    subs: [
      { sub: 1, title: "Hiệu quả tương tác với các cấp chính quyền", keys: ["tuong tac voi", "tuong tac"] },
      {
        sub: 2,
        title: "Giải đáp khiếu nại, tố cáo, khúc mắc của người dân",
        keys: ["khieu nai to cao", "giai dap khieu nai"],
      },
      { sub: 3, title: "Tiếp cận dịch vụ tư pháp", keys: ["dich vu tu phap"] },
    ],
  },
  {
    number: 4,
    title: "Kiểm soát tham nhũng trong khu vực công",
    keys: ["kiem soat tham nhung"],
    subs: [
      {
        sub: 1,
        title: "Kiểm soát tham nhũng trong chính quyền địa phương",
        keys: ["tham nhung trong chinh quyen"],
      },
      {
        sub: 2,
        title: "Kiểm soát tham nhũng trong cung ứng dịch vụ công",
        keys: ["tham nhung trong cung ung dich vu cong"],
      },
      { sub: 3, title: "Công bằng trong tuyển dụng vào khu vực công", keys: ["cong bang trong tuyen dung"] },
      {
        sub: 4,
        title: "Quyết tâm chống tham nhũng của chính quyền địa phương",
        keys: ["quyet tam chong tham nhung"],
      },
    ],
  },
  {
    number: 5,
    title: "Thủ tục hành chính công",
    keys: ["thu tuc hanh chinh cong"],
    subs: [
      { sub: 1, title: "Dịch vụ chứng thực, xác nhận", keys: ["chung thuc xac nhan", "dich vu chung thuc"] },
      {
        sub: 2,
        title: "Dịch vụ cấp giấy chứng nhận quyền sử dụng đất",
        keys: ["giay chung nhan quyen su dung dat", "cap gcn quyen su dung dat", "gcn quyen su dung dat"],
      },
      {
        sub: 3,
        title: "Dịch vụ hành chính cấp xã/phường",
        keys: ["hanh chinh cap xa", "hanh chinh cap phuong"],
      },
    ],
  },
  {
    number: 6,
    title: "Cung ứng dịch vụ công",
    keys: ["cung ung dich vu cong"],
    subs: [
      { sub: 1, title: "Y tế công lập", keys: ["y te cong lap", "dich vu y te"] },
      { sub: 2, title: "Giáo dục tiểu học công lập", keys: ["giao duc tieu hoc"] },
      { sub: 3, title: "Cơ sở hạ tầng căn bản", keys: ["co so ha tang"] },
      { sub: 4, title: "An ninh, trật tự khu dân cư", keys: ["an ninh trat tu"] },
    ],
  },
  {
    number: 7,
    title: "Quản trị môi trường",
    keys: ["quan tri moi truong"],
    subs: [
      { sub: 1, title: "Nghiêm túc trong bảo vệ môi trường", keys: ["nghiem tuc trong bao ve moi truong"] },
      { sub: 2, title: "Chất lượng không khí", keys: ["chat luong khong khi"] },
      { sub: 3, title: "Chất lượng nước", keys: ["chat luong nuoc"] },
    ],
  },
  {
    number: 8,
    title: "Quản trị điện tử",
    keys: ["quan tri dien tu"],
    subs: [
      {
        sub: 1,
        title: "Sử dụng cổng thông tin điện tử của chính quyền địa phương",
        keys: ["su dung cong thong tin dien tu", "tiep can cong thong tin dien tu"],
      },
      { sub: 2, title: "Tiếp cận và sử dụng Internet tại địa phương", keys: ["internet"] },
      {
        sub: 3,
        title: "Phúc đáp của chính quyền qua cổng thông tin điện tử",
        keys: ["phuc dap"],
      },
    ],
  },
];

/** Folded words that mark a document as being about PAPI (the guard before any PAPI match). */
export const PAPI_DOCUMENT_MARKERS: readonly string[] = ["papi", "quan tri va hanh chinh cong"];

/**
 * Folded words a plan puts before a PAPI dimension's name in a heading ("4. Cải thiện thủ tục hành
 * chính công", "2. Về trách nhiệm giải trình với người dân", "5. Đẩy mạnh quản trị điện tử").
 */
export const PAPI_HEADING_LEADINS: readonly string[] = [
  "nang cao chat luong",
  "nang cao hieu qua",
  "nang cao",
  "cai thien",
  "day manh",
  "tang cuong",
  "thuc hien tot",
  "giai phap",
  "nhom giai phap",
  "doi voi",
  "ve",
];
