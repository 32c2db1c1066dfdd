import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemas, jsonSchemaText } from "./json-schema.js";

// Writes schemas/json/*.schema.json from the zod schemas (run: npm run schemas).
const dir = join(process.cwd(), "schemas", "json");
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), jsonSchemaText(schema));
  process.stdout.write(`wrote schemas/json/${name}\n`);
}
