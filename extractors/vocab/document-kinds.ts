/**
 * Document kinds as Vietnamese official documents write them (Nghị định 30/2020/NĐ-CP, appendix I):
 * the kind line under the header, the word that introduces a citation ("Quyết định số …") and the
 * code inside a number/symbol ("1211/QĐ-UBND", "869-CV/TU"). Data only; all keys are folded
 * (no diacritics, lower case, see pipeline/text/fold.ts).
 */
import type { DocumentMetadata, ReferenceKind } from "../../schemas/index.js";

/** The kind of the document itself (contract `kind`). */
export type DocumentKind = DocumentMetadata["kind"];

/**
 * Kind lines: the kind in capitals on its own line under the header ("KẾ HOẠCH", "QUYẾT ĐỊNH").
 * Longest first, so "THÔNG BÁO" is not read as "BÁO CÁO"'s neighbour. Kinds the contract has no
 * value for are OTHER: they still end the header and start the title.
 */
export const KIND_LINES: ReadonlyArray<{ folded: string; kind: DocumentKind }> = [
  { folded: "ke hoach", kind: "KE_HOACH" },
  { folded: "quyet dinh", kind: "QUYET_DINH" },
  { folded: "bao cao", kind: "BAO_CAO" },
  { folded: "thong bao", kind: "THONG_BAO" },
  { folded: "cong van", kind: "CONG_VAN" },
  { folded: "chuong trinh", kind: "OTHER" },
  { folded: "huong dan", kind: "OTHER" },
  { folded: "to trinh", kind: "OTHER" },
  { folded: "nghi quyet", kind: "OTHER" },
  { folded: "chi thi", kind: "OTHER" },
  { folded: "quy che", kind: "OTHER" },
  { folded: "quy dinh", kind: "OTHER" },
  { folded: "giay moi", kind: "OTHER" },
  { folded: "de an", kind: "OTHER" },
  { folded: "phuong an", kind: "OTHER" },
  { folded: "bien ban", kind: "OTHER" },
  { folded: "cong dien", kind: "OTHER" },
];

/** Words that may stand before a kind line in drafts: "DỰ THẢO BÁO CÁO". */
export const KIND_LINE_PREFIXES: readonly string[] = ["du thao"];

/** Words that complete a kind line without being the title: "KẾ HOẠCH LIÊN TỊCH", "NGHỊ QUYẾT LIÊN TỊCH". */
export const KIND_LINE_SUFFIXES: readonly string[] = ["lien tich"];

/**
 * The code in a document's own number tells its kind when the kind line is missing
 * ("Số: 08/KH-UBND" → KẾ HOẠCH). A number with no kind code ("560/UBND", "…/UBND-NC") is a công văn.
 */
export const KIND_BY_OWN_CODE: Readonly<Record<string, DocumentKind>> = {
  kh: "KE_HOACH",
  qd: "QUYET_DINH",
  bc: "BAO_CAO",
  tb: "THONG_BAO",
  cv: "CONG_VAN",
};

/**
 * Words that introduce a citation, before "số" or the symbol. `null`: the word says nothing about
 * the kind ("văn bản số …"): the symbol's code decides. Abbreviations ("QĐ 1211/QĐ-UBND") count
 * only because a full symbol must follow.
 */
export const REFERENCE_KIND_WORDS: ReadonlyArray<{ folded: string; kind: ReferenceKind | null }> = [
  // "Thông báo kết luận số 12-TB/TU" is a thông báo (its symbol says TB), not a kết luận.
  { folded: "thong bao ket luan", kind: "THONG_BAO" },
  { folded: "thong tu lien tich", kind: "THONG_TU" },
  { folded: "nghi quyet lien tich", kind: "NGHI_QUYET" },
  { folded: "quyet dinh", kind: "QUYET_DINH" },
  { folded: "ke hoach", kind: "KE_HOACH" },
  { folded: "chi thi", kind: "CHI_THI" },
  { folded: "ket luan", kind: "KET_LUAN" },
  { folded: "nghi dinh", kind: "NGHI_DINH" },
  { folded: "nghi quyet", kind: "NGHI_QUYET" },
  { folded: "thong tu", kind: "THONG_TU" },
  { folded: "bao cao", kind: "BAO_CAO" },
  { folded: "cong van", kind: "CONG_VAN" },
  { folded: "cong dien", kind: "CONG_VAN" },
  { folded: "thong bao", kind: "THONG_BAO" },
  { folded: "phap lenh", kind: "PHAP_LENH" },
  { folded: "bo luat", kind: "LUAT" },
  { folded: "luat", kind: "LUAT" },
  { folded: "chuong trinh", kind: "CHUONG_TRINH" },
  { folded: "huong dan", kind: "HUONG_DAN" },
  { folded: "quy dinh", kind: "QUY_DINH" },
  { folded: "quy che", kind: "OTHER" },
  { folded: "to trinh", kind: "OTHER" },
  { folded: "de an", kind: "OTHER" },
  { folded: "van ban", kind: null },
  { folded: "qd", kind: "QUYET_DINH" },
  { folded: "nd", kind: "NGHI_DINH" },
  { folded: "nq", kind: "NGHI_QUYET" },
  { folded: "ct", kind: "CHI_THI" },
  { folded: "kh", kind: "KE_HOACH" },
  { folded: "kl", kind: "KET_LUAN" },
  { folded: "tt", kind: "THONG_TU" },
  { folded: "cv", kind: "CONG_VAN" },
  { folded: "bc", kind: "BAO_CAO" },
  { folded: "tb", kind: "THONG_BAO" },
  { folded: "hd", kind: "HUONG_DAN" },
];

/**
 * Kind codes inside a symbol, folded, OCR confusions already undone ("Q4" → "qd"). Longest first:
 * the symbol regex tries them in this order.
 */
export const SYMBOL_CODES: Readonly<Record<string, ReferenceKind>> = {
  ttlt: "THONG_TU",
  ttr: "OTHER",
  ctr: "CHUONG_TRINH",
  qd: "QUYET_DINH",
  kh: "KE_HOACH",
  ct: "CHI_THI",
  kl: "KET_LUAN",
  nd: "NGHI_DINH",
  nq: "NGHI_QUYET",
  tt: "THONG_TU",
  bc: "BAO_CAO",
  cv: "CONG_VAN",
  tb: "THONG_BAO",
  pl: "PHAP_LENH",
  hd: "HUONG_DAN",
  qc: "OTHER",
  qdi: "QUY_DINH",
};

/**
 * OCR and font confusions inside a symbol's kind code, folded: "QĐ" read as "Q4", "NĐ" as "N4"
 * (the Đ stroke taken for a 4), and the canonical spelling each code is written with.
 */
export const SYMBOL_CODE_SPELLING: Readonly<Record<string, string>> = {
  qd: "QĐ",
  q4: "QĐ",
  nd: "NĐ",
  n4: "NĐ",
  qdi: "QĐi",
};

/**
 * Issuer parts that PDF text layers glue to the kind code without the dash ("673/QĐUBND",
 * "30c/NQCP"): only these are split, so "123/TTg-KTTH" is never read as a THÔNG TƯ.
 */
export const GLUED_ISSUERS: readonly string[] = ["ubnd", "hdnd", "cp", "ttg", "tw", "tu"];
