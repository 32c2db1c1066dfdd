/**
 * Legal references: every document a text cites ("Quyết định số 1211/QĐ-UBND ngày 02/11/2022 của
 * Ủy ban nhân dân tỉnh …", "Chỉ thị 16/CT-TTg", "Kết luận số 120 -KL/TW", "QĐ 1211/QĐ-UBND",
 * "Luật Tổ chức chính quyền địa phương năm 2015"). A citation is found from its number/symbol
 * (references-symbol.ts), then read outwards: the kind word before it, the date and the issuer
 * ("của …") after it. Laws cited by name (no number) live in references-laws.ts.
 *
 * Never from garbage: a symbol must be whole ("33/CT" cut off by OCR is not a Chỉ thị number),
 * written in capitals, and a symbol with no kind word before it must carry a kind code.
 */
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Reference, ReferenceKind } from "../schemas/index.js";
import { defineExtractor } from "./define.js";
import { evidenceAt } from "./evidence.js";
import { isoDate } from "./lib/vn-date.js";
import { findOwnNumber } from "./metadata-header.js";
import { squash } from "./metadata-text.js";
import { findLawsByName } from "./references-laws.js";
import { type DocSymbol, findSymbols, matchView } from "./references-symbol.js";
import { REFERENCE_KIND_WORDS, SYMBOL_CODES } from "./vocab/document-kinds.js";

const WORD_ALT = [...REFERENCE_KIND_WORDS]
  .sort((a, b) => b.folded.length - a.folded.length)
  .map((w) => w.folded.replace(/ /g, String.raw`\s+`))
  .join("|");
/**
 * The kind word right before a symbol: "Quyết định số ", "Chương trình phối hợp số ", "Chỉ thị ",
 * "Nghị định s " (OCR lost the "ố"), "QĐ ". Folded, anchored at the symbol.
 */
const KIND_BEFORE = new RegExp(
  String.raw`(?<![a-z0-9])(${WORD_ALT})(?:\s+(?:phoi hop|lien tich|lien nganh))?\s*(?:\b(?:so|s)\s*[:.]?\s*)?$`,
);
/** "số" opening a line (a header's "Số: 08/KH-UBND"): never a citation. */
const LINE_START_NUMBER = /(?:^|\n)[\s*|#]*s[ốo](?:\s*hiệu)?\s*[:.]?\s*$/i;

/** A date right after the symbol: ", ngày 02/11/2022" or "ngày 30 tháng 4 năm 2025". Folded. */
const DATE_AFTER =
  /^\s*,?\s*(?:ban hanh\s+)?ngay\s+(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|thang\s+(\d{1,2})\s+nam\s+(\d{4}))(?!\d)/;
/** "của <issuer>" after the symbol or the date. Folded. */
const ISSUER_OPEN = /^\s*,?\s*cua\s+/;
/**
 * Words that end an issuer and start the cited document's subject: "của UBND huyện về việc …",
 * "… ban hành Quy định", "… Thực hiện quy chế". Folded, tested at each word.
 */
const ISSUER_END =
  /^(?:ve|ban hanh|trien khai|thuc hien|quy dinh|huong dan|phe duyet|to chuc|tiep tuc|nang cao|sua doi|giao|dong thoi|kem theo|da|duoc|tai|theo|nham|voi|cho|lam|trong|de|ngay|so|gui|tham muu|bao cao|ke hoach|quyet dinh)(?![a-z])/;
const MAX_ISSUER_WORDS = 12;
/** A header's place and date line ("Đức Phổ, ngày 28 …"), which a wrapped subject may run into. Folded. */
const PLACE_DATE_LINE = /^[^,\n]{1,30},\s*ngay\b/;
/** Characters that end an issuer's word, and (all but whitespace) the issuer itself. */
const ISSUER_STOP_CHAR = /[\s;,.()“”"':\t[\]]/;

interface Mention {
  kind: ReferenceKind;
  number: string;
  issuedOn: string | null;
  issuer: string | null;
  start: number;
  end: number;
}

/** The kind word before a symbol and where it starts; null when there is none. */
function kindWordBefore(view: string, text: string, symbolStart: number) {
  const from = Math.max(0, symbolStart - 48);
  const m = KIND_BEFORE.exec(view.slice(from, symbolStart));
  if (!m) return null;
  const start = from + m.index;
  const word = (m[1] ?? "").replace(/\s+/g, " ");
  const entry = REFERENCE_KIND_WORDS.find((w) => w.folded === word);
  if (!entry) return null;
  // Abbreviations ("QĐ", "NĐ") count only in capitals, as documents write them.
  if (!word.includes(" ") && word.length <= 2 && !/^\p{Lu}/u.test(text[start] ?? "")) return null;
  return { kind: entry.kind, start };
}

/**
 * Reads the issuer after "của": words up to a subject word, punctuation or another symbol. A line
 * break inside the issuer is crossed (hard-wrapped PDF text), a blank line or a tab is not.
 */
function readIssuer(
  doc: NormalisedDocument,
  view: string,
  offset: number,
): { issuer: string; end: number } | null {
  const open = ISSUER_OPEN.exec(view.slice(offset, offset + 12));
  if (!open) return null;
  const text = doc.text;
  const words: Array<[number, number]> = [];
  let i = offset + open[0].length;
  while (i < text.length && words.length < MAX_ISSUER_WORDS) {
    const gap = /^[ \n]*/.exec(text.slice(i, i + 8))?.[0] ?? "";
    const newlines = gap.match(/\n/g)?.length ?? 0;
    // A blank line ends the issuer; so does a next line holding the place and date ("Đức Phổ, ngày").
    if (
      newlines >= 2 ||
      (newlines === 1 && PLACE_DATE_LINE.test(view.slice(i + gap.length, i + gap.length + 40)))
    )
      break;
    i += gap.length;
    // Folded, "giáo" (Ban Tuyên giáo) reads like the verb "giao": the real spelling decides.
    if (ISSUER_END.test(view.slice(i, i + 24)) && !/^giáo/iu.test(text.slice(i, i + 4))) break;
    let j = i;
    while (j < text.length && !ISSUER_STOP_CHAR.test(text[j] ?? "")) j++;
    if (j === i) break;
    const word = view.slice(i, j);
    if (word.includes("/")) break;
    // "và" joins two bodies ("Ban Dân vận Tỉnh ủy và Ban cán sự đảng …"), not a body and a task.
    if (word === "va" && !/^\s+\p{Lu}/u.test(text.slice(j, j + 3))) break;
    words.push([i, j]);
    i = j;
    if (ISSUER_STOP_CHAR.test(text[i] ?? "") && !/\s/.test(text[i] ?? "")) break;
  }
  while (words.length > 0 && /^(?:va|cac)$/.test(view.slice(...(words[words.length - 1] ?? [0, 0]))))
    words.pop();
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return null;
  return { issuer: squash(text.slice(first[0], last[1])), end: last[1] };
}

/** One citation read around its symbol; null when the symbol is not a citation. */
function readMention(doc: NormalisedDocument, view: string, s: DocSymbol): Mention | null {
  const word = kindWordBefore(view, doc.text, s.start);
  let kind: ReferenceKind | null;
  if (word) {
    // A plain symbol that is only a kind code ("Chỉ thị số 33/CT") was cut off: no number to trust.
    if (s.form === "plain" && SYMBOL_CODES[s.issuerPart.toLowerCase().replace(/đ/g, "d")] !== undefined)
      return null;
    kind = word.kind ?? s.codeKind ?? (s.form === "plain" ? "CONG_VAN" : "OTHER");
  } else {
    if (s.form === "plain" || !s.codeKind) return null;
    if (LINE_START_NUMBER.test(doc.text.slice(Math.max(0, s.start - 16), s.start))) return null;
    kind = s.codeKind;
  }
  let end = s.end;
  const readDate = (at: number): { date: string; end: number } | null => {
    const date = DATE_AFTER.exec(view.slice(at, at + 48));
    if (!date) return null;
    const day = Number(date[1]);
    const month = Number(date[2] ?? date[4]);
    const year = Number(date[3] ?? date[5]);
    const iso = isoDate(year, month, day);
    return iso ? { date: iso, end: at + date[0].length } : null;
  };
  let date = readDate(end);
  if (date) end = date.end;
  const issuer = readIssuer(doc, view, end);
  if (issuer) end = issuer.end;
  // The date may follow the issuer: "Quyết định số 3225/QĐ-UBND của UBND tỉnh ngày 12/12/2023".
  if (!date && issuer) {
    date = readDate(end);
    if (date) end = date.end;
  }
  const issuedOn = date?.date ?? null;
  return {
    kind,
    number: s.number,
    issuedOn,
    issuer: issuer?.issuer ?? null,
    start: word?.start ?? s.start,
    end,
  };
}

/** The key two mentions of one document share: its kind and number, spelled alike. */
function keyOf(kind: ReferenceKind, number: string | null, name = ""): string {
  return `${kind}|${(number ?? name).toUpperCase()}`;
}

/**
 * Reads every reference of the document, deduplicated by (kind, number): the first full citation
 * (one with a date) keeps its evidence, and a later mention fills a date or issuer it lacks. The
 * document's own number (its header "Số: …", repeated in "Kèm theo Kế hoạch số …") is skipped.
 */
export function extractReferences(doc: NormalisedDocument): Reference[] {
  const view = matchView(doc.folded);
  const own = findOwnNumber(doc);
  const groups = new Map<string, Mention[]>();
  const add = (key: string, m: Mention) => {
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  };
  const covered: Array<[number, number]> = [];
  for (const s of findSymbols(doc)) {
    if (own && s.start < own.end && s.end > own.start) continue;
    const m = readMention(doc, view, s);
    if (!m) continue;
    if (own?.number && m.number.toUpperCase() === own.number.toUpperCase()) continue;
    covered.push([m.start, m.end]);
    add(keyOf(m.kind, m.number), m);
  }
  for (const law of findLawsByName(doc, view)) {
    if (covered.some(([a, b]) => law.start < b && law.end > a)) continue;
    add(keyOf("LUAT", null, law.key), { kind: "LUAT", number: "", ...law });
  }
  const out: Array<Reference & { order: number }> = [];
  for (const list of groups.values()) {
    const primary = list.find((m) => m.issuedOn) ?? list[0];
    if (!primary) continue;
    const issuedOn = primary.issuedOn ?? list.find((m) => m.issuedOn)?.issuedOn ?? null;
    const issuer = primary.issuer ?? list.find((m) => m.issuer)?.issuer ?? null;
    out.push({
      kind: primary.kind,
      number: primary.number === "" ? null : primary.number,
      issuedOn,
      issuer,
      evidence: evidenceAt(doc, primary.start, primary.end),
      order: primary.start,
    });
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _order, ...ref }) => ref);
}

/** The references extractor: every cited legal document, once, with the evidence of its citation. */
export const referencesExtractor = defineExtractor<Reference[]>(
  { id: "references", fallback: () => [] },
  extractReferences,
);
