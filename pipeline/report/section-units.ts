/**
 * Units side by side: what each unit's documents declare next to what the stage recomputed, units
 * with findings first, every column sortable (numbers sort as numbers through `data-sort`).
 */
import type { ScoreFlag, Scores, ScoreUnit, Severity } from "../../schemas/index.js";
import { html, type SafeHtml } from "./escape.js";
import type { FilterItems } from "./items.js";
import {
  CLASS_LABELS,
  CLASS_RANK,
  LEVEL_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  scoreOrDash,
  searchKey,
} from "./labels.js";

/** Units with the most serious findings first, then by name and year. */
export function unitOrder(a: ScoreUnit, b: ScoreUnit): number {
  return (
    b.flagCounts.error - a.flagCounts.error ||
    b.flagCounts.warning - a.flagCounts.warning ||
    b.flagCounts.info - a.flagCounts.info ||
    a.unit.localeCompare(b.unit, "vi") ||
    (a.year ?? 0) - (b.year ?? 0)
  );
}

/** Two scores differ once rounded to hundredths (documents write two decimals). */
function differs(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && Math.round(a * 100) !== Math.round(b * 100);
}

function numCell(value: number | null, differ = false): SafeHtml {
  return html`<td class="num${differ ? " differs" : ""}" data-sort="${value ?? ""}">${scoreOrDash(value)}</td>`;
}

/** A class cell; `cappedBy` (the computed class only) marks a class lowered by a stated discipline. */
function classCell(
  value: ScoreUnit["declared"]["classification"],
  differ = false,
  cappedBy: readonly string[] = [],
): SafeHtml {
  return html`<td class="${differ ? "differs" : ""}" data-sort="${value ? CLASS_RANK[value] : ""}">${
    value ? CLASS_LABELS[value] : "—"
  }${
    cappedBy.length > 0
      ? html` <span class="small muted" title="Quy định áp dụng: ${cappedBy.join(", ")}">(hạ bậc do kỷ luật)</span>`
      : ""
  }</td>`;
}

/** The worst severity a unit has, for the row's colour. */
function worst(u: ScoreUnit): Severity | null {
  return SEVERITIES.find((s) => u.flagCounts[s] > 0) ?? null;
}

function flagBadges(u: ScoreUnit): SafeHtml {
  const parts = SEVERITIES.filter((s) => u.flagCounts[s] > 0).map(
    (s) => html`<span class="badge ${s}">${u.flagCounts[s]} ${SEVERITY_LABELS[s].toLowerCase()}</span> `,
  );
  return parts.length > 0 ? html`${parts}` : html`<span class="muted">0</span>`;
}

/**
 * The flags a unit row answers for in the filters: its own (same key and year), plus flags about
 * the same unit in a year that has no row of its own (a plan's past deadline is dated by the plan's
 * year, its scores by the assessed year): a reviewer filtering on "Hạn đã qua" must find the unit.
 */
export function flagsOfRow(u: ScoreUnit, scores: Scores): ScoreFlag[] {
  const rows = new Set(scores.units.map((x) => `${x.key}|${x.year}`));
  return scores.flags.filter(
    (f) => f.key === u.key && (f.year === u.year || !rows.has(`${f.key}|${f.year}`)),
  );
}

function unitRow(u: ScoreUnit, scores: Scores, items: FilterItems): SafeHtml {
  const flags = flagsOfRow(u, scores);
  const id = items.add("u", {
    type: "unit",
    q: searchKey(u.unit),
    sev: [...new Set(flags.map((f) => f.severity))],
    kinds: [...new Set(flags.map((f) => f.kind))],
  });
  const d = u.declared;
  const c = u.computed;
  const classDiffers =
    d.classification !== null && c.classification !== null && d.classification !== c.classification;
  const sev = worst(u);
  const total = u.flagCounts.error * 1e6 + u.flagCounts.warning * 1e3 + u.flagCounts.info;
  return html`<tr id="${id}" data-item class="${sev ? `sev-${sev}` : ""}">
<td><span class="unit-name">${u.unit}</span></td>
<td>${u.level ? LEVEL_LABELS[u.level] : "—"}</td>
<td class="num" data-sort="${u.year ?? ""}">${u.year ?? "—"}</td>
${numCell(d.selfAssessed)}${numCell(d.assessed)}${numCell(d.extraDeduction)}
${numCell(d.final, differs(d.final, c.score))}
${classCell(d.classification, classDiffers)}
<td class="num" data-sort="${d.rank ?? ""}">${d.rank === null ? "—" : d.rankOf ? `${d.rank}/${d.rankOf}` : d.rank}</td>
${numCell(c.deductionTotal)}
${numCell(c.score, differs(d.final, c.score))}
${classCell(c.classification, classDiffers, c.cappedBy)}
<td class="num" data-sort="${total}">${flagBadges(u)}</td>
</tr>`;
}

/** A header cell with a sort button (`number` columns sort numerically). */
function th(label: string, type: "number" | "text", title?: string): SafeHtml {
  return html`<th scope="col" data-type="${type}" class="${type === "number" ? "num" : ""}"${
    title ? html` title="${title}"` : ""
  }><button type="button" class="sort">${label}</button></th>`;
}

/** The units table section. */
export function unitsSection(scores: Scores, items: FilterItems): SafeHtml {
  const units = [...scores.units].sort(unitOrder);
  if (units.length === 0) {
    return html`<section id="units"><h2>Đối chiếu điểm các đơn vị</h2>
<p class="empty">Không đọc được điểm của đơn vị nào từ các văn bản.</p></section>`;
  }
  return html`<section id="units"><h2>Đối chiếu điểm các đơn vị</h2>
<p class="small muted">Cột “khai” là số liệu ghi trong văn bản; cột “tính lại” do chương trình tính từ các khoản bị trừ
theo bộ tiêu chí. Ô tô đỏ: số khai khác số tính lại. Bấm vào tiêu đề cột để sắp xếp.</p>
<div class="table-wrap"><table class="sortable" id="units-table">
<thead><tr>
${th("Đơn vị", "text")}${th("Cấp", "text")}${th("Năm", "number")}
${th("Tự chấm", "number", "Điểm đơn vị tự chấm")}${th("Thẩm định", "number", "Điểm cấp trên chấm (thẩm định)")}
${th("Trừ thêm", "number", "Điểm trừ thêm (kỷ luật …)")}${th("Tổng điểm khai", "number")}
${th("Xếp loại khai", "number")}${th("Thứ hạng khai", "number")}
${th("Tổng bị trừ", "number", "Tổng các khoản bị trừ đọc được theo từng tiêu chí")}
${th("Điểm tính lại", "number")}${th("Xếp loại tính lại", "number")}${th("Phát hiện", "number")}
</tr></thead>
<tbody id="units-body">
${units.map((u) => unitRow(u, scores, items))}
</tbody></table></div>
<p class="empty" data-empty-for="units-body" hidden>Không có đơn vị nào khớp bộ lọc.</p>
</section>`;
}
