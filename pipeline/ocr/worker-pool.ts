/** How a {@link WorkerPool} makes and disposes of its workers. */
export interface WorkerPoolOptions<W> {
  /** Most workers alive at once (one per core is the useful maximum for tesseract). */
  size: number;
  /** Starts a worker; called lazily, on the first job that finds no idle worker. */
  create: () => Promise<W>;
  destroy: (worker: W) => Promise<void>;
  /**
   * Jobs after which a worker is replaced: tesseract's wasm heap only grows, so a worker that read
   * hundreds of pages holds hundreds of megabytes it never returns.
   */
  jobsPerWorker: number;
}

interface Slot<W> {
  worker: W;
  jobs: number;
}

type Waiter<W> = (slot: Slot<W> | null) => void;

/** Thrown when a job is abandoned because its signal was aborted. */
export class OcrAbortedError extends Error {
  constructor() {
    super("OCR stopped: the time limit for this file was reached");
    this.name = "OcrAbortedError";
  }
}

/**
 * A small pool of long-lived workers with lazy start, reuse, recycling after N jobs, and abort.
 * An aborted or failed job terminates its worker (tesseract cannot be interrupted mid-page, and a
 * worker that threw may be in a bad state); the next job starts a fresh one.
 */
export class WorkerPool<W> {
  readonly #options: WorkerPoolOptions<W>;
  readonly #idle: Slot<W>[] = [];
  readonly #waiters: Waiter<W>[] = [];
  #alive = 0;
  #closed = false;

  constructor(options: WorkerPoolOptions<W>) {
    this.#options = { ...options, size: Math.max(1, options.size) };
  }

  /** Workers currently started (busy or idle). */
  get alive(): number {
    return this.#alive;
  }

  /**
   * Runs `job` on a worker; waits for one when all are busy. `cost` is what the job counts
   * towards the worker's `jobsPerWorker` (a table cell is a small fraction of a page).
   */
  async run<T>(job: (worker: W) => Promise<T>, signal?: AbortSignal, cost = 1): Promise<T> {
    if (signal?.aborted) throw new OcrAbortedError();
    const slot = await this.#acquire(signal);
    if (signal?.aborted) {
      this.#release(slot);
      throw new OcrAbortedError();
    }
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new OcrAbortedError());
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    try {
      const result = await Promise.race([job(slot.worker), aborted]);
      slot.jobs += cost;
      if (slot.jobs >= this.#options.jobsPerWorker) await this.#discard(slot);
      else this.#release(slot);
      return result;
    } catch (error) {
      await this.#discard(slot);
      throw error;
    } finally {
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Terminates every idle worker and refuses new jobs; busy workers end when their job does. */
  async terminate(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) waiter(null);
    const idle = this.#idle.splice(0);
    await Promise.all(idle.map((slot) => this.#discard(slot)));
  }

  async #acquire(signal?: AbortSignal): Promise<Slot<W>> {
    if (this.#closed) throw new Error("OCR engine was terminated");
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#alive < this.#options.size) {
      this.#alive += 1;
      try {
        return { worker: await this.#options.create(), jobs: 0 };
      } catch (error) {
        this.#alive -= 1;
        this.#wakeOne();
        throw error;
      }
    }
    return new Promise<Slot<W>>((resolve, reject) => {
      const waiter: Waiter<W> = (slot) => {
        signal?.removeEventListener("abort", onAbort);
        if (slot) resolve(slot);
        else if (this.#closed) reject(new Error("OCR engine was terminated"));
        else this.#acquire(signal).then(resolve, reject);
      };
      const onAbort = () => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(new OcrAbortedError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  #release(slot: Slot<W>): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(slot);
    else if (this.#closed) void this.#discard(slot);
    else this.#idle.push(slot);
  }

  async #discard(slot: Slot<W>): Promise<void> {
    this.#alive -= 1;
    try {
      await this.#options.destroy(slot.worker);
    } catch {
      // A worker that fails to stop is gone either way.
    }
    this.#wakeOne();
  }

  /** A slot was freed without a worker to hand over: let the next waiter start its own. */
  #wakeOne(): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(null);
  }
}
