/**
 * Clause, sentence and year helpers of the discipline extractor (extractors/discipline.ts): where a
 * clause or a sentence starts and ends around a mention, regex hits in a span of the folded text,
 * and the year a sentence states.
 */

/** How far a clause reaches from its anchor; a longer one is a run-on paragraph, not one clause. */
const REACH = 300;

/**
 * A line break that only wraps a sentence (hard-wrapped PDFs): the line does not end a sentence
 * and the next one goes on in lower case or with a quote ("hình thức\n“Khiển trách” thì …").
 */
function wraps(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 3), i).trimEnd();
  return before !== "" && !/[.:;!?]$/.test(before) && /^[\p{Ll}“"]/u.test(text[i + 1] ?? "");
}

function isBoundary(text: string, i: number, clause: boolean): boolean {
  const c = text[i] ?? "";
  if (c === "\n") return !wraps(text, i);
  if (c === ".") return /\s/.test(text[i + 1] ?? " ");
  if (c === "!" || c === "?") return true;
  return clause && (c === "\t" || c === ";" || c === "(" || c === ")");
}

/** Start of the clause (or, `clause` false, the sentence) holding `pos`. */
export function startOf(text: string, pos: number, clause: boolean): number {
  const limit = Math.max(0, pos - REACH);
  for (let i = pos - 1; i >= limit; i--) if (isBoundary(text, i, clause)) return i + 1;
  return limit;
}

/** End of the clause (or, `clause` false, the sentence) holding `pos`. */
export function endOf(text: string, pos: number, clause: boolean): number {
  const limit = Math.min(text.length, pos + REACH);
  for (let i = pos; i < limit; i++) if (isBoundary(text, i, clause)) return i;
  return limit;
}

/** One regex match in the folded text, with a value read from it. */
export interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

/** Every match of the global `re` between `from` and `to`, with offsets into the whole text. */
export function hits<T>(
  re: RegExp,
  folded: string,
  from: number,
  to: number,
  of: (m: RegExpExecArray) => T,
): Hit<T>[] {
  const out: Hit<T>[] = [];
  re.lastIndex = 0;
  const part = folded.slice(from, to);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, value: of(m) });
  }
  return out;
}

const YEAR_RE = /(?<![a-z])nam\s*(\d{4})(?!\d)/g;
/** A date "ngày 15/8/2024" or "ngày 15 tháng 8 năm 2024"; group 1 or 2 is the year. */
const DATE_RE =
  /(?<![a-z])ngay\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*(\d{4})|thang\s*\d{1,2}\s*nam\s*(\d{4}))(?!\d)/g;
/** What may open a sentence before its date: a list marker ("a)", "-", "2."). */
const SENTENCE_OPENING_RE = /^[\s\-+•*]*(?:[a-z0-9]{1,3}[.)]\s*)?$/;
/** A decision's own date: "Quyết định số 45/QĐ-UBND ngày …" (OCR: "Q4", "QD"). */
const DECISION_BEFORE_DATE_RE = /(?<![a-z])quyet\s*dinh\s*(?:so\s*)?(?:[\w/.-]+\s*)?$/;

const plausible = (y: number) => y >= 1990 && y <= 2100;

/**
 * The year the sentence `[from, to)` states for the mention at `at`: the nearest "năm 2024" before
 * it, else the first after (a date's "tháng 11 năm 2022" is not one: it dates a cited document).
 * Failing that, a date before the mention counts when it dates the sentence itself ("Ngày
 * 15/8/2024, UBND huyện …", at the sentence's opening) or, when `decision` (the mention is what a
 * decision is about: "Quyết định số 45/QĐ-UBND ngày 20/5/2024 … về việc thi hành kỷ luật"), the
 * decision's own date. A date of a legal basis ("Nghị định số 112/2020/NĐ-CP ngày 18/9/2020") or of
 * a decision cited after the mention ("… theo Quyết định ngày …") never does.
 */
export function yearOf(
  folded: string,
  from: number,
  to: number,
  at: number,
  decision: boolean,
): number | null {
  const years = hits(YEAR_RE, folded, from, to, (m) => Number(m[1])).filter(
    (y) => plausible(y.value) && !/thang\s*\d{1,2}\s*$/.test(folded.slice(y.start - 12, y.start)),
  );
  const before = years.filter((y) => y.start < at);
  const stated = (before[before.length - 1] ?? years[0])?.value;
  if (stated !== undefined) return stated;
  const dates = hits(DATE_RE, folded, from, at, (m) => Number(m[1] ?? m[2])).filter(
    (d) =>
      plausible(d.value) &&
      (SENTENCE_OPENING_RE.test(folded.slice(from, d.start)) ||
        (decision && DECISION_BEFORE_DATE_RE.test(folded.slice(Math.max(from, d.start - 40), d.start)))),
  );
  return dates[dates.length - 1]?.value ?? null;
}
