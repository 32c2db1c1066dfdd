import type { PipelineContext } from "../context.js";
import type { DocRecord, StageName } from "../record.js";

/**
 * Every stage has this one signature: it fills fields of the record and appends messages. A fatal
 * problem is thrown (as StageError or ReadError) and caught once, at the document boundary.
 */
export interface Stage {
  name: StageName;
  run(record: DocRecord, ctx: PipelineContext): void | Promise<void>;
}
