import { fold } from "../pipeline/text/fold.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";

/**
 * Wraps already-normalised text as a one-page document, for extractor unit tests and tools that
 * start from text (the identity offset map: the text is its own raw form).
 */
export function docFromText(text: string): NormalisedDocument {
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { text, folded: fold(text), pages: [{ page: 1, start: 0, end: text.length }], map };
}
