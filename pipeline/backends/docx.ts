import mammoth from "mammoth";
import type { Message } from "../../schemas/index.js";
import { convertLegacyPages } from "../text/legacy-pages.js";
import { type ListLabel, readListLabels } from "./docx-numbering.js";
import { applyListLabels, type ListLabelOutcome, type MammothElement } from "./docx-numbering-apply.js";
import { docxHtmlToPageTexts, PAGE_BREAK_CLASS } from "./docx-render.js";
import type { Backend, BackendResult, RawPage } from "./types.js";
import { ReadError } from "./types.js";
import { guardZip } from "./zip-guard.js";

/**
 * mammoth options: explicit page breaks become a marked `<hr>` (they are dropped otherwise), no
 * style map embedded in the file may change that, and pictures are never read (a scan pasted in a
 * DOCX would otherwise be base64-encoded into the HTML for nothing).
 */
const MAMMOTH_OPTIONS = {
  styleMap: [`br[type='page'] => hr.${PAGE_BREAK_CLASS}:fresh`],
  includeEmbeddedStyleMap: false,
  externalFileAccess: false,
  convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
};

/** mammoth's "Unrecognised … style" warnings: styles only change HTML tags, never our text. */
const STYLE_WARNING = /^Unrecognised (paragraph|run|table|numbering) style: '(.*)' \(Style ID: .*\)$/;

/** A Message without its stage, as `ctx.report` takes it. */
type Report = Omit<Message, "stage">;

/**
 * Turns mammoth's messages into reports: the many style warnings become one info message listing
 * the styles; other warnings (an unsupported element, a break type) and errors become warnings,
 * each reported once.
 */
export function mammothReports(messages: ReadonlyArray<{ type: string; message: string }>): Report[] {
  const styles = new Set<string>();
  const others = new Set<string>();
  for (const { message } of messages) {
    const style = STYLE_WARNING.exec(message);
    if (style?.[2] !== undefined) styles.add(style[2]);
    else others.add(message);
  }
  const reports: Report[] = [...others].map((message) => ({
    severity: "warning",
    rule: "docx-reader",
    reason: `While reading the Word document: ${message}`,
  }));
  if (styles.size > 0) {
    reports.push({
      severity: "info",
      rule: "docx-reader",
      reason: `Word styles without a mapping were read as plain paragraphs: ${[...styles].join(", ")}.`,
    });
  }
  return reports;
}

/** Counts the pictures in a DOCX (its `word/media/` parts), to explain a document without text. */
const countMedia = (names: string[]): number => names.filter((name) => name.startsWith("word/media/")).length;

/**
 * The DOCX backend. The ZIP container is checked first (zip-guard: sizes, ratios, ZIP64, and the
 * XML parts really inflated under a cap), because mammoth's JSZip inflates parts whole in memory.
 * mammoth's HTML (not its raw text, which glues header lines and flattens tables) is turned into
 * text by {@link docxHtmlToPageTexts}, whose TSDoc states the layout conventions; list numbers are
 * the ones Word shows ("1.1.", "a)", "I.", "Điều 2."), computed from word/numbering.xml by
 * {@link readListLabels} and written into mammoth's document by {@link applyListLabels}; each Word table
 * also comes as a table model (source "docx") on its page's `tables`. Pages typed in a pre-Unicode
 * font (TCVN3, VNI) are converted to Unicode (pipeline/text/legacy-pages.ts).
 */
export const docxBackend: Backend = {
  async read(input, ctx): Promise<BackendResult> {
    ctx.signal.throwIfAborted();
    const entries = guardZip(input.bytes);
    // Word's list labels; a part we cannot read leaves none, so the pairing below reports a mismatch.
    let labels: ListLabel[] = [];
    try {
      labels = readListLabels(input.bytes, entries);
    } catch {}
    let numbering: ListLabelOutcome | undefined;
    const transformDocument = (document: MammothElement): MammothElement => {
      numbering = applyListLabels(document, labels);
      return document;
    };
    let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
    try {
      result = await mammoth.convertToHtml(
        { buffer: input.bytes },
        { ...MAMMOTH_OPTIONS, transformDocument },
      );
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ReadError("corrupt", `The Word document could not be read (${detail}): re-save it as .docx.`);
    }
    ctx.signal.throwIfAborted();
    for (const report of mammothReports(result.messages)) ctx.report(report);
    if (numbering && "mismatch" in numbering) {
      ctx.report({
        severity: "warning",
        rule: "docx-numbering",
        reason: `Word's list numbers could not be matched to the paragraphs (${numbering.mismatch}): list items were renumbered "1.", "a)", "-" and may differ from the document.`,
      });
    }
    const texts = docxHtmlToPageTexts(result.value);
    if (texts.every((page) => page.text.trim() === "")) {
      const pictures = countMedia(entries.map((entry) => entry.name));
      if (pictures > 0) {
        throw new ReadError(
          "docx-images-only",
          `The Word document holds no text, only ${pictures} picture(s) (probably pasted scans): export them as PDF or images so they can be OCR'd.`,
        );
      }
      throw new ReadError("empty", "The Word document holds no text.");
    }
    // Text typed in a TCVN3/VNI font (".VnTime", "VNI-Times") is converted, tables included.
    const pages: RawPage[] = convertLegacyPages(
      texts.map(({ text, tables }, i) => ({
        page: i + 1,
        text,
        method: "docx" as const,
        ...(tables.length ? { tables } : {}),
      })),
      (message) => ctx.report(message),
    );
    return { pages, format: "docx" };
  },
};
