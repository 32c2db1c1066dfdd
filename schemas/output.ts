import { z } from "zod";
import { Message } from "./message.js";
import { PageSpan } from "./page.js";
import { Source } from "./source.js";

export const DocStatus = z.enum(["success", "partial", "failed"]);
export type DocStatus = z.infer<typeof DocStatus>;

export const DocumentKind = z.enum(["KE_HOACH", "QUYET_DINH", "CONG_VAN", "BAO_CAO", "THONG_BAO", "OTHER"]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/**
 * One document inside a file (a file holding a letter plus the plan it forwards gives two).
 * The fact lists are filled by the extraction stage; until then only `text` and `pages` are set.
 */
export const OutputDocument = z.object({
  pages: z.array(PageSpan),
  text: z.string(),
});
export type OutputDocument = z.infer<typeof OutputDocument>;

/** The JSON written per input file: `<out>/documents/<folder>/<name>.json` (contract v1). */
export const FileOutput = z.object({
  schemaVersion: z.literal(1),
  source: Source,
  status: DocStatus,
  messages: z.array(Message),
  documents: z.array(OutputDocument),
});
export type FileOutput = z.infer<typeof FileOutput>;
