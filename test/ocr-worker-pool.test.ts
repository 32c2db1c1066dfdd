import { describe, expect, it } from "vitest";
import { OcrAbortedError, WorkerPool } from "../pipeline/ocr/worker-pool.js";

interface FakeWorker {
  id: number;
  destroyed: boolean;
}

function fakePool(size: number, jobsPerWorker = 100) {
  const created: FakeWorker[] = [];
  const pool = new WorkerPool<FakeWorker>({
    size,
    jobsPerWorker,
    create: async () => {
      const worker = { id: created.length + 1, destroyed: false };
      created.push(worker);
      return worker;
    },
    destroy: async (worker) => {
      worker.destroyed = true;
    },
  });
  return { pool, created };
}

/** A job that finishes when the test says so. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe("WorkerPool", () => {
  it("starts no worker until a job comes, then reuses it", async () => {
    const { pool, created } = fakePool(2);
    expect(created).toHaveLength(0);
    const first = await pool.run(async (worker) => worker.id);
    const second = await pool.run(async (worker) => worker.id);
    expect([first, second]).toEqual([1, 1]);
    expect(created).toHaveLength(1);
  });

  it("never runs more jobs at once than it has workers", async () => {
    const { pool, created } = fakePool(2);
    let running = 0;
    let most = 0;
    const job = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 7 }, () => pool.run(job)));
    expect(most).toBe(2);
    expect(created).toHaveLength(2);
  });

  it("replaces a worker after its quota of jobs", async () => {
    const { pool, created } = fakePool(1, 2);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await pool.run(async (worker) => worker.id));
    expect(ids).toEqual([1, 1, 2, 2, 3]);
    expect(created.slice(0, 2).every((worker) => worker.destroyed)).toBe(true);
  });

  it("discards a worker whose job failed", async () => {
    const { pool, created } = fakePool(1);
    await expect(pool.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(created[0]?.destroyed).toBe(true);
    expect(await pool.run(async (worker) => worker.id)).toBe(2);
  });

  it("refuses a job whose signal is already aborted", async () => {
    const { pool, created } = fakePool(1);
    await expect(pool.run(async () => 1, AbortSignal.abort())).rejects.toBeInstanceOf(OcrAbortedError);
    expect(created).toHaveLength(0);
  });

  it("drops a waiting job when its signal aborts, and the queue moves on", async () => {
    const { pool } = fakePool(1);
    const busy = gate();
    const running = pool.run(() => busy.opened.then(() => "first"));
    const controller = new AbortController();
    const waiting = pool.run(async () => "never", controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(OcrAbortedError);
    busy.open();
    expect(await running).toBe("first");
    expect(await pool.run(async () => "next")).toBe("next");
  });

  it("abandons a running job on abort and terminates its worker", async () => {
    const { pool, created } = fakePool(1);
    const controller = new AbortController();
    const stuck = pool.run(() => new Promise<never>(() => {}), controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 1));
    controller.abort();
    await expect(stuck).rejects.toBeInstanceOf(OcrAbortedError);
    expect(created[0]?.destroyed).toBe(true);
    expect(pool.alive).toBe(0);
  });

  it("terminates idle workers and refuses work afterwards", async () => {
    const { pool, created } = fakePool(2);
    await Promise.all([pool.run(async () => 1), pool.run(async () => 2)]);
    await pool.terminate();
    expect(created.every((worker) => worker.destroyed)).toBe(true);
    await expect(pool.run(async () => 3)).rejects.toThrow(/terminated/);
  });
});
