import { z } from "zod";
import { Evidence } from "./evidence.js";

/** Administrative level of a unit (contract v1). */
export const UnitLevel = z.enum(["tinh", "thanh_pho", "huyen", "quan", "thi_xa", "xa", "phuong", "thi_tran"]);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** Result classes of the DVCQ grading ("Hoàn thành xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ"). */
export const Classification = z.enum([
  "HOAN_THANH_XUAT_SAC",
  "HOAN_THANH_TOT",
  "HOAN_THANH",
  "KHONG_HOAN_THANH",
]);
export type Classification = z.infer<typeof Classification>;

/** Kinds of referenced documents; the symbol after the number tells most of them apart (QĐ, KH, CT, KL, NĐ …). */
export const ReferenceKind = z.enum([
  "QUYET_DINH",
  "KE_HOACH",
  "CONG_VAN",
  "BAO_CAO",
  "THONG_BAO",
  "CHI_THI",
  "KET_LUAN",
  "NGHI_DINH",
  "NGHI_QUYET",
  "THONG_TU",
  "LUAT",
  "PHAP_LENH",
  "CHUONG_TRINH",
  "HUONG_DAN",
  "QUY_DINH",
  "OTHER",
]);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

export const Unit = z.object({ name: z.string(), level: UnitLevel.nullable() });
export type Unit = z.infer<typeof Unit>;

export const Signer = z.object({
  name: z.string().nullable(),
  position: z.string().nullable(),
  capacity: z.enum(["TM", "KT", "TL", "TUQ", "Q"]).nullable(),
});
export type Signer = z.infer<typeof Signer>;

export const Reference = z.object({
  kind: ReferenceKind,
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable().optional(),
  evidence: Evidence,
});
export type Reference = z.infer<typeof Reference>;

export const Framework = z.enum(["DVCQ", "PAPI"]);
export type Framework = z.infer<typeof Framework>;

export const Criterion = z.object({
  framework: Framework,
  number: z.number().int().nullable(),
  /** PAPI sub-dimension or DVCQ content number under `number`, when the document names one. */
  sub: z.number().int().nullable().optional(),
  title: z.string().nullable(),
  evidence: Evidence,
});
export type Criterion = z.infer<typeof Criterion>;

export const Deduction = z.object({
  criterion: z.number().int().nullable(),
  content: z.number().int().nullable(),
  points: z.number(),
  reason: z.string().nullable(),
  responsible: z.array(z.string()).optional(),
  remedy: z.string().nullable().optional(),
  evidence: Evidence,
});
export type Deduction = z.infer<typeof Deduction>;

export const DeclaredScore = z.object({
  /** Null: the document's own unit. A results decision names each unit. */
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  selfAssessed: z.number().nullable(),
  assessed: z.number().nullable(),
  extraDeduction: z.number().nullable(),
  /** The legal basis cited for the extra deduction ("điểm b, khoản 2, Điều 6, QĐ 1211/QĐ-UBND"). */
  extraDeductionBasis: z.string().nullable().optional(),
  bonus: z.number().nullable().optional(),
  final: z.number().nullable(),
  rank: z.number().int().nullable(),
  rankOf: z.number().int().nullable(),
  classification: Classification.nullable(),
  evidence: Evidence,
});
export type DeclaredScore = z.infer<typeof DeclaredScore>;

export const DeadlineKind = z.enum([
  "by_date",
  "on_date",
  "window",
  "month",
  "quarter",
  "period",
  "recurring",
  "continuous",
  "event",
  "relative",
]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

export const Deadline = z.object({
  text: z.string(),
  kind: DeadlineKind,
  /** The last day the deadline allows (ISO), when one follows from the text. */
  date: z.string().nullable(),
  evidence: Evidence,
});
export type Deadline = z.infer<typeof Deadline>;

export const Task = z.object({
  text: z.string(),
  criterion: z.object({ framework: Framework, number: z.number().int().nullable() }).nullable(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  deadline: Deadline.nullable(),
  outputs: z.array(z.string()),
  evidence: Evidence,
});
export type Task = z.infer<typeof Task>;

export const Role = z.object({
  name: z.string(),
  mentions: z.number().int().positive(),
  /** Spellings seen in the text that were counted as this role. */
  variants: z.array(z.string()).optional(),
  evidence: z.array(Evidence).optional(),
});
export type Role = z.infer<typeof Role>;

export const Target = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  subject: z.string().nullable(),
  evidence: Evidence,
});
export type Target = z.infer<typeof Target>;

/**
 * Who a disciplinary measure struck, as the DVCQ rubrics distinguish them: `leader` = the head of
 * a unit or a deputy (bí thư, phó bí thư đảng ủy; chủ tịch, phó chủ tịch HĐND/UBND; người đứng
 * đầu, cấp phó; giám đốc, trưởng phòng …; "lãnh đạo", "cán bộ lãnh đạo"), `official` = cán bộ,
 * công chức, viên chức, `party_member` = đảng viên.
 */
export const DisciplineSubject = z.enum(["leader", "official", "party_member"]);
export type DisciplineSubject = z.infer<typeof DisciplineSubject>;

/**
 * Forms of discipline (Luật Cán bộ, công chức; Luật Viên chức; Điều lệ Đảng), listed from the
 * lightest to the heaviest: the order is part of the meaning ("từ hình thức cách chức trở lên" is
 * cách chức and every form after it).
 */
export const DisciplineForm = z.enum([
  "khien_trach",
  "canh_cao",
  "ha_bac_luong",
  "giang_chuc",
  "cach_chuc",
  "bai_nhiem",
  "buoc_thoi_viec",
  "khai_tru",
]);
export type DisciplineForm = z.infer<typeof DisciplineForm>;

/**
 * A disciplinary measure a document states as having happened ("do có đảng viên và công chức bị xử
 * lý kỷ luật với hình thức khiển trách và cảnh cáo"); never a rule, a goal or a negated sentence.
 * `subject` and `form` are what is certain for this fact: when a sentence names several kinds of
 * people and several forms without saying who got which, each form gives one fact with `subject`
 * null, and `subjects` lists every kind the sentence names.
 */
export const Discipline = z.object({
  subject: DisciplineSubject.nullable(),
  /** Every kind of person the sentence names as disciplined (may hold more than `subject`). */
  subjects: z.array(DisciplineSubject),
  form: DisciplineForm.nullable(),
  /** "từ hình thức khiển trách trở lên": the form was `form` or a heavier one. */
  orAbove: z.boolean(),
  /** The year stated in the sentence ("Năm 2024, … bị xử lý kỷ luật"); null when it gives none. */
  year: z.number().int().nullable(),
  evidence: Evidence,
});
export type Discipline = z.infer<typeof Discipline>;

/** Metadata of one document; every field null when the document leaves it blank or unreadable. */
export const DocumentMetadata = z.object({
  kind: z.enum(["KE_HOACH", "QUYET_DINH", "CONG_VAN", "BAO_CAO", "THONG_BAO", "OTHER"]),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  place: z.string().nullable(),
  issuer: z.string().nullable(),
  unit: Unit.nullable(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  signer: Signer.nullable(),
  recipients: z.array(z.string()),
  /** Evidence of each metadata field that has a value, keyed by field name ("number", "issuedOn" …). */
  evidence: z.record(z.string(), Evidence),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;

/** Every fact list of one document (contract v1), each fact with its evidence. */
export const DocumentFacts = z.object({
  references: z.array(Reference),
  criteria: z.array(Criterion),
  deductions: z.array(Deduction),
  declaredScores: z.array(DeclaredScore),
  tasks: z.array(Task),
  deadlines: z.array(Deadline),
  roles: z.array(Role),
  targets: z.array(Target),
  discipline: z.array(Discipline),
});
export type DocumentFacts = z.infer<typeof DocumentFacts>;
