/**
 * Diacritic and case folding for keyword matching. The folded string has exactly the same length
 * as its input, so an offset found in the folded view is the offset of the real text: extractors
 * match on `fold(text)` and report `text.slice(start, end)`.
 *
 * Folding: Vietnamese letters lose their marks ("Đ"/"đ" → "d", "ư" → "u", "ế" → "e"), everything is
 * lower-cased, every dash (– — ‒ − ‐) becomes "-", and every whitespace character becomes a
 * space (not collapsed: collapsing would shift offsets; match with `\s+` or ` +`).
 */
export function fold(text: string): string {
  let out = "";
  for (const ch of text) {
    out += foldChar(ch);
  }
  return out;
}

const cache = new Map<string, string>();

/** Folds one code point to one UTF-16 unit where the input was one unit (all Vietnamese letters are). */
export function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let f: string;
  if (ch === "đ" || ch === "Đ") f = "d";
  else if (/[\u2010-\u2015\u2212]/.test(ch)) f = "-";
  else if (/\s/.test(ch)) f = " ";
  else {
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const lower = base.toLowerCase();
    // Keep the length: a character whose folding would change length (rare symbols) stays as is.
    f = lower.length === ch.length ? lower : ch.length === 1 ? ch.toLowerCase().slice(0, 1) || ch : ch;
  }
  cache.set(ch, f);
  return f;
}
