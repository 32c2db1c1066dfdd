import { z } from "zod";

/** How bad a message is: `error` makes a document `failed` (or `partial` when some text survived). */
export const Severity = z.enum(["info", "warning", "error"]);
export type Severity = z.infer<typeof Severity>;

/**
 * A message attached to a file while it flows through the stages. Warnings are data: they are
 * collected here, never thrown. `rule` names the check or backend step that produced it.
 */
export const Message = z.object({
  severity: Severity,
  stage: z.string(),
  reason: z.string(),
  rule: z.string().optional(),
  page: z.number().int().positive().optional(),
  /** JSON path of a schema issue, for validation messages. */
  path: z.string().optional(),
});
export type Message = z.infer<typeof Message>;
