import { toFileOutput, validateOutput } from "../output.js";
import type { Stage } from "./stage.js";

/** zod safeParse of the file's output; issues become error messages with a JSON path. */
export const validateStage: Stage = {
  name: "validate",
  run(record) {
    record.messages.push(...validateOutput(toFileOutput(record)));
  },
};
