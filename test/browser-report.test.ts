/**
 * The review report in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run)
 * driven headless by playwright-core, which never downloads a browser. The page is opened from
 * file:// exactly as a reviewer opens it: its script must run under its own CSP, sort, filter and
 * expand evidence; the hostile document must show as text with no script run; and nothing may be
 * requested from anywhere but the file itself. A screenshot is kept in test-artifacts/.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scores } from "../schemas/index.js";
import { buildFixtureReport, HOSTILE } from "./report-helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(
    `browser-report: skipped, no Chromium at ${CHROMIUM} (install it: apt-get install -y chromium)`,
  );
}

/** The flags that keep Chromium from reaching out on its own (see the machine notes). */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Set to write docs/report.png (the README's screenshot) from a report without the hostile document. */
const UPDATE_DOCS_SCREENSHOT = process.env.KEHOACH_UPDATE_SCREENSHOT === "1";

async function launch(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), "kehoach-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
    locale: "vi-VN",
    offline: true,
  });
  return { context, profile };
}

/** The visible text of one column of the units table, top to bottom. */
async function column(page: Page, header: string): Promise<string[]> {
  const heads = (await page.locator("#units-table thead th").allTextContents()).map((t) => t.trim());
  const n = heads.indexOf(header) + 1;
  expect(n).toBeGreaterThan(0);
  const cells = await page.locator(`#units-body tr:visible > td:nth-child(${n})`).allTextContents();
  return cells.map((t) => t.trim());
}

const vnNumber = (s: string) => Number(s.replace(",", "."));

describe.skipIf(!HAVE_CHROMIUM)("the report in Chromium", () => {
  let context: BrowserContext;
  let profile = "";
  let page: Page;
  let scores: Scores;
  let out = "";
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const built = await buildFixtureReport();
    scores = built.scores;
    out = built.out;
    ({ context, profile } = await launch());
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console: ${m.text()}`);
    });
    await page.goto(pathToFileURL(built.built.htmlPath).href);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("runs its own script under its CSP, without errors or CSP violations", async () => {
    const count = await page.locator("#f-count").textContent();
    expect(count).toBe(
      `Hiển thị ${scores.units.length}/${scores.units.length} đơn vị · ${scores.flags.length}/${scores.flags.length} phát hiện`,
    );
    expect(problems).toEqual([]);
  });

  it("sorts a numeric column ascending, then descending, on header clicks", async () => {
    const before = await column(page, "Điểm tính lại");
    await page.locator("#units-table thead th", { hasText: "Điểm tính lại" }).locator("button").click();
    const asc = await column(page, "Điểm tính lại");
    const numbers = scores.units.map((u) => u.computed.score).filter((n): n is number => n !== null);
    expect(asc.map(vnNumber)).toEqual([...numbers].sort((a, b) => a - b));
    expect(asc).not.toEqual(before);
    await page.locator("#units-table thead th", { hasText: "Điểm tính lại" }).locator("button").click();
    const desc = await column(page, "Điểm tính lại");
    expect(desc.map(vnNumber)).toEqual([...numbers].sort((a, b) => b - a));
    const aria = await page
      .locator("#units-table thead th", { hasText: "Điểm tính lại" })
      .getAttribute("aria-sort");
    expect(aria).toBe("descending");
  });

  it("sorts the unit names in Vietnamese order", async () => {
    await page.locator("#units-table thead th", { hasText: "Đơn vị" }).first().locator("button").click();
    const names = await column(page, "Đơn vị");
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, "vi", { sensitivity: "base", numeric: true })),
    );
    expect(names.indexOf("Đức Hòa")).toBeLessThan(names.indexOf("Mộ Đức"));
  });

  it("filters by an unaccented unit name, then by severity and kind", async () => {
    await page.fill("#f-text", "duc phong");
    expect(await column(page, "Đơn vị")).toEqual(["Đức Phong"]);
    const flags = page.locator("#flags-list details.flag:visible");
    const phongFlags = scores.flags.filter((f) => f.unit === "Đức Phong").length;
    expect(await flags.count()).toBe(phongFlags);
    await page.fill("#f-text", "");
    await page.selectOption("#f-severity", "error");
    const withErrors = scores.units.filter((u) => u.flagCounts.error > 0).map((u) => u.unit);
    expect((await column(page, "Đơn vị")).sort()).toEqual(withErrors.sort());
    await page.selectOption("#f-severity", "");
    await page.selectOption("#f-kind", "past_deadline");
    expect(await column(page, "Đơn vị")).toEqual(["Đức Tân"]);
    expect(await flags.count()).toBe(scores.flags.filter((f) => f.kind === "past_deadline").length);
    await page.click("#f-reset");
    expect(await column(page, "Đơn vị")).toHaveLength(scores.units.length);
  });

  it("expands a flag to its quoted evidence, the matched words in <mark>", async () => {
    const flag = page.locator("details.flag", { hasText: "Sai số học" }).first();
    const quote = flag.locator("blockquote.quote").first();
    expect(await quote.isVisible()).toBe(false);
    await flag.locator("summary").click();
    expect(await quote.isVisible()).toBe(true);
    const evidence = scores.flags.find((f) => f.kind === "arithmetic")?.evidence[0];
    expect(await quote.locator("mark").textContent()).toBe(evidence?.text);
    expect(await quote.textContent()).toContain("Xã Đức Lợi"); // context around the span
    expect(await flag.locator(".src").first().textContent()).toContain(
      "mo-duc/qd-88-ket-qua-2024.pdf · trang 1",
    );
  });

  it("shows the hostile document's markup as text and runs none of it", async () => {
    await page.click("#open-all");
    await page.locator("details.deductions").evaluateAll((ds) => {
      for (const d of ds) (d as unknown as { open: boolean }).open = true;
    });
    // Hovering the role's heading would fire an injected onmouseover.
    await page.locator("#deadlines h4", { hasText: HOSTILE.role }).hover({ timeout: 5000 });
    const pwned = await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned);
    expect(pwned).toBeUndefined();
    // The rendered text, as the reviewer sees it (not the DOM's raw text).
    const text = await page.locator("body").innerText();
    for (const s of [HOSTILE.unit, HOSTILE.reason, HOSTILE.quote, HOSTILE.role, HOSTILE.source]) {
      expect(text).toContain(s);
    }
    expect(await page.locator("script").count()).toBe(2);
    expect(await page.locator("img, b[onmouseover], [onerror]").count()).toBe(0);
    const mark = page.locator("details.flag", { hasText: "Tự chấm cao hơn nhiều" }).locator("mark");
    expect(await mark.allTextContents()).toContainEqual(expect.stringContaining(HOSTILE.quote));
  });

  it("requested nothing but its own file", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("keeps a screenshot as a test artefact", async () => {
    mkdirSync("test-artifacts", { recursive: true });
    await page.click("#close-all");
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
    );
    await page.screenshot({ path: "test-artifacts/report.png", fullPage: true });
    expect(existsSync("test-artifacts/report.png")).toBe(true);
  });

  it.runIf(UPDATE_DOCS_SCREENSHOT)("writes the README's screenshot (docs/report.png)", async () => {
    const clean = await buildFixtureReport(["mo-duc", "duc-tan"]);
    const p = await context.newPage();
    await p.setViewportSize({ width: 1200, height: 1600 });
    await p.goto(pathToFileURL(clean.built.htmlPath).href);
    await p.locator("details.flag", { hasText: "Sai số học" }).first().locator("summary").click();
    await p.evaluate(() =>
      (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
    );
    mkdirSync("docs", { recursive: true });
    await p.screenshot({ path: "docs/report.png" });
    await p.close();
    cpSync("docs/report.png", "test-artifacts/report-readme.png");
    rmSync(clean.out, { recursive: true, force: true });
  });
});
