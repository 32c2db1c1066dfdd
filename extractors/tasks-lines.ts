import type { NormalisedDocument } from "../pipeline/text/types.js";

/**
 * The paragraph model that the task and deadline extractors share: the normalised text cut into
 * paragraphs (one per line after normalisation; consecutive wrapped lines are joined here too, so
 * text that kept its hard wraps still reads right), each with its bullet, its numbering and any
 * slot labels ("Chủ trì tham mưu:", "Thời gian thực hiện:") it holds. Offsets are into `doc.text`.
 */

/** What a slot label introduces. */
export type SlotKind = "lead" | "leadOrSupport" | "support" | "deadline" | "text" | "output";

/** A labelled value inside a paragraph: "+ Phối hợp: Khối vận thị trấn." */
export interface Slot {
  kind: SlotKind;
  /** Where the label starts. */
  labelStart: number;
  /** The value, after the colon, up to the next label in the same paragraph or the paragraph end. */
  start: number;
  end: number;
}

/** One paragraph of the document (table rows, which hold tabs, are never paragraphs). */
export interface Paragraph {
  start: number;
  end: number;
  /** Where the content starts, after indentation, markdown marks, bullets and numbering. */
  body: number;
  /** The bullet character ("-", "+", "•"), when the paragraph has one. */
  bullet: string | null;
  /** Numbering as written without its punctuation: "2.2.1", "a", "1", "IV"; null when none. */
  number: string | null;
  /** "roman" (I., IV.), "arabic" (1., 2.3.), "paren" ((1)), "letter" (a), b)) or null. */
  numberStyle: "roman" | "arabic" | "paren" | "letter" | null;
  /** Labelled slots, in order; empty when the paragraph holds none. */
  slots: Slot[];
}

const BULLET = /[-+•·–—*∗►▪●○◦]/;
const SKIP = /[\s*_#>|]/;

/** Slot labels, folded; words may be separated by spaces or markdown marks. Longest first per kind. */
const LABELS: ReadonlyArray<readonly [SlotKind, readonly string[]]> = [
  [
    "lead",
    [
      "trach nhiem chu tri tham muu",
      "co quan chu tri tham muu thuc hien",
      "don vi chu tri tham muu thuc hien",
      "co quan chu tri tham muu",
      "don vi chu tri tham muu",
      "co quan chu tri thuc hien",
      "don vi chu tri thuc hien",
      "bo phan chu tri thuc hien",
      "co quan chu tri",
      "don vi chu tri",
      "bo phan chu tri",
      "trach nhiem chu tri",
      "chu tri tham muu",
      "chu tri thuc hien",
      "chu tri",
    ],
  ],
  [
    "support",
    [
      "co quan phoi hop thuc hien",
      "don vi phoi hop thuc hien",
      "bo phan phoi hop thuc hien",
      "co quan phoi hop",
      "don vi phoi hop",
      "bo phan phoi hop",
      "phoi hop thuc hien",
      "phoi hop",
    ],
  ],
  [
    "leadOrSupport",
    [
      "co quan thuc hien",
      "don vi thuc hien",
      "bo phan thuc hien",
      "trach nhiem thuc hien",
      "nguoi thuc hien",
      "phan cong thuc hien",
    ],
  ],
  [
    "deadline",
    [
      "thoi gian thuc hien",
      "thoi gian hoan thanh",
      "thoi han hoan thanh",
      "thoi han thuc hien",
      "thoi diem hoan thanh",
      "tien do thuc hien",
      "tien do hoan thanh",
      "thoi han",
      "thoi gian",
    ],
  ],
  [
    "text",
    ["huong khac phuc", "noi dung cong viec", "noi dung thuc hien", "noi dung", "nhiem vu", "giai phap"],
  ],
  ["output", ["san pham dau ra", "ket qua dau ra", "san pham", "ket qua"]],
];

const labelSource = (label: string) => label.split(" ").join(String.raw`[\s*_]+`);
const LABEL_ALTERNATIVES = LABELS.flatMap(([kind, labels]) => labels.map((l) => ({ kind, l })));
/** Any label followed by a colon (markdown marks allowed around it), matched sticky at a position. */
const LABEL_RE = new RegExp(
  String.raw`(?:${LABEL_ALTERNATIVES.map((a) => `(${labelSource(a.l)})`).join("|")})[\s*_]*[:：][\s*_]*`,
  "y",
);
/** "Thời gian thực hiện" without a colon, as in "Thời gian thực hiện sau khi Chiến lược … được ban hành". */
const BARE_DEADLINE_LABEL = /thoi[\s*_]+gian[\s*_]+(?:thuc[\s*_]+hien|hoan[\s*_]+thanh)[\s*_]+/y;
/** A place inside a paragraph where a new label may start: after ";" or "." and spaces. */
const MID_LABEL_START = /[;.][\s*_]+(?=[a-z])/g;

/** Matches a slot label at `pos` of the folded text; returns its kind and the value start. */
export function labelAt(folded: string, pos: number): { kind: SlotKind; valueStart: number } | null {
  LABEL_RE.lastIndex = pos;
  const m = LABEL_RE.exec(folded);
  if (!m) return null;
  const index = m.slice(1).findIndex((g) => g !== undefined);
  const alt = LABEL_ALTERNATIVES[index];
  if (!alt) return null;
  return { kind: alt.kind, valueStart: pos + m[0].length };
}

/** "Thời gian thực hiện <value>" written without a colon; returns where the value starts. */
export function bareDeadlineLabelAt(folded: string, pos: number): number | null {
  BARE_DEADLINE_LABEL.lastIndex = pos;
  const m = BARE_DEADLINE_LABEL.exec(folded);
  return m ? pos + m[0].length : null;
}

/** Cuts the document into paragraphs, with bullets, numbering and slots. Linear in the text length. */
export function paragraphs(doc: Pick<NormalisedDocument, "text" | "folded">): Paragraph[] {
  const { text } = doc;
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let pos = 0;
  while (pos <= text.length) {
    let lineEnd = text.indexOf("\n", pos);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(pos, lineEnd);
    const blank = line.trim() === "" || /^[\s*_|#\-=]*$/.test(line);
    if (blank || line.includes("\t")) {
      if (current) out.push(finish(doc, current));
      current = null;
    } else {
      const head = lineHead(doc, pos, lineEnd);
      const startsNew =
        head.bullet !== null || head.number !== null || labelAt(doc.folded, head.body) !== null;
      if (current && !startsNew && continues(text, current) && !isCapitals(line.slice(0, 40))) {
        current.end = lineEnd;
      } else {
        if (current) out.push(finish(doc, current));
        current = { start: pos, end: lineEnd, ...head, slots: [] };
      }
    }
    pos = lineEnd + 1;
  }
  if (current) out.push(finish(doc, current));
  return out;
}

/**
 * Whether a line continues the paragraph before it. Normalised text separates paragraphs with blank
 * lines, so a line right below another is a wrap the normaliser left ("Thời gian thực hiện: Quý" /
 * "IV năm 2025 …") unless the line above ended its sentence; a bare number ("2.") always takes the
 * line below as its text.
 */
function continues(text: string, current: Paragraph): boolean {
  let e = current.end;
  while (e > current.body && /[\s*_]/.test(text[e - 1] ?? "")) e--;
  if (e <= current.body) return true;
  // A heading in capitals ("IV. TỔ CHỨC THỰC HIỆN") ends its line: text without blank lines between
  // paragraphs (OCR, plain text) puts the section's first sentence right below it.
  if (isCapitals(text.slice(current.body, e))) return false;
  return !/[.;:!?]/.test(text[e - 1] ?? "");
}

/** Whether a line is written in capitals: at least four letters, none of them lower case. */
function isCapitals(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  return letters.length >= 4 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase());
}

/** Bullets and numbering at the start of a line. */
function lineHead(
  doc: Pick<NormalisedDocument, "text">,
  start: number,
  end: number,
): Pick<Paragraph, "body" | "bullet" | "number" | "numberStyle"> {
  const { text } = doc;
  let p = start;
  let bullet: string | null = null;
  for (;;) {
    while (p < end && SKIP.test(text[p] ?? "")) p++;
    const ch = text[p] ?? "";
    // A bullet is followed by a space or a letter, never by a digit ("-5" is a number).
    if (p < end && BULLET.test(ch) && !/\d/.test(text[p + 1] ?? "")) {
      if (ch !== "*") bullet = bullet ?? ch;
      p++;
      continue;
    }
    break;
  }
  // OCR reads a list number "1." as "l.": at the start of an item it can only be the digit.
  const rest = text.slice(p, Math.min(end, p + 24)).replace(/^l(?=[.)]\s)/, "1");
  const m =
    /^(\(?)(\d{1,2}(?:\.\d{1,2}){0,4})(\.|\)|(?=\s))[\s*_]*(?=\S|$)/.exec(rest) ??
    /^()([IVX]{1,5})(\.|\))[\s*_]+/.exec(rest) ??
    /^(\(?)([a-zđ])(\))[\s*_]+/.exec(rest);
  if (!m) return { body: p, bullet, number: null, numberStyle: null };
  const number = m[2] ?? "";
  // "2024. Kế hoạch …" is a wrapped year, not numbering: the first part has at most two digits.
  const style = /^[IVX]+$/.test(number)
    ? "roman"
    : /^[a-zđ]$/.test(number)
      ? "letter"
      : m[1] === "("
        ? "paren"
        : "arabic";
  if (style === "arabic" && m[3] === "" && !number.includes(".")) {
    return { body: p, bullet, number: null, numberStyle: null };
  }
  let body = p + m[0].length;
  while (body < end && SKIP.test(text[body] ?? "")) body++;
  return { body, bullet, number, numberStyle: style };
}

/** Finds the slots of a paragraph: one label at the body start, more after ";" or "." inside it. */
function finish(doc: Pick<NormalisedDocument, "text" | "folded">, p: Paragraph): Paragraph {
  const starts: { kind: SlotKind; labelStart: number; valueStart: number }[] = [];
  const first = labelAt(doc.folded, p.body);
  if (first) starts.push({ kind: first.kind, labelStart: p.body, valueStart: first.valueStart });
  const segment = doc.folded.slice(p.body, p.end);
  MID_LABEL_START.lastIndex = 0;
  for (let m = MID_LABEL_START.exec(segment); m; m = MID_LABEL_START.exec(segment)) {
    const at = p.body + m.index + m[0].length;
    const hit = labelAt(doc.folded, at);
    if (hit && (starts.length > 0 || hit.kind !== "text")) {
      starts.push({ kind: hit.kind, labelStart: at, valueStart: hit.valueStart });
    }
  }
  p.slots = starts.map((s, i) => ({
    kind: s.kind,
    labelStart: s.labelStart,
    start: s.valueStart,
    end: starts[i + 1]?.labelStart ?? p.end,
  }));
  return p;
}

/** The depth of an arabic number ("2.2.1" → 3); 1 for other styles. */
export function numberDepth(p: Paragraph): number {
  return p.numberStyle === "arabic" && p.number ? p.number.split(".").length : 1;
}
