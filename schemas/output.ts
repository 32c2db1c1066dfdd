import { z } from "zod";
import { Evidence } from "./evidence.js";
import { Discipline, DocumentFacts, DocumentMetadata } from "./facts.js";
import { Message } from "./message.js";
import { PageSpan } from "./page.js";
import { Source } from "./source.js";
import { Table } from "./table.js";

export const DocStatus = z.enum(["success", "partial", "failed"]);
export type DocStatus = z.infer<typeof DocStatus>;

export const DocumentKind = z.enum(["KE_HOACH", "QUYET_DINH", "CONG_VAN", "BAO_CAO", "THONG_BAO", "OTHER"]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/**
 * One document inside a file (a file holding a letter plus the plan it forwards gives two): its
 * metadata, every fact list (each fact with its evidence), where its pages lie, and its normalised
 * text, into which every evidence span points. `metadataEvidence` holds the evidence of each
 * metadata field that has a value, keyed by field name.
 */
export const OutputDocument = DocumentMetadata.omit({ evidence: true })
  .extend({ metadataEvidence: z.record(z.string(), Evidence) })
  .extend(DocumentFacts.shape)
  .extend({
    /**
     * Disciplinary measures the document states (see `Discipline`). The pipeline always writes the
     * list; it is optional here because outputs written before it existed are still valid v1 files.
     */
    discipline: z.array(Discipline).optional(),
    /** Tables of this document (one model for every backend); cell spans point into `text`. */
    tables: z.array(Table).optional(),
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
