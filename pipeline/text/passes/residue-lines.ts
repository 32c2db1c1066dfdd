import { fold } from "../fold.js";
import { type MappedText, OffsetMapBuilder } from "../offset-map.js";
import { isBlank, type Line, splitLines } from "./lines.js";

/*
 * Lines that belong to the page, not to the document: digital-signature residue (the stamp that
 * signing software draws over the text and that PDF extraction turns into lines) and page numbers.
 * Rules look at the line's shape, never at one document's wording.
 */

/** An ISO 8601 time stamp as signing software writes it ("2024-03-19T07:58:52+0700"). */
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/gi;

/**
 * Key lines only a signature stamp writes (folded): "Ký bởi: …", "Signed by: …", and "Thời gian
 * ký: <date/time>" (OCR'd as "kết"). "Người ký: …" alone is not enough (legal sites print it in
 * their metadata): it goes only as a companion of such a line.
 */
const STAMP_KEY =
  /^(?:ky boi|signed by|signature valid)\s*:|^(?:thoi gian ky|thoi gian ket|ngay ky|ky ngay)\s*:.*\d/;
/** A time alone, with optional date and zone ("15:49:45", "25.03.2022 15:49:45 +07:00"). */
const TIME_LINE =
  /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}[ ,t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:\(?(?:gmt|utc)?\s*[+-]\d{1,2}:?\d{2}\)?))?$/;
const EMAIL_LINE = /^e-?mail\s*:?\s*\S+@\S+$/;
/** Lines a stamp prints next to its key lines: the signing body, position, e-mail. */
const STAMP_COMPANION = /^(?:co quan|chuc vu|to chuc|don vi|email|e-mail|nguoi ky)\b/;
const TASK_WORDS = /chu tri|phoi hop|thuc hien|tham muu|trach nhiem/;
/** Page numbers at the top or bottom of a page: "3", "- 3 -", "Trang 3", "3/12", pdf-parse's "-- 3 of 12 --". */
const PAGE_NUMBER = /^(?:trang\s*)?[-–(]?\s*\d{1,3}\s*[-–)]?$|^\d{1,3}\s*\/\s*\d{1,3}$/;
const PAGE_MARKER = /^--\s*\d+\s+of\s+\d+\s*--$/;

type Verdict = "anchor" | "companion" | "page-number" | "keep";

function judge(content: string): Verdict {
  const folded = fold(content).trim();
  const stripped = folded.replace(ISO_TIMESTAMP, "").trim();
  if (stripped === "" && folded !== "") return "anchor";
  if (STAMP_KEY.test(folded) || TIME_LINE.test(folded) || EMAIL_LINE.test(folded)) return "anchor";
  if (PAGE_MARKER.test(folded)) return "page-number";
  if (
    STAMP_COMPANION.test(folded) &&
    folded.length <= 80 &&
    !TASK_WORDS.test(folded) &&
    !/[.;]$/.test(folded)
  ) {
    return "companion";
  }
  if (PAGE_NUMBER.test(folded)) return "page-number";
  return "keep";
}

/** Statistics a caller may turn into messages. */
export interface ResidueStats {
  stampLines: number;
  pageNumbers: number;
}

/**
 * Removes signature-stamp lines and page numbers, with their line breaks, and ISO time stamps
 * inside lines. A stamp line is a key line ("Ký bởi: …", "Thời gian ký: …"), a time or date-time
 * alone, an e-mail line or a line that is only an ISO time stamp; the lines printed with it
 * ("Cơ quan: Tỉnh Quảng Ngãi") go only when they touch such a line, so "Cơ quan chủ trì: …" in a
 * plan stays. Page numbers go only when they are the first or last line of a page.
 */
export function residueLinesPass(text: string, stats?: ResidueStats): MappedText {
  const lines = splitLines(text);
  const verdicts = lines.map(
    (line): Verdict => (isBlank(text, line) ? "keep" : judge(text.slice(line.start, line.end))),
  );
  const remove = new Uint8Array(lines.length);
  markStampBlocks(text, lines, verdicts, remove, stats);
  markPageNumbers(text, lines, verdicts, remove, stats);

  const builder = new OffsetMapBuilder(text);
  lines.forEach((line, i) => {
    if (remove[i]) {
      // Drop the line and its "\n"; a "\f" stays: it is the page break.
      builder.keepTo(line.start).delete(line.end - line.start + (line.terminator === "\n" ? 1 : 0));
      return;
    }
    const content = text.slice(line.start, line.end);
    for (const m of content.matchAll(ISO_TIMESTAMP)) {
      builder.keepTo(line.start + (m.index ?? 0)).delete(m[0].length);
    }
  });
  return builder.finish();
}

function markStampBlocks(
  text: string,
  lines: Line[],
  verdicts: Verdict[],
  remove: Uint8Array,
  stats?: ResidueStats,
): void {
  for (let i = 0; i < lines.length; i++) {
    if (verdicts[i] !== "anchor") continue;
    remove[i] = 1;
    // A stamp's companion lines touch an anchor or another stamp line (no blank line between).
    for (const step of [-1, 1]) {
      let j = i + step;
      while (j >= 0 && j < lines.length && !isBlank(text, lines[j] as Line)) {
        if (verdicts[j] !== "companion" && verdicts[j] !== "anchor") break;
        remove[j] = 1;
        j += step;
      }
    }
  }
  if (stats) stats.stampLines += remove.reduce((sum, r) => sum + r, 0);
}

function markPageNumbers(
  text: string,
  lines: Line[],
  verdicts: Verdict[],
  remove: Uint8Array,
  stats?: ResidueStats,
): void {
  const pageEdges = new Set<number>();
  lines.forEach((line, i) => {
    if (line.terminator !== "\f") return;
    let before = i;
    while (before >= 0 && isBlank(text, lines[before] as Line)) before--;
    let after = i + 1;
    while (after < lines.length && isBlank(text, lines[after] as Line)) after++;
    if (before >= 0) pageEdges.add(before);
    if (after < lines.length) pageEdges.add(after);
  });
  verdicts.forEach((verdict, i) => {
    const isMarker =
      verdict === "page-number" && PAGE_MARKER.test(fold(text.slice(lines[i]?.start, lines[i]?.end)).trim());
    if (verdict === "page-number" && (isMarker || pageEdges.has(i)) && !remove[i]) {
      remove[i] = 1;
      if (stats) stats.pageNumbers++;
    }
  });
}
