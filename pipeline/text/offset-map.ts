import type { OffsetMap } from "./types.js";

/** A text produced from another text, with the map from its characters back to the source's offsets. */
export interface MappedText {
  text: string;
  /** `map[i]` = source offset of output character `i`; `map[text.length]` = source length. */
  map: OffsetMap;
  /** True when the pass changed nothing (the map is the identity): composing can be skipped. */
  unchanged?: boolean;
}

/** A normalisation pass: one text-to-text transformation that records where each character came from. */
export type TextPass = (text: string) => MappedText;

/**
 * Records the edits that turn a source string into an output string, in source order, and builds
 * the {@link OffsetMap} from output to source as it goes (linear time: output pieces are joined
 * once, the map grows by doubling).
 *
 * Mapping rules, chosen so that `source.slice(map[s], map[e])` is the source of `output.slice(s, e)`:
 * - kept characters map to themselves;
 * - deleted characters have no output; the next output character maps past them, so residue
 *   deleted between two kept characters falls inside any slice that spans both;
 * - inserted characters map to the current source position (the next source character);
 * - `replace(n, s)` maps output character `k` of `s` to `start + min(k, n - 1)`: position-wise
 *   when lengths agree (a moved tone mark), the whole span's start otherwise (NFC composition).
 */
export class OffsetMapBuilder {
  private readonly parts: string[] = [];
  private map = new Int32Array(64);
  private length = 0;
  private pos = 0;
  private edited = false;

  constructor(readonly source: string) {}

  /** Current source offset: everything before it has been kept, deleted or replaced. */
  get position(): number {
    return this.pos;
  }

  /** Copies the next `n` source characters unchanged. */
  keep(n: number): this {
    if (n <= 0) return this;
    this.check(n);
    this.parts.push(this.source.slice(this.pos, this.pos + n));
    this.grow(n);
    for (let k = 0; k < n; k++) this.map[this.length + k] = this.pos + k;
    this.length += n;
    this.pos += n;
    return this;
  }

  /** Keeps source characters up to (excluding) source offset `index`. */
  keepTo(index: number): this {
    return this.keep(index - this.pos);
  }

  /** Drops the next `n` source characters. */
  delete(n: number): this {
    if (n <= 0) return this;
    this.check(n);
    this.pos += n;
    this.edited = true;
    return this;
  }

  /** Adds `text` that has no source; it maps to the current source position. */
  insert(text: string): this {
    if (text.length === 0) return this;
    this.edited = true;
    this.parts.push(text);
    this.grow(text.length);
    for (let k = 0; k < text.length; k++) this.map[this.length + k] = this.pos;
    this.length += text.length;
    return this;
  }

  /** Replaces the next `n` source characters with `text` (see the class comment for the mapping). */
  replace(n: number, text: string): this {
    if (n <= 0) return this.insert(text);
    if (text.length === 0) return this.delete(n);
    this.check(n);
    if (text !== this.source.slice(this.pos, this.pos + n)) this.edited = true;
    this.parts.push(text);
    this.grow(text.length);
    for (let k = 0; k < text.length; k++) this.map[this.length + k] = this.pos + Math.min(k, n - 1);
    this.length += text.length;
    this.pos += n;
    return this;
  }

  /** Keeps the rest of the source and returns the output with its map (length output + 1). */
  finish(): MappedText {
    this.keepTo(this.source.length);
    const text = this.parts.join("");
    const map = new Int32Array(this.length + 1);
    map.set(this.map.subarray(0, this.length));
    map[this.length] = this.source.length;
    return this.edited ? { text, map } : { text, map, unchanged: true };
  }

  private check(n: number): void {
    if (this.pos + n > this.source.length) {
      throw new RangeError(`edit past the end of the source (${this.pos} + ${n} > ${this.source.length})`);
    }
  }

  private grow(extra: number): void {
    const need = this.length + extra + 1;
    if (need <= this.map.length) return;
    let size = this.map.length;
    while (size < need) size *= 2;
    const next = new Int32Array(size);
    next.set(this.map.subarray(0, this.length));
    this.map = next;
  }
}

/** The map of a text to itself. */
export function identityMap(length: number): OffsetMap {
  const map = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) map[i] = i;
  return map;
}

/**
 * Composes two maps: `a` maps text A to the raw text, `b` maps text B (made from A) to A; the result
 * maps B to the raw text (`result[i] = a[b[i]]`). Monotone when both are.
 */
export function compose(a: OffsetMap, b: OffsetMap): OffsetMap {
  const out = new Int32Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = a[b[i] as number] as number;
  return out;
}

/** Runs passes in order, composing their maps into one map from the last output to `text`. */
export function runPasses(text: string, passes: readonly TextPass[]): MappedText {
  let current: MappedText = { text, map: identityMap(text.length) };
  for (const pass of passes) {
    const next = pass(current.text);
    if (next.unchanged) continue;
    current = { text: next.text, map: compose(current.map, next.map) };
  }
  return current;
}

/**
 * Rewrites every match of a global `pattern`: `replacer` returns the replacement (`""` deletes) or
 * `null` to keep the match. Matches are replaced as whole spans (see {@link OffsetMapBuilder.replace}).
 */
export function rewrite(
  text: string,
  pattern: RegExp,
  replacer: (match: RegExpExecArray, text: string) => string | null,
): MappedText {
  if (!pattern.global) throw new TypeError("rewrite needs a global pattern");
  const builder = new OffsetMapBuilder(text);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replacer(m, text);
    if (replacement === null || replacement === m[0]) continue;
    builder.keepTo(m.index).replace(m[0].length, replacement);
  }
  return builder.finish();
}

/** Checks the map invariant: length `textLength + 1`, monotone, within `[0, sourceLength]`, ends at the source end. */
export function isValidMap(map: OffsetMap, textLength: number, sourceLength: number): boolean {
  if (map.length !== textLength + 1) return false;
  let previous = 0;
  for (let i = 0; i < map.length; i++) {
    const value = map[i] as number;
    if (value < previous || value > sourceLength) return false;
    previous = value;
  }
  return map[textLength] === sourceLength;
}
