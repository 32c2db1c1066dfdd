import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSchemas, jsonSchemaText } from "../schemas/json-schema.js";

describe("exported JSON Schema", () => {
  it.each(Object.entries(jsonSchemas()))(
    "%s is current (regenerate with npm run schemas)",
    (name, schema) => {
      const committed = readFileSync(join("schemas/json", name), "utf8");
      expect(committed).toBe(jsonSchemaText(schema));
    },
  );
});
