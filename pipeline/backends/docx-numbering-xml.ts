/**
 * A tag scanner for the WordprocessingML parts read to recover list numbers (document.xml,
 * numbering.xml, styles.xml). Not a general XML parser: names are compared by their local part
 * ("w:numId" → "numId"), since Word always writes these parts with the usual prefixes and a
 * document that does not simply falls back to regenerated numbers (the counts disagree).
 */

/** One start, end or empty-element tag, in document order. */
export interface XmlTag {
  /** The name without its namespace prefix. */
  name: string;
  kind: "open" | "close" | "empty";
  /** The raw attribute source (parsed on demand with {@link xmlAttr}). */
  attrs: string;
}

/** Every tag of an XML text, skipping comments, processing instructions, CDATA and text. */
export function* xmlTags(xml: string): Generator<XmlTag> {
  const tag = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (const match of xml.matchAll(tag)) {
    const [, slash, name = "", attrs = "", selfClosing] = match;
    yield { name, kind: slash ? "close" : selfClosing ? "empty" : "open", attrs };
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The value of an attribute given by its local name ("val" finds `w:val="…"`), entities decoded. */
export function xmlAttr(tag: XmlTag, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag.attrs);
  if (!match) return undefined;
  return (match[1] ?? match[2] ?? "").replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return ENTITIES[ref] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An element of a small part (numbering.xml, styles.xml) as a tree. */
export interface XmlNode {
  name: string;
  tag: XmlTag;
  children: XmlNode[];
}

/** Builds the element tree of a small XML part; stray end tags are ignored. */
export function xmlTree(xml: string): XmlNode {
  const root: XmlNode = { name: "#root", tag: { name: "#root", kind: "open", attrs: "" }, children: [] };
  const stack: XmlNode[] = [root];
  for (const tag of xmlTags(xml)) {
    const top = stack[stack.length - 1] ?? root;
    if (tag.kind === "close") {
      const index = stack.map((node) => node.name).lastIndexOf(tag.name);
      if (index > 0) stack.length = index;
      continue;
    }
    const node: XmlNode = { name: tag.name, tag, children: [] };
    top.children.push(node);
    if (tag.kind === "open") stack.push(node);
  }
  return root;
}

/** The first child with this local name. */
export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  node?.children.find((c) => c.name === name);

/** Every descendant with this local name, in document order. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const visit = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === name) found.push(c);
      visit(c);
    }
  };
  visit(node);
  return found;
}

/** The `w:val` of a child element (`<w:start w:val="3"/>` → "3"). */
export const childVal = (node: XmlNode | undefined, name: string): string | undefined => {
  const found = child(node, name);
  return found ? xmlAttr(found.tag, "val") : undefined;
};
