import { extractAll } from "../../extractors/index.js";
import type { Stage } from "./stage.js";

/** Runs every extractor on every document of the file; extractor failures become messages. */
export const extractStage: Stage = {
  name: "extract",
  run(record) {
    record.facts = record.documents.map((doc) => {
      const { facts, messages } = extractAll(doc);
      record.messages.push(...messages);
      return facts;
    });
  },
};
