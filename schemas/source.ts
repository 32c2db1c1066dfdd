import { z } from "zod";

/** The input format as detected from content. `pdf-scanned` is a PDF whose pages were mostly OCR'd. */
export const Format = z.enum(["text", "docx", "pdf", "pdf-scanned", "image"]);
export type Format = z.infer<typeof Format>;

export const OcrSummary = z.object({
  used: z.boolean(),
  /** Mean of the per-page OCR confidences, 0..1, over OCR'd pages only. */
  meanConfidence: z.number().min(0).max(1).nullable(),
  /** How many pages were OCR'd. */
  pages: z.number().int().nonnegative().optional(),
});
export type OcrSummary = z.infer<typeof OcrSummary>;

export const Source = z.object({
  /** Path relative to the inbox, with `/` separators. */
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Null when the content could not be recognised as any supported format. */
  format: Format.nullable(),
  bytes: z.number().int().nonnegative().optional(),
  pages: z.number().int().nonnegative(),
  ocr: OcrSummary.optional(),
});
export type Source = z.infer<typeof Source>;
