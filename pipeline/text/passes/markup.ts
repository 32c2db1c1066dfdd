import { type MappedText, OffsetMapBuilder, rewrite, runPasses } from "../offset-map.js";

/*
 * Converter residue: what HTML → text and PDF/DOCX → Markdown converters leave in the text.
 * Every rule removes marks, never words, and never adds or removes a line break inside a table
 * row (a row is one line; its cells are separated by tabs).
 */

const BLOCK_TAGS = "ul|ol|li|p|br|div|tr|td|th|table|tbody|thead|tfoot|h[1-6]|hr|center|blockquote";
const INLINE_TAGS = "b|i|u|s|strong|em|span|font|a|sup|sub|small|big|strike|mark";
const HTML =
  new RegExp(`</?(?:${BLOCK_TAGS}|${INLINE_TAGS})\\b[^<>\\n\\f]*>`, "gi").source +
  "|&(?:nbsp|amp|lt|gt|quot|apos|#\\d{1,6}|#x[0-9a-fA-F]{1,6});";
const HTML_PATTERN = new RegExp(HTML, "gi");
const INLINE_TAG = new RegExp(`^(?:${INLINE_TAGS})$`);
const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntity(entity: string): string {
  const name = entity.slice(1, -1).toLowerCase();
  if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || 32);
  if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)) || 32);
  return ENTITIES[name] ?? entity;
}

/** The last character before `index` that is not a space ("" at a line or cell start). */
function previousMark(text: string, index: number): string {
  let i = index - 1;
  while (i >= 0 && text[i] === " ") i--;
  const ch = i >= 0 ? (text[i] as string) : "";
  return ch === "\n" || ch === "\f" || ch === "\t" ? "" : ch;
}

/**
 * HTML left inside cells and lines (`<ul style=…>`, `<li>`, `</li>`, `<p>`, `<br>`, entities).
 * Item boundaries must keep items apart without breaking the row: a closing `</li>` after an item
 * becomes ";" (the Vietnamese list convention), an opening tag glued to text becomes a space,
 * and inline tags simply disappear.
 */
export function htmlPass(text: string): MappedText {
  if (!text.includes("<") && !text.includes("&")) return identity(text);
  return rewrite(text, HTML_PATTERN, (m, source) => {
    const tag = m[0];
    if (tag.startsWith("&")) return decodeEntity(tag);
    const name = /^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? "";
    const closing = tag.startsWith("</");
    if (INLINE_TAG.test(name)) return "";
    const before = previousMark(source, m.index);
    if (closing && name === "li") return before === "" || /[.,;:!?>]/.test(before) ? "" : ";";
    const glued = m.index > 0 && !/\s/.test(source[m.index - 1] as string);
    if (!closing) return glued ? " " : "";
    const next = source[m.index + tag.length] ?? "";
    return glued && next !== "" && !/[\s<]/.test(next) ? " " : "";
  });
}

function identity(text: string): MappedText {
  return new OffsetMapBuilder(text).finish();
}

/** A line holding only marks: `|`, `** **`, `* *`, `---…`, `|---|:---|`, `#`, `====`. */
const RESIDUE_LINE = /(?<=^|[\n\f])[ \t|*_=~#+:-]*(?:\n|(?=\f)|$)/g;

function isResidueLine(line: string): boolean {
  const content = line.replace(/\s/g, "");
  if (content === "") return false; // a blank line is layout, not residue
  // One "*" next to a dash ("*- Đơn vị", cut short) is emphasis residue on a list item, not a rule.
  return (
    /[|#]|\*\*|^\*$/.test(content) || /^(?:\*[ \t]*){2,}$/.test(line.trim()) || /[-_=~]{3}/.test(content)
  );
}

/** Lines made only of Markdown marks disappear with their line break. */
function residueLinePass(text: string): MappedText {
  return rewrite(text, RESIDUE_LINE, (m) => (isResidueLine(m[0]) ? "" : null));
}

/** A Markdown table row `| a | b |` becomes a tab-separated row, the form every backend uses. */
const TABLE_ROW = /(?<=^|[\n\f])[ \t]*\|[^\n\f]*\|[ \t]*(?=\n|\f|$)/g;

function markdownTablePass(text: string): MappedText {
  if (!text.includes("|")) return identity(text);
  const builder = new OffsetMapBuilder(text);
  TABLE_ROW.lastIndex = 0;
  for (let row = TABLE_ROW.exec(text); row !== null; row = TABLE_ROW.exec(text)) {
    const pipes = [...row[0].matchAll(/[ \t]*\|[ \t]*/g)];
    if (pipes.length < 3) continue;
    pipes.forEach((pipe, k) => {
      const at = row.index + (pipe.index ?? 0);
      builder.keepTo(at).replace(pipe[0].length, k === 0 || k === pipes.length - 1 ? "" : "\t");
    });
  }
  return builder.finish();
}

/**
 * Emphasis marks (`**bold**`, `*italic*`, `**1**. **Mục đích**`) are removed; a footnote mark
 * "(*)" stays; a Markdown bullet "* " at a line start becomes "- ".
 */
function asteriskPass(text: string): MappedText {
  if (!text.includes("*")) return identity(text);
  return rewrite(text, /\*+/g, (m, source) => {
    const before = source[m.index - 1] ?? "";
    const after = source[m.index + m[0].length] ?? "";
    if (before === "(" && after === ")") return null;
    if (before === "\\") return null;
    const lineStart = /(?:^|[\n\f])[ \t]*$/.test(source.slice(Math.max(0, m.index - 40), m.index));
    if (lineStart && m[0] === "*" && after === " ") return "-";
    return "";
  });
}

/** "## Heading" markers at a line start. */
function headingMarkPass(text: string): MappedText {
  return rewrite(text, /(?<=^|[\n\f])[ \t]*#{1,6}(?=[ \t])/g, () => "");
}

/** "- + item" (a nested Markdown list written out): the outer marker is residue. */
function nestedBulletPass(text: string): MappedText {
  return rewrite(text, /(?<=^|[\n\f])([ \t]*)[-*•][ \t]+(?=[-+•](?:\s|$))/g, (m) => m[1] ?? "");
}

/** Markdown escapes ("1\.", "\*"): the backslash goes, the character stays. */
function escapePass(text: string): MappedText {
  if (!text.includes("\\")) return identity(text);
  return rewrite(text, /\\(?=[\\`*_{}[\]()#+\-.!|>~])/g, () => "");
}

/** All converter-residue passes, in the order that keeps each one simple. */
export function markupPass(text: string): MappedText {
  return runPasses(text, [
    htmlPass,
    residueLinePass,
    markdownTablePass,
    headingMarkPass,
    nestedBulletPass,
    asteriskPass,
    escapePass,
  ]);
}
