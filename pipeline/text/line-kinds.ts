import { fold } from "./fold.js";

/*
 * What a line is, from its own text: a list item, a heading, the end of a sentence, a line that
 * cannot end a sentence. Used to rejoin hard-wrapped lines and to find document headers; the
 * patterns follow Nghị định 30/2020/NĐ-CP numbering (I. / 1. / 1.1. / a) / - / +).
 */

const LIST_MARKER = new RegExp(
  [
    String.raw`[IVXLC]{1,6}[.)](?=\s|$)`, // I.  II)  IV.
    String.raw`\d{1,3}(?:\.\d{1,3})*[.)](?=\s|$|\p{L})`, // 1.  2.4.5.  3)
    String.raw`\d{1,3}(?:\.\d{1,3})+(?=\s)`, // 1.1 Heading
    String.raw`[a-zđ][.)](?=\s)`, // a)  b.
    String.raw`\(\s*(?:\d{1,3}|[a-zđ]|[ivx]{1,4})\s*\)`, // (1)  (a)  (iv)
    String.raw`[-+•–—*▪●◦·►✓](?=\s|\p{Lu}|\d|$)`, // - item  -Item  + item
  ]
    .map((p) => `(?:${p})`)
    .join("|")
    .replace(/^/, "^(?:")
    .concat(")"),
  "u",
);
/** Legal divisions written as words: "Điều 5.", "Chương II", "Mục 1", "Phần I", "Phụ lục 2". */
const DIVISION = /^(?:dieu|chuong|muc|phan|phu luc|buoc)\s+(?:\d{1,3}|[ivxlc]{1,6})\b/;

/** True when the line starts with a list or section marker. `line` is trimmed. */
export function startsWithListMarker(line: string): boolean {
  if (LIST_MARKER.test(line)) return true;
  return DIVISION.test(fold(line.slice(0, 16)));
}

/** True for a heading written in capitals ("I. MỤC ĐÍCH, YÊU CẦU", "KẾ HOẠCH", "CHỦ TỊCH"). */
export function isCapitalsLine(line: string): boolean {
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  const upper = line.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 3 && upper / letters >= 0.7;
}

/** True when the line ends a sentence or a clause that a new line may follow (". ; : ! ?", "./."). */
export function endsSentence(line: string): boolean {
  return /[.;:!?…]["'”’»)\]]*$/.test(line);
}

/** Words that cannot end a sentence: the line must go on ("của", "và", "ngày", "số" …). */
const CONTINUATION_WORDS = new Set(
  (
    "của và với ngày số tại theo về các những cho trong để là được bởi từ đến giữa bằng thuộc nhằm gồm " +
    "như hoặc hay nhưng mà vào tới trên dưới cùng đối đã sẽ đang các một những tháng"
  ).split(" "),
);

/** True when the line cannot end there: it ends with a comma, a dash, an open bracket or a linking word. */
export function endsMidSentence(line: string): boolean {
  if (/[,(\-–—/&]$/.test(line)) return true;
  const last = /(\p{L}+)$/u.exec(line)?.[1];
  return last !== undefined && CONTINUATION_WORDS.has(last);
}

/** The first letter of a line after opening quotes and brackets ("" when it starts with no letter). */
export function firstLetter(line: string): string {
  const m = /^["'“‘«([]*(\p{L})/u.exec(line);
  return m?.[1] ?? "";
}

/** True when the line's first letter is lower case: the line continues the previous one. */
export function startsLowerCase(line: string): boolean {
  const letter = firstLetter(line);
  return letter !== "" && letter === letter.toLowerCase() && letter !== letter.toUpperCase();
}
