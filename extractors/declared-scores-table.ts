import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { DeclaredScore } from "../schemas/index.js";
import { evidenceAt } from "./evidence.js";
import { foldedCell, type TableRow } from "./lib/table-rows.js";
import { parseVnNumber } from "./lib/vn-number.js";
import { classifyFolded, resultsYearBefore, unitName } from "./score-text.js";

/** What a column of a results table holds. */
type Role = "unit" | "self" | "assessed" | "deduction" | "bonus" | "final" | "class" | "rank";

/**
 * Reads a header cell (folded). Order matters: "Điểm đơn vị tự chấm" names the self-assessment,
 * not the unit; "Tổng điểm sau thẩm định" is the final score; "Kết quả xếp loại" is the class.
 */
export function columnRole(cell: string): Role | null {
  const c = cell.trim();
  if (c === "" || /^(?:s?tt|so tt|thu tu)$/.test(c)) return null;
  if (/xep\s*hang|thu\s*hang|xep\s*thu|^hang$|vi\s*thu/.test(c)) return "rank";
  if (/xep\s*loai|phan\s*loai|^loai$|muc\s*(?:do\s*)?hoan\s*thanh/.test(c)) return "class";
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

function isHeader(cols: Columns): boolean {
  return cols.unit !== undefined && SCORE_ROLES.filter((r) => cols[r] !== undefined).length >= 2;
}

/** A score cell: a Vietnamese number ("97,50", OCR "97.50"); a lone dash means none (0). */
function scoreCell(text: string): number | null {
  const t = text.replace(/\s*(?:điểm|diem|đ)\s*$/i, "").trim();
  if (/^[-–—]$/.test(t)) return 0;
  const v = parseVnNumber(t);
  return v !== null && v <= 200 ? v : null;
}

/** A rank cell: "1", "Thứ 1", "01", or "1/19". */
function rankCell(text: string): { rank: number; of: number | null } | null {
  const m = /^\s*(?:thu|hang)?\s*(\d{1,3})(?:\s*\/\s*(\d{1,3}))?\s*$/.exec(fold(text));
  return m ? { rank: Number(m[1]), of: m[2] ? Number(m[2]) : null } : null;
}

/**
 * Results tables (a QUYẾT ĐỊNH phê duyệt kết quả đánh giá, phân loại …): a header row naming the
 * unit column and at least two score columns (Điểm tự chấm / Điểm thẩm định / Điểm trừ / Tổng
 * điểm / Xếp loại / Xếp hạng, in any order and wording; a second header row under merged cells is
 * read too), then one declared score per unit row. Group rows ("I. Khối xã") and total rows are
 * skipped. "Điểm trừ" is the extra deduction; a class cell is read with the class vocabulary.
 */
export function tableDeclaredScores(doc: NormalisedDocument, rows: TableRow[]): DeclaredScore[] {
  const out: DeclaredScore[] = [];
  let cols: Columns | null = null;
  let table = -1;
  let year: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as TableRow;
    const folded = row.cells.map((c) => foldedCell(doc, c));
    const short = folded.every((c) => c.length <= 60);
    if (short) {
      let header = columnsOf(folded);
      const next = rows[i + 1];
      if (next && next.table === row.table) {
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
        table = row.table;
        year = resultsYearBefore(doc, row.start);
        continue;
      }
    }
    if (!cols || row.table !== table || cols.unit === undefined) continue;
    const unitCell = row.cells[cols.unit];
    if (!unitCell || unitCell.text === "") continue;
    if (/^\s*(?:tong|cong|trung binh|binh quan)/.test(foldedCell(doc, unitCell))) continue;
    const cell = (r: Role) => (cols?.[r] !== undefined ? (row.cells[cols[r] as number]?.text ?? "") : "");
    const rank = rankCell(cell("rank"));
    const classCol = cols.class !== undefined ? row.cells[cols.class] : undefined;
    const cls = classCol ? classifyFolded(doc.folded, classCol.start, classCol.end, true) : null;
    const score: DeclaredScore = {
      unit: unitName(unitCell.text),
      year,
      selfAssessed: scoreCell(cell("self")),
      assessed: scoreCell(cell("assessed")),
      extraDeduction: scoreCell(cell("deduction")),
      bonus: scoreCell(cell("bonus")),
      final: scoreCell(cell("final")),
      rank: rank?.rank ?? null,
      rankOf: rank?.of ?? null,
      classification: cls?.classification ?? null,
      evidence: evidenceAt(doc, row.start, row.end),
    };
    const numbers = [score.selfAssessed, score.assessed, score.final, score.rank].filter((v) => v !== null);
    if (numbers.length === 0) continue;
    out.push(score);
  }
  return out;
}
