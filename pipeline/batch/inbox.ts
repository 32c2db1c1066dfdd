import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** One input file found in the inbox. */
export interface InboxFile {
  /** Path relative to the inbox, "/"-separated. */
  path: string;
  absPath: string;
}

/**
 * Lists every regular file under the inbox, sorted, skipping what is never a user document: hidden
 * files (".DS_Store", our own temp files), Office lock files ("~$plan.docx") and "Thumbs.db".
 */
export async function listInbox(inbox: string): Promise<InboxFile[]> {
  const entries = await readdir(inbox, { recursive: true, withFileTypes: true });
  const files: InboxFile[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const abs = join(e.parentPath, e.name);
    const rel = relative(inbox, abs).split(sep).join("/");
    if (rel.split("/").some(isIgnoredName)) continue;
    files.push({ path: rel, absPath: abs });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function isIgnoredName(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$") || name.toLowerCase() === "thumbs.db";
}

/**
 * Where a file's JSON goes: `<out>/documents/<folder>/<name>.json`; a file directly in the inbox has
 * the folder "_" (contract v1). Deeper paths keep their sub-folders under the first folder.
 */
export function documentOutputPath(outDir: string, relPath: string): string {
  const parts = relPath.split("/");
  const folder = parts.length > 1 ? (parts[0] as string) : "_";
  const rest = parts.length > 1 ? parts.slice(1) : parts;
  return join(outDir, "documents", folder, ...rest.slice(0, -1), `${rest[rest.length - 1]}.json`);
}
