/**
 * OCR reads the digit 1 as the letter "l" or "I" and 0 as "O" ("ngày l5/3/2024", "Số: l2 /TB-UBND",
 * "12l1/QĐ-UBND", "đạt 9l,25 điểm", "xếp thứ 8/2l"). The extractors match on a view of the folded text
 * (lower case) where such letters are read back as digits. The view has the same length as the
 * folded text, so offsets found in it are offsets in `text` too.
 *
 * Rules shared by every view:
 * - only "l", "i" and "o" are look-alikes ("l"/"i" → "1", "o" → "0");
 * - a number is a run of digits and look-alikes, its parts joined by "." "," "/" ("3l/5/2024",
 *   "9l,25"); "-" and spaces end it ("l2 /TB-UBND" → "12");
 * - a number glued to a letter is part of a word and is left alone ("2l0ml", "30c/nq-cp"; with
 *   `scope: "part"` only the glued part: "l5/2o24abc" → "15/2o24abc");
 * - look-alikes become digits only where a real digit makes the number certain, so words ("lo",
 *   "hoi", "oil") and letters alone ("Điều l", "Quý I") stay as they are.
 *
 * What differs is what makes a number certain; see {@link OcrDigitRules}.
 */

/** How certain a view must be that a run of look-alikes is a number before it reads them as digits. */
export interface OcrDigitRules {
  /**
   * Which piece of a number must hold a real digit for its look-alikes to be read as digits:
   * - `"part"`: each part between "." "," "/" on its own. Dates and symbols need it: "Quý I/2024"
   *   and "Khóa II/2021" keep their roman numerals (the "I" part has no digit of its own), while
   *   "l5/3/2024" becomes "15/3/2024" and "Số: l23/QĐ-UBND" becomes "123/QĐ-UBND";
   * - `"whole"`: the number as a whole, so a part without a digit borrows the certainty of the
   *   others. Scores need it: "bị trừ l.5 điểm" is 1.5 points, "đạt l,75" is 1,75, a rank "thứ l/19"
   *   is 1 of 19; the first part alone ("l") would be left alone. A number with a doubled mark
   *   ("5//2024") is no score, and is left alone. The price: "Quý I/2024" reads "quy 1/2024" in
   *   this view, which no score pattern reads.
   */
  scope: "part" | "whole";
  /**
   * Read a lone "l" as 1 where the words around it announce a number: after "tiêu chí", "nội dung",
   * "thứ", "trừ", "đạt" ("Tiêu chí l:", "xếp thứ l", "trừ l điểm"), or before "điểm" or "/19"
   * ("l điểm"). Score lines need it; a symbol or a date never stands alone after such words, and
   * "Điều l" / "la l nguoi" stay as they are in every view.
   */
  loneOneInContext: boolean;
}

/** Dates and document symbols ("ngày l5/3/2024", "Số: l2 /TB-UBND", "12l1/QĐ-UBND"). */
export const DATE_SYMBOL_DIGITS: Readonly<OcrDigitRules> = { scope: "part", loneOneInContext: false };

/** Scores, points, ranks and criterion numbers ("9l,25", "l.5 điểm", "thứ 8/2l", "Tiêu chí l0"). */
export const SCORE_DIGITS: Readonly<OcrDigitRules> = { scope: "whole", loneOneInContext: true };

/** A number: runs of digits and look-alikes (folded text: lower case) joined by "." "," "/". */
const NUMBER = /[0-9lio]+(?:[.,/]+[0-9lio]+)*/g;
/** One part of a number (a run between marks). */
const PART = /[0-9lio]+/g;

/** Words after which a lone "l" can only be the number 1 ("Tiêu chí l:", "nội dung l", "thứ l", "trừ l điểm"). */
const NUMBER_BEFORE = /(?<![a-z])(?:tieu\s*chi|noi\s*dung|thu|tru|dat)\s*(?:so\s*)?$/;
/** Words before which a lone "l" can only be the number 1 ("l điểm", "l/19"). */
const NUMBER_AFTER = /^\s*(?:diem(?![a-z])|\/\s*\d)/;

/**
 * The folded text with OCR look-alikes of 1 and 0 read as digits inside numbers, under the given
 * rules ({@link DATE_SYMBOL_DIGITS} or {@link SCORE_DIGITS}). Same length as `folded`; text without
 * such a number comes back unchanged.
 */
export function ocrDigitView(folded: string, rules: Readonly<OcrDigitRules>): string {
  let out = "";
  let last = 0;
  for (const m of folded.matchAll(NUMBER)) {
    const number = m[0];
    if (!/[lio]/.test(number)) continue;
    const start = m.index;
    const end = start + number.length;
    const gluedBefore = /[a-z0-9]/.test(folded[start - 1] ?? "");
    const gluedAfter = /[a-z0-9]/.test(folded[end] ?? "");
    const repaired =
      rules.scope === "whole"
        ? repairWhole(folded, start, number, gluedBefore || gluedAfter, rules.loneOneInContext)
        : repairParts(number, gluedBefore, gluedAfter);
    if (repaired === number) continue;
    out += folded.slice(last, start) + repaired;
    last = end;
  }
  return out + folded.slice(last);
}

/** Look-alikes as digits, one for one. */
function asDigits(s: string): string {
  return s.replace(/[li]/g, "1").replace(/o/g, "0");
}

/**
 * `"part"` scope: each part with a real digit is repaired on its own; a first or last part glued to
 * a letter is left alone ("l5/2o24abc" → "15/2o24abc").
 */
function repairParts(number: string, gluedBefore: boolean, gluedAfter: boolean): string {
  return number.replace(PART, (part, offset: number) => {
    const glued = (offset === 0 && gluedBefore) || (offset + part.length === number.length && gluedAfter);
    return glued || !/\d/.test(part) ? part : asDigits(part);
  });
}

/**
 * `"whole"` scope: the number is repaired as one when it is not glued to a letter, has single marks
 * and holds a real digit somewhere ("l.5" → "1.5"), or is a lone "l" in number context.
 */
function repairWhole(folded: string, start: number, number: string, glued: boolean, lone: boolean): string {
  if (glued) return number;
  const certain =
    (/\d/.test(number) && !/[.,/]{2}/.test(number)) ||
    (lone && number === "l" && loneOneInContext(folded, start, start + 1));
  return certain ? asDigits(number) : number;
}

/** A lone "l" at start..end stands where only a number can ("Tiêu chí l:", "trừ l điểm", "l/19"). */
function loneOneInContext(folded: string, start: number, end: number): boolean {
  return (
    NUMBER_BEFORE.test(folded.slice(Math.max(0, start - 14), start)) ||
    NUMBER_AFTER.test(folded.slice(end, end + 8))
  );
}
