import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock } from "../pipeline/batch/lock.js";
import { RunManifest } from "../schemas/index.js";
import { listTree } from "./helpers/tree.js";

const CLI = "dist/pipeline/cli.js";
const plan = readFileSync("fixtures/corpus/000_e4db89253d0a1edd.txt", "utf8");

function startRun(
  inbox: string,
  out: string,
  extra: string[] = [],
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  return spawn(process.execPath, [CLI, "run", "--inbox", inbox, "--out", out, "--json", ...extra], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
}

function makeInbox(root: string, files: number): string {
  const inbox = join(root, "inbox");
  for (let i = 0; i < files; i++) {
    const folder = join(inbox, `don-vi-${i % 3}`);
    mkdirSync(folder, { recursive: true });
    // Distinct content per file, so none is a duplicate of another.
    writeFileSync(join(folder, `ke-hoach-${i}.txt`), `${plan}\nPhụ lục số ${i}.`);
  }
  return inbox;
}

describe("kill -9 in the middle of a run", () => {
  it("the rerun finishes the rest, redoes nothing finished, and no output is partial", async () => {
    const root = mkdtempSync(join(tmpdir(), "kehoach-kill-"));
    const inbox = makeInbox(root, 24);
    const out = join(root, "out");
    const child = startRun(inbox, out, ["--concurrency", "2"]);
    const done = finished(child);
    // Kill once a few files are through, while others are in flight.
    await new Promise<void>((resolve) => {
      let count = 0;
      child.stderr?.on("data", (c: Buffer) => {
        count += (c.toString().match(/"file-done"/g) ?? []).length;
        if (count >= 5) resolve();
      });
    });
    child.kill("SIGKILL");
    await done;
    const state = JSON.parse(readFileSync(join(out, "state/files.json"), "utf8")) as {
      files: Record<string, unknown>;
    };
    const finishedBefore = Object.keys(state.files);
    expect(finishedBefore.length).toBeGreaterThanOrEqual(5);
    expect(finishedBefore.length).toBeLessThan(24);

    const rerun = await finished(startRun(inbox, out));
    expect(rerun.code).toBe(0);
    const runs = listTree(join(out, "runs"));
    expect(runs).toHaveLength(1); // the killed run never wrote its manifest
    const manifest = RunManifest.parse(
      JSON.parse(readFileSync(join(out, "runs", runs[0] as string), "utf8")),
    );
    expect(manifest.files).toHaveLength(24);
    for (const f of manifest.files) {
      // Finished before the kill → skipped now; the rest → processed now, once.
      expect(f.status).toBe(finishedBefore.includes(f.path) ? "skipped-unchanged" : "success");
    }
    const outputs = listTree(join(out, "documents"));
    expect(outputs).toHaveLength(24);
    for (const p of outputs)
      expect(() => JSON.parse(readFileSync(join(out, "documents", p), "utf8"))).not.toThrow();
    expect(listTree(out).filter((p) => p.endsWith(".tmp"))).toEqual([]);
  });
});

describe("one run at a time", () => {
  it("a second run started at the same time exits with the lock message", async () => {
    const root = mkdtempSync(join(tmpdir(), "kehoach-lock-"));
    const inbox = makeInbox(root, 4);
    writeFileSync(join(inbox, "don-vi-0", "cham.txt"), "KẾ HOẠCH\ntệp xử lý chậm");
    const out = join(root, "out");
    // The slow file keeps the first run busy for seconds, whichever run wins the lock.
    const env = { KEHOACH_FAULT_INJECTION: "hang:cham.txt" };
    const [a, b] = await Promise.all([
      finished(startRun(inbox, out, ["--timeout", "2"], env)),
      finished(startRun(inbox, out, ["--timeout", "2"], env)),
    ]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([2, 3]);
    const refused = a.code === 3 ? a : b;
    expect(refused.stderr).toMatch(/another kehoach run \(pid \d+/);
    expect(existsSync(join(out, "state/lock"))).toBe(false);
  });

  it("a lock left by a dead process is taken over", async () => {
    const root = mkdtempSync(join(tmpdir(), "kehoach-stale-"));
    const inbox = makeInbox(root, 2);
    const out = join(root, "out");
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => dead.on("exit", r));
    mkdirSync(join(out, "state"), { recursive: true });
    writeFileSync(join(out, "state/lock"), JSON.stringify({ pid: dead.pid, since: "2026-01-01T00:00:00Z" }));
    expect((await finished(startRun(inbox, out))).code).toBe(0);
  });

  it("a live holder makes the run refuse, naming its pid", async () => {
    const root = mkdtempSync(join(tmpdir(), "kehoach-held-"));
    const inbox = makeInbox(root, 1);
    const out = join(root, "out");
    const lock = await acquireLock(join(out, "state/lock"));
    try {
      const r = await finished(startRun(inbox, out));
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`pid ${process.pid}`);
    } finally {
      await lock.release();
    }
  });
});
