import type { Message } from "../schemas/index.js";

/** A fatal problem in a stage: thrown once, caught at the document boundary, recorded with its rule. */
export class StageError extends Error {
  constructor(
    readonly rule: string,
    reason: string,
  ) {
    super(reason);
    this.name = "StageError";
  }
}

/** One line for logs and test failures: `error [read/encrypted] p.2: reason`. */
export function formatMessage(m: Message): string {
  const where = m.page ? ` p.${m.page}` : "";
  const rule = m.rule ? `/${m.rule}` : "";
  const path = m.path ? ` at ${m.path}` : "";
  return `${m.severity} [${m.stage}${rule}]${where}${path}: ${m.reason}`;
}
