/**
 * Laws cited by name, with no number: "Luật Tổ chức chính quyền địa phương ngày 19/6/2015",
 * "Luật Thực hiện dân chủ ở cơ sở", "Luật … năm 2015". A name is taken when it is a known law
 * (vocab/laws.ts fixes where it ends) or when a date or "năm yyyy" closes it; a bare "Luật" with
 * an unknown name and no date is too vague to cite (and OCR fragments like "Luật Thực hiện dân d"
 * must not become laws).
 */
import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import { isoDate } from "./lib/vn-date.js";
import { squash } from "./metadata-text.js";
import { LAW_NAMES } from "./vocab/laws.js";

/** A law found by name: `key` is its folded name (two mentions of one law share it). */
export interface LawMention {
  key: string;
  issuedOn: string | null;
  issuer: string | null;
  start: number;
  end: number;
}

const nameSource = (name: string) =>
  squash(fold(name))
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\s*,\s*/g, String.raw`\s*,\s*`)
    .replace(/ /g, String.raw`\s+`);
const KNOWN = new RegExp(
  `(?<![a-z])(?:${[...LAW_NAMES]
    .sort((a, b) => b.length - a.length)
    .map(nameSource)
    .join("|")})(?![a-z])`,
  "g",
);
/** "Luật <Name> ngày …" / "Luật <Name> năm yyyy": the shortest name before the date. Folded. */
const DATED =
  /(?<![a-z])(?:bo\s+)?luat\s+([a-z][a-z ]{2,90}?)(?=\s+(?:ngay\s+\d|nam\s+(?:19|20)\d{2}(?!\d)))/g;
/** What may follow a law's name: its date or its year. Folded. */
const LAW_DATE =
  /^\s*,?\s*(?:ngay\s+(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|thang\s+(\d{1,2})\s+nam\s+(\d{4}))|nam\s+((?:19|20)\d{2}))(?!\d)/;

function withDate(view: string, start: number, nameEnd: number, key: string): LawMention {
  const date = LAW_DATE.exec(view.slice(nameEnd, nameEnd + 40));
  let issuedOn: string | null = null;
  let end = nameEnd;
  if (date) {
    end += date[0].length;
    if (date[1]) issuedOn = isoDate(Number(date[3] ?? date[5]), Number(date[2] ?? date[4]), Number(date[1]));
  }
  return { key, issuedOn, issuer: null, start, end };
}

/** Every law cited by name, in text order (mentions of one law are merged by the caller). */
export function findLawsByName(doc: Pick<NormalisedDocument, "text" | "folded">, view: string): LawMention[] {
  const out: LawMention[] = [];
  KNOWN.lastIndex = 0;
  for (let m = KNOWN.exec(view); m !== null; m = KNOWN.exec(view)) {
    // "Luật"/"Bộ luật" in capitals: "pháp luật khiếu nại" is not the Luật Khiếu nại.
    if (!/^\p{Lu}/u.test(doc.text[m.index] ?? "")) continue;
    out.push(withDate(view, m.index, m.index + m[0].length, squash(m[0])));
  }
  DATED.lastIndex = 0;
  for (let m = DATED.exec(view); m !== null; m = DATED.exec(view)) {
    const start = m.index;
    const nameStart = start + m[0].length - (m[1] ?? "").length;
    if (out.some((k) => start < k.end && start + m[0].length > k.start)) continue;
    // Both "Luật" and the name's first word in capitals: "Luật Tổ chức …", not "luật sửa đổi …".
    if (!/^\p{Lu}/u.test(doc.text[start] ?? "") || !/^\p{Lu}/u.test(doc.text[nameStart] ?? "")) continue;
    if ((m[1] ?? "").split(" ").length > 12) continue;
    out.push(withDate(view, start, start + m[0].length, squash(m[0])));
  }
  return out.sort((a, b) => a.start - b.start);
}
