/**
 * Character error rate: how far a text read by OCR or a text layer is from the reference text.
 * Both sides are compared after NFC and with every run of whitespace collapsed to one space, so
 * line breaks and decomposed diacritics do not count as errors; everything else does.
 */

/** NFC, whitespace runs collapsed to one space, trimmed: the form both sides are compared in. */
export function normaliseForCer(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/**
 * Levenshtein distance between two strings, counted in Unicode code points (insertions,
 * deletions and substitutions all cost 1). Uses a diagonal band that doubles until the answer
 * fits in it (Ukkonen), so the cost is about length × distance rather than length², which keeps
 * whole 70,000-character documents with a few percent of errors fast.
 */
export function editDistance(a: string, b: string): number {
  const left = codePoints(a);
  const right = codePoints(b);
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;
  let band = Math.max(32, Math.abs(left.length - right.length));
  for (;;) {
    const distance = bandedDistance(left, right, band);
    if (distance <= band) return distance;
    band *= 2;
  }
}

/**
 * Edit distance from `hypothesis` to `reference`, divided by the reference's length (both
 * normalised by {@link normaliseForCer}). 0 is a perfect match; it can exceed 1 when the
 * hypothesis holds much more text than the reference. An empty reference gives 0 for an empty
 * hypothesis and 1 otherwise.
 */
export function characterErrorRate(hypothesis: string, reference: string): number {
  const hyp = normaliseForCer(hypothesis);
  const ref = normaliseForCer(reference);
  const refLength = codePoints(ref).length;
  if (refLength === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(hyp, ref) / refLength;
}

function codePoints(text: string): Int32Array {
  const points = new Int32Array(text.length);
  let count = 0;
  for (const char of text) points[count++] = char.codePointAt(0) ?? 0;
  return points.subarray(0, count);
}

/**
 * Distance restricted to cells with |i − j| ≤ band; exact when the true distance is ≤ band,
 * otherwise some value > band. Row i keeps columns j = i − band … i + band at offset j − i + band.
 */
function bandedDistance(a: Int32Array, b: Int32Array, band: number): number {
  const n = a.length;
  const m = b.length;
  const over = band + 1;
  if (Math.abs(n - m) > band) return over;
  const width = 2 * band + 1;
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let offset = 0; offset < width; offset++) {
    const j = offset - band;
    previous[offset] = j >= 0 && j <= m ? j : over;
  }
  for (let i = 1; i <= n; i++) {
    let rowMinimum = over;
    const charA = a[i - 1];
    for (let offset = 0; offset < width; offset++) {
      const j = i + offset - band;
      let value: number;
      if (j < 0 || j > m) value = over;
      else if (j === 0) value = Math.min(i, over);
      else {
        // Diagonal (i−1, j−1) sits at the same offset in the previous row; above (i−1, j) one to
        // the right; left (i, j−1) one to the left in this row.
        value = (previous[offset] ?? over) + (charA === b[j - 1] ? 0 : 1);
        if (offset + 1 < width) value = Math.min(value, (previous[offset + 1] ?? over) + 1);
        if (offset > 0) value = Math.min(value, (current[offset - 1] ?? over) + 1);
        if (value > over) value = over;
      }
      current[offset] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > band) return over;
    [previous, current] = [current, previous];
  }
  return previous[m - n + band] ?? over;
}

/**
 * Share of the reference's words found in the hypothesis, each word counted as often as it
 * occurs (multiset recall). Words are runs of letters and digits, compared in NFC lower case,
 * so reading order, punctuation and markup do not matter: it measures what OCR lost, where
 * {@link characterErrorRate} also counts a two-column header read in another order. 1 for an
 * empty reference.
 */
export function wordRecall(hypothesis: string, reference: string): number {
  const found = new Map<string, number>();
  for (const word of words(hypothesis)) found.set(word, (found.get(word) ?? 0) + 1);
  const wanted = words(reference);
  if (wanted.length === 0) return 1;
  let matched = 0;
  for (const word of wanted) {
    const left = found.get(word) ?? 0;
    if (left > 0) {
      matched += 1;
      found.set(word, left - 1);
    }
  }
  return matched / wanted.length;
}

function words(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}
