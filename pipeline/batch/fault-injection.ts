/**
 * Test-only fault injection for the isolation tests: with `KEHOACH_FAULT_INJECTION=hang:NAME` (or
 * `crash:NAME`, `oom:NAME`) set, the worker that receives a file whose path ends with NAME hangs in
 * synchronous code, crashes, or allocates memory until it is stopped. Real inputs that do this are
 * rare and unpredictable; the batch must survive them all the same, and these faults prove it does.
 * Unset in production: the function then does nothing.
 */
export function injectFault(path: string, env: NodeJS.ProcessEnv = process.env): void {
  const spec = env.KEHOACH_FAULT_INJECTION;
  if (!spec) return;
  for (const item of spec.split(",")) {
    const [kind, name] = item.split(":");
    if (!name || !path.endsWith(name)) continue;
    if (kind === "hang") {
      // A synchronous infinite loop: the child's own timers can never fire; only the parent can stop it.
      for (;;) {}
    }
    if (kind === "crash") process.exit(70);
    if (kind === "oom") {
      const hog: Buffer[] = [];
      for (;;) hog.push(Buffer.alloc(64 * 1024 * 1024, 1));
    }
  }
}
