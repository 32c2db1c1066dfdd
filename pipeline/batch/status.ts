import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { RunManifest } from "../../schemas/index.js";

/** The newest run manifest in `<out>/runs/`, or null when there is none. */
export async function latestManifest(out: string): Promise<{ path: string; manifest: RunManifest } | null> {
  const dir = join(out, "runs");
  const names = await readdir(dir).catch(() => [] as string[]);
  const newest = names
    .filter((n) => n.endsWith(".json"))
    .sort()
    .pop();
  if (!newest) return null;
  const path = join(dir, newest);
  return { path, manifest: RunManifest.parse(JSON.parse(await readFile(path, "utf8"))) };
}

/** A human summary of a run: totals, then every file that did not succeed with its reason. */
export function formatStatus({ path, manifest }: { path: string; manifest: RunManifest }): string {
  const lines = [
    `last run: ${manifest.startedAt} → ${manifest.finishedAt} (pipeline ${manifest.pipelineVersion})`,
    `inbox ${manifest.inbox}, out ${manifest.out}, manifest ${path}`,
    `totals: ${Object.entries(manifest.totals)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  ];
  const problems = manifest.files.filter((f) => f.status === "failed" || f.status === "partial");
  if (problems.length) {
    lines.push("needs attention:");
    for (const f of problems) lines.push(`  ${f.status.padEnd(8)} ${f.path}: ${f.reason ?? "?"}`);
  }
  return `${lines.join("\n")}\n`;
}
