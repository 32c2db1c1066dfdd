/**
 * OCR reads the digit 1 as the letter "l" or "I" and 0 as "O" ("ngày l5/3/2024", "Số: l2 /TB-UBND",
 * "12l1/QĐ-UBND"). Inside a token that is otherwise made of digits the letter can only be the digit,
 * so the matching view of numbers, symbols and dates turns it back; a token with no digit at all
 * ("Quý I", "lo") is left alone.
 */

/**
 * A token of digits and the letters OCR confuses with them, holding at least one real digit, with no
 * letter or digit on either side (folded text: lower case). Separators ("/", ".", "-", spaces) end it.
 */
const MIXED_NUMBER = /(?<![a-z0-9])[0-9lio]*[0-9][0-9lio]*(?![a-z0-9])/g;
const AS_DIGIT: Readonly<Record<string, string>> = { l: "1", i: "1", o: "0" };

/**
 * The folded text with OCR letters inside numbers read as digits: same length, so offsets stay
 * valid. Text without such a token comes back unchanged.
 */
export function ocrDigitView(folded: string): string {
  return folded.replace(MIXED_NUMBER, (token) =>
    /[lio]/.test(token) ? token.replace(/[lio]/g, (c) => AS_DIGIT[c] ?? c) : token,
  );
}
