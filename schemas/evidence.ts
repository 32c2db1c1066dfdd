import { z } from "zod";

/**
 * Where a fact was read: page counted from 1, `start`/`end` character offsets into the
 * document's normalised text (end excluded), `text` the exact slice.
 */
export const Evidence = z.object({
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;
