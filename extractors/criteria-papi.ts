import type { NormalisedDocument } from "../pipeline/text/types.js";
import { PAPI_DIMENSIONS, PAPI_DOCUMENT_MARKERS } from "./vocab/criteria.js";

/**
 * Fuzzy matching of PAPI dimension and sub-dimension names against the vocabulary. Names are
 * compared letters-and-digits only ("squeezed"), so OCR that splits syllables ("tham gia c ủa")
 * or glues words ("thamgia") still matches, and a few wrong letters are forgiven (edit distance).
 */

/** Letters and digits of a folded string, with the offset each came from. */
interface Squeezed {
  s: string;
  at: number[];
}

function squeeze(folded: string, offset = 0): Squeezed {
  let s = "";
  const at: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i] ?? "";
    if (/[a-z0-9]/.test(c)) {
      s += c;
      at.push(offset + i);
    }
  }
  return { s, at };
}

/** Errors allowed when matching a key of `length` letters: about one in ten, none below eight. */
function allowedErrors(length: number): number {
  return Math.floor(length / 9);
}

/**
 * Approximate substring search (Sellers): the leftmost place in `hay` where `needle` matches with at
 * most `maxErrors` edits (the closest end among the next few letters), with its start. Cost O(|hay|·|needle|), on short strings.
 */
export function approxFind(
  hay: string,
  needle: string,
  maxErrors: number,
): { start: number; end: number } | null {
  const n = needle.length;
  if (n === 0) return null;
  if (maxErrors === 0) {
    const i = hay.indexOf(needle);
    return i < 0 ? null : { start: i, end: i + n };
  }
  // prev[k]: edit distance of needle[0..k) against a suffix of hay[0..j); start[k] the suffix start.
  let prev = new Array<number>(n + 1);
  let prevStart = new Array<number>(n + 1);
  for (let k = 0; k <= n; k++) {
    prev[k] = k;
    prevStart[k] = 0;
  }
  let best: { start: number; end: number; d: number } | null = null;
  for (let j = 1; j <= hay.length; j++) {
    const cur = new Array<number>(n + 1);
    const curStart = new Array<number>(n + 1);
    cur[0] = 0;
    curStart[0] = j;
    for (let k = 1; k <= n; k++) {
      const sub = (prev[k - 1] ?? 0) + (hay[j - 1] === needle[k - 1] ? 0 : 1);
      const del = (prev[k] ?? 0) + 1;
      const ins = (cur[k - 1] ?? 0) + 1;
      if (sub <= del && sub <= ins) {
        cur[k] = sub;
        curStart[k] = prevStart[k - 1] ?? 0;
      } else if (ins <= del) {
        cur[k] = ins;
        curStart[k] = curStart[k - 1] ?? 0;
      } else {
        cur[k] = del;
        curStart[k] = prevStart[k] ?? 0;
      }
    }
    const d = cur[n] ?? n;
    // Past the leftmost acceptable end, look a few letters further for a closer match (so that a
    // match is not cut one letter short by counting the missing letter as an error).
    if (d <= maxErrors && (best === null || d < best.d)) best = { start: curStart[n] ?? 0, end: j, d };
    if (best !== null && (d === 0 || j >= best.end + maxErrors)) break;
    prev = cur;
    prevStart = curStart;
  }
  return best ? { start: best.start, end: best.end } : null;
}

/** A vocabulary entry found in a piece of text, with the span of the matched key in the document. */
export interface PapiHit {
  number: number;
  sub: number | null;
  start: number;
  end: number;
  /** Letters matched: a longer key is a more specific match. */
  strength: number;
}

/**
 * Where `folded[from, to)` names a PAPI dimension. With `atStart`, the name must open the text (a
 * heading "1.1. Nội dung “Tham gia của người dân …”", or what follows "Chỉ số"); otherwise it may
 * stand anywhere (a table cell). The longest matching key wins.
 */
export function matchDimension(folded: string, from: number, to: number, atStart: boolean): PapiHit | null {
  const sq = squeeze(folded.slice(from, to), from);
  let best: PapiHit | null = null;
  for (const dim of PAPI_DIMENSIONS) {
    for (const key of dim.keys) {
      const k = key.replace(/ /g, "");
      const hit = approxFind(atStart ? sq.s.slice(0, k.length + 4) : sq.s, k, allowedErrors(k.length));
      if (!hit || (atStart && hit.start > 2)) continue;
      if (!best || k.length > best.strength) {
        best = {
          number: dim.number,
          sub: null,
          start: sq.at[hit.start] ?? from,
          end: (sq.at[hit.end - 1] ?? from) + 1,
          strength: k.length,
        };
      }
    }
  }
  return best;
}

/**
 * Sub-dimensions named in `folded[from, to)`. When the dimension is known, each of its
 * sub-dimensions that the text names is returned (a cell "Chất lượng nước, chất lượng không khí"
 * names two), and no other (a cell under "Kiểm soát tham nhũng" that mentions "Y tế" is 4.2, not
 * 6.1). When it is unknown every sub-dimension is tried and only the most specific match is kept.
 */
export function matchSubDimensions(
  folded: string,
  from: number,
  to: number,
  dimension: number | null,
  atStart: boolean,
): PapiHit[] {
  const sq = squeeze(folded.slice(from, to), from);
  const hits: PapiHit[] = [];
  for (const dim of PAPI_DIMENSIONS) {
    if (dimension !== null && dim.number !== dimension) continue;
    for (const sub of dim.subs) {
      let best: PapiHit | null = null;
      for (const key of sub.keys) {
        const k = key.replace(/ /g, "");
        const hay = atStart ? sq.s.slice(0, k.length + 4) : sq.s;
        const hit = approxFind(hay, k, allowedErrors(k.length));
        if (!hit || (atStart && hit.start > 2)) continue;
        if (!best || k.length > best.strength) {
          best = {
            number: dim.number,
            sub: sub.sub,
            start: sq.at[hit.start] ?? from,
            end: (sq.at[hit.end - 1] ?? from) + 1,
            strength: k.length,
          };
        }
      }
      if (best) hits.push(best);
    }
  }
  if (dimension !== null || hits.length <= 1) return hits;
  return [hits.reduce((a, b) => (b.strength > a.strength ? b : a))];
}

/** Whether the document is about PAPI at all: PAPI names are only looked for in such documents. */
export function isPapiDocument(doc: Pick<NormalisedDocument, "folded">): boolean {
  return PAPI_DOCUMENT_MARKERS.some((m) => doc.folded.includes(m));
}
