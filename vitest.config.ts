import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // OCR tests start tesseract workers; two forks fit the 2-core machines.
    pool: "forks",
    maxWorkers: 2,
  },
});
