import { normaliseFile } from "../text/normalise-file.js";
import type { Stage } from "./stage.js";

/** Vietnamese normalisation with an offset map, and the split of multi-document files. */
export const normaliseStage: Stage = {
  name: "normalise",
  run(record) {
    if (!record.raw) return;
    const { documents, notes } = normaliseFile(record.raw);
    record.documents = documents;
    for (const reason of notes) record.messages.push({ severity: "info", stage: "normalise", reason });
  },
};
