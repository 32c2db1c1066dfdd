/**
 * One unit, many spellings: a plan calls itself "Ba Tơ" (its `unit.name`), a results decision's
 * row says "UBND xã Nghĩa Kỳ" or "Xã Nghĩa Kỳ", an OCR'd table "xa Nghia Ky", an inbox folder
 * "nghia-ky". Grouping uses a folded key with the body ("UBND", "Ủy ban nhân dân") and the level
 * word removed; the display name keeps the real spelling without them.
 */
import type { UnitLevel } from "../../schemas/index.js";
import { fold } from "../text/fold.js";

/** Level words (folded, longest first so "thi tran" wins over "thi") and the level they name. */
const LEVEL_WORDS: ReadonlyArray<readonly [string, UnitLevel]> = [
  ["thanh pho", "thanh_pho"],
  ["thi tran", "thi_tran"],
  ["thi xa", "thi_xa"],
  ["phuong", "phuong"],
  ["huyen", "huyen"],
  ["quan", "quan"],
  ["tinh", "tinh"],
  ["xa", "xa"],
  ["tp.", "thanh_pho"],
  ["tt.", "thi_tran"],
];

/** Bodies that prefix a unit's name in tables and headers. */
const BODIES: readonly string[] = ["uy ban nhan dan", "ubnd"];

/** A unit name split into its bare name (real spelling) and the level its level word names. */
export interface BareUnit {
  name: string;
  level: UnitLevel | null;
}

function startsWithWord(folded: string, word: string): boolean {
  return (
    folded.startsWith(word) && (folded.length === word.length || /[\s.]/.test(folded[word.length] ?? ""))
  );
}

/**
 * Removes a leading body and level word: "UBND xã Nghĩa Kỳ" → {name: "Nghĩa Kỳ", level: "xa"}.
 * Works on the folded view (same length as the text), so the kept part is the real spelling.
 */
export function bareUnit(raw: string): BareUnit {
  let text = raw.replace(/\s+/g, " ").trim();
  let level: UnitLevel | null = null;
  for (;;) {
    const folded = fold(text);
    const body = BODIES.find((b) => startsWithWord(folded, b));
    if (body) {
      text = text.slice(body.length).trim();
      continue;
    }
    const lv = LEVEL_WORDS.find(([w]) => startsWithWord(folded, w));
    // A level word alone is not a name, and numbered units keep their level word: "Phường 5"
    // and "Quận 5" are different units, and "5" alone names neither.
    const rest = lv ? text.slice(lv[0].length).trim() : "";
    if (lv && /^\d+$/.test(rest.replace(/[\s,.;:]+$/, ""))) {
      level = level ?? lv[1];
      break;
    }
    if (lv && rest !== "") {
      level = level ?? lv[1];
      text = text.slice(lv[0].length).trim();
      continue;
    }
    break;
  }
  return { name: text.replace(/[\s,.;:]+$/, ""), level };
}

/** The grouping key: the bare name folded, punctuation and dashes read as spaces ("nghia ky"). */
export function unitKey(raw: string): string {
  return fold(bareUnit(raw).name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
