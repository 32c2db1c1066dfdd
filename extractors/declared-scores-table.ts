import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { DeclaredScore } from "../schemas/index.js";
import { evidenceAt } from "./evidence.js";
import { ocrDigitView, SCORE_DIGITS } from "./lib/ocr-digits.js";
import { alignLooseRow, type ColumnKind, columnKinds, foldedCell, type TableRow } from "./lib/table-rows.js";
import { parseVnNumber } from "./lib/vn-number.js";
import { classifyFolded, resultsYearLines, unitName, type YearLine, yearBefore } from "./score-text.js";

/** What a column of a results table holds. */
type Role = "unit" | "year" | "self" | "assessed" | "deduction" | "bonus" | "final" | "class" | "rank";

/**
 * Reads a header cell (folded). Order matters: "Điểm đơn vị tự chấm" names the self-assessment,
 * not the unit, while "Đơn vị được đánh giá" names the unit; "Tổng điểm sau thẩm định" is the final
 * score; "Kết quả xếp loại" is the class. "Năm" heads the year column of a unit's own results
 * over several years.
 */
export function columnRole(cell: string): Role | null {
  const c = cell.trim();
  if (c === "" || /^(?:s?tt|so tt|thu tu)$/.test(c)) return null;
  if (
    /^(?:ten\s+)?(?:don\s*vi|dia\s*phuong|co\s*quan)/.test(c) &&
    !/diem|tu\s*(?:cham|danh\s*gia|dg)/.test(c)
  ) {
    return "unit";
  }
  if (/^nam(?:\s+(?:danh\s*gia|cham\s*diem|xep\s*loai|thuc\s*hien))?$/.test(c)) return "year";
  if (/xep\s*hang|thu\s*hang|xep\s*thu|^hang$|vi\s*thu/.test(c)) return "rank";
  if (/xep\s*loai|phan\s*loai|^loai$|muc\s*(?:do\s*)?hoan\s*thanh/.test(c)) return "class";
  // "Điểm (còn lại) sau khi trừ" is what is left: the final score, not the deduction.
  if (/sau\s*(?:khi\s*)?tru|con\s*lai/.test(c)) return "final";
  if (/(?<![a-z])tru(?![a-z])/.test(c)) return "deduction";
  if (/thuong|diem\s*cong|cong\s*diem/.test(c)) return "bonus";
  if (/tu\s*cham|tu\s*danh\s*gia|tu\s*dg/.test(c)) return "self";
  if (/tong|cuoi\s*cung|chinh\s*thuc|con\s*lai|sau\s*(?:tham\s*dinh|khi\s*tru|tru)/.test(c)) return "final";
  if (/tham\s*dinh|cham|danh\s*gia|cap\s*tren|hoi\s*dong|huyen|tinh/.test(c)) return "assessed";
  if (/diem\s*dat|ket\s*qua|^diem(?:\s*so)?$/.test(c)) return "final";
  if (/don\s*vi|dia\s*phuong|co\s*quan|^xa|phuong|thi\s*tran|^ten/.test(c)) return "unit";
  return null;
}

/** Column index of each role, read from one or two header rows. */
type Columns = Partial<Record<Role, number>>;

function columnsOf(cells: string[]): Columns {
  const cols: Columns = {};
  cells.forEach((c, i) => {
    const role = columnRole(c);
    if (role && cols[role] === undefined) cols[role] = i;
  });
  return cols;
}

const SCORE_ROLES: Role[] = ["self", "assessed", "deduction", "bonus", "final", "class", "rank"];

/** A header names whom (a unit column) or when (a year column) each row is about, and two scores. */
function isHeader(cols: Columns): boolean {
  const key = cols.unit !== undefined || cols.year !== undefined;
  return key && SCORE_ROLES.filter((r) => cols[r] !== undefined).length >= 2;
}

/** A score cell (folded): a Vietnamese number ("97,50", OCR "97.50"); a lone dash means none (0). */
function scoreCell(text: string): number | null {
  const t = text.replace(/\s*(?:diem|d)\s*$/, "").trim();
  if (/^[-–—]$/.test(t)) return 0;
  const v = parseVnNumber(t);
  return v !== null && v <= 200 ? v : null;
}

/** A rank cell (folded, OCR digits repaired): "1", "Thứ 1", "01", or "1/19". */
function rankCell(text: string): { rank: number; of: number | null } | null {
  const m = /^\s*(?:thu|hang)?\s*(\d{1,3})(?:\s*\/\s*(\d{1,3}))?\s*$/.exec(text);
  return m ? { rank: Number(m[1]), of: m[2] ? Number(m[2]) : null } : null;
}

/** The kinds of a table's columns (for lining up loose rows), from its rows after the header. */
function kindsOf(
  doc: NormalisedDocument,
  view: string,
  rows: readonly TableRow[],
  header: TableRow,
): ColumnKind[] {
  const body = rows.filter((r) => r.table === header.table && r.start > header.start && !r.loose);
  return columnKinds(doc, body, header.cells.length, view);
}

/**
 * Results tables (a QUYẾT ĐỊNH phê duyệt kết quả đánh giá, phân loại …): a header row naming the
 * unit column and at least two score columns (Điểm tự chấm / Điểm thẩm định / Điểm trừ / Tổng
 * điểm / Xếp loại / Xếp hạng, in any order and wording; a second header row under merged cells is
 * read too), then one declared score per unit row. A unit's own results over several years ("Năm |
 * Điểm tự chấm | …", no unit column) give one score per year, `unit` null. Group rows ("I. Khối
 * xã") and total rows are skipped. "Điểm trừ" is the extra deduction; a class cell is read with the
 * class vocabulary; numbers are read with OCR's "l" for "1" repaired. A row that lost its tabs
 * (loose) is lined up with the columns when only one reading of its numbers fits.
 */
export function tableDeclaredScores(doc: NormalisedDocument, rows: TableRow[]): DeclaredScore[] {
  const view = ocrDigitView(doc.folded, SCORE_DIGITS);
  const out: DeclaredScore[] = [];
  let cols: Columns | null = null;
  let headerRow: TableRow | null = null;
  let kinds: ColumnKind[] | null = null;
  let year: number | null = null;
  let yearLines: YearLine[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    let row = rows[i] as TableRow;
    const folded = row.cells.map((c) => foldedCell(doc, c));
    const short = folded.every((c) => c.length <= 60);
    if (short && !row.loose) {
      let header = columnsOf(folded);
      const next = rows[i + 1];
      if (next && next.table === row.table && !next.loose) {
        // Merged header cells: "Điểm" above "Tự chấm | Thẩm định | Tổng".
        const below = next.cells.map((c) => foldedCell(doc, c));
        if (below.every((c) => c.length <= 60 && !/\d/.test(c))) {
          const second = columnsOf(below);
          if (SCORE_ROLES.some((r) => second[r] !== undefined)) {
            const merged = { ...header };
            for (const r of SCORE_ROLES) if (second[r] !== undefined) merged[r] = second[r];
            if (isHeader(merged)) {
              header = merged;
              i++;
            }
          }
        }
      }
      if (isHeader(header)) {
        cols = header;
        headerRow = row;
        kinds = null;
        yearLines ??= resultsYearLines(doc);
        year = yearBefore(yearLines, row.start);
        continue;
      }
    }
    if (!cols || !headerRow || row.table !== headerRow.table) continue;
    if (row.loose) {
      kinds ??= kindsOf(doc, view, rows, headerRow);
      const aligned = alignLooseRow(doc, row, kinds, view);
      if (!aligned) continue;
      row = aligned;
    }
    const score = rowScore(doc, view, row, cols, year);
    if (score) out.push(score);
  }
  return out;
}

/** The declared score of one body row, or null for group, total and empty rows. */
function rowScore(
  doc: NormalisedDocument,
  view: string,
  row: TableRow,
  cols: Columns,
  tableYear: number | null,
): DeclaredScore | null {
  const at = (r: Role) => (cols[r] !== undefined ? row.cells[cols[r] as number] : undefined);
  // A number column: a lone "l" or "I" there is OCR's "1" (the view only repairs it beside digits).
  const number = (r: Role) => {
    const c = at(r);
    return c && !c.unknown ? view.slice(c.start, c.end).replace(/^\s*[li]\s*$/, "1") : "";
  };
  let unit: string | null = null;
  let year = tableYear;
  const unitCell = at("unit");
  if (cols.unit !== undefined) {
    // A unit cell merged down over several rows (table model) names the unit of its first row only:
    // the rows below are its parts, not units of their own.
    if (!unitCell || unitCell.text === "" || unitCell.unknown || unitCell.carried) return null;
    if (/^\s*(?:tong|cong|trung binh|binh quan)/.test(foldedCell(doc, unitCell))) return null;
    unit = unitName(unitCell.text);
  } else {
    const y = /^\s*((?:19|20)\d{2})\s*$/.exec(number("year"));
    if (!y) return null;
    year = Number(y[1]);
  }
  const rank = rankCell(number("rank"));
  const classCell = at("class");
  const cls =
    classCell && !classCell.unknown ? classifyFolded(doc.folded, classCell.start, classCell.end, true) : null;
  const score: DeclaredScore = {
    unit,
    year,
    selfAssessed: scoreCell(number("self")),
    assessed: scoreCell(number("assessed")),
    extraDeduction: scoreCell(number("deduction")),
    bonus: scoreCell(number("bonus")),
    final: scoreCell(number("final")),
    rank: rank?.rank ?? null,
    rankOf: rank?.of ?? null,
    classification: cls?.classification ?? null,
    evidence: evidenceAt(doc, row.start, row.end),
  };
  const numbers = [score.selfAssessed, score.assessed, score.final, score.rank].filter((v) => v !== null);
  return numbers.length === 0 ? null : score;
}
