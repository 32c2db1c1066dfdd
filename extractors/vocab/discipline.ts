import type { DisciplineForm, DisciplineSubject } from "../../schemas/index.js";

/**
 * Words of disciplinary measures, folded (no diacritics, lower case). Words of a phrase are
 * matched with optional spaces between them (OCR glues and splits words).
 */

/** How each form of discipline is written. */
export const DISCIPLINE_FORM_WORDS: ReadonlyArray<{ form: DisciplineForm; phrases: readonly string[] }> = [
  { form: "khien_trach", phrases: ["khien trach"] },
  { form: "canh_cao", phrases: ["canh cao"] },
  { form: "ha_bac_luong", phrases: ["ha bac luong", "ha bac"] },
  { form: "giang_chuc", phrases: ["giang chuc"] },
  { form: "cach_chuc", phrases: ["cach chuc"] },
  { form: "bai_nhiem", phrases: ["bai nhiem"] },
  { form: "buoc_thoi_viec", phrases: ["buoc thoi viec"] },
  { form: "khai_tru", phrases: ["khai tru"] },
];

/**
 * Who can be disciplined, and the kind each wording names. Longer wordings win over the shorter
 * ones they contain, so the exceptions come with the rule: the rubric's leaders are the heads and
 * deputies of the party committee, the council and the people's committee ("Bí thư, phó bí thư
 * đảng ủy; chủ tịch, phó chủ tịch hội đồng nhân dân, ủy ban nhân dân", QĐ 2579 Điều 6 khoản 5) and
 * of agencies, while the chair of a mass organisation or the secretary of a party cell is an
 * ordinary cán bộ or đảng viên.
 */
export const DISCIPLINE_SUBJECT_WORDS: ReadonlyArray<{ phrase: string; subject: DisciplineSubject | null }> =
  [
    // Leaders: heads and deputies.
    { phrase: "nguoi dung dau", subject: "leader" },
    { phrase: "cap pho", subject: "leader" },
    { phrase: "bi thu", subject: "leader" },
    { phrase: "pho bi thu", subject: "leader" },
    { phrase: "chu tich", subject: "leader" },
    { phrase: "pho chu tich", subject: "leader" },
    { phrase: "chu tich hoi dong nhan dan", subject: "leader" },
    { phrase: "pho chu tich hoi dong nhan dan", subject: "leader" },
    { phrase: "lanh dao", subject: "leader" },
    { phrase: "can bo lanh dao", subject: "leader" },
    { phrase: "giu chuc vu lanh dao", subject: "leader" },
    { phrase: "thu truong", subject: "leader" },
    { phrase: "pho thu truong", subject: "leader" },
    { phrase: "giam doc", subject: "leader" },
    { phrase: "pho giam doc", subject: "leader" },
    { phrase: "truong phong", subject: "leader" },
    { phrase: "pho truong phong", subject: "leader" },
    { phrase: "chanh van phong", subject: "leader" },
    { phrase: "pho chanh van phong", subject: "leader" },
    { phrase: "chanh thanh tra", subject: "leader" },
    // Not the rubric's leaders although the title starts like one.
    { phrase: "bi thu chi bo", subject: "party_member" },
    { phrase: "pho bi thu chi bo", subject: "party_member" },
    { phrase: "bi thu doan", subject: "official" },
    { phrase: "bi thu chi doan", subject: "official" },
    { phrase: "chu tich hoi", subject: "official" },
    { phrase: "pho chu tich hoi", subject: "official" },
    { phrase: "chu tich mttq", subject: "official" },
    { phrase: "chu tich ubmttq", subject: "official" },
    { phrase: "chu tich uy ban mat tran", subject: "official" },
    { phrase: "pho chu tich uy ban mat tran", subject: "official" },
    { phrase: "chu tich cong doan", subject: "official" },
    { phrase: "chu tich hoi dong", subject: "official" },
    // Words that look like a title but name no one: "lãnh đạo, chỉ đạo" (to lead), "bị thu hồi".
    { phrase: "lanh dao, chi dao", subject: null },
    { phrase: "lanh dao chi dao", subject: null },
    { phrase: "bi thu hoi", subject: null },
    // Officials.
    { phrase: "can bo", subject: "official" },
    { phrase: "cong chuc", subject: "official" },
    { phrase: "vien chuc", subject: "official" },
    { phrase: "cbcc", subject: "official" },
    { phrase: "cbccvc", subject: "official" },
    // Party members.
    { phrase: "dang vien", subject: "party_member" },
  ];

/** Words that make a clause a negation: "không có cán bộ … bị xử lý kỷ luật". */
export const DISCIPLINE_NEGATIONS: readonly string[] = ["khong", "chua"];

/**
 * Words that make a clause a rule, a condition or a goal rather than something that happened:
 * "Nếu …", "Trường hợp …", "hoặc …" (a rubric's list of conditions), "mỗi trường hợp", "phấn đấu",
 * "đảm bảo", "có thể", "sẽ", "đề nghị xử lý", "xem xét kỷ luật".
 */
export const DISCIPLINE_RULE_WORDS: readonly string[] = [
  "neu",
  "khi",
  "hoac",
  "moi",
  "phan dau",
  "dam bao",
  "bao dam",
  "muc tieu",
  "chi tieu",
  "han che",
  "ngan chan",
  "co the",
  "se",
  "de nghi",
  "de xuat",
  "xem xet",
  "kien nghi",
  "du thao",
];

/** Words before an existential "có" that negate or condition it ("không có", "nếu có", "trường hợp có"). */
export const DISCIPLINE_CO_NEGATORS: readonly string[] = ["khong", "chua", "neu", "khi", "truong hop"];

/** "có" followed by these is not "there is/are" ("cơ quan", "có thể", "có liên quan"). */
export const DISCIPLINE_NOT_EXISTENTIAL: readonly string[] = ["quan", "the", "lien quan", "trach nhiem"];

/**
 * What follows a rule's condition: "… thì xếp loại cao nhất là …", "… thì không được …",
 * "… không được xét …", "… sẽ …".
 */
export const DISCIPLINE_RULE_AFTER: readonly string[] = [
  "thi xep",
  "thi khong",
  "thi bi",
  "thi tru",
  "thi se",
  "thi chi",
  "thi duoc",
  "thi cung",
  "thi phai",
  "xep loai cao nhat",
  "khong duoc",
  "se khong",
];

/**
 * Words that name a person right before a capitalised name ("ông Nguyễn Văn A", "đồng chí …",
 * "đ/c …"). "bà" alone is left out: folded it is "ba", as in "huyện Ba Tơ"; "đối với bà …" is safe.
 */
export const DISCIPLINE_PERSON_WORDS: readonly string[] = ["ong", "dong chi", "d/c", "doi voi ba"];

/** Conditions that open a clause ("Trường hợp cán bộ bị kỷ luật …"); elsewhere "trường hợp" is a case ("có 02 trường hợp"). */
export const DISCIPLINE_CLAUSE_CONDITIONS: readonly string[] = ["truong hop", "doi voi truong hop"];

/** "lần lượt" / "tương ứng": several subjects and as many forms, paired in order. */
export const DISCIPLINE_RESPECTIVELY: readonly string[] = ["lan luot", "tuong ung"];

/**
 * Who disciplines, between "bị" and "kỷ luật" in a passive sentence that names its agent: "bị Ban
 * Thường vụ Huyện ủy thi hành kỷ luật", "bị UBND huyện xử lý kỷ luật", "bị Chủ tịch UBND xã kỷ luật".
 * Only an agent from this list opens the gap, so "bị tạm đình chỉ công tác … để xem xét xử lý kỷ
 * luật" stays unread.
 */
export const DISCIPLINE_AGENTS: readonly string[] = [
  "ban thuong vu",
  "ban chap hanh",
  "ban bi thu",
  "bo chinh tri",
  "ban kiem tra",
  "uy ban kiem tra",
  "ubkt",
  "ubnd",
  "uy ban nhan dan",
  "chu tich",
  "dang uy",
  "huyen uy",
  "tinh uy",
  "thanh uy",
  "thi uy",
  "quan uy",
  "chi bo",
  "cap uy",
  "cap tren",
  "cap co tham quyen",
  "co quan",
  "hoi dong ky luat",
  "giam doc",
  "thu truong",
  "hieu truong",
  "so noi vu",
];

/**
 * Words right before an active "xử lý kỷ luật 02 công chức" (no "đã") that make it a duty, a plan or
 * a pending matter rather than a deed: "cần", "phải", "sẽ", "để", "nhằm", "tiếp tục", "đang", "chưa".
 */
export const DISCIPLINE_MODALS: readonly string[] = [
  "can",
  "phai",
  "se",
  "de",
  "nham",
  "tiep tuc",
  "dang",
  "chua",
  "khong",
  "kien quyet",
];
