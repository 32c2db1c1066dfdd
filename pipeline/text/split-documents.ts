import type { PageSpan } from "../../schemas/index.js";
import { fold } from "./fold.js";
import { isCapitalsLine } from "./line-kinds.js";
import { pageSpansFromMap } from "./page-spans.js";
import type { NormalisedDocument, OffsetMap } from "./types.js";

/*
 * A file may hold several official documents: a công văn followed by the plan it forwards, a
 * decision followed by an attachment with its own header. Every official document opens with the
 * national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and a number line "Số: …" (Nghị định
 * 30/2020/NĐ-CP), and closes with recipients ("Nơi nhận:"), "./." or a signing capacity
 * ("TM.", "KT.", "TL."). A new document starts where a motto + number header follows such an end.
 * Matching runs on the folded text, so unaccented OCR output splits the same way.
 */

const MOTTO = /cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam/g;
/**
 * "Số: 53/KH-UBND", "Số 70/KH-UBND", "Số: /KH-UBND" (a draft), "Số:" with the number on the next
 * line; on the folded text, where every line break is a space.
 */
const NUMBER_LINE = /(?:^|\s)so\s*:|(?:^|\s)so\s+\d*\s*\/\s*[a-z]/;
/** The end of a document (folded): recipients or "./.". */
const DOCUMENT_END = /noi nhan\s*:?|\.\/\./;
/** A signing capacity opening a line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH". */
const SIGNING_LINE = /^[^\S\n]*(?:tm|kt|tl|ttl|q|tuq)\.\s*\S/im;
/** The issuing body's lines above the motto ("ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI", "SỞ NỘI VỤ"). */
const ISSUER_LINE =
  /^(?:uy ban|ubnd|hoi dong|hdnd|so\b|bo |phong |ban |dang uy|dang bo|tinh |huyen |thi xa|thi tran|thanh pho|xa |phuong |quan |van phong|cong an|truong |trung tam|chi cuc|cuc |tong cuc|chinh phu|thu tuong|mat tran|lien doan|kho bac)/;
/** How far after the motto the number line may be (the header's two columns interleave). */
const HEADER_REACH = 800;
/** How many issuer lines may sit above the motto. */
const MAX_ISSUER_LINES = 4;

/** Start of the line holding `index`. */
function lineStart(text: string, index: number): number {
  return text.lastIndexOf("\n", index - 1) + 1;
}

/**
 * Moves a header's start up over the issuing body's lines right above the motto line. The body's
 * name often wraps ("ỦY BAN NHÂN DÂN TỈNH / QUẢNG NGÃI"): a capitals line that is not itself an
 * issuer word counts when an issuer line sits above it in the same block.
 */
function headerStart(text: string, mottoLine: number): number {
  let start = mottoLine;
  let taken = 0;
  let cursor = mottoLine;
  while (cursor > 0 && taken < MAX_ISSUER_LINES) {
    const end = cursor - 1; // the "\n" before the current line
    const begin = lineStart(text, end);
    const line = text.slice(begin, end).trim();
    cursor = begin;
    if (line === "") continue;
    if (!isCapitalsLine(line)) break;
    taken++;
    if (ISSUER_LINE.test(fold(line))) start = begin;
  }
  return start;
}

/**
 * Offsets in `text` where a new document begins, after the first (which begins at 0). A motto
 * counts when it opens a line (or a header line that holds both columns), a number line
 * follows within the header, and the text since the previous document's start holds that
 * document's end. A single document with one header is never split.
 */
export function findDocumentStarts(text: string, folded: string = fold(text)): number[] {
  const starts: number[] = [];
  let previous = 0;
  for (const m of folded.matchAll(MOTTO)) {
    const at = m.index ?? 0;
    const mottoLine = lineStart(text, at);
    const before = text.slice(mottoLine, at);
    if (before.trim() !== "" && !isCapitalsLine(before)) continue; // the motto quoted in a sentence
    const header = folded.slice(mottoLine, at + HEADER_REACH);
    if (!NUMBER_LINE.test(header)) continue;
    const start = headerStart(text, mottoLine);
    if (start <= previous) continue;
    if (!DOCUMENT_END.test(folded.slice(previous, start)) && !SIGNING_LINE.test(text.slice(previous, start)))
      continue;
    starts.push(start);
    previous = start;
  }
  return starts;
}

/** Narrows `[start, end)` to exclude leading and trailing whitespace. */
function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return [s, e];
}

/**
 * Splits a normalised file into its documents. Each document gets its own `text` (offsets restart
 * at 0, no leading or trailing blank lines), its `folded` view, its `pages` (where each raw page
 * lies in this document's text) and its `map` into the file's raw text. A file with one document
 * (the usual case) gives one; an empty text gives none.
 */
export function splitDocuments(
  text: string,
  map: OffsetMap,
  rawPages: readonly PageSpan[],
): NormalisedDocument[] {
  const folded = fold(text);
  const bounds = [0, ...findDocumentStarts(text, folded), text.length];
  const documents: NormalisedDocument[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = trimRange(text, bounds[i] as number, bounds[i + 1] as number);
    if (end <= start) continue;
    const docText = text.slice(start, end);
    const docMap = map.slice(start, end + 1);
    documents.push({
      text: docText,
      folded: fold(docText),
      pages: pageSpansFromMap(docMap, rawPages),
      map: docMap,
    });
  }
  return documents;
}
