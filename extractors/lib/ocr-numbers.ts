/**
 * Scores and points as OCR writes them: the digit 1 read as "l" or "I" and 0 as "O" ("9l,25",
 * "l.5 điểm", "xếp thứ 8/2l", "Tiêu chí l0"). Unlike `ocrDigitView` (lib/ocr-number-view.ts), which reads
 * integer tokens, this view keeps a decimal number whole: "l.00" and "l,5" hold a real digit after
 * their separator, so their "l" is the digit 1. Same length as the input, so offsets stay valid.
 */

/** A run of digit-like characters (folded text: lower case), with decimal and fraction marks. */
const NUMBER_LIKE = /[0-9lio][0-9lio.,/]*/g;

/** Only digits, look-alikes and separators, and at least one real digit. */
const REPAIRABLE = /^(?=\D*\d)[0-9lio]+(?:[.,/][0-9lio]+)*$/;

/** Words after which a lone "l" can only be the number 1 ("Tiêu chí l:", "nội dung l", "thứ l", "trừ l điểm"). */
const NUMBER_BEFORE = /(?<![a-z])(?:tieu\s*chi|noi\s*dung|thu|tru|dat)\s*(?:so\s*)?$/;
/** Words before which a lone "l" can only be the number 1 ("l điểm", "l/19"). */
const NUMBER_AFTER = /^\s*(?:diem(?![a-z])|\/\s*\d)/;

/**
 * The folded text with OCR look-alikes of 1 and 0 turned into digits inside number-like tokens: a
 * token is repaired when no letter is glued to it, it holds a real digit, and it has only digits,
 * look-alikes and "." "," "/" ("9l,25" → "91,25", "3l/5/2024" → "31/5/2024"). A lone "l" is
 * repaired only where a number is certain (after "tiêu chí", "nội dung", "thứ", "trừ", "đạt", or
 * before "điểm" or "/19"). Words are never touched ("lo", "hoi").
 */
export function ocrNumberView(folded: string): string {
  let out = "";
  let last = 0;
  for (const m of folded.matchAll(NUMBER_LIKE)) {
    const start = m.index;
    // Trailing separators belong to the sentence ("… 2l." / "2l,"), not to the number.
    const token = m[0].replace(/[.,/]+$/, "");
    const end = start + token.length;
    if (/[a-z0-9]/.test(folded[start - 1] ?? "") || /[a-z]/.test(folded[end] ?? "")) continue;
    const lone =
      token === "l" &&
      (NUMBER_BEFORE.test(folded.slice(Math.max(0, start - 14), start)) ||
        NUMBER_AFTER.test(folded.slice(end, end + 8)));
    if (!lone && !REPAIRABLE.test(token)) continue;
    if (!/[lio]/.test(token)) continue;
    out += folded.slice(last, start) + token.replace(/[li]/g, "1").replace(/o/g, "0");
    last = end;
  }
  return out + folded.slice(last);
}
