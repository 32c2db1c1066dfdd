import { child, childVal, descendants, type XmlNode, xmlAttr, xmlTree } from "./docx-numbering-xml.js";

/** One level of a Word list definition (`w:lvl`). */
export interface ListLevel {
  /** `w:numFmt`: decimal, lowerLetter, upperRoman, bullet, none… */
  format: string;
  /** `w:lvlText`: "%1.%2.", "Điều %1.", "a)" or a bullet glyph. */
  text: string;
  /** `w:start` (default 0 in the spec, but Word always writes it; 1 when missing is what users see). */
  start: number;
  /** `w:lvlRestart`, one-based: the level restarts after that level or a higher one; 0 never. */
  restart?: number;
  /** `w:isLgl`: every number in the label shown as decimal ("1.1" under "I."). */
  legal: boolean;
  /** `w:suff`: what follows the label: tab (default), space or nothing. */
  suffix: string;
  /** `w:pStyle`: the paragraph style this level numbers. */
  paragraphStyle?: string;
}

/** A list definition (`w:abstractNum`). */
export interface AbstractList {
  id: string;
  levels: Map<string, ListLevel>;
  /** `w:numStyleLink`: the definition lives in a numbering style's list. */
  styleLink?: string;
}

/** A list instance (`w:num`): a definition with per-level start or level overrides. */
export interface ListInstance {
  abstractId: string;
  startOverrides: Map<string, number>;
  levelOverrides: Map<string, ListLevel>;
}

/** numbering.xml (and the numbering styles of styles.xml) read for label computation. */
export interface NumberingDefinitions {
  abstracts: Map<string, AbstractList>;
  instances: Map<string, ListInstance>;
  /** Numbering style id → the numId its `w:pPr/w:numPr` names (for `w:numStyleLink`). */
  numberingStyles: Map<string, string>;
}

const int = (value: string | undefined, fallback: number): number => {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) ? n : fallback;
};

function readLevel(node: XmlNode): ListLevel {
  const restart = childVal(node, "lvlRestart");
  const legal = child(node, "isLgl");
  const paragraphStyle = childVal(node, "pStyle");
  return {
    format: childVal(node, "numFmt") ?? "decimal",
    text: childVal(node, "lvlText") ?? "",
    start: int(childVal(node, "start"), 1),
    ...(restart !== undefined ? { restart: int(restart, 0) } : {}),
    legal: legal !== undefined && !["0", "false", "off"].includes(xmlAttr(legal.tag, "val") ?? "1"),
    suffix: childVal(node, "suff") ?? "tab",
    ...(paragraphStyle !== undefined ? { paragraphStyle } : {}),
  };
}

/** Reads numbering.xml and styles.xml (either may be missing: an empty string). */
export function readNumberingDefinitions(numberingXml: string, stylesXml: string): NumberingDefinitions {
  const root = xmlTree(numberingXml);
  const abstracts = new Map<string, AbstractList>();
  for (const node of descendants(root, "abstractNum")) {
    const id = xmlAttr(node.tag, "abstractNumId");
    if (id === undefined) continue;
    const levels = new Map<string, ListLevel>();
    for (const lvl of node.children.filter((c) => c.name === "lvl")) {
      // Like mammoth, a level without an index is level 0 unless a real level 0 exists.
      const index = xmlAttr(lvl.tag, "ilvl");
      if (index !== undefined) levels.set(index, readLevel(lvl));
      else if (!levels.has("0")) levels.set("0", readLevel(lvl));
    }
    const styleLink = childVal(node, "numStyleLink");
    abstracts.set(id, { id, levels, ...(styleLink !== undefined ? { styleLink } : {}) });
  }
  const instances = new Map<string, ListInstance>();
  for (const node of descendants(root, "num")) {
    const numId = xmlAttr(node.tag, "numId");
    const abstractId = childVal(node, "abstractNumId");
    if (numId === undefined || abstractId === undefined) continue;
    const startOverrides = new Map<string, number>();
    const levelOverrides = new Map<string, ListLevel>();
    for (const override of node.children.filter((c) => c.name === "lvlOverride")) {
      const level = xmlAttr(override.tag, "ilvl") ?? "0";
      const start = childVal(override, "startOverride");
      if (start !== undefined) startOverrides.set(level, int(start, 1));
      const lvl = child(override, "lvl");
      if (lvl) levelOverrides.set(level, readLevel(lvl));
    }
    instances.set(numId, { abstractId, startOverrides, levelOverrides });
  }
  const numberingStyles = new Map<string, string>();
  for (const style of descendants(xmlTree(stylesXml), "style")) {
    if (xmlAttr(style.tag, "type") !== "numbering") continue;
    const id = xmlAttr(style.tag, "styleId");
    const numId = childVal(child(child(style, "pPr"), "numPr"), "numId");
    if (id !== undefined && numId !== undefined) numberingStyles.set(id, numId);
  }
  return { abstracts, instances, numberingStyles };
}

/**
 * The list definition a numId really uses, following `w:numStyleLink` through numbering styles
 * (mammoth does the same; a loop ends in undefined).
 */
export function resolveAbstract(defs: NumberingDefinitions, numId: string): AbstractList | undefined {
  const seen = new Set<string>();
  let id: string | undefined = numId;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const instance = defs.instances.get(id);
    const abstract = instance ? defs.abstracts.get(instance.abstractId) : undefined;
    if (!abstract) return undefined;
    if (abstract.styleLink === undefined) return abstract;
    id = defs.numberingStyles.get(abstract.styleLink);
  }
  return undefined;
}

/** Paragraph style id → the list level that numbers it (the last one wins, as in mammoth). */
export function levelsByParagraphStyle(
  defs: NumberingDefinitions,
): Map<string, { abstract: AbstractList; level: string }> {
  const byStyle = new Map<string, { abstract: AbstractList; level: string }>();
  for (const abstract of defs.abstracts.values()) {
    for (const [level, def] of abstract.levels) {
      if (def.paragraphStyle !== undefined) byStyle.set(def.paragraphStyle, { abstract, level });
    }
  }
  return byStyle;
}
