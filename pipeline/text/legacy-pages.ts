import type { Message } from "../../schemas/index.js";
import type { Table, TextSpan } from "../../schemas/table.js";
import { convertLegacy, type LegacyEncoding, mapSpan } from "./legacy-encoding.js";

/*
 * Legacy-font conversion of a backend's pages, before the raw text is built: the page text and the
 * spans of its tables move together, so evidence spans later point into the converted text.
 */

/** The part of a backend page this module reads and rewrites. */
export interface LegacyPageInput {
  text: string;
  tables?: Table[];
}

/** What {@link convertLegacyPage} did to one page. */
export interface LegacyPageResult<T extends LegacyPageInput> {
  page: T;
  encoding: LegacyEncoding | null;
  /** Only some runs of words were converted. */
  partial: boolean;
  /** Words given back the TCVN3 "ư" the PDF dropped. */
  restoredU: number;
}

/** Converts one page's text (and its tables) from TCVN3/VNI when {@link convertLegacy} says it is such text. */
export function convertLegacyPage<T extends LegacyPageInput>(page: T): LegacyPageResult<T> {
  const conversion = convertLegacy(page.text);
  if (conversion.encoding === null) return { page, encoding: null, partial: false, restoredU: 0 };
  const tables = page.tables?.map((table) =>
    remapTable(table, page.text, conversion.text, conversion.offsets),
  );
  return {
    page: { ...page, text: conversion.text, ...(tables ? { tables } : {}) },
    encoding: conversion.encoding,
    partial: conversion.partial,
    restoredU: conversion.restoredU,
  };
}

/** A table whose spans follow the conversion, and whose cell texts are the converted ones. */
function remapTable(table: Table, before: string, after: string, offsets: Int32Array | null): Table {
  const move = (span: TextSpan) => mapSpan(offsets, span);
  return {
    ...table,
    ...(table.span ? { span: move(table.span) } : {}),
    cells: table.cells.map((cell) => {
      if (!cell.span) return { ...cell, text: convertLegacy(cell.text).text };
      const span = move(cell.span);
      // A cell's text is its slice of the page (one line); otherwise it is converted on its own.
      const sliced = before.slice(cell.span.start, cell.span.end) === cell.text;
      const text = sliced ? after.slice(span.start, span.end) : convertLegacy(cell.text).text;
      return { ...cell, text, span };
    }),
  };
}

/** One converted page, for {@link legacyConversionReport}. */
export interface ConvertedPage {
  page: number;
  encoding: LegacyEncoding;
  partial: boolean;
  /** Words given back a dropped "ư" (0 when none). */
  restoredU?: number;
}

const NAMES: Record<LegacyEncoding, string> = {
  tcvn3: "TCVN3 (ABC, .VnTime fonts)",
  vni: "VNI (VNI-Times fonts)",
};

/** "page 2", "pages 1–3, 5". */
export function pageList(pages: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const first = pages[i] ?? 0;
    let last = first;
    while (pages[i + 1] === last + 1) last = pages[++i] ?? last;
    ranges.push(last === first ? `${first}` : `${first}–${last}`);
  }
  return `${pages.length === 1 ? "page" : "pages"} ${ranges.join(", ")}`;
}

/**
 * The message that tells the reader which pages were converted from which encoding, or null when
 * none were. TCVN3 has no toned capitals: headings were typed in the upper-case fonts (.VnTimeH)
 * with the codes of small letters; legacy-case.ts restores words in capitals, and the message says
 * what it cannot restore.
 */
export function legacyConversionReport(pages: ConvertedPage[], prefix = ""): Omit<Message, "stage"> | null {
  if (pages.length === 0) return null;
  const parts: string[] = [];
  for (const encoding of ["tcvn3", "vni"] as const) {
    const whole = pages.filter((p) => p.encoding === encoding && !p.partial).map((p) => p.page);
    const partial = pages.filter((p) => p.encoding === encoding && p.partial).map((p) => p.page);
    if (whole.length > 0) parts.push(`${pageList(whole)} from ${NAMES[encoding]}`);
    if (partial.length > 0) {
      parts.push(
        `the legacy-font words of ${pageList(partial)} (the rest is Unicode) from ${NAMES[encoding]}`,
      );
    }
  }
  const restored = pages.reduce((sum, p) => sum + (p.restoredU ?? 0), 0);
  const restoredNote =
    restored > 0
      ? ` The PDF had dropped every "ư" (TCVN3 writes it as a soft hyphen); it was put back in ${restored} words where only one place fits it, but words still Vietnamese without it ("ngời" for "người") could not be told.`
      : "";
  const caseNote = pages.some((p) => p.encoding === "tcvn3")
    ? ' TCVN3 has no toned capital letters: words in capitals were restored from their unaccented letters, but a toned capital at the start of a word ("Ủy") may read in lower case.'
    : "";
  return {
    severity: "info",
    rule: "legacy-encoding",
    reason: `${prefix}Text typed in a pre-Unicode Vietnamese font was converted to Unicode: ${parts.join("; ")}.${restoredNote}${caseNote}`,
  };
}

/**
 * Converts every legacy-font page of a file (see convertLegacyPage) and reports which were
 * converted, once per file, through `report`; returns the pages in order, converted or not.
 */
export function convertLegacyPages<T extends LegacyPageInput & { page: number }>(
  pages: readonly T[],
  report: (message: Omit<Message, "stage">) => void,
): T[] {
  const converted: ConvertedPage[] = [];
  const out = pages.map((page) => {
    const result = convertLegacyPage(page);
    if (result.encoding)
      converted.push({
        page: page.page,
        encoding: result.encoding,
        partial: result.partial,
        restoredU: result.restoredU,
      });
    return result.page;
  });
  const message = legacyConversionReport(converted);
  if (message) report(message);
  return out;
}
