import { z } from "zod";

/** Where one page lies in a document's normalised text (end excluded). */
export const PageSpan = z.object({
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** OCR mean confidence for this page (0..1), when it was OCR'd. */
  ocrConfidence: z.number().min(0).max(1).optional(),
});
export type PageSpan = z.infer<typeof PageSpan>;
