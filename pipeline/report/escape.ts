/**
 * HTML output with one escaping rule. Every document string (unit names, reasons, quotes, role
 * names, file names, messages) is untrusted: a scanned page or a Word file can hold `<script>`.
 * The {@link html} tag escapes every interpolated value through {@link escapeHtml} unless it is
 * already {@link SafeHtml} (markup this module's callers built with the same tag), so forgetting to
 * escape is impossible by construction rather than by review.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes `& < > " '`: safe in element content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Markup that is already safe (built by {@link html}); never construct it from document text. */
export class SafeHtml {
  /** The markup. */
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into {@link html}: nothing renders for null, undefined and false. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are markup, every `${value}` is escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Joins fragments with a separator (escaping strings, like {@link html}). */
export function joinHtml(values: readonly HtmlValue[], separator = ""): SafeHtml {
  return new SafeHtml(values.map(render).join(separator));
}

/**
 * JSON for a `<script type="application/json">` data block. `<` is written `\u003c` so no text
 * (a document holding `</script>` or `<!--`) can end the block; JSON.parse reads it back unchanged.
 * U+2028/2029 are escaped too, for readers that treat the block as JavaScript.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
