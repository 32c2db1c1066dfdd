import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "./atomic-write.js";

/**
 * Reuses the result of a file with the same bytes (renamed or copied): its JSON is copied to this
 * path's output with `source.path` set to this path and a message naming the original.
 * Returns false when the original output is missing or unreadable (then the file is processed).
 */
export async function reuseOutput(
  fromOutput: string,
  toOutput: string,
  path: string,
  of: string,
): Promise<boolean> {
  try {
    const data = JSON.parse(await readFile(fromOutput, "utf8")) as {
      source: { path: string };
      messages: { severity: string; stage: string; reason: string; rule?: string }[];
    };
    data.source.path = path;
    data.messages = [
      ...data.messages,
      {
        severity: "info",
        stage: "batch",
        rule: "duplicate",
        reason: `same content as ${of}: its result was reused`,
      },
    ];
    await writeFileAtomic(toOutput, `${JSON.stringify(data, null, 2)}\n`);
    return true;
  } catch {
    return false;
  }
}
