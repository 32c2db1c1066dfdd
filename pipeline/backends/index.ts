import type { Detected, SupportedFormat } from "./detect.js";
import { docxBackend } from "./docx.js";
import { imageBackend } from "./image.js";
import { pdfBackend } from "./pdf.js";
import { textBackend } from "./text.js";
import type { Backend } from "./types.js";

export type { Detected, SupportedFormat, Unsupported } from "./detect.js";
export { detectFormat } from "./detect.js";

/** The one place that maps a detected format to the backend that reads it. */
export const backends: Record<SupportedFormat, Backend> = {
  pdf: pdfBackend,
  docx: docxBackend,
  image: imageBackend,
  text: textBackend,
};

/** The backend for a detected format, or `null` for an unsupported file (its reason says why). */
export function chooseBackend(detected: Detected): Backend | null {
  return detected.kind === "unsupported" ? null : backends[detected.kind];
}
