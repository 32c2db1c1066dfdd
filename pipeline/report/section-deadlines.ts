/**
 * Per-role deadline lists: for each unit, each role's tasks by date, with the deadline as the plan
 * words it; a deadline already past on the plan's own date is marked.
 */
import { type RoleDeadlines, type RoleTask, UNASSIGNED_ROLE } from "./deadlines.js";
import { html, type SafeHtml } from "./escape.js";
import type { FilterItems } from "./items.js";
import { searchKey, vnDate } from "./labels.js";

/** Deadline kinds, for deadlines without a day. */
export const DEADLINE_KIND_LABELS: Readonly<Record<string, string>> = {
  by_date: "Trước ngày",
  on_date: "Đúng ngày",
  window: "Trong khoảng thời gian",
  month: "Trong tháng",
  quarter: "Trong quý",
  period: "Theo kỳ báo cáo",
  recurring: "Định kỳ",
  continuous: "Thường xuyên",
  event: "Khi có sự kiện",
  relative: "Tính từ một mốc khác",
};

function status(t: RoleTask): SafeHtml {
  if (t.pastAtIssue && t.issuedOn) {
    return html`<span class="past">Hạn đã qua ngay khi ban hành (${vnDate(t.issuedOn)})</span>`;
  }
  if (t.date === null) {
    return html`<span class="muted">${DEADLINE_KIND_LABELS[t.entry.deadline.kind] ?? "Không có ngày cụ thể"}</span>`;
  }
  return html``;
}

function taskRow(t: RoleTask): SafeHtml {
  const doc = [
    t.documentNumber ? `Số ${t.documentNumber}` : null,
    t.issuedOn ? `ngày ${vnDate(t.issuedOn)}` : null,
  ]
    .filter((x): x is string => x !== null)
    .join(", ");
  return html`<tr class="${t.pastAtIssue ? "sev-warning" : ""}">
<td class="num">${t.date ? vnDate(t.date) : "—"}</td>
<td>${t.entry.deadline.text}</td>
<td>${t.entry.task === null ? html`<span class="muted">(không gắn nhiệm vụ)</span> ` : ""}${t.text}</td>
<td>${t.duty === "lead" ? "Chủ trì" : "Phối hợp"}</td>
<td><code>${t.entry.source}</code>${doc ? html`<br><span class="small muted">${doc}</span>` : ""}</td>
<td>${status(t)}</td>
</tr>`;
}

function roleList(list: RoleDeadlines): SafeHtml {
  const past = list.tasks.filter((t) => t.pastAtIssue).length;
  return html`<div class="role-list">
<h4>${list.role === UNASSIGNED_ROLE ? html`<em>${list.role}</em>` : list.role} <span class="muted small">(${
    list.tasks.length
  } thời hạn${past > 0 ? html`, <span class="past">${past} hạn đã qua</span>` : ""})</span></h4>
<table class="deadlines"><colgroup><col class="c-date"><col class="c-text"><col class="c-task"><col class="c-duty">
<col class="c-doc"><col class="c-status"></colgroup>
<thead><tr><th scope="col" class="num">Hạn chót</th><th scope="col">Thời hạn ghi trong văn bản</th>
<th scope="col">Nhiệm vụ</th><th scope="col">Vai trò</th><th scope="col">Văn bản</th><th scope="col">Tình trạng</th></tr></thead>
<tbody>${list.tasks.map(taskRow)}</tbody></table></div>`;
}

/** One unit's role lists (roles in the order given). */
function unitBlock(unit: string | null, lists: readonly RoleDeadlines[], items: FilterItems): SafeHtml {
  const id = items.add("r", { type: "other", q: searchKey(unit ?? "") });
  return html`<div class="unit-deadlines" id="${id}" data-item>
<h3>${unit ?? "Đơn vị chưa xác định"}</h3>${lists.map(roleList)}</div>`;
}

/** The deadlines section; `events` is the number of events written to the .ics. */
export function deadlinesSection(
  lists: readonly RoleDeadlines[],
  events: number,
  items: FilterItems,
): SafeHtml {
  const units = new Map<string, RoleDeadlines[]>();
  for (const l of lists) units.set(l.unitKey ?? "", [...(units.get(l.unitKey ?? "") ?? []), l]);
  return html`<section id="deadlines"><h2>Thời hạn theo người phụ trách</h2>
${
  lists.length === 0
    ? html`<p class="empty">Không đọc được thời hạn nào trong các văn bản.</p>`
    : html`<p class="small muted">Thời hạn trong các kế hoạch, theo từng đơn vị và từng người (bộ phận) chủ trì hoặc
phối hợp, sắp theo hạn chót. ${events} thời hạn có ngày cụ thể được ghi vào tệp lịch
<a href="../deadlines.ics"><code>deadlines.ics</code></a> (cạnh thư mục <code>report</code>), mỗi sự kiện cho một người
chủ trì, để nhập vào lịch Outlook, Google hoặc điện thoại.</p>
<div id="deadlines-list">${[...units.values()].map((ls) => unitBlock(ls[0]?.unit ?? null, ls, items))}</div>`
}
</section>`;
}
