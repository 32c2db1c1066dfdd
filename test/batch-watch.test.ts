import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../pipeline/batch/logger.js";
import { watchInbox } from "../pipeline/batch/watch.js";

const plan = readFileSync("fixtures/corpus/001_588ab9feba8899da.txt", "utf8");

function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      if (check()) resolve(true);
      else if (Date.now() - started > ms) resolve(false);
      else setTimeout(tick, 100);
    };
    tick();
  });
}

describe("kehoach watch", () => {
  it("processes a folder dropped into the inbox, but not a file while it is still being written", async () => {
    const root = mkdtempSync(join(tmpdir(), "kehoach-watch-"));
    const inbox = join(root, "inbox");
    const out = join(root, "out");
    mkdirSync(inbox);
    const done: string[] = [];
    const logger = createLogger({ json: true, write: (line) => done.push(line) });
    const controller = new AbortController();
    let reviews = 0;
    const watching = watchInbox(
      {
        inbox,
        out,
        logger,
        stableMs: 1500,
        debounceMs: 300,
        isolate: false,
        afterRun: async () => {
          reviews++;
        },
      },
      controller.signal,
    );
    try {
      mkdirSync(join(inbox, "ba-vi"));
      // Written slowly, in pieces, like a copy over the network: it must be read only once complete.
      const handle = await open(join(inbox, "ba-vi", "ke-hoach.txt"), "w");
      const half = Math.floor(plan.length / 2);
      await handle.write(plan.slice(0, half));
      await new Promise((r) => setTimeout(r, 800));
      await handle.write(plan.slice(half));
      await handle.close();
      const processed = await waitFor(() => done.some((l) => l.includes('"file-done"')), 20_000);
      expect(processed).toBe(true);
      const output = JSON.parse(readFileSync(join(out, "documents/ba-vi/ke-hoach.txt.json"), "utf8"));
      expect(output.status).toBe("success");
      // The full text, not the half present when the file first appeared.
      expect(output.documents[0].text).toContain("Nơi nhận");
      expect(done.filter((l) => l.includes('"file-done"') && l.includes('"success"'))).toHaveLength(1);
      writeFileSync(
        join(inbox, "ba-vi", "bao-cao.txt"),
        "BÁO CÁO\nKết quả công tác dân vận chính quyền năm 2025.",
      );
      expect(await waitFor(() => done.filter((l) => l.includes('"success"')).length === 2, 20_000)).toBe(
        true,
      );
      // Each run is followed by the review rebuild (scores and report), not only the first.
      expect(await waitFor(() => reviews >= 2, 5_000)).toBe(true);
    } finally {
      controller.abort();
      await watching;
    }
  });
});
