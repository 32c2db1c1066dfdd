import { emptyResult } from "./counts.js";
import type { GoldTask } from "./gold-schema.js";
import type { OutTask } from "./output-doc.js";
import { roleAmong } from "./roles.js";
import { approxIn, wordKey } from "./text-keys.js";
import type { KindResult } from "./types.js";

/** Words of a task's start that locate it inside another task's text. */
const PREFIX_WORDS = 10;
/** A start shorter than this (in characters) only matches an equal text: "Thường xuyên" locates nothing. */
const MIN_PREFIX_CHARS = 12;

/** A task text's comparable words, without leading numbering ("2.2.1.", "a)", "-", "+"). */
export function taskWords(text: string): string {
  let k = wordKey(text);
  k = k.replace(/^(?:\d+ )+/, "").replace(/^[a-z] (?=\S)/, "");
  return k;
}

/** Edit slack for a start of `n` words: OCR may break or glue a word or two. */
const slack = (n: number) => (n >= 8 ? 2 : n >= 5 ? 1 : 0);

/** A task text as words, with their set for a quick rejection before the edit-distance search. */
interface Words {
  words: string[];
  set: Set<string>;
}

function toWords(text: string): Words {
  const k = taskWords(text);
  const words = k.length === 0 ? [] : k.split(" ");
  return { words, set: new Set(words) };
}

function locates(hay: Words, text: Words): boolean {
  const start = text.words.slice(0, PREFIX_WORDS);
  if (start.join(" ").length < MIN_PREFIX_CHARS) return hay.words.join(" ") === text.words.join(" ");
  const k = slack(start.length);
  // Each edit spoils at most one word of the start: fewer than |start| − k words in the hay cannot match.
  let present = 0;
  for (const w of start) if (hay.set.has(w)) present++;
  if (present < start.length - k) return false;
  return approxIn(hay.words, start, k);
}

/**
 * Whether an output task and a gold task are the same piece of work: the first words of one lie inside
 * the other (with a word or two of OCR slack). Granularity may differ: a gold block of three bullets
 * under one role block matches an output task per bullet, and a gold task per bullet matches one
 * output task holding the whole block.
 */
export function sameTask(goldText: string, outText: string): boolean {
  return sameTaskWords(toWords(goldText), toWords(outText));
}

function sameTaskWords(g: Words, o: Words): boolean {
  if (g.words.length === 0 || o.words.length === 0) return false;
  return locates(g, o) || locates(o, g);
}

const short = (t: string) => {
  const s = t.replace(/\s+/g, " ").trim();
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

/**
 * Tasks' lead roles, scored as (task, lead) pairs. Recall: a gold pair is found when some output task
 * that is the same work ({@link sameTask}) names that lead. Precision: an output pair is correct when
 * some gold task that is the same work has that lead; it is neutral when that lead (or task) is
 * optional in the gold, and a false hit otherwise. Support roles, deadlines and outputs of a task are
 * not scored here.
 */
export function matchTaskLeads(gold: readonly GoldTask[], out: readonly OutTask[] | null): KindResult {
  const r = emptyResult();
  const outs = out ?? [];
  const goldWords = gold.map((g) => toWords(g.text));
  const related = outs.map((o) => {
    const ow = toWords(o.text);
    return gold.filter((_g, i) => {
      const gw = goldWords[i];
      return gw !== undefined && sameTaskWords(gw, ow);
    });
  });
  for (const g of gold) {
    if (g.optional) continue;
    const mates = outs.filter((_o, i) => related[i]?.includes(g));
    for (const lead of g.lead) {
      r.counts.gold++;
      if (mates.some((o) => roleAmong(lead, o.lead, "gold-in-output"))) r.counts.found++;
      else {
        const why =
          mates.length === 0
            ? "no output task for it"
            : `output leads: ${mates.map((o) => o.lead.join(" / ")).join(" | ")}`;
        r.misses.push(`task "${short(g.text)}": lead ${lead} (${why})`);
      }
    }
  }
  outs.forEach((o, i) => {
    const mates = related[i] ?? [];
    for (const lead of o.lead) {
      if (mates.some((g) => !g.optional && roleAmong(lead, g.lead, "output-in-gold"))) {
        r.counts.output++;
        r.counts.correct++;
        continue;
      }
      if (mates.some((g) => roleAmong(lead, [...g.lead, ...(g.leadOptional ?? [])], "output-in-gold")))
        continue;
      r.counts.output++;
      const why =
        mates.length === 0
          ? "no gold task"
          : `gold leads: ${mates.map((g) => g.lead.join(" / ")).join(" | ")}`;
      r.falseHits.push(`task "${short(o.text)}": lead ${lead} (${why})`);
    }
  });
  return r;
}
