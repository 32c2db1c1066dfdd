import { readFileSync } from "node:fs";

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Resident memory of a process and all its descendants, MB (Linux /proc; 0 elsewhere). */
export function treeRssMb(pid: number = process.pid): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const c of children.split(/\s+/).filter(Boolean)) visit(Number(c));
    } catch {
      // the process ended while we looked
    }
  };
  visit(pid);
  return Math.round(total);
}

/** Samples the peak of {@link treeRssMb} while `work` runs. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = treeRssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb());
  }, 100);
  try {
    const value = await work();
    peak = Math.max(peak, treeRssMb());
    return { value, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

/** Prints a table with aligned columns. */
export function printTable(rows: (string | number)[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? "").length))) ?? [];
  for (const r of rows) {
    process.stdout.write(`${r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join("  ")}\n`);
  }
}
