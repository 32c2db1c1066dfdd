import { z } from "zod";
import { RunManifest } from "./manifest.js";
import { FileOutput } from "./output.js";
import { Rubric } from "./rubric.js";
import { Scores } from "./scores.js";

/**
 * The contract's schemas as JSON Schema, generated from zod (never written by hand), for tools
 * outside TypeScript. `npm run schemas` writes them to schemas/json/; a test checks they are current.
 */
export function jsonSchemas(): Record<string, unknown> {
  return {
    "file-output.schema.json": z.toJSONSchema(FileOutput, { target: "draft-2020-12", io: "output" }),
    "run-manifest.schema.json": z.toJSONSchema(RunManifest, { target: "draft-2020-12", io: "output" }),
    "scores.schema.json": z.toJSONSchema(Scores, { target: "draft-2020-12", io: "output" }),
    "rubric.schema.json": z.toJSONSchema(Rubric, { target: "draft-2020-12", io: "input" }),
  };
}

/** The exact text written for a schema file. */
export function jsonSchemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
