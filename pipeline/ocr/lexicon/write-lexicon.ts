// Rebuilds the OCR tone lexicon (run: npm run lexicon); test/tone-lexicon.test.ts checks the
// committed file is current.
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { packageRoot } from "../../package-root.js";
import { buildLexicon } from "./build-lexicon.js";
import { lexiconSources } from "./lexicon-sources.js";
import { LEXICON_PATH } from "./tone-lexicon.js";

const target = join(packageRoot(), LEXICON_PATH);
// Node's gzip writes no timestamp: the same lexicon always gives the same bytes.
const bytes = gzipSync(buildLexicon(lexiconSources()), { level: 9 });
writeFileSync(`${target}.tmp`, bytes);
renameSync(`${target}.tmp`, target);
process.stdout.write(`wrote ${LEXICON_PATH} (${bytes.length} bytes)\n`);
