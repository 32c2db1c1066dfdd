import type { Deadline } from "../schemas/index.js";
import { findDeadlines } from "./deadline-find.js";
import { defineExtractor } from "./define.js";

/**
 * The deadlines of a document ("chậm nhất trước ngày 01/11/2025", "Quý II, III năm 2024",
 * "Thường xuyên" …), each with its kind, the last day it allows when one follows from the text, and
 * the phrase as evidence. One deadline per slot or table cell; phrases in running prose only when
 * their own words make them deadlines. See deadline-parse.ts for the readings.
 */
export const deadlinesExtractor = defineExtractor<Deadline[]>(
  { id: "deadlines", fallback: () => [] },
  (doc) => findDeadlines(doc).map(({ text, kind, date, evidence }) => ({ text, kind, date, evidence })),
);

/** The deadlines of a document (the extractor's bare function). */
export const extractDeadlines = deadlinesExtractor.extract;
