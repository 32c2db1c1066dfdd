import type { NormalisedDocument } from "../pipeline/text/types.js";

/** How far into the document its own date and title are looked for (the header and title block). */
const HEAD_LENGTH = 2500;

/**
 * The place-and-date line of the header: "Như Quỳnh, ngày 11 tháng 01 năm 2024", also with the day
 * or month left blank in drafts ("ngày    tháng 01 năm 2025"). A reference's date ("Kế hoạch số 40
 * ngày 25 tháng 02 năm 2025") follows a document number, never a comma or a line start, so it is
 * not taken for the document's own date.
 */
const ISSUE_DATE = /ngay[\s.…_]*(?:\d{1,2})?[\s.…_]*thang[\s.…_]*(?:\d{1,2})?[\s.…_]*nam\s*(\d{4})/g;

/** A year in the title block: "… thị trấn Ba Tơ năm 2025", "… giai đoạn 2026 - 2030". */
const TITLE_YEAR = /(?:nam|giai doan)\s+((?:19|20)\d{2})/g;

/**
 * The document's own year, for dates written without one ("trước ngày 30/3" in a 2022 plan is 30
 * March 2022): the year of the header's place-and-date line, else the first year of the title block,
 * else null. Pure; reads only the head of the document.
 */
export function documentYear(doc: Pick<NormalisedDocument, "text" | "folded">): number | null {
  const head = doc.folded.slice(0, HEAD_LENGTH);
  ISSUE_DATE.lastIndex = 0;
  for (let m = ISSUE_DATE.exec(head); m; m = ISSUE_DATE.exec(head)) {
    if (isIssueDatePosition(doc.text, m.index)) return Number(m[1]);
  }
  TITLE_YEAR.lastIndex = 0;
  for (let m = TITLE_YEAR.exec(head); m; m = TITLE_YEAR.exec(head)) {
    // Skip the year of a long date ("tháng 3 năm 2016" inside a reference).
    if (/thang\s*\d{0,2}[\s.…_]*$/.test(head.slice(Math.max(0, m.index - 12), m.index))) continue;
    return Number(m[1]);
  }
  return null;
}

/** The header date follows a comma (after the place name) or starts a line (markdown marks aside). */
function isIssueDatePosition(text: string, index: number): boolean {
  let p = index - 1;
  while (p >= 0 && /[ \t*_]/.test(text[p] ?? "")) p--;
  return p < 0 || text[p] === "," || text[p] === "\n";
}
