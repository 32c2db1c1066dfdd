import type { PageSpan } from "../../schemas/index.js";
import type { Table } from "../../schemas/table.js";

/**
 * Maps normalised offsets to raw offsets: `map[i]` is the raw offset where normalised character
 * `i` came from, `map[text.length]` the raw end. Monotone non-decreasing, so
 * `raw.slice(map[s], map[e])` is the source of `text.slice(s, e)`.
 */
export type OffsetMap = Int32Array;

/** The raw text of a whole file: pages joined by {@link PAGE_SEPARATOR}, with each page's span. */
export interface RawText {
  text: string;
  pages: PageSpan[];
  /** Tables of every page, cell spans shifted to offsets in `text`. */
  tables?: Table[];
}

/** Separates pages in a file's raw text (form feed, as pdftotext writes it). */
export const PAGE_SEPARATOR = "\f";

/**
 * One document after normalisation: what extractors read. Offsets in facts are offsets into
 * `text`; `pages` says where each page lies in it; `map` leads back to the file's raw text.
 */
export interface NormalisedDocument {
  text: string;
  /** Diacritic- and case-folded view of `text`, same length, for keyword matching. */
  folded: string;
  pages: PageSpan[];
  map: OffsetMap;
  /** Tables in this document, each cell's `span` an offset range in `text` (the cell's exact text). */
  tables?: Table[];
}
