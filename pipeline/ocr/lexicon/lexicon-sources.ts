import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { packageRoot } from "../../package-root.js";
import type { LexiconSources } from "./build-lexicon.js";

/**
 * The lexicon's sources as installed and committed: the dictionary package (@vntk/dictionary, MIT,
 * a dev dependency: the product ships only the built file) and admin-words.txt.
 */
export function lexiconSources(): LexiconSources {
  const root = packageRoot();
  const data = join(dirname(createRequire(join(root, "package.json")).resolve("@vntk/dictionary")), "data");
  return {
    words: readFileSync(join(data, "Viet74K.txt"), "utf8"),
    definitions: JSON.parse(readFileSync(join(data, "dictionary.json"), "utf8")),
    adminWords: readFileSync(join(root, "pipeline", "ocr", "lexicon", "admin-words.txt"), "utf8"),
  };
}
