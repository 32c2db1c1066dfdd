import { emptyExtraction } from "../extractors/index.js";
import type { FileOutput, Message } from "../schemas/index.js";
import { FileOutput as FileOutputSchema } from "../schemas/index.js";
import { type DocRecord, ocrSummary } from "./record.js";

/** Builds the contract-shaped JSON of one file from its record (no validation here). */
export function toFileOutput(record: DocRecord): FileOutput {
  const ocr = ocrSummary(record);
  return {
    schemaVersion: 1,
    source: {
      path: record.path,
      sha256: record.sha256,
      format: record.format,
      bytes: record.bytes.length,
      pages: record.rawPages.length,
      ...(ocr ? { ocr } : {}),
    },
    status: record.status,
    messages: record.messages,
    documents: record.documents.map((doc, i) => ({
      ...(record.facts[i] ?? emptyExtraction()),
      ...(doc.tables?.length ? { tables: doc.tables } : {}),
      pages: doc.pages,
      text: doc.text,
    })),
  };
}

/**
 * Validates a file's output against the contract schema. Each zod issue becomes an error message
 * with its JSON path, so a schema bug shows in the manifest instead of writing a wrong file silently.
 */
export function validateOutput(output: unknown): Message[] {
  const parsed = FileOutputSchema.safeParse(output);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    severity: "error" as const,
    stage: "validate",
    rule: issue.code,
    reason: issue.message,
    path: `$${issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`,
  }));
}
