import type { NormalisedDocument } from "../pipeline/text/types.js";
import { isPapiDocument, matchDimension } from "./criteria-papi.js";
import { ocrDigitView, SCORE_DIGITS } from "./lib/ocr-digits.js";
import type { TaskDraft } from "./tasks-draft.js";
import { numberDepth, type Paragraph } from "./tasks-lines.js";

/**
 * The criterion each paragraph sits under: the enclosing "Tiêu chí N" heading ("2.1. Tiêu chí 1:
 * Công tác triển khai …", "(1) Tiêu chí 2, nội dung 1: …") is DVCQ criterion N; in a PAPI plan a
 * numbered heading naming a PAPI dimension ("1.5. Nội dung “Thủ tục hành chính công”") is that
 * dimension. A roman-numbered section, or a numbered heading at the same or a shallower level,
 * ends the criterion's reach.
 */

type Doc = Pick<NormalisedDocument, "text" | "folded">;
type Criterion = NonNullable<TaskDraft["criterion"]>;

/**
 * A heading paragraph opening with "Tiêu chí N" (OCR-tolerant: "Tieu chi", "Tiêu chỉ"), or with the
 * topic "Đối với / Về tiêu chí N" of a remedy ("1. Đối với Tiêu chí 3: Giao …").
 */
const CRITERION_HEADING = /^(?:(?:doi\s+voi|ve)\s+)?tieu\s*chi\s*(?:so\s*)?(\d{1,2})(?!\d)/;
/** A PAPI heading is short: a title, not a paragraph that happens to name a dimension. */
const MAX_PAPI_HEADING = 160;

/** The criterion context of each paragraph, by index. */
export function criterionContexts(doc: Doc, paras: readonly Paragraph[]): (Criterion | null)[] {
  const papi = isPapiDocument(doc);
  const out: (Criterion | null)[] = [];
  let current: { criterion: Criterion; style: Paragraph["numberStyle"]; depth: number } | null = null;
  for (const p of paras) {
    const heading = headingCriterion(doc, p, papi);
    if (heading) {
      current = { criterion: heading, style: p.numberStyle, depth: numberDepth(p) };
    } else if (current && endsReach(p, current.style, current.depth)) {
      current = null;
    }
    out.push(current?.criterion ?? null);
  }
  return out;
}

function headingCriterion(doc: Doc, p: Paragraph, papi: boolean): Criterion | null {
  if (p.bullet !== null && p.number === null) return null;
  const m = CRITERION_HEADING.exec(ocrDigitView(doc.folded.slice(p.body, p.body + 32), SCORE_DIGITS));
  if (m) return { framework: "DVCQ", number: Number(m[1]) };
  if (papi && p.numberStyle === "arabic" && p.end - p.body <= MAX_PAPI_HEADING) {
    const hit = matchDimension(doc.folded, p.body, p.end, false);
    if (hit) return { framework: "PAPI", number: hit.number };
  }
  return null;
}

function endsReach(p: Paragraph, style: Paragraph["numberStyle"], depth: number): boolean {
  if (p.numberStyle === "roman") return true;
  if (p.numberStyle === null || p.numberStyle === "letter") return false;
  if (p.numberStyle !== style) return p.numberStyle === "arabic" && style === "paren";
  return numberDepth(p) <= depth;
}
