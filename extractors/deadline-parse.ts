import { fold } from "../pipeline/text/fold.js";
import type { DeadlineKind } from "../schemas/index.js";
import { type DeadlineMode, MATCHERS, type Matcher } from "./deadline-phrases.js";

export type { DeadlineMode } from "./deadline-phrases.js";

/**
 * Deadline phrases as Vietnamese plans write them, read from folded text (no diacritics, lower
 * case), so unaccented and OCR-damaged accents read the same. Every reading names its kind and, when
 * one follows from the words, the last day the deadline allows.
 *
 * "trước ngày X" is read as "by X" (date = X), as the issue decides: administrative practice treats
 * the named day as the due date, and reading it as X − 1 would flag plans one day early.
 */

/** One deadline phrase found in folded text: its span, kind and last allowed day (ISO) or null. */
export interface DeadlineCandidate {
  start: number;
  end: number;
  kind: DeadlineKind;
  date: string | null;
  /** A weak reading ("theo kế hoạch …") yields to any other undated reading of the same value. */
  weak?: boolean;
}

/**
 * Every deadline phrase in `folded[start, end)`, in text order, without overlaps (an earlier matcher
 * wins). `year` fills dates written without a year. Inline mode reads only phrases that are
 * deadlines wherever they stand ("chậm nhất trước ngày …", "hoàn thành trong tháng …"), never a
 * bare date, so references and issue dates are not taken for deadlines.
 */
export function deadlineCandidates(
  folded: string,
  start: number,
  end: number,
  year: number | null,
  mode: DeadlineMode,
): DeadlineCandidate[] {
  const value = folded.slice(start, end);
  const found: DeadlineCandidate[] = [];
  for (const matcher of MATCHERS) {
    if (!matcher.modes.includes(mode)) continue;
    matcher.re.lastIndex = 0;
    for (let m = matcher.re.exec(value); m; m = matcher.re.exec(value)) {
      if (m[0].length === 0) {
        matcher.re.lastIndex++;
        continue;
      }
      let s = m.index;
      let e = m.index + m[0].length;
      while (e > s && /[\s,:-]/.test(value[e - 1] ?? "")) e--;
      if (mode === "inline" && !inlineTriggered(matcher, m[0], value.slice(Math.max(0, s - 20), s))) continue;
      if (found.some((f) => f.start < start + e && start + s < f.end)) continue;
      // A phrase must start on a word boundary ("khi" inside "không khí" is no event).
      if (s > 0 && /[a-z0-9]/.test(value[s - 1] ?? "")) continue;
      while (s < e && /\s/.test(value[s] ?? "")) s++;
      const candidate: DeadlineCandidate = {
        start: start + s,
        end: start + e,
        kind: matcher.kind,
        date: matcher.date(m, year),
      };
      if (matcher.weak) candidate.weak = true;
      found.push(candidate);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * In running prose a phrase is a deadline only after its trigger: a date after "trước"/"chậm nhất"
 * (inside the match), a period after "chậm nhất"/"trong thời hạn", a month, quarter or year after
 * "hoàn thành"/"xong" ("xong trong tháng 12/2025"), read from the words just `before` the match.
 */
function inlineTriggered(matcher: Matcher, matched: string, before: string): boolean {
  if (matcher.kind === "by_date") return true;
  if (matcher.kind === "relative") {
    return (
      /^(?:cham\s+nhat|trong\s+vong|trong\s+thoi\s+han)/.test(matched) ||
      /(?:hoan\s+thanh|xong)\s+$/.test(before)
    );
  }

  return /(?:hoan\s+thanh|xong)\s+$/.test(before);
}

const DATED_PRIORITY: Record<DeadlineKind, number> = {
  by_date: 0,
  on_date: 1,
  window: 2,
  month: 3,
  quarter: 4,
  period: 5,
  relative: 6,
  recurring: 7,
  continuous: 8,
  event: 9,
};

/**
 * The one deadline a slot or cell sets, from its phrases: a dated reading wins ("Thường xuyên …
 * (chậm nhất trước ngày 01/11/2025)" is due on 1 November), the most precise kind first; without a
 * date, the first strong reading in the text ("Thường xuyên, theo yêu cầu nhiệm vụ" is continuous).
 */
export function bestCandidate(candidates: readonly DeadlineCandidate[]): DeadlineCandidate | null {
  const dated = candidates.filter((c) => c.date !== null);
  if (dated.length > 0) {
    return (
      [...dated].sort((a, b) => DATED_PRIORITY[a.kind] - DATED_PRIORITY[b.kind] || a.start - b.start)[0] ??
      null
    );
  }
  return (
    [...candidates].sort(
      (a, b) => Number(a.weak ?? false) - Number(b.weak ?? false) || a.start - b.start,
    )[0] ?? null
  );
}

/**
 * Reads one deadline phrase (a slot value or table cell) as written, folded or not: its kind and
 * last allowed day. `year` is the document's year, for dates written without one. Null when the
 * text holds no deadline phrase.
 */
export function parseDeadline(
  phrase: string,
  year: number | null,
): { kind: DeadlineKind; date: string | null } | null {
  const folded = fold(phrase.normalize("NFC"));
  const best = bestCandidate(deadlineCandidates(folded, 0, folded.length, year, "slot"));
  return best ? { kind: best.kind, date: best.date } : null;
}
