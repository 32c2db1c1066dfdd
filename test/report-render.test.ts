/**
 * The report page rendered from the fixtures (scored by the real scoring stage): self-contained
 * under a strict CSP, escaped, in Vietnamese with decimal commas, units with findings first,
 * evidence quoted in context with <mark>, per-role deadline lists.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../pipeline/report/index.js";
import { readOutputDocuments } from "../pipeline/scoring/index.js";
import type { Scores } from "../schemas/index.js";
import { buildFixtureReport, emptyScores, fixtureOut, HOSTILE } from "./report-helpers.js";

let page = "";
let scores: Scores;
const temp: string[] = [];

beforeAll(async () => {
  const built = await buildFixtureReport();
  temp.push(built.out);
  scores = built.scores;
  page = readFileSync(join(built.out, "report", "index.html"), "utf8");
});

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** The content of every `<script>` / `<style>` element, with its opening tag. */
function elements(tag: "script" | "style"): { open: string; body: string }[] {
  const re = new RegExp(`(<${tag}[^>]*>)([\\s\\S]*?)</${tag}>`, "g");
  return [...page.matchAll(re)].map((m) => ({ open: m[1] ?? "", body: m[2] ?? "" }));
}

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

describe("self-contained page under a strict Content-Security-Policy", () => {
  it("has one inline script and one inline style, both allowed by hash, and nothing else", () => {
    const attr = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? "";
    const csp = attr
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    expect(csp).toContain("default-src 'none'");
    const scripts = elements("script");
    const executable = scripts.filter((s) => !s.open.includes("application/json"));
    expect(executable).toHaveLength(1);
    expect(scripts).toHaveLength(2);
    const styles = elements("style");
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`script-src ${sha(executable[0]?.body ?? "")}`);
    expect(csp).toContain(`style-src ${sha(styles[0]?.body ?? "")}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it("loads nothing: no src attribute, no stylesheet link, no url() or @import, no remote address", () => {
    expect(page).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/url\(|@import/i);
    expect(page).not.toMatch(/(href|action)="(https?:)?\/\//i);
  });

  it("puts the scripts' data in a JSON block that holds no '<' and parses", () => {
    const data = elements("script").find((s) => s.open.includes('type="application/json"'));
    expect(data?.body).not.toContain("<");
    const parsed = JSON.parse(data?.body ?? "");
    expect(parsed.items.length).toBeGreaterThan(scores.units.length);
    expect(parsed.items.find((i: { q: string }) => i.q === "duc tan")).toBeTruthy();
  });
});

describe("document text is escaped", () => {
  it("shows every hostile string only in escaped form", () => {
    expect(page).not.toContain("<script>window");
    expect(page).not.toContain("<img src=x");
    expect(page).not.toContain("<b onmouseover");
    expect(page).not.toContain(HOSTILE.scriptClose);
    const esc = (s: string) =>
      s
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
    for (const s of [HOSTILE.unit, HOSTILE.reason, HOSTILE.quote, HOSTILE.role, HOSTILE.source]) {
      expect(page).toContain(esc(s));
    }
  });

  it("escapes text from scores.json too (messages, rubric notes, program notes)", () => {
    const out = renderReport(
      emptyScores({
        rubric: {
          id: "x",
          provisional: true,
          title: `<i>t</i>`,
          note: `<u>n</u>`,
          reason: `<s>r</s>`,
          scale: 100,
          criteria: [],
        },
        messages: [{ severity: "warning", reason: `<em>m</em>`, source: `<q>s</q>` }],
      }),
      [],
      { now: new Date(0) },
    );
    for (const tag of ["<i>t", "<u>n", "<s>r", "<em>m", "<q>s"]) expect(out).not.toContain(tag);
    expect(out).toContain("&lt;em&gt;m&lt;/em&gt;");
    expect(out).toContain("Ngưỡng xếp loại tạm tính");
  });
});

describe("the rubric in the header", () => {
  const rubric = (patch: Partial<Scores["rubric"]>): Scores["rubric"] => ({
    id: "can-tho-2579-2025",
    provisional: false,
    title: "Quy định Tiêu chí đánh giá",
    note: null,
    reason: "--rubric",
    scale: 100,
    criteria: [],
    ...patch,
  });
  const render = (r: Scores["rubric"]) => renderReport(emptyScores({ rubric: r }), [], { now: new Date(0) });

  it("says whether the class thresholds are official or provisional", () => {
    const official = render(rubric({}));
    expect(official).toContain("Ngưỡng xếp loại: theo văn bản gốc của bộ tiêu chí (chính thức).");
    expect(official).not.toContain("Ngưỡng xếp loại tạm tính");
    expect(render(rubric({ provisional: true }))).toContain("Ngưỡng xếp loại tạm tính.");
  });

  it("says so when no rubric matched", () => {
    expect(render(rubric({ id: null }))).toContain("Không xác định được bộ tiêu chí.");
  });
});

describe("content in Vietnamese", () => {
  it("says plainly that the rubric's thresholds are provisional, and which rubric was used", () => {
    expect(scores.rubric.provisional).toBe(true);
    expect(page).toContain("Ngưỡng xếp loại tạm tính");
    expect(page).toContain("quang-ngai-1211-2022");
    expect(page).toContain("Lập lúc: <strong>01/06/2025 lúc 10:04 (giờ Việt Nam)</strong>");
  });

  it("writes scores with decimal commas and classes as documents word them", () => {
    expect(page).toContain(">94,75</td>");
    expect(page).not.toMatch(/>\s*94\.75\s*</);
    expect(page).toContain("Hoàn thành xuất sắc nhiệm vụ");
    for (const label of ["Sai số học", "Thứ hạng mâu thuẫn", "Tự chấm cao hơn nhiều", "Hạn đã qua"]) {
      expect(page).toContain(label);
    }
  });

  it("lists units with findings first, errors before warnings before none", () => {
    const body = /<tbody id="units-body">([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? "";
    const order = [...body.matchAll(/<tr id="u-\d+" data-item class="([^"]*)">/g)].map((m) => m[1]);
    expect(order.length).toBe(scores.units.length);
    const rank = (c: string | undefined) => ["sev-error", "sev-warning", "sev-info", ""].indexOf(c ?? "");
    expect(order.map(rank)).toEqual([...order.map(rank)].sort((a, b) => a - b));
    expect(order[0]).toBe("sev-error");
    expect(order[order.length - 1]).toBe("");
  });

  it("marks a declared total that differs from the recomputed one", () => {
    const phong = scores.units.find((u) => u.unit === "Đức Phong");
    expect(phong?.declared.final).toBe(84);
    expect(phong?.computed.score).toBe(83);
    expect(page).toContain('<td class="num differs" data-sort="84">84,00</td>');
    expect(page).toContain('<td class="num differs" data-sort="83">83,00</td>');
  });
});

describe("flags with their evidence", () => {
  it("quotes each flag's evidence with file, page and the span in <mark> inside its context", () => {
    const flag = scores.flags.find((f) => f.kind === "arithmetic" && f.unit === "Đức Phong");
    const ev = flag?.evidence[0];
    expect(ev?.text).toContain("Xã Đức Phong");
    const mark = `<mark>${ev?.text}</mark>`;
    expect(page).toContain(mark);
    // The row above the quoted one (from the document's text) is shown as context.
    const before = page.slice(page.indexOf(mark) - 120, page.indexOf(mark));
    expect(before).toContain("Xã Đức Lợi");
    expect(page).toContain("Tệp <code>mo-duc/qd-88-ket-qua-2024.pdf</code> · trang 1");
  });

  it("renders one <details> per flag", () => {
    expect(page.match(/<details class="flag (error|warning|info)"/g)).toHaveLength(scores.flags.length);
  });
});

describe("units × criteria", () => {
  it("shows points lost per criterion, with the reasons read from the documents", () => {
    const body = /<tbody id="criteria-body">([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? "";
    expect(body).toContain("Đức Tân");
    expect(body).toContain('data-sort="1.75">1,75</td>');
    expect(page).toContain(
      "Tiêu chí 9, nội dung 1: bị trừ 1,75 điểm</strong> — chưa tổ chức đối thoại với Nhân dân",
    );
  });
});

describe("per-role deadlines", () => {
  const section = () => /<section id="deadlines">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? "";

  it("groups one role's spellings together and sorts its deadlines by date", () => {
    const s = section();
    const heading = s.indexOf("Công chức Văn phòng – Thống kê <span");
    expect(heading).toBeGreaterThan(0);
    expect(s.indexOf("Văn phòng - Thống kê <span")).toBe(-1); // the variant spelling has no list of its own
    const table = s.slice(heading, s.indexOf("</table>", heading));
    const dates = [...table.matchAll(/<td class="num">(\d\d\/\d\d\/\d{4})<\/td>/g)].map((m) => m[1]);
    expect(dates).toEqual(["15/01/2025", "30/06/2025"]);
    expect(table).toContain("Hạn đã qua ngay khi ban hành (18/02/2025)");
  });

  it("lists supporting roles and undated deadlines too", () => {
    const s = section();
    expect(s).toContain("Bộ phận Một cửa");
    expect(s).toContain("Phối hợp");
    expect(s).toContain("Định kỳ");
  });
});

describe("print", () => {
  it("prints on A4 without controls, with evidence open and rows kept whole", () => {
    const css = elements("style")[0]?.body ?? "";
    expect(css).toMatch(/@page \{ size: A4;/);
    const print = css.slice(css.indexOf("@media print"));
    expect(print).toMatch(/\.controls[^{]*\{ display: none !important; \}/);
    expect(print).toMatch(/tr[^{]*\{ break-inside: avoid;/);
    expect(print).toContain("details::details-content");
  });
});

describe("fixtures and edge cases", () => {
  it("quotes in the hand-made fixtures are exact slices of their documents' text", async () => {
    const dir = fixtureOut();
    temp.push(dir);
    const { documents } = await readOutputDocuments(dir);
    expect(documents.length).toBe(3);
    let checked = 0;
    const walk = (node: unknown, text: string): void => {
      if (Array.isArray(node)) for (const n of node) walk(n, text);
      else if (node && typeof node === "object") {
        const o = node as Record<string, unknown>;
        if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string") {
          expect(text.slice(o.start, o.end)).toBe(o.text);
          checked++;
        }
        for (const [k, v] of Object.entries(o)) if (k !== "text") walk(v, text);
      }
    };
    for (const d of documents) {
      const raw = d.raw as { text: string };
      walk({ ...raw, text: undefined }, raw.text);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("renders an empty batch with a sentence in each section instead of empty tables", () => {
    const out = renderReport(emptyScores(), [], { now: new Date(0) });
    expect(out).toContain("Không đọc được điểm của đơn vị nào từ các văn bản.");
    expect(out).toContain("Không có phát hiện nào: các số liệu đọc được khớp nhau.");
    expect(out).toContain("Không đọc được khoản bị trừ điểm nào theo tiêu chí.");
    expect(out).toContain("Không đọc được thời hạn nào trong các văn bản.");
  });
});
