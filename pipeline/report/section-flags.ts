/**
 * The findings, each expandable to the quoted evidence of both sides: the file, the page, and the
 * quoted words highlighted inside a little of the text around them.
 */
import type { ScoreEvidence, ScoreFlag, Scores } from "../../schemas/index.js";
import { html, type SafeHtml } from "./escape.js";
import { type DocumentTexts, quoteInContext } from "./evidence-context.js";
import type { FilterItems } from "./items.js";
import { FACT_LABELS, FLAG_KIND_LABELS, SEVERITY_LABELS, searchKey } from "./labels.js";

/** One quoted span with its file, page and context, the span itself in `<mark>`. */
export function evidenceBlock(e: ScoreEvidence, texts: DocumentTexts): SafeHtml {
  const q = quoteInContext(e, texts);
  const fact = e.fact ? (FACT_LABELS[e.fact] ?? e.fact) : null;
  return html`<div class="evidence">
<div class="src">${fact ? html`<strong>${fact}</strong> · ` : ""}Tệp <code>${e.source}</code> · trang ${e.page}${
    q.located ? "" : html` · <em>không tìm thấy đoạn này trong nội dung văn bản, chỉ hiện phần trích dẫn</em>`
  }</div>
<blockquote class="quote">${q.before}<mark>${q.match}</mark>${q.after}</blockquote>
</div>`;
}

function flagEntry(f: ScoreFlag, texts: DocumentTexts, items: FilterItems): SafeHtml {
  const id = items.add("f", {
    type: "flag",
    q: searchKey(f.unit ?? ""),
    sev: [f.severity],
    kinds: [f.kind],
  });
  const who = [f.unit, f.year === null ? null : `năm ${f.year}`]
    .filter((x): x is string => x !== null)
    .join(" · ");
  return html`<details class="flag ${f.severity}" id="${id}" data-item>
<summary><span class="badge ${f.severity}">${SEVERITY_LABELS[f.severity]}</span>
<span class="badge kind">${FLAG_KIND_LABELS[f.kind]}</span>
${who ? html`<span class="who">${who}</span> — ` : ""}<span class="msg">${f.message}</span></summary>
<div class="body">
${
  f.evidence.length > 0
    ? html`<p class="small muted">Căn cứ trong văn bản (${f.evidence.length} đoạn trích):</p>${f.evidence.map(
        (e) => evidenceBlock(e, texts),
      )}`
    : html`<p class="empty">Phát hiện này không kèm đoạn trích.</p>`
}
</div></details>`;
}

/** The findings section, in the order scores.json gives (errors first). */
export function flagsSection(scores: Scores, texts: DocumentTexts, items: FilterItems): SafeHtml {
  return html`<section id="flags"><h2>Các phát hiện cần xem xét</h2>
${
  scores.flags.length === 0
    ? html`<p class="empty">Không có phát hiện nào: các số liệu đọc được khớp nhau.</p>`
    : html`<p class="small muted no-print">Bấm vào một phát hiện để xem đoạn trích trong văn bản (phần được đánh dấu
vàng là chỗ chương trình đọc số liệu).
<button type="button" id="open-all">Mở tất cả</button> <button type="button" id="close-all">Đóng tất cả</button></p>
<div id="flags-list">${scores.flags.map((f) => flagEntry(f, texts, items))}</div>
<p class="empty" data-empty-for="flags-list" hidden>Không có phát hiện nào khớp bộ lọc.</p>`
}
</section>`;
}
