import {
  type AbstractList,
  type ListLevel,
  levelsByParagraphStyle,
  type NumberingDefinitions,
  readNumberingDefinitions,
  resolveAbstract,
} from "./docx-numbering-defs.js";
import { xmlAttr, xmlTags } from "./docx-numbering-xml.js";
import { readZipEntry, type ZipEntry } from "./zip-guard.js";

/** The number a Word list paragraph shows, as the author saw it. */
export interface ListLabel {
  /** mammoth's level for the paragraph (`w:ilvl`, "0" for the top), to check the pairing. */
  level: string;
  /** "1.", "1.1.", "a)", "I.", "Điều 3.", "-"; "" for a level whose format is `none`. */
  label: string;
  /** What Word puts between the label and the text: " " (tab or space) or "" (`w:suff` nothing). */
  separator: string;
}

/** A numbered paragraph found in document.xml: its list instance and level. */
export interface NumberedParagraph {
  numId: string | undefined;
  abstract: AbstractList;
  level: string;
}

/** Roman numerals, as Word writes them (no overline beyond 3999: such lists do not exist). */
function roman(n: number): string {
  // biome-ignore format: a table reads best in rows
  const table: [number, string][] = [
    [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
    [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
  ];
  let out = "";
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** Word's letter numbering: a … z, then aa, bb … (not Excel's aa, ab). */
const letters = (n: number): string =>
  String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** One number in a format; formats we do not know (ordinal, Asian digits…) read as decimal. */
export function formatNumber(n: number, format: string): string {
  if (n < 1 && /letter|roman/i.test(format)) return String(n);
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "none":
    case "bullet":
      return "";
    default:
      return String(n);
  }
}

/** Bullet glyphs that read as themselves; symbol-font glyphs (U+F0B7, "§", "Ø") do not. */
const PLAIN_BULLETS = /^[-+•–—*▪●◦►✓]$/u;

/**
 * A bullet's marker: the glyph when it is a plain character, else the renderer's convention
 * ("-" at the top, "+" below), since Symbol/Wingdings glyphs mean nothing as text.
 */
function bulletMarker(text: string, level: string): string {
  const glyph = text.trim();
  if (PLAIN_BULLETS.test(glyph)) return glyph;
  return level === "0" ? "-" : "+";
}

/**
 * Labels of numbered paragraphs in document order, counted the way Word counts: counters belong
 * to the list definition (instances of one definition continue each other unless one overrides a
 * start), a level restarts after a higher level ({@link ListLevel.restart}), and `%n` in the level
 * text is the current number of level n in that level's format.
 */
export function labelParagraphs(defs: NumberingDefinitions, paragraphs: NumberedParagraph[]): ListLabel[] {
  const counters = new Map<string, Map<number, number>>();
  const seenInstances = new Set<string>();
  return paragraphs.map(({ numId, abstract, level }) => {
    const instance = numId !== undefined ? defs.instances.get(numId) : undefined;
    const levelOf = (index: number): ListLevel | undefined =>
      instance?.levelOverrides.get(String(index)) ?? abstract.levels.get(String(index));
    const startOf = (index: number): number =>
      instance?.startOverrides.get(String(index)) ?? levelOf(index)?.start ?? 1;
    const counts = counters.get(abstract.id) ?? new Map<number, number>();
    counters.set(abstract.id, counts);
    if (numId !== undefined && instance && !seenInstances.has(numId)) {
      // A start override restarts its level where this instance begins ("restart numbering").
      seenInstances.add(numId);
      for (const overridden of instance.startOverrides.keys()) counts.delete(Number(overridden));
    }
    const index = Number(level);
    const current = counts.get(index);
    counts.set(index, current === undefined ? startOf(index) : current + 1);
    for (const deeper of [...counts.keys()]) {
      if (deeper <= index) continue;
      const restart = levelOf(deeper)?.restart ?? deeper;
      if (restart !== 0 && index + 1 <= restart) counts.delete(deeper);
    }
    const def = levelOf(index);
    if (!def) return { level, label: "", separator: "" };
    const separator = def.suffix === "nothing" ? "" : " ";
    if (def.format === "bullet") return { level, label: bulletMarker(def.text, level), separator };
    const label = def.text.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const format = def.legal ? "decimal" : (levelOf(k)?.format ?? "decimal");
      return formatNumber(counts.get(k) ?? startOf(k), format);
    });
    return { level, label: label.trim(), separator };
  });
}

/** A paragraph whose properties are being read. */
interface OpenParagraph {
  numId?: string;
  ilvl?: string;
  style?: string;
  deleted: boolean;
  resolved: boolean;
}

/**
 * The numbered paragraphs of document.xml, chosen exactly as mammoth chooses them so the two
 * sequences pair up: a paragraph is numbered by its `w:numPr` (numId + ilvl), else by a list level
 * naming its style (`w:pStyle`), else by a numId alone (level 0). Like mammoth, it skips deleted
 * paragraph marks, `mc:Choice` branches (mammoth reads `mc:Fallback`) and DrawingML text boxes.
 * A paragraph is decided when its `w:pPr` ends, before any paragraph nested in it (a text box)
 * starts, so the order is the order of start tags, which is mammoth's order too.
 */
export function numberedParagraphs(defs: NumberingDefinitions, documentXml: string): NumberedParagraph[] {
  const byStyle = levelsByParagraphStyle(defs);
  const found: NumberedParagraph[] = [];
  const find = (numId: string, level: string): NumberedParagraph | undefined => {
    const abstract = resolveAbstract(defs, numId);
    return abstract?.levels.has(level) ? { numId, abstract, level } : undefined;
  };
  const resolve = (p: OpenParagraph): void => {
    if (p.resolved) return;
    p.resolved = true;
    if (p.deleted) return; // mammoth moves its content into the next paragraph
    let numbered: NumberedParagraph | undefined;
    if (p.numId !== undefined && p.ilvl !== undefined) numbered = find(p.numId, p.ilvl);
    else if (p.style !== undefined && byStyle.has(p.style)) {
      const { abstract, level } = byStyle.get(p.style) ?? {};
      if (abstract && level !== undefined) numbered = { numId: undefined, abstract, level };
    } else if (p.numId !== undefined) numbered = find(p.numId, "0");
    if (numbered) found.push(numbered);
  };
  const stack: string[] = [];
  const open: OpenParagraph[] = [];
  let skipDepth = 0;
  for (const tag of xmlTags(documentXml)) {
    if (tag.kind === "close") {
      const index = stack.lastIndexOf(tag.name);
      if (index < 0) continue;
      stack.length = index;
      if (skipDepth > 0) {
        if (stack.length < skipDepth) skipDepth = 0;
        continue;
      }
      const paragraph = open[open.length - 1];
      if (tag.name === "pPr" && stack[stack.length - 1] === "p" && paragraph) resolve(paragraph);
      if (tag.name === "p" && paragraph) resolve(open.pop() ?? paragraph);
      continue;
    }
    if (tag.kind === "open") stack.push(tag.name);
    if (skipDepth > 0) continue;
    if (tag.name === "Choice" || tag.name === "drawing") {
      if (tag.kind === "open") skipDepth = stack.length;
      continue;
    }
    if (tag.name === "p") {
      if (tag.kind === "open") open.push({ deleted: false, resolved: false });
      continue;
    }
    const paragraph = open[open.length - 1];
    if (!paragraph || paragraph.resolved) continue;
    const o = tag.kind === "open" ? 2 : 1;
    const parent = stack[stack.length - o];
    const grand = stack[stack.length - o - 1];
    const great = stack[stack.length - o - 2];
    if (
      (tag.name === "numId" || tag.name === "ilvl") &&
      parent === "numPr" &&
      grand === "pPr" &&
      great === "p"
    ) {
      paragraph[tag.name === "numId" ? "numId" : "ilvl"] = xmlAttr(tag, "val");
    } else if (tag.name === "pStyle" && parent === "pPr" && grand === "p") {
      paragraph.style = xmlAttr(tag, "val");
    } else if (tag.name === "del" && parent === "rPr" && grand === "pPr" && great === "p") {
      paragraph.deleted = true;
    }
  }
  return found;
}

/** The text of a ZIP part, or "" when the archive has none. */
function partText(bytes: Buffer, entries: readonly ZipEntry[], name: string): string {
  const entry = entries.find((e) => e.name === name);
  return entry ? readZipEntry(bytes, entry).toString("utf8") : "";
}

/**
 * The labels Word shows for the numbered paragraphs of a DOCX, in document order (the body of
 * word/document.xml; footnotes, headers and comments are not read, as mammoth's body is not).
 * Parts are inflated with {@link readZipEntry}, capped at their declared size like zip-guard does.
 */
export function readListLabels(bytes: Buffer, entries: readonly ZipEntry[]): ListLabel[] {
  const numberingXml = partText(bytes, entries, "word/numbering.xml");
  if (numberingXml === "") return [];
  const defs = readNumberingDefinitions(numberingXml, partText(bytes, entries, "word/styles.xml"));
  return labelParagraphs(defs, numberedParagraphs(defs, partText(bytes, entries, "word/document.xml")));
}
