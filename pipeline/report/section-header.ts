/**
 * The report's top: what was read and when, which rubric was applied (and plainly whether its
 * class thresholds are provisional), the counts, the filter controls, and how to read the rest.
 */
import type { Scores } from "../../schemas/index.js";
import { html, type SafeHtml } from "./escape.js";
import {
  CLASS_LABELS,
  FLAG_KIND_HELP,
  FLAG_KIND_LABELS,
  FLAG_KINDS,
  SEVERITIES,
  SEVERITY_LABELS,
  vnDateTime,
  vnScore,
} from "./labels.js";

/** The page title. */
export const REPORT_TITLE = "Báo cáo rà soát điểm công tác dân vận chính quyền";

function rubricBlock(scores: Scores): SafeHtml {
  const r = scores.rubric;
  if (r.id === null) {
    return html`<div class="notice"><strong>Không xác định được bộ tiêu chí.</strong> Chỉ thực hiện các kiểm tra không
cần thang điểm và ngưỡng xếp loại (so sánh giữa các đơn vị trong cùng bảng, tự chấm so với thẩm định).
<span class="small">${r.reason}</span></div>`;
  }
  const others = scores.otherRubrics;
  return html`<p><strong>Bộ tiêu chí áp dụng:</strong> ${r.title ?? r.id} <span class="muted small">(${r.id}${
    r.scale === null ? "" : `, thang ${vnScore(r.scale).replace(/,00$/, "")} điểm`
  })</span>.</p>
${
  r.provisional
    ? html`<div class="notice"><strong>Ngưỡng xếp loại tạm tính.</strong> Văn bản gốc của bộ tiêu chí này không có
trong dữ liệu, nên ngưỡng điểm để xếp loại là giả định: các phát hiện về xếp loại dựa trên ngưỡng chỉ để tham khảo
(mức “Lưu ý”). So sánh giữa các đơn vị trong cùng bảng vẫn có giá trị.${
        r.note
          ? html`<details class="small"><summary>Chi tiết về bộ tiêu chí</summary><p>${r.note}</p></details>`
          : ""
      }</div>`
    : html`<p class="small">Ngưỡng xếp loại: theo văn bản gốc của bộ tiêu chí (chính thức).${
        r.note ? html` <span class="muted">${r.note}</span>` : ""
      }</p>`
}
${
  others.length > 0
    ? html`<p class="small">Một số đơn vị được chấm theo bộ tiêu chí khác: ${others.map(
        (o, i) =>
          html`${i > 0 ? "; " : ""}${o.title} <span class="muted">(${o.id}${o.provisional ? ", ngưỡng tạm tính" : ""})</span>`,
      )}.</p>`
    : ""
}`;
}

/** Header: title, run date, inputs, rubric. */
export function headerSection(scores: Scores, now: Date): SafeHtml {
  return html`<header>
<h1>${REPORT_TITLE}</h1>
<div class="meta small"><span>Lập lúc: <strong>${vnDateTime(now)}</strong></span>
<span>Dữ liệu: ${scores.documents.files} tệp, ${scores.documents.documents} văn bản</span>
<span>Ngưỡng “tự chấm cao hơn nhiều”: ${vnScore(scores.parameters.selfGapThreshold)} điểm</span></div>
${rubricBlock(scores)}
<nav class="small no-print">Mục lục: <a href="#summary">Tổng quan</a> · <a href="#units">Đối chiếu điểm</a> ·
<a href="#flags">Phát hiện</a> · <a href="#criteria">Điểm bị trừ theo tiêu chí</a> · <a href="#deadlines">Thời hạn</a> ·
<a href="#help">Cách đọc báo cáo</a></nav>
</header>`;
}

/** Summary cards: unit-years, units with findings, findings by severity and by kind. */
export function summarySection(scores: Scores): SafeHtml {
  const count = (sev: string) => scores.flags.filter((f) => f.severity === sev).length;
  const flagged = scores.units.filter(
    (u) => u.flagCounts.error + u.flagCounts.warning + u.flagCounts.info > 0,
  );
  const kinds = FLAG_KINDS.filter((k) => scores.flags.some((f) => f.kind === k));
  return html`<section id="summary"><h2>Tổng quan</h2>
<div class="overview"><div class="cards">
<div class="card"><span class="n">${scores.units.length}</span>đơn vị – năm đã đối chiếu</div>
<div class="card"><span class="n">${flagged.length}</span>đơn vị – năm có phát hiện</div>
${SEVERITIES.map(
  (s) =>
    html`<div class="card ${s}"><span class="n">${count(s)}</span>${SEVERITY_LABELS[s].toLowerCase()}</div>`,
)}
</div>
${
  kinds.length > 0
    ? html`<table class="kinds"><thead><tr><th scope="col">Loại phát hiện</th>${SEVERITIES.map(
        (s) => html`<th scope="col" class="num">${SEVERITY_LABELS[s]}</th>`,
      )}</tr></thead><tbody>${kinds.map(
        (k) =>
          html`<tr><td>${FLAG_KIND_LABELS[k]}</td>${SEVERITIES.map((s) => {
            const n = scores.flags.filter((f) => f.kind === k && f.severity === s).length;
            return html`<td class="num">${n > 0 ? n : ""}</td>`;
          })}</tr>`,
      )}</tbody></table>`
    : ""
}</div>
${
  scores.messages.length > 0
    ? html`<details class="small"><summary>Ghi chú của chương trình (${scores.messages.length})</summary><ul>${scores.messages.map(
        (m) =>
          html`<li>${SEVERITY_LABELS[m.severity]}: ${m.reason}${m.source ? html` — <code>${m.source}</code>` : ""}</li>`,
      )}</ul></details>`
    : ""
}
</section>`;
}

/** The sticky filter bar (hidden in print). */
export function controlsSection(): SafeHtml {
  return html`<div class="controls" role="search">
<label>Tên đơn vị (gõ không dấu cũng được)<input type="search" id="f-text" placeholder="vd: nghia ky" autocomplete="off"></label>
<label>Mức độ<select id="f-severity"><option value="">Tất cả</option>${SEVERITIES.map(
    (s) => html`<option value="${s}">Có ${SEVERITY_LABELS[s].toLowerCase()}</option>`,
  )}<option value="none">Không có phát hiện</option></select></label>
<label>Loại phát hiện<select id="f-kind"><option value="">Tất cả</option>${FLAG_KINDS.map(
    (k) => html`<option value="${k}">${FLAG_KIND_LABELS[k]}</option>`,
  )}</select></label>
<button type="button" id="f-reset">Bỏ lọc</button>
<output id="f-count" aria-live="polite"></output>
</div>
<p class="print-only small" id="filter-note"></p>`;
}

/** "How to read this report". */
export function helpSection(): SafeHtml {
  return html`<section id="help" class="help"><h2>Cách đọc báo cáo này</h2>
<p>Báo cáo do chương trình lập tự động từ các văn bản đơn vị gửi lên (kế hoạch, báo cáo, quyết định công nhận kết
quả). Chương trình đọc điểm các đơn vị tự khai và các khoản bị trừ, tính lại điểm theo bộ tiêu chí, rồi chỉ ra chỗ
các con số không khớp. Mỗi phát hiện đều kèm đoạn trích nguyên văn: <strong>hãy đối chiếu với văn bản gốc trước khi
kết luận</strong>, vì văn bản scan có thể bị đọc sai.</p>
<dl>
<dt>Bảng đối chiếu điểm</dt><dd>Mỗi dòng là một đơn vị trong một năm được đánh giá. Các cột “khai” là số ghi trong
văn bản; “Điểm tính lại” = thang điểm − tổng điểm bị trừ (+ điểm thưởng − điểm trừ thêm), hoặc điểm thẩm định − điểm
trừ thêm khi không có danh sách khoản trừ. Đơn vị có phát hiện đứng đầu; bấm tiêu đề cột để sắp xếp lại.</dd>
<dt>Lọc</dt><dd>Gõ tên đơn vị vào ô lọc (có dấu hay không dấu đều được: “nghia ky” tìm ra “Nghĩa Kỳ”), chọn mức độ
hoặc loại phát hiện. Bộ lọc áp dụng cho tất cả các mục.</dd>
<dt>Mức độ</dt><dd><span class="badge error">Lỗi</span>: số liệu chắc chắn mâu thuẫn, cần yêu cầu giải trình.
<span class="badge warning">Cảnh báo</span>: cần xem lại. <span class="badge info">Lưu ý</span>: để tham khảo (ví dụ
khi ngưỡng xếp loại là tạm tính).</dd>
${FLAG_KINDS.map((k) => html`<dt>${FLAG_KIND_LABELS[k]}</dt><dd>${FLAG_KIND_HELP[k]}</dd>`)}
<dt>Đoạn trích</dt><dd>Bấm vào một phát hiện để mở các đoạn trích của cả hai phía: tên tệp, số trang, và phần chữ
được <mark>đánh dấu vàng</mark> là chỗ chương trình đọc số liệu, kèm vài dòng xung quanh.</dd>
<dt>Xếp loại</dt><dd>${Object.values(CLASS_LABELS).join(" · ")}.</dd>
<dt>Thời hạn</dt><dd>Danh sách nhiệm vụ của từng người (bộ phận) phụ trách, theo hạn chót. “Hạn đã qua ngay khi ban
hành kế hoạch”: kế hoạch đặt thời hạn sớm hơn chính ngày ký kế hoạch.</dd>
<dt>In báo cáo</dt><dd>Dùng lệnh In của trình duyệt (Ctrl+P), khổ A4: bản in bỏ các nút lọc và mở sẵn mọi đoạn
trích.</dd>
</dl></section>`;
}
