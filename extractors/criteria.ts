import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Criterion } from "../schemas/index.js";
import { isPapiDocument, matchDimension, matchSubDimensions } from "./criteria-papi.js";
import { tableDeductions } from "./deductions-table.js";
import { defineExtractor } from "./define.js";
import { evidenceAt } from "./evidence.js";
import { ocrDigitView, SCORE_DIGITS } from "./lib/ocr-digits.js";
import { foldedCell, type TableRow, tableRows } from "./lib/table-rows.js";
import { lineAt, lineStarts, lineWindow, trimClause } from "./score-text.js";
import { PAPI_HEADING_LEADINS } from "./vocab/criteria.js";

/** A DVCQ criterion reference written in the text: "Tiêu chí 2, nội dung 1: Ban hành văn bản …". */
export interface CriterionRef {
  number: number;
  /** The content (nội dung) number, when written. */
  content: number | null;
  /** Span of the reference itself ("Tiêu chí 2, nội dung 1"). */
  start: number;
  end: number;
  /** Span of the title that follows a colon, when there is one. */
  title: [number, number] | null;
}

/**
 * "Tiêu chí 2", "Tiêu chí số 3", "tiêu chí 2, nội dung 1", "Tiêu chí 5 - ND 2" on folded text; the
 * number may not run on into a date or a document number ("2/2022").
 */
const REF_RE =
  /(?<![a-z])tieu\s*chi\s*(?:so\s*)?(\d{1,2})(?![\d/])(?:\s*[,;(-]?\s*(?:noi\s*dung|nd)\s*(?:so\s*)?(\d{1,2})(?![\d/]))?/g;
/** "Nội dung 2 của Tiêu chí 7", "nội dung 3 thuộc tiêu chí 2": the content written first. */
const CONTENT_FIRST_RE =
  /(?<![a-z])noi\s*dung\s*(?:so\s*)?(\d{1,2})(?![\d/])\s*(?:cua|thuoc|tai)\s+tieu\s*chi\s*(?:so\s*)?(\d{1,2})(?![\d/])/g;

/** Titles longer than this are cut: a criterion title is one heading, not a paragraph. */
const MAX_TITLE = 300;

/** Every DVCQ criterion reference of the document, in text order. */
export function dvcqCriterionRefs(doc: Pick<NormalisedDocument, "text" | "folded">): CriterionRef[] {
  const refs: CriterionRef[] = [];
  // OCR writes "Tiêu chí l0" for "Tiêu chí 10": numbers are read on the repaired view.
  const view = ocrDigitView(doc.folded, SCORE_DIGITS);
  const found = [
    ...[...view.matchAll(CONTENT_FIRST_RE)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      number: Number(m[2]),
      content: Number(m[1]) as number | null,
    })),
    ...[...view.matchAll(REF_RE)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      number: Number(m[1]),
      content: m[2] ? Number(m[2]) : null,
    })),
  ];
  const kept = found
    .filter(
      (r) =>
        !found.some(
          (o) => o !== r && o.start <= r.start && r.end <= o.end && o.end - o.start > r.end - r.start,
        ),
    )
    .sort((a, b) => a.start - b.start);
  for (const m of kept) {
    const { start, end } = m;
    const [, lineEnd0] = lineWindow(doc.text, end, end, MAX_TITLE + 20);
    // In a table row the title ends with its cell.
    const tab = doc.text.slice(end, lineEnd0).indexOf("\t");
    const lineEnd = tab >= 0 ? end + tab : lineEnd0;
    const after = /^[ ]*[:.–-][ ]*/.exec(doc.folded.slice(end, lineEnd));
    let title: [number, number] | null = null;
    // "Tiêu chí 7: bị trừ 0,25 điểm …", "Đối với Tiêu chí 3: Giao …": what follows is no title.
    const notTitle =
      after &&
      /^(?:bi\s*tru|tru\s|giao\s|de\s*nghi\s|yeu\s*cau\s)/.test(
        view.slice(end + after[0].length, end + after[0].length + 12),
      );
    if (after && !notTitle) {
      const [s, e] = trimClause(
        doc.text,
        end + after[0].length,
        Math.min(lineEnd, end + after[0].length + MAX_TITLE),
      );
      if (e - s >= 3) title = [s, e];
    }
    refs.push({ number: m.number, content: m.content, start, end, title });
  }
  return refs;
}

/** A criterion with the offset it was found at, before duplicates are dropped. */
interface Found {
  criterion: Criterion;
  hasTitle: boolean;
}

function dvcqCriteria(doc: NormalisedDocument): Found[] {
  const found: Found[] = [];
  for (const ref of dvcqCriterionRefs(doc)) {
    const end = ref.title ? ref.title[1] : ref.end;
    found.push({
      hasTitle: ref.title !== null,
      criterion: {
        framework: "DVCQ",
        number: ref.number,
        sub: ref.content,
        title: ref.title ? doc.text.slice(ref.title[0], ref.title[1]) : null,
        evidence: evidenceAt(doc, ref.start, end),
      },
    });
  }
  return found.concat(rubricList(doc), deductionTableCriteria(doc));
}

/**
 * Criteria a deduction table names by number only, in its criterion column ("3.2", "Tiêu chí 3"
 * with the content in its own column): each deducted (criterion, content), without a title.
 */
function deductionTableCriteria(doc: NormalisedDocument): Found[] {
  return tableDeductions(doc, tableRows(doc, { loose: true }))
    .filter((d) => d.criterion !== null)
    .map((d) => ({
      hasTitle: false,
      criterion: {
        framework: "DVCQ" as const,
        number: d.criterion,
        sub: d.content,
        title: null,
        evidence: d.evidence,
      },
    }));
}

/**
 * A rubric lists its criteria as numbered items carrying their maximum points, under a heading
 * about criteria ("Điều 4. Tiêu chí đánh giá và thang điểm" / "1. Công tác tổ chức … (10 điểm)").
 * Bonus and deduction items ("Điểm thưởng: Tối đa (03 điểm)") are not criteria.
 */
function rubricList(doc: NormalisedDocument): Found[] {
  const items: Found[] = [];
  let underHeading = false;
  let run: Found[] = [];
  const flush = () => {
    if (run.length >= 2) items.push(...run);
    run = [];
  };
  for (const start of lineStarts(doc.text)) {
    const [s, e] = lineAt(doc.text, start);
    const line = doc.folded.slice(s, e);
    const item =
      /^\s*(\d{1,2})\s*[.)]\s+(.*?)\s*\(\s*(?:toi da\s*)?\d+(?:[,.]\d+)?\s*diem\s*\)\s*[.;]?\s*$/.exec(line);
    if (underHeading && item?.[2] && !/^diem\s/.test(item[2])) {
      const titleStart = s + line.indexOf(item[2]);
      run.push({
        hasTitle: true,
        criterion: {
          framework: "DVCQ",
          number: Number(item[1]),
          sub: null,
          title: doc.text.slice(titleStart, titleStart + item[2].length),
          evidence: evidenceAt(doc, ...trimClause(doc.text, s, e)),
        },
      });
      continue;
    }
    if (item) continue;
    if (line.trim() === "") continue;
    flush();
    underHeading = /tieu chi/.test(line) && line.length < 200;
  }
  flush();
  return items;
}

const QUOTES = `"“”'‘’`;

/**
 * Optional words between a heading number and a PAPI dimension name: lead-in verbs ("Nâng cao",
 * "Cải thiện", "Về"), a label ("Nội dung", "Chỉ số"), then an opening quote.
 */
const HEADING_LABEL = new RegExp(
  String.raw`^\s*(?:(?:[ivx]+|\d+(?:\.\d+)*)\s*[.)]\s*)?(?:(?:${PAPI_HEADING_LEADINS.join("|")})\s+)*(?:(?:noi dung|chi so(?: noi dung)?|linh vuc)\s*(?:\d+\s*)?[:.-]?\s*)?["“”'‘’]?\s*`,
);

function papiCriteria(doc: NormalisedDocument): Found[] {
  const found: Found[] = [];
  const papi = (number: number, sub: number | null, titleStart: number, titleEnd: number) => {
    let [ts, te] = trimClause(doc.text, titleStart, titleEnd);
    while (ts < te && QUOTES.includes(doc.text[ts] ?? "")) ts++;
    while (te > ts && /["“”'‘’\s.,;:]/.test(doc.text[te - 1] ?? "")) te--;
    found.push({
      hasTitle: true,
      criterion: {
        framework: "PAPI",
        number,
        sub,
        title: doc.text.slice(ts, te),
        evidence: evidenceAt(doc, ts, te),
      },
    });
  };
  // Headings: "1.1. Nội dung “Tham gia của người dân ở cấp cơ sở”", "Chỉ số nội dung 2: Công khai, minh bạch".
  for (const start of lineStarts(doc.text)) {
    const [s, e] = lineAt(doc.text, start);
    if (e - s > 160 || doc.text.slice(s, e).includes("\t")) continue;
    const line = doc.folded.slice(s, e);
    const numbered = /^\s*(?:[ivx]+|\d+(?:\.\d+)*)\s*[.)]\s|^\s*chi so\b/.test(line);
    if (!numbered) continue;
    const label = HEADING_LABEL.exec(line);
    const nameStart = s + (label ? label[0].length : 0);
    const hit = matchDimension(doc.folded, nameStart, e, true);
    if (hit) papi(hit.number, null, nameStart, e);
  }
  // Unnumbered mentions in prose: "Chỉ số Công khai, minh bạch", "chỉ số nội dung “Quản trị điện tử”".
  for (const m of doc.folded.matchAll(/(?<![a-z])chi\s*so\s+(?:noi\s*dung\s+)?["“”'‘’]?\s*/g)) {
    const nameStart = m.index + m[0].length;
    const [, lineEnd] = lineAt(doc.text, nameStart);
    const hit = matchDimension(doc.folded, nameStart, Math.min(lineEnd, nameStart + 80), true);
    if (hit) papi(hit.number, null, nameStart, hit.end);
  }
  found.push(...papiTable(doc, tableRows(doc)));
  return found;
}

/** Header cells of a PAPI table: the whole cell is the label ("Chỉ số nội dung", "Nội dung thành phần"). */
const DIM_HEADER = /^\s*(?:ten\s+)?(?:chi so|linh vuc)(?:\s+noi dung)?(?:\s*\([^)]*\))?\s*$/;
const SUB_HEADER = /^\s*(?:noi dung|chi so|tieu chi)\s+thanh\s+phan(?:\s*\([^)]*\))?\s*$/;

/** Splits a sub-dimension cell holding several items ("a) Dịch vụ chứng thực … b) Dịch vụ cấp GCN …"). */
function cellParts(folded: string, start: number, end: number): [number, number][] {
  const cuts = [start];
  const re = /(?:^|\s)[a-zđ]\)\s/g;
  const text = folded.slice(start, end);
  for (const m of text.matchAll(re)) if (m.index > 0) cuts.push(start + m.index + 1);
  cuts.push(end);
  const parts: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) parts.push([cuts[i] ?? start, cuts[i + 1] ?? end]);
  return parts;
}

/**
 * The appendix table of a PAPI plan: columns "Chỉ số nội dung" and "Nội dung thành phần". A
 * dimension cell sets the dimension for the rows below it (merged cells leave them empty); a new
 * row number with an empty dimension cell means the dimension is unknown again.
 */
function papiTable(doc: NormalisedDocument, rows: TableRow[]): Found[] {
  const found: Found[] = [];
  let dimCol = -1;
  let subCol = -1;
  let ttCol = -1;
  let table = -1;
  let current: number | null = null;
  const emit = (number: number, sub: number | null, s: number, e: number) => {
    const [ts, te] = trimClause(doc.text, s, e);
    const title = doc.text.slice(ts, te).replace(/^[a-zđ]\)\s*/i, "");
    found.push({
      hasTitle: true,
      criterion: { framework: "PAPI", number, sub, title, evidence: evidenceAt(doc, ts, te) },
    });
  };
  for (const row of rows) {
    const folded = row.cells.map((c) => foldedCell(doc, c));
    // A header row holds short labels only; a long cell mentioning "chỉ số" is data.
    const headerLike = folded.every((c) => c.length <= 60);
    const dimHeader = folded.findIndex((c) => DIM_HEADER.test(c));
    const subHeader = folded.findIndex((c) => SUB_HEADER.test(c));
    if (headerLike && (dimHeader >= 0 || subHeader >= 0)) {
      if (row.table !== table) current = null;
      dimCol = dimHeader;
      subCol = subHeader;
      ttCol = folded.findIndex((c) => /^s?tt$/.test(c.trim()));
      table = row.table;
      continue;
    }
    if (row.table !== table) continue;
    // A number or dimension cell merged down (table model: `carried`) goes on with the row above.
    const tt = ttCol >= 0 ? row.cells[ttCol] : undefined;
    if (tt && tt.text !== "" && !tt.carried) current = null;
    const dimCell = dimCol >= 0 ? row.cells[dimCol] : undefined;
    if (dimCell && dimCell.text !== "" && !dimCell.carried) {
      const hit = matchDimension(doc.folded, dimCell.start, dimCell.end, false);
      current = hit ? hit.number : -1;
      if (hit) emit(hit.number, null, dimCell.start, dimCell.end);
    }
    const subCell = subCol >= 0 ? row.cells[subCol] : undefined;
    if (!subCell || subCell.text === "" || current === -1) continue;
    for (const [s, e] of cellParts(doc.folded, subCell.start, subCell.end)) {
      for (const hit of matchSubDimensions(doc.folded, s, e, current, false)) emit(hit.number, hit.sub, s, e);
    }
  }
  return found;
}

/** Keeps one entry per distinct criterion: the first occurrence that has a title, else the first. */
function distinct(found: Found[]): Criterion[] {
  const sorted = [...found].sort((a, b) => a.criterion.evidence.start - b.criterion.evidence.start);
  const byKey = new Map<string, Found>();
  for (const f of sorted) {
    const c = f.criterion;
    const key = `${c.framework}|${c.number}|${c.sub ?? ""}`;
    const seen = byKey.get(key);
    if (!seen || (!seen.hasTitle && f.hasTitle)) byKey.set(key, f);
  }
  return [...byKey.values()].map((f) => f.criterion).sort((a, b) => a.evidence.start - b.evidence.start);
}

/**
 * Criteria named by a document. DVCQ: every "Tiêu chí N[, nội dung K]" (a document about dân vận),
 * and a rubric's numbered criteria with their points. PAPI (a document about PAPI): dimensions and
 * sub-dimensions as the document names them (headings, "Chỉ số …" mentions, the appendix table's
 * columns), numbered by the PAPI vocabulary, not by the document's own numbering. One entry per
 * distinct (framework, number, sub).
 */
export function extractCriteria(doc: NormalisedDocument): Criterion[] {
  const found: Found[] = [];
  if (/dan\s*van/.test(doc.folded)) found.push(...dvcqCriteria(doc));
  if (isPapiDocument(doc)) found.push(...papiCriteria(doc));
  return distinct(found);
}

/** The criteria extractor (contract field `criteria`). */
export const criteriaExtractor = defineExtractor(
  { id: "criteria", fallback: (): Criterion[] => [] },
  extractCriteria,
);
