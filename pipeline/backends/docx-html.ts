/**
 * A tiny HTML reader for the limited, well-formed HTML mammoth writes (p, h1–h6, ol/ul/li,
 * table/thead/tbody/tr/td/th, strong/em/u/s/sup/sub, a, br, hr, img). Not a general HTML parser:
 * it tolerates stray end tags and unclosed elements, which is all the robustness mammoth needs.
 */

/** An element with its attributes and children. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

/** A text node (entities already decoded) or an element. */
export type HtmlNode = { text: string } | HtmlElement;

/** Elements that never have content or an end tag. */
const VOID_TAGS = new Set(["br", "hr", "img", "col", "meta", "input", "wbr"]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** Decodes character references: the five XML ones, `&nbsp;` and numeric ones. Unknown ones stay. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(
    /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g,
  )) {
    const name = match[1];
    if (name) attrs[name.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attrs;
}

/** Parses HTML into a root element whose tag is `#root`. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = (): HtmlElement => stack[stack.length - 1] ?? root;
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)|</g;
  for (const match of html.matchAll(token)) {
    const [whole, slash, rawTag, rest, text] = match;
    if (text !== undefined || whole === "<") {
      top().children.push({ text: decodeEntities(text ?? whole) });
      continue;
    }
    if (rawTag === undefined) continue; // a comment
    const tag = rawTag.toLowerCase();
    if (slash) {
      // Close the nearest open element with this tag (and anything left open inside it).
      const index = stack.map((element) => element.tag).lastIndexOf(tag);
      if (index > 0) stack.length = index;
      continue;
    }
    const element: HtmlElement = { tag, attrs: parseAttributes(rest ?? ""), children: [] };
    top().children.push(element);
    if (!VOID_TAGS.has(tag) && !(rest ?? "").trimEnd().endsWith("/")) stack.push(element);
  }
  return root;
}

/** Whether a node is an element (and optionally one of the given tags). */
export function isElement(node: HtmlNode, ...tags: string[]): node is HtmlElement {
  return "tag" in node && (tags.length === 0 || tags.includes(node.tag));
}
