import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** A tesseract model shipped as an npm package (`@tesseract.js-data/<code>`). */
export interface ModelLocation {
  /** Language code tesseract knows it by: `vie`, `osd`. */
  code: string;
  /** Folder holding `<code>.traineddata.gz`: what tesseract.js calls `langPath`. */
  langPath: string;
  /** The model file itself, checked before a worker is created. */
  file: string;
}

/**
 * Finds a model inside node_modules. `variant` is the package's folder: `4.0.0_best_int` holds the
 * LSTM-only integer model (small, fast), `4.0.0` the model with the legacy engine's data, which
 * orientation detection (`osd`) needs.
 *
 * Throws when the package or the file is missing: tesseract.js would otherwise wait forever
 * (createWorker never settles when the model cannot be read and an errorHandler is set).
 */
export function locateModel(code: string, variant = "4.0.0_best_int"): ModelLocation {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  } catch {
    throw new Error(`OCR model package @tesseract.js-data/${code} is not installed (run npm install)`);
  }
  const langPath = join(packageDir, variant);
  const file = join(langPath, `${code}.traineddata.gz`);
  if (!existsSync(file)) {
    throw new Error(`OCR model file is missing: ${file} (reinstall @tesseract.js-data/${code})`);
  }
  return { code, langPath, file };
}
