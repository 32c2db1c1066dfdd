import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Framework } from "../schemas/index.js";
import { type RoleRef, roleList } from "./role-list.js";
import { findVocabRoles } from "./role-match.js";
import { ROLE_STOP_WORDS, ROLE_SUBJECT_WORDS } from "./vocab/roles.js";

/**
 * What the task readers (prose slots, role sections, sentences, tables) produce before the tasks
 * extractor attaches deadlines and evidence, and the sentence forms they share ("Giao X tham mưu …",
 * "X chủ trì, phối hợp với Y …").
 */

type Doc = Pick<NormalisedDocument, "text" | "folded">;

/** A task as read, with spans; tasks.ts turns it into the contract's Task. */
export interface TaskDraft {
  text: string;
  /** The span the evidence covers: the task text and its slots or row. */
  start: number;
  end: number;
  lead: RoleRef[];
  support: RoleRef[];
  outputs: string[];
  criterion: { framework: Framework; number: number | null } | null;
  /** Where the task's own deadline is written (a slot value or time cell), when it has one. */
  deadlineAt?: { start: number; end: number };
}

/** Text for reporting: HTML tags and markdown marks dropped, spaces collapsed. */
export function cleanText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, " ")
    .replace(/[*_]{1,3}/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Items of a result cell or output slot: split at list dashes, tags and semicolons. */
export function splitOutputs(raw: string): string[] {
  return raw
    .replace(/<\/?(?:li|p|ul|ol|br)\b[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, " ")
    .split(/\n|;\s*|(?:^|[.:]\s*|\s)-\s+(?=\p{Lu}|\d)/u)
    .map((s) =>
      cleanText(s)
        .replace(/^[-+•]\s*/, "")
        .replace(/[.;,]+$/, ""),
    )
    .filter((s) => /\p{L}{2}/u.test(s) && s !== "-");
}

const words = (list: readonly string[]) => list.map((w) => w.replace(/ /g, String.raw`\s+`)).join("|");
/** A subject head word, matched on the text itself (lower-cased, NFC, "uỷ" as "ủy"). */
const SUBJECT = new RegExp(String.raw`^(?:${words(ROLE_SUBJECT_WORDS)})(?![\p{L}\d])`, "u");
/** The same words folded, for text that lost its diacritics (OCR, unaccented typing). */
const SUBJECT_FOLDED = new RegExp(
  `^(?:${words(
    ROLE_SUBJECT_WORDS.map((w) =>
      w
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/g, "d"),
    ),
  )})(?![a-z])`,
);
const VERB = new RegExp(String.raw`(?<![a-z])(?:${words(ROLE_STOP_WORDS)}|khan\s+truong)(?![a-z])`, "g");
/** Words that open an assignment before the role: "Giao", "Đề nghị", "Yêu cầu", "Đối với". */
const OPENER = /^(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau|doi\s+voi)\s+/;
/**
 * A topic that opens an assignment, up to its colon: "Đối với Tiêu chí 3: …", "Về công tác cải
 * cách hành chính: …", "Tiêu chí 5 – Giải quyết đơn thư: Giao …" (group 1: "đối với " / "về ",
 * when written). A bare "Tiêu chí N: …" is a topic only before "Giao / Đề nghị / Yêu cầu": without
 * them it is a criterion's heading ("Tiêu chí 2, nội dung 1: Ban hành văn bản …"), no assignment.
 */
const TOPIC =
  /^(?:((?:doi\s+voi|ve)\s+)[^:;.]{2,100}?\s*:\s*(?=\S)|(?:tieu\s*chi|noi\s*dung)\s*(?:so\s*)?\d{1,2}(?!\d)[^:;.]{0,100}?\s*:\s*(?=(?:giao|de\s+nghi|yeu\s+cau)\s))/;

/** "phối hợp với Y", "phối hợp Y": the support list runs to the next verb. */
const WITH = /(?<![a-z])phoi\s+hop(?:\s+chat\s+che)?(?:\s+voi)?\s+/g;

/**
 * Whether the words at `at` start a role name: a vocabulary role, or a head word such as "Sở",
 * "Ban", "Công chức" read on the text itself ("Số" and "Bảo" are not "Sở" and "Báo"); text with no
 * diacritics at all is read folded.
 */
export function startsRole(doc: Doc, at: number, to: number): boolean {
  let p = at;
  if (/^cac\s/.test(doc.folded.slice(p, p + 4))) p += 4;
  // "Ban hành" (to issue) is a verb, not a "Ban" (board).
  if (/^ban\s+hanh(?![a-z])/.test(doc.folded.slice(p, p + 10))) return false;
  const [first] = findVocabRoles(doc.folded, p, Math.min(to, p + 80));
  if (first && first.start === p) return true;
  const head = doc.text
    .slice(p, Math.min(to, p + 24))
    .normalize("NFC")
    .toLowerCase()
    .replace(/uỷ/g, "ủy");
  if (SUBJECT.test(head)) return true;
  return head === doc.folded.slice(p, Math.min(to, p + 24)) && SUBJECT_FOLDED.test(head);
}

/** The first verb after `from` that is not inside a vocabulary name ("Xây dựng" in a title). */
function nextVerb(folded: string, from: number, to: number): number | null {
  const hay = folded.slice(from, to);
  const vocab = findVocabRoles(folded, from, to);
  VERB.lastIndex = 0;
  for (let m = VERB.exec(hay); m; m = VERB.exec(hay)) {
    const at = from + m.index;
    if (!vocab.some((v) => v.start <= at && at < v.end)) return at;
  }
  return null;
}

/**
 * The roles of an assignment sentence starting at `from`: "Giao Cơ quan Tổ chức - Nội vụ chủ trì,
 * phối hợp với UBND các xã, phường … tham mưu …" gives lead and support; "Sở Tài chính chủ trì …",
 * "Sở Khoa học và Công nghệ có trách nhiệm …" give a lead. Without "Giao"/"Đề nghị" the subject must
 * be a vocabulary role or a short name with a head word, right before its verb. Null when the
 * sentence assigns nobody.
 */
export function sentenceRoles(
  doc: Doc,
  from: number,
  to: number,
): { lead: RoleRef[]; support: RoleRef[] } | null {
  const f = doc.folded;
  let s = from;
  while (s < to && /[\s*_\-+•]/.test(f[s] ?? "")) s++;
  const topic = TOPIC.exec(f.slice(s, Math.min(to, s + 200)));
  if (topic) {
    const colon = s + topic[0].lastIndexOf(":");
    const about = s + (topic[1]?.length ?? 0);
    // "Đối với công chức Văn phòng – Thống kê: tham mưu …": the topic names who does it.
    if (topic[1] && startsRole(doc, about, colon) && nextVerb(f, about, colon) === null) {
      const lead = roleList(doc, about, colon);
      if (lead.length > 0) return { lead, support: supportAfter(doc, colon, to) };
    }
    // "Đối với Tiêu chí 3: Giao công chức … chủ trì …": the sentence after the topic assigns it.
    s = s + topic[0].length;
  }
  const opener = OPENER.exec(f.slice(s, s + 16));
  if (opener) s += opener[0].length;
  if (!startsRole(doc, s, to)) return null;
  const verb = nextVerb(f, s, Math.min(to, s + 240));
  if (verb === null) return null;
  const subject = f.slice(s, verb);
  const subjectWords = subject.match(/[a-z0-9]+/g)?.length ?? 0;
  if (subjectWords === 0 || subjectWords > (opener ? 16 : 12) || /[.;:]/.test(subject)) return null;
  const lead = roleList(doc, s, verb);
  if (lead.length === 0) return null;
  return { lead, support: supportAfter(doc, verb, to) };
}

/** Support named by "phối hợp với Y" anywhere in `[from, to)`, up to the verb that follows Y. */
export function supportAfter(doc: Doc, from: number, to: number): RoleRef[] {
  const f = doc.folded;
  WITH.lastIndex = 0;
  const hay = f.slice(from, to);
  const m = WITH.exec(hay);
  if (!m) return [];
  const start = from + m.index + m[0].length;
  if (!startsRole(doc, start, to)) return [];
  const verb = nextVerb(f, start, Math.min(to, start + 240)) ?? Math.min(to, start + 240);
  const stop = f.slice(start, verb).search(/[.;:]/);
  return roleList(doc, start, stop >= 0 ? start + stop : verb);
}
