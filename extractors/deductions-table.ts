import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Deduction } from "../schemas/index.js";
import { evidenceAt } from "./evidence.js";
import { ocrDigitView, SCORE_DIGITS } from "./lib/ocr-digits.js";
import { alignLooseRow, type ColumnKind, columnKinds, foldedCell, type TableRow } from "./lib/table-rows.js";
import { parseVnNumber } from "./lib/vn-number.js";

/** Roles of the columns of a deduction table, found by keywords on the folded header cells. */
interface DeductionColumns {
  points: number;
  criterion: number;
  content: number;
  reason: number;
  responsible: number;
  remedy: number;
}

/**
 * A whole-cell header naming the unit being graded ("Đơn vị", "Tên đơn vị", "Cơ quan, đơn vị",
 * "Đơn vị được đánh giá", "Xã, phường"): such a table is a results table, not deductions.
 */
const UNIT_HEADER =
  /^(?:ten\s+)?(?:don vi|dia phuong|co quan(?:, don vi)?|xa, (?:phuong|thi tran))(?:\s+(?:duoc|bi)\s+(?:danh gia|cham diem|tham dinh))?$/;
/**
 * The criterion column: "Tiêu chí", "Tiêu chí đánh giá", not "Điểm Tiêu chí 1" or "Tiêu chí 2 (90
 * điểm)", which hold one criterion's points in a results table.
 */
const CRITERION_HEADER = /tieu\s*chi(?!\s*(?:so\s*)?\d)/;

function headerColumns(cells: string[]): DeductionColumns | null {
  if (cells.some((c) => c.length > 60)) return null;
  if (cells.some((c) => UNIT_HEADER.test(c.trim()))) return null;
  const find = (re: RegExp, skip: number[] = []) =>
    cells.findIndex((c, i) => !skip.includes(i) && re.test(c));
  // A cell that is about the points ("Điểm trừ", "Số điểm bị trừ") before one that only mentions
  // them ("Tiêu chí/nội dung bị trừ điểm", "Lý do trừ điểm").
  const pointsFirst = find(/^(?:so\s+)?diem\s+(?:bi\s+)?tru|^(?:so\s+diem\s+)?(?:bi\s+)?tru(?:\s+diem)?$/);
  const points =
    pointsFirst >= 0
      ? pointsFirst
      : find(/diem\s+(?:bi\s+)?tru|(?:bi\s+)?tru\s+diem|so\s+diem\s+(?:bi\s+)?tru/);
  if (points < 0) return null;
  const criterion = find(CRITERION_HEADER, [points]);
  const content = find(/noi\s*dung/, [points, criterion]);
  if (criterion < 0 && content < 0) return null;
  return {
    points,
    criterion,
    content,
    reason: find(/ly do|nguyen nhan/, [points]),
    responsible: find(/trach nhiem|chu tri|tham muu|(?:don vi|nguoi|can bo|bo phan|co quan)\s+thuc hien/, [
      points,
    ]),
    remedy: find(/khac phuc|giai phap|bien phap/, [points]),
  };
}

/** Columns of a header row, completed by those of the header row above it that it does not name. */
function mergeColumns(above: DeductionColumns, header: DeductionColumns): DeductionColumns {
  const merged = { ...header };
  for (const key of Object.keys(merged) as (keyof DeductionColumns)[]) {
    if (merged[key] < 0) merged[key] = above[key];
  }
  return merged;
}

/**
 * The row as evidence: from its first cell to its last. A cell merged down from a row above lies
 * there (and the rows between are other deductions): the row's own line bound stands for it.
 */
function rowEvidence(doc: NormalisedDocument, row: TableRow) {
  const first = row.cells[0];
  const last = row.cells.at(-1);
  const start = first && !first.carried ? first.start : row.start;
  const end = last && !last.carried ? last.end : row.end;
  return evidenceAt(doc, start, Math.max(start, end));
}

/** A cell that only says "total": "Tổng cộng", "Tổng", "Cộng:", "Tổng số". */
const TOTAL_LABEL = /^\s*(?:tong(?:\s*(?:cong|so))?|cong)\s*:?\s*$/;

function cellText(row: TableRow, col: number): string {
  return col >= 0 ? (row.cells[col]?.text ?? "") : "";
}

function leadingNumber(s: string): number | null {
  const m = /^\s*(?:tieu\s*chi|noi\s*dung|tc|nd)?\s*(?:so\s*)?(\d{1,2})(?![\d,])/.exec(s);
  return m ? Number(m[1]) : null;
}

/** A loose row (lost tabs) lined up with the table's columns, or null when its numbers are ambiguous. */
function aligned(
  doc: NormalisedDocument,
  view: string,
  rows: TableRow[],
  header: TableRow,
  row: TableRow,
): TableRow | null {
  const body = rows.filter((r) => r.table === header.table && r.start > header.start && !r.loose);
  const kinds: ColumnKind[] = columnKinds(doc, body, header.cells.length, view);
  return alignLooseRow(doc, row, kinds, view);
}

/**
 * Deductions listed in a table with columns such as "Tiêu chí | Nội dung | Điểm trừ | Lý do" (any
 * order and wording). A criterion cell left empty by a merged cell keeps the criterion of the row
 * above; "2.1" in the criterion column is criterion 2, content 1. Total rows and rows without
 * points are skipped. A row that lost its tabs is lined up with the columns; when its criterion
 * and content cells cannot be told apart, both numbers are read from their joined text ("Tieu chi
 * 3 Noi dung 1: …"), and an unknown criterion cell is never filled from the row above.
 */
export function tableDeductions(doc: NormalisedDocument, rows: TableRow[]): Deduction[] {
  const view = ocrDigitView(doc.folded, SCORE_DIGITS);
  const out: Deduction[] = [];
  let cols: DeductionColumns | null = null;
  let headerRow: TableRow | null = null;
  let criterion: number | null = null;
  let previous: TableRow | null = null;
  for (let row of rows) {
    if (!row.loose) {
      const header = headerColumns(row.cells.map((c) => foldedCell(doc, c)));
      if (header) {
        // A second header row right under the first (cells merged down from it repeat there): the
        // columns only the first one names ("Lý do" over "Chủ quan | Khách quan") are kept.
        const under = previous !== null && previous === headerRow && row.cells.some((c) => c.carried);
        cols = cols !== null && under ? mergeColumns(cols, header) : header;
        headerRow = row;
        previous = row;
        criterion = null;
        continue;
      }
    }
    previous = row;
    if (!cols || !headerRow || row.table !== headerRow.table) continue;
    if (row.loose) {
      const lined = aligned(doc, view, rows, headerRow, row);
      if (!lined) {
        // An unreadable row may have named a criterion: the merged cells below it are unknown too.
        criterion = null;
        continue;
      }
      row = lined;
    }
    const cellAt = (col: number) => (col >= 0 ? row.cells[col] : undefined);
    const viewOf = (col: number) => {
      const c = cellAt(col);
      return c ? view.slice(c.start, c.end) : "";
    };
    const critCell = viewOf(cols.criterion);
    const contentCell = viewOf(cols.content);
    if (/^\s*(?:tong|cong)\b/.test(critCell) || /^\s*(?:tong|cong)\b/.test(contentCell)) continue;
    // "Tổng cộng" written in the first columns (often merged across them): the total, not a deduction.
    if (row.cells.slice(0, cols.points).some((c) => TOTAL_LABEL.test(view.slice(c.start, c.end)))) continue;
    let content = leadingNumber(contentCell);
    const dotted = /^\s*(?:tieu\s*chi\s*)?(\d{1,2})\.(\d{1,2})(?!\d)/.exec(critCell);
    if (cellAt(cols.criterion)?.unknown) {
      criterion = null;
    } else if (dotted) {
      criterion = Number(dotted[1]);
      content ??= Number(dotted[2]);
    } else if (critCell.trim() !== "") {
      criterion = leadingNumber(critCell);
    }
    const joined = cellAt(cols.criterion)?.merged
      ? critCell
      : cellAt(cols.content)?.merged
        ? contentCell
        : null;
    if (joined !== null) {
      // Criterion and content columns run together: read both from their joined words.
      const c = /(?<![a-z])tieu\s*chi\s*(?:so\s*)?(\d{1,2})(?!\d)/.exec(joined);
      const n = /(?<![a-z])noi\s*dung\s*(?:so\s*)?(\d{1,2})(?!\d)/.exec(joined);
      criterion = c ? Number(c[1]) : cellAt(cols.criterion)?.merged ? leadingNumber(joined) : null;
      content = n ? Number(n[1]) : null;
    }
    const pointsRaw = viewOf(cols.points)
      .replace(/^\s*[li]\s*$/, "1")
      .replace(/diem|d$/g, "")
      .replace(/^[-–\s]+/, "")
      .trim();
    const points = parseVnNumber(pointsRaw);
    if (points === null || points <= 0) continue;
    // Points merged down over several rows (table model) are one deduction, read at its first row.
    if (cellAt(cols.points)?.carried) continue;
    const reason = cellText(row, cols.reason) || null;
    const responsible = cellText(row, cols.responsible);
    const remedy = cellText(row, cols.remedy) || null;
    out.push({
      criterion,
      content,
      points,
      reason,
      ...(responsible ? { responsible: [responsible] } : {}),
      ...(remedy ? { remedy } : {}),
      evidence: rowEvidence(doc, row),
    });
  }
  return out;
}
