/**
 * Loading rubrics: JSON files validated by schemas/rubric.ts. The bundled ones live in the
 * project's top-level `rubrics/` folder (they ship with the product); a user may point `--rubric`
 * at a file of their own.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Rubric } from "../../schemas/index.js";
import { packageRoot } from "../package-root.js";

/** A rubric file that failed its schema, with the issues a user can fix. */
export class RubricError extends Error {
  override readonly name = "RubricError";
}

/** Parses and validates one rubric from its JSON text; `where` names it in errors. */
export function parseRubric(json: string, where: string): Rubric {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new RubricError(`${where}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = Rubric.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new RubricError(`${where}: not a valid rubric: ${issues.slice(0, 5).join("; ")}`);
  }
  return parsed.data;
}

/** Reads one rubric file. */
export function loadRubricFile(path: string): Rubric {
  return parseRubric(readFileSync(path, "utf8"), path);
}

/** Reads every `*.json` of a folder as a rubric, sorted by id; duplicate ids are an error. */
export function loadRubricDir(dir: string): Rubric[] {
  const rubrics = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => loadRubricFile(join(dir, f)));
  const ids = rubrics.map((r) => r.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new RubricError(`${dir}: two rubrics with the id "${dup}"`);
  return rubrics.sort((a, b) => a.id.localeCompare(b.id));
}

/** The bundled `rubrics/` folder, next to package.json (the same from the sources and from dist/). */
export function bundledRubricDir(): string {
  const dir = join(packageRoot(), "rubrics");
  if (!existsSync(dir))
    throw new RubricError("the bundled rubrics/ folder was not found next to package.json");
  return dir;
}

/** The rubrics that ship with the product. */
export function loadBundledRubrics(): Rubric[] {
  return loadRubricDir(bundledRubricDir());
}
