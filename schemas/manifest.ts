import { z } from "zod";
import { Format } from "./source.js";

/** What happened to one file in a run. */
export const ManifestStatus = z.enum(["success", "partial", "failed", "skipped-unchanged", "duplicate"]);
export type ManifestStatus = z.infer<typeof ManifestStatus>;

export const ManifestEntry = z.object({
  path: z.string(),
  sha256: z.string().nullable(),
  status: ManifestStatus,
  /** Why a file failed or was partial (the first error), or what it duplicates. */
  reason: z.string().nullable(),
  rule: z.string().nullable().optional(),
  format: Format.nullable(),
  pages: z.number().int().nonnegative(),
  ocrUsed: z.boolean(),
  ocrPages: z.number().int().nonnegative().optional(),
  documents: z.number().int().nonnegative(),
  /** Milliseconds per stage. */
  timings: z.record(z.string(), z.number()),
  output: z.string().nullable(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** The run manifest `<out>/runs/<timestamp>.json`: every file accounted for, plus totals. */
export const RunManifest = z.object({
  schemaVersion: z.literal(1),
  pipelineVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  inbox: z.string(),
  out: z.string(),
  files: z.array(ManifestEntry),
  /** Inbox paths processed by an earlier run that are gone now; their outputs were removed. */
  removed: z.array(z.string()).default([]),
  totals: z.record(z.string(), z.number()),
});
export type RunManifest = z.infer<typeof RunManifest>;
