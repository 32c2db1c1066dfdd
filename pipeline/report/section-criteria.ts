/**
 * Units × criteria: where each unit lost points, and why (each deduction's reason and quote, read
 * from the unit's own documents).
 */
import type { Scores } from "../../schemas/index.js";
import type { UnitYear } from "../scoring/group.js";
import { html, type SafeHtml } from "./escape.js";
import type { DocumentTexts } from "./evidence-context.js";
import type { FilterItems } from "./items.js";
import { searchKey, vnScore } from "./labels.js";
import { evidenceBlock } from "./section-flags.js";

const UNASSIGNED = "unassigned";

function columnLabel(criterion: string): string {
  return criterion === UNASSIGNED ? "Chưa rõ tiêu chí" : `TC ${criterion}`;
}

function deductionList(u: UnitYear, texts: DocumentTexts, items: FilterItems): SafeHtml {
  const id = items.add("d", { type: "other", q: searchKey(u.unit) });
  const year = u.year === null ? "" : ` (năm ${u.year})`;
  return html`<details class="deductions" id="${id}" data-item>
<summary>${u.unit}${year}: ${u.deductions.length} khoản bị trừ</summary>
<ul>${u.deductions.map(
    ({ doc, deduction: d }) =>
      html`<li><strong>${
        d.criterion === null ? "Chưa rõ tiêu chí" : `Tiêu chí ${d.criterion}`
      }${d.content === null ? "" : `, nội dung ${d.content}`}: bị trừ ${vnScore(d.points)} điểm</strong>${
        d.reason ? html` — ${d.reason}` : ""
      }${evidenceBlock({ source: doc.source, document: doc.document, fact: "deductions", ...d.evidence }, texts)}</li>`,
  )}</ul></details>`;
}

/** The units × criteria section; `groups` are the scoring stage's unit-years (for the reasons). */
export function criteriaSection(
  scores: Scores,
  groups: readonly UnitYear[],
  texts: DocumentTexts,
  items: FilterItems,
): SafeHtml {
  const { columns, rows } = scores.criteriaMatrix;
  if (rows.length === 0) {
    return html`<section id="criteria"><h2>Điểm bị trừ theo tiêu chí</h2>
<p class="empty">Không đọc được khoản bị trừ điểm nào theo tiêu chí.</p></section>`;
  }
  const head = columns.map(
    (c) =>
      html`<th scope="col" class="num" data-type="number" title="${c.title ?? ""}"><button type="button" class="sort">${columnLabel(
        c.criterion,
      )}</button></th>`,
  );
  const body = rows.map((r) => {
    const id = items.add("m", { type: "other", q: searchKey(r.unit) });
    const cells = columns.map((c) => {
      const lost = r.lost[c.criterion];
      const over = lost !== undefined && c.maxPoints !== null && lost > c.maxPoints;
      return html`<td class="num${over ? " differs" : ""}" data-sort="${lost ?? 0}">${
        lost === undefined ? "" : vnScore(lost)
      }</td>`;
    });
    return html`<tr id="${id}" data-item><td><span class="unit-name">${r.unit}</span></td>
<td class="num" data-sort="${r.year ?? ""}">${r.year ?? "—"}</td>${cells}
<td class="num" data-sort="${r.total}"><strong>${vnScore(r.total)}</strong></td></tr>`;
  });
  const legend = columns.filter((c) => c.title !== null || c.maxPoints !== null);
  const withReasons = groups.filter(
    (g) => g.deductions.length > 0 && rows.some((r) => r.key === g.key && r.year === g.year),
  );
  return html`<section id="criteria"><h2>Điểm bị trừ theo tiêu chí</h2>
<p class="small muted">Mỗi ô là số điểm đơn vị bị trừ ở tiêu chí đó (TC = tiêu chí). Ô tô đỏ: bị trừ quá điểm tối đa
của tiêu chí.</p>
<div class="table-wrap"><table class="sortable" id="criteria-table"><thead><tr>
<th scope="col" data-type="text"><button type="button" class="sort">Đơn vị</button></th>
<th scope="col" class="num" data-type="number"><button type="button" class="sort">Năm</button></th>
${head}<th scope="col" class="num" data-type="number"><button type="button" class="sort">Tổng</button></th>
</tr></thead><tbody id="criteria-body">${body}</tbody></table></div>
${
  legend.length > 0
    ? html`<details class="legend"><summary>Tên các tiêu chí</summary><ul class="small">${legend.map(
        (c) =>
          html`<li><strong>${columnLabel(c.criterion)}</strong>${c.title ? html`: ${c.title}` : ""}${
            c.maxPoints === null ? "" : ` (tối đa ${vnScore(c.maxPoints)} điểm)`
          }</li>`,
      )}</ul></details>`
    : ""
}
${
  withReasons.length > 0
    ? html`<h3>Lý do bị trừ điểm</h3><div id="deductions-list">${withReasons.map((g) =>
        deductionList(g, texts, items),
      )}</div>`
    : ""
}
</section>`;
}
