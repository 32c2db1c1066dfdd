import type { Classification } from "../../schemas/index.js";

/** How a result class of the DVCQ grading is written, in folded form (no diacritics, lower case). */
export interface ClassificationWording {
  classification: Classification;
  /** Folded phrases; each is matched on word boundaries, spaces between words optional (OCR glues words). */
  phrases: string[];
  /** Abbreviations used in result tables ("HTXSNV"); matched as whole words only. */
  abbreviations: string[];
}

/**
 * The four classes, ordered so that the longest wording is tried first: "không hoàn thành" contains
 * "hoàn thành", and "hoàn thành tốt"/"hoàn thành xuất sắc" start with it, so testing "hoàn thành"
 * first would misread every other class.
 */
export const CLASSIFICATION_WORDINGS: readonly ClassificationWording[] = [
  {
    classification: "KHONG_HOAN_THANH",
    phrases: ["khong hoan thanh", "chua hoan thanh"],
    abbreviations: ["khtnv", "kht"],
  },
  {
    classification: "HOAN_THANH_XUAT_SAC",
    phrases: ["hoan thanh xuat sac", "xuat sac"],
    abbreviations: ["htxsnv", "htxs"],
  },
  {
    classification: "HOAN_THANH_TOT",
    phrases: ["hoan thanh tot", "tot"],
    abbreviations: ["httnv", "htt"],
  },
  {
    classification: "HOAN_THANH",
    phrases: ["hoan thanh"],
    abbreviations: ["htnv", "ht"],
  },
];

/**
 * Phrases that are too short to be trusted in running prose ("tốt" and "xuất sắc" alone are common
 * words): they only count where the text is known to hold a class (a "Xếp loại" cell, or right after
 * "xếp loại:").
 */
export const SHORT_CLASS_PHRASES: readonly string[] = ["tot", "xuat sac", "kht", "ht", "htt", "htxs"];
