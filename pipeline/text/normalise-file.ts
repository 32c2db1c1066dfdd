import { tablesInDocument } from "./map-tables.js";
import { normaliseViWithStats } from "./normalise-vi.js";
import { pageQualityNotes } from "./quality.js";
import { splitDocuments } from "./split-documents.js";
import type { NormalisedDocument, RawText } from "./types.js";

/** A document's first line, shortened, to name it in a message. */
function firstLine(text: string): string {
  const line = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/**
 * The normalisation stage for one file: normalises its raw text ({@link normaliseViWithStats}),
 * splits it into documents ({@link splitDocuments}) and reports what deserves a message: pages
 * that look like legacy-font, damaged or obfuscated text, removed signature stamps, repaired
 * syllables, a split into several documents, or no text at all.
 */
export function normaliseFile(raw: RawText): { documents: NormalisedDocument[]; notes: string[] } {
  const notes = pageQualityNotes(raw);
  const { text, map, stats } = normaliseViWithStats(raw.text);
  const documents = splitDocuments(text, map, raw.pages);
  if (raw.tables?.length) {
    for (const doc of documents) {
      const tables = tablesInDocument(doc, raw.tables);
      if (tables.length) doc.tables = tables;
    }
  }
  if (stats.stampLines > 0) notes.push(`removed ${stats.stampLines} digital-signature residue line(s)`);
  if (stats.syllablesJoined > 0) {
    notes.push(`rejoined ${stats.syllablesJoined} syllable(s) split by spaces ("nguy ện" → "nguyện")`);
  }
  if (documents.length === 0) notes.push("no text left after normalisation");
  if (documents.length > 1) {
    const starts = documents
      .map((d) => `"${firstLine(d.text)}" (page ${d.pages[0]?.page ?? "?"})`)
      .join(", ");
    notes.push(`split into ${documents.length} documents: ${starts}`);
  }
  return { documents, notes };
}
