/**
 * The signature block: capacity ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH"), the
 * position in capitals ("PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG") and the signer's name under it. It sits
 * next to the recipients ("Nơi nhận:"), often in the same table row, so the recipients and the
 * signature come out of DOCX and PDF interleaved ("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN"): the block is
 * read as a sequence of marks in capitals near "Nơi nhận", not as fixed lines.
 */
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Signer } from "../schemas/index.js";
import type { Span } from "./metadata-header.js";
import { isBlankLine, isUpper, type Line, squash, titleCase, trimLine } from "./metadata-text.js";
import {
  CAPACITIES,
  type Capacity,
  PARTY_CAPACITY_MARKS,
  POSITIONS,
  SIGNATURE_NOISE,
  SIGNING_BODIES,
  SURNAMES,
} from "./vocab/signers.js";

type Doc = Pick<NormalisedDocument, "text" | "folded">;

const esc = (s: string) => s.replace(/ /g, String.raw`\s*`);
const CAPACITY_ALT = CAPACITIES.map((c) => c.folded).join("|");
/** Party markers, slash optional spaces around it: "T/M", "K / T". */
const PARTY_CAPACITY_ALT = PARTY_CAPACITY_MARKS.map((c) => c.replace("/", String.raw`\s*\/\s*`)).join("|");
const POSITION_ALT = POSITIONS.map(esc).join("|");
const BODY_ALT = SIGNING_BODIES.map(esc).join("|");
/**
 * Marks of a signature block, folded: a capacity ("kt."), a position, or a body after "TM.". A
 * position may follow a body with no space, as DOCX raw text glues them ("…NHÂN DÂNCHỦ TỊCH").
 */
const MARK = new RegExp(
  String.raw`(?<![a-z])(?:(?<cap>${CAPACITY_ALT})\s*\.|(?<pcap>${PARTY_CAPACITY_ALT})(?![a-z])\.?)\s*(?=${POSITION_ALT}|${BODY_ALT})` +
    `|(?:(?<![a-z])|(?<=dan))(?<pos>${POSITION_ALT})(?![a-z])` +
    `|(?<![a-z])(?<body>${BODY_ALT})(?![a-z])`,
  "g",
);

interface Mark {
  type: "cap" | "pos" | "body";
  value: string;
  start: number;
  end: number;
}

/** The signer found, with the span from its first mark to the name. */
export interface SignerFound {
  signer: Signer;
  span: Span;
}

/** Where to look: around the last "Nơi nhận" (the block sits beside it), else the document's end. */
function region(doc: Doc): Span {
  let at = doc.folded.lastIndexOf("noi nhan");
  while (at > 0 && doc.text[at] !== "N") at = doc.folded.lastIndexOf("noi nhan", at - 1);
  if (at >= 0 && doc.text[at] === "N") {
    return { start: Math.max(0, at - 800), end: Math.min(doc.text.length, at + 3000) };
  }
  return { start: Math.max(0, doc.text.length - 2500), end: doc.text.length };
}

/** Marks written in capitals, as signature blocks write them (body text writes "Chủ tịch UBND"). */
function marksIn(doc: Doc, span: Span): Mark[] {
  const view = doc.folded.slice(span.start, span.end);
  const out: Mark[] = [];
  MARK.lastIndex = 0;
  for (let m = MARK.exec(view); m !== null; m = MARK.exec(view)) {
    const start = span.start + m.index;
    const end = start + m[0].length;
    const raw = doc.text.slice(start, end);
    if (!isUpper(raw)) continue;
    const g = m.groups ?? {};
    if (g.cap) out.push({ type: "cap", value: g.cap, start, end });
    else if (g.pcap) out.push({ type: "cap", value: g.pcap.replace(/[\s/]/g, ""), start, end });
    else if (g.pos) out.push({ type: "pos", value: squash(raw), start, end });
    // A body counts only as the object of "TM." ("UBND" alone is everywhere in tables).
    else if (out[out.length - 1]?.type === "cap" && start - (out[out.length - 1]?.end ?? 0) < 4) {
      out.push({ type: "body", value: squash(raw), start, end });
    }
  }
  return out;
}

/** The last cluster of marks: marks no more than `gap` characters apart. */
function lastCluster(marks: Mark[], gap = 300): Mark[] {
  if (marks.length === 0) return [];
  let i = marks.length - 1;
  while (i > 0 && (marks[i]?.start ?? 0) - (marks[i - 1]?.end ?? 0) <= gap) i--;
  return marks.slice(i);
}

const TITLE_WORD = /^\p{Lu}[\p{Ll}'’]*$/u;
const CAPS_WORD = /^\p{Lu}[\p{Lu}'’]*$/u;

/**
 * A person's name: 2–6 words, each capitalised ("Nguyễn Thị Mỹ Lệ"), or all in capitals with a
 * known family name first ("PHẠM VĂN THỊNH" → "Phạm Văn Thịnh"). `needSurname`: a name found with
 * no position above it must start with a known family name.
 */
function asName(raw: string, needSurname: boolean): string | null {
  const s = squash(raw.replace(/[*_|#]/g, " "));
  const words = s.split(" ");
  if (words.length < 2 || words.length > 6) return null;
  let name: string;
  if (words.every((w) => TITLE_WORD.test(w))) name = s;
  else if (words.every((w) => CAPS_WORD.test(w)) && SURNAMES.has(titleCase(words[0] ?? "")))
    name = titleCase(s);
  else return null;
  if (needSurname && !SURNAMES.has(name.split(" ")[0] ?? "")) return null;
  return name;
}

/** The first name-like cell in the lines from `offset` on (the rest of the current line first). */
function nameAfter(
  doc: Doc,
  offset: number,
  lines: Line[],
  needSurname: boolean,
): { name: string; span: Span } | null {
  let i = lines.findIndex((l) => l.end >= offset);
  if (i < 0) return null;
  for (let n = 0; i < lines.length && n < 10; i++, n++) {
    const line = lines[i];
    if (!line) break;
    const from = Math.max(line.start, offset);
    const t = trimLine(doc.text, { start: from, end: line.end });
    if (isBlankLine(doc.text, t)) continue;
    let cellStart = t.start;
    // Cells of a tab row, and the lines of one cell that the DOCX backend joined with "; ".
    for (const cell of doc.text.slice(t.start, t.end).split(/[\t;]/)) {
      const c = trimLine(doc.text, { start: cellStart, end: cellStart + cell.length });
      cellStart += cell.length + 1;
      const f = doc.folded.slice(c.start, c.end);
      if (SIGNATURE_NOISE.some((p) => f.startsWith(p))) continue;
      const name = asName(doc.text.slice(c.start, c.end), needSurname);
      if (name) return { name, span: c };
    }
  }
  return null;
}

/**
 * The signer, null when two bodies sign side by side. Capacity = the last capacity mark ("TM. ỦY
 * BAN NHÂN DÂN / KT. CHỦ TỊCH" → KT), position = the last position mark unless it is only the
 * object of a KT/TL/TUQ ("KT. CHỦ TỊCH" alone says who is replaced, not who signs), name = the
 * first name-like line after the marks.
 * With no marks, a name alone after the recipients ("Lưu: VT. / Đặng Văn Minh") is taken when it
 * starts with a known family name.
 */
export function findSigner(doc: Doc, lines: Line[]): SignerFound | null {
  const span = region(doc);
  const block = lastCluster(marksIn(doc, span));
  if (block.length === 0) {
    const luu = doc.folded.lastIndexOf("luu", span.end);
    const from = Math.max(luu, span.start);
    const found = nameAfter(doc, from, lines, true);
    if (!found || found.span.start < span.start) return null;
    return { signer: { name: found.name, position: null, capacity: null }, span: found.span };
  }
  // Two bodies signing side by side (a joint plan: "TM. BAN THƯỜNG TRỰC … ⇥ TM. ỦY BAN NHÂN DÂN"):
  // two signers and no way to tell which one the document's signer is, so none is given.
  const caps = block.filter((m) => m.type === "cap");
  const sideBySide = caps.some((a, i) =>
    caps.slice(i + 1).some((b) => /^[^\n]*\t[^\n]*$/.test(doc.text.slice(a.end, b.start))),
  );
  if (caps.filter((m) => m.value === "tm").length > 1 || sideBySide) return null;
  let capacity: Capacity | null = null;
  let capIndex = -1;
  let position: string | null = null;
  for (const [i, m] of block.entries()) {
    if (m.type !== "cap") continue;
    capacity = CAPACITIES.find((c) => c.folded === m.value)?.capacity ?? null;
    capIndex = i;
  }
  const lastPos = [...block].reverse().find((m) => m.type === "pos");
  if (lastPos) {
    const objectOfCap =
      capIndex >= 0 && block.indexOf(lastPos) === capIndex + 1 && capacity !== "Q" && capacity !== "TM";
    position = objectOfCap ? null : lastPos.value;
  }
  const last = block[block.length - 1];
  const first = block[0];
  if (!last || !first) return null;
  const found = nameAfter(doc, last.end, lines, false);
  const end = found && found.span.start - last.end < 400 ? found.span.end : last.end;
  return {
    signer: { name: found && end === found.span.end ? found.name : null, position, capacity },
    span: { start: first.start, end },
  };
}
