import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Deduction } from "../schemas/index.js";
import { evidenceAt } from "./evidence.js";
import { foldedCell, type TableRow } from "./lib/table-rows.js";
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

/** A whole-cell header naming the unit being graded: such a table is a results table, not deductions. */
const UNIT_HEADER = /^(?:ten\s+)?(?:don vi|dia phuong|co quan(?:, don vi)?|xa, (?:phuong|thi tran))$/;

function headerColumns(cells: string[]): DeductionColumns | null {
  if (cells.some((c) => c.length > 60)) return null;
  if (cells.some((c) => UNIT_HEADER.test(c.trim()))) return null;
  const find = (re: RegExp, skip: number[] = []) =>
    cells.findIndex((c, i) => !skip.includes(i) && re.test(c));
  const points = find(/diem\s+(?:bi\s+)?tru|(?:bi\s+)?tru\s+diem|so\s+diem\s+(?:bi\s+)?tru/);
  if (points < 0) return null;
  const criterion = find(/tieu\s*chi/, [points]);
  const content = find(/noi\s*dung/, [points, criterion]);
  if (criterion < 0 && content < 0) return null;
  return {
    points,
    criterion,
    content,
    reason: find(/ly do|nguyen nhan/, [points]),
    responsible: find(/trach nhiem|chu tri|tham muu|don vi thuc hien/, [points]),
    remedy: find(/khac phuc|giai phap|bien phap/, [points]),
  };
}

function cellText(row: TableRow, col: number): string {
  return col >= 0 ? (row.cells[col]?.text ?? "") : "";
}

function leadingNumber(s: string): number | null {
  const m = /^\s*(?:tieu\s*chi|noi\s*dung|tc|nd)?\s*(?:so\s*)?(\d{1,2})(?![\d,])/.exec(s);
  return m ? Number(m[1]) : null;
}

/**
 * Deductions listed in a table with columns such as "Tiêu chí | Nội dung | Điểm trừ | Lý do" (any
 * order and wording). A criterion cell left empty by a merged cell keeps the criterion of the row
 * above; "2.1" in the criterion column is criterion 2, content 1. Total rows and rows without
 * points are skipped.
 */
export function tableDeductions(doc: NormalisedDocument, rows: TableRow[]): Deduction[] {
  const out: Deduction[] = [];
  let cols: DeductionColumns | null = null;
  let table = -1;
  let criterion: number | null = null;
  for (const row of rows) {
    const folded = row.cells.map((c) => foldedCell(doc, c));
    const header = headerColumns(folded);
    if (header) {
      cols = header;
      table = row.table;
      criterion = null;
      continue;
    }
    if (!cols || row.table !== table) continue;
    const critCell = cols.criterion >= 0 ? (folded[cols.criterion] ?? "") : "";
    const contentCell = cols.content >= 0 ? (folded[cols.content] ?? "") : "";
    if (/^\s*(?:tong|cong)\b/.test(critCell) || /^\s*(?:tong|cong)\b/.test(contentCell)) continue;
    let content = leadingNumber(contentCell);
    const dotted = /^\s*(?:tieu\s*chi\s*)?(\d{1,2})\.(\d{1,2})(?!\d)/.exec(critCell);
    if (dotted) {
      criterion = Number(dotted[1]);
      content ??= Number(dotted[2]);
    } else if (critCell.trim() !== "") {
      criterion = leadingNumber(critCell);
    }
    const pointsRaw = cellText(row, cols.points)
      .replace(/điểm|diem|đ/gi, "")
      .replace(/^[-–\s]+/, "")
      .trim();
    const points = parseVnNumber(pointsRaw);
    if (points === null || points <= 0) continue;
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
      evidence: evidenceAt(doc, row.cells[0]?.start ?? row.start, row.cells.at(-1)?.end ?? row.end),
    });
  }
  return out;
}
