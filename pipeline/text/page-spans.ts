import type { PageSpan } from "../../schemas/index.js";
import type { OffsetMap } from "./types.js";

/** The first index `i` in `[0, map.length - 1]` with `map[i] >= value` (`map.length - 1` if none). */
function lowerBound(map: OffsetMap, value: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((map[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where each raw page lies in a normalised text, from the text's map into the raw text: page `p`
 * covers the normalised characters whose raw offset falls in `[p.start, next.start)`. Because the
 * map is monotone these characters are contiguous; what replaced a page break ("\n\n", or the
 * space of a paragraph running on) maps to the break and so ends the earlier page, and pages touch
 * (`end` of one = `start` of the next). Pages with no character in this text are left out; OCR
 * confidence is carried over. `rawPages` are in raw-text order, as `buildRawText` makes them.
 */
export function pageSpansFromMap(map: OffsetMap, rawPages: readonly PageSpan[]): PageSpan[] {
  const spans: PageSpan[] = [];
  rawPages.forEach((page, i) => {
    const next = rawPages[i + 1];
    const start = lowerBound(map, page.start);
    const end = lowerBound(map, next ? next.start : page.end);
    if (end <= start) return;
    const span: PageSpan = { page: page.page, start, end };
    if (page.ocrConfidence !== undefined) span.ocrConfidence = page.ocrConfidence;
    spans.push(span);
  });
  return spans;
}
