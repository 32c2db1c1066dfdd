import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_OCR_OPTIONS } from "../pipeline/ocr/engine.js";
import { openPdf } from "../pipeline/pdf/open.js";
import { pageImage } from "../pipeline/pdf/page-image.js";
import type { TruthTable } from "../pipeline/tables/compare.js";

/** One image of fixtures/tables/manifest.json (paths relative to fixtures/). */
export interface TableFixture {
  file: string;
  form: string;
  /** Page of the PDF (from 1); 1 for an image. */
  page: number;
  dpi?: number;
  skew?: number;
  /** Truth of the page's whole text. */
  truth: string;
  /** Truth of the page's tables (JSON: TruthTable[]). */
  cells: string;
  /** "borderless": a table without rules (columns aligned by white space); absent: a ruled table. */
  kind?: "borderless";
}

/** The project's fixtures/ folder, found from this file in bench/ or in dist/bench/. */
export const FIXTURES_DIR = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, "fixtures", "tables", "manifest.json"))) return join(dir, "fixtures");
    dir = dirname(dir);
  }
  throw new Error("fixtures/tables/manifest.json not found above bench/");
})();

/** Every table fixture image. */
export function tableFixtures(): TableFixture[] {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, "tables", "manifest.json"), "utf8"));
}

/** The truth text of a fixture's page. */
export function truthText(fixture: TableFixture): string {
  return readFileSync(join(FIXTURES_DIR, fixture.truth), "utf8");
}

/** The truth of a fixture page's tables. */
export function truthTables(fixture: TableFixture): TruthTable[] {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, fixture.cells), "utf8"));
}

/**
 * The image OCR gets for a fixture: an image file as it is; a PDF page as the PDF backend gets it
 * (pipeline/pdf/page-image.ts: a scan's own image, other pages drawn), with its resolution.
 */
export async function fixtureImage(fixture: TableFixture): Promise<{ image: Buffer; dpi?: number }> {
  const bytes = readFileSync(join(FIXTURES_DIR, fixture.file));
  if (!fixture.file.endsWith(".pdf")) return { image: bytes };
  const parser = openPdf(bytes);
  try {
    const info = await parser.getInfo({ parsePageInfo: true });
    const page = info.pages.find((entry) => entry.pageNumber === fixture.page);
    const size = { width: page?.width ?? 0, height: page?.height ?? 0 };
    const drawn = await pageImage(parser, fixture.page, size, DEFAULT_OCR_OPTIONS.targetDpi);
    return drawn.dpi ? { image: drawn.image, dpi: drawn.dpi } : { image: drawn.image };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** A short name for reports: "results/scan-300.pdf", "002-nhu-quynh/page-3.tiff p1". */
export function fixtureName(fixture: TableFixture): string {
  const short = fixture.file.replace(/^(tables|forms)\//u, "");
  return fixture.file.endsWith(".pdf") ? `${short} p${fixture.page}` : short;
}
