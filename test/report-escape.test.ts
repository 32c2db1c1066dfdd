/** The report's one escaping rule and its JSON data block. */
import { describe, expect, it } from "vitest";
import { escapeHtml, html, jsonForScript, SafeHtml } from "../pipeline/report/index.js";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters and nothing else", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
    expect(escapeHtml("Nghĩa Kỳ – 89,50 điểm")).toBe("Nghĩa Kỳ – 89,50 điểm");
  });

  it("escapes an already escaped string again (no double-decoding shortcut)", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });
});

describe("html tag", () => {
  it("escapes every interpolated string and number, keeps SafeHtml, joins arrays, drops null/false", () => {
    const inner = html`<b>${"<i>"}</b>`;
    const out = html`<p title="${`"x" & 'y'`}">${inner}${["<1>", 2]}${null}${false}${undefined}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(`<p title="&quot;x&quot; &amp; &#39;y&#39;"><b>&lt;i&gt;</b>&lt;1&gt;2</p>`);
  });

  it("cannot be tricked by an object that only looks like SafeHtml", () => {
    const fake = { value: "<script>" } as unknown as string;
    expect(html`${fake}`.value).toBe("[object Object]");
  });
});

describe("jsonForScript", () => {
  it("writes no '<' (so no text can close the data block) and parses back unchanged", () => {
    const data = { q: "</script><script>alert(1)</script><!-- \u2028 \u2029", n: 1.5 };
    const text = jsonForScript(data);
    expect(text).not.toContain("<");
    expect(text).not.toContain("\u2028");
    expect(JSON.parse(text)).toEqual(data);
  });
});
