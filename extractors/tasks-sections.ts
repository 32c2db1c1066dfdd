import type { NormalisedDocument } from "../pipeline/text/types.js";
import { type RoleRef, roleList } from "./role-list.js";
import { canonicalRole } from "./role-match.js";
import { sentenceRoles, startsRole, supportAfter, type TaskDraft } from "./tasks-draft.js";
import { numberDepth, type Paragraph } from "./tasks-lines.js";
import { paraText } from "./tasks-prose.js";
import { ROLE_STOP_WORDS } from "./vocab/roles.js";

/**
 * Tasks under a heading that names who does them, as the "Tổ chức thực hiện" part of a plan is
 * written: "3. Thanh tra tỉnh" / "2. Văn phòng – Thống kê UBND phường:" / "1. Giao công chức Văn
 * phòng – Thống kê" followed by paragraphs or list items, each a task of that role; or a heading
 * "…, Thủ trưởng các Sở, ban ngành tỉnh, Chủ tịch UBND các huyện … có trách nhiệm:" before a list.
 */

type Doc = Pick<NormalisedDocument, "text" | "folded">;

const OPENER = /^(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau|doi\s+voi)\s+/;
const VERB = new RegExp(
  `(?<![a-z])(?:${ROLE_STOP_WORDS.map((w) => w.replace(/ /g, String.raw`\s+`)).join("|")})(?![a-z])`,
);
/** A role heading is a name, not a sentence. */
const MAX_HEADING_WORDS = 14;
/** "… có trách nhiệm:" closing a heading that introduces the duties listed below it. */
const DUTY = /(?:co|chiu)\s+trach\s+nhiem\s*:?\s*$/;
/** Where a section's list ends whatever its numbering: the recipients, the closing, an article. */
const END_OF_BODY = /^(?:noi\s+nhan|tren\s+day\s+la|dieu\s+\d|chuong\s+[ivx\d]|phu\s+luc)/;
/** The plan's closing request ("Yêu cầu Thủ trưởng các cơ quan … nghiêm túc triển khai thực hiện./."). */
const CLOSING = /^(?:yeu\s+cau|de\s+nghi)\b.*\.\s*\/\s*\.\s*$/;
/** The top sections where plans assign work: "Tổ chức thực hiện", "Nhiệm vụ, giải pháp", "Trách nhiệm …". */
const ASSIGNING_SECTION = /to\s+chuc\s+thuc\s+hien|trach\s+nhiem|phan\s+cong|nhiem\s+vu|giai\s+phap/;
/** A top heading: roman-numbered, or an article ("Điều 5. Trách nhiệm thi hành"). */
const ARTICLE = /^dieu\s+\d+/;
/** A topic line under a heading ("a) Về việc thực hiện Kế hoạch …") is not a task. */
const TOPIC = /^ve\s/;
/** Clause words that mark the start of the heading's lead-in, not of the role ("căn cứ …", "đã được"). */
const LEAD_IN = /\b(?:duoc|can\s+cu|tren\s+co\s+so|theo|thuc\s+hien|trong)\b/;

/** The roles a heading paragraph names, or null when it is not a role heading. */
function headingRoles(doc: Doc, p: Paragraph): RoleRef[] | null {
  if (p.numberStyle !== "arabic" && p.numberStyle !== "letter") return null;
  const f = doc.folded;
  let s = p.body;
  const opener = OPENER.exec(f.slice(s, s + 16));
  if (opener) s += opener[0].length;
  let e = p.end;
  while (e > s && /[\s:.*_]/.test(f[e - 1] ?? "")) e--;
  const body = f.slice(s, e);
  const duty = DUTY.exec(f.slice(s, p.end));
  if (duty) return dutyRoles(doc, s, s + duty.index);
  const wordCount = body.match(/[a-z0-9]+/g)?.length ?? 0;
  if (wordCount === 0 || wordCount > MAX_HEADING_WORDS) return null;
  if (/[.;]$/.test(doc.text.slice(p.body, p.end).trimEnd())) return null;
  if (!startsRole(doc, s, e)) return null;
  const bracketless = body.replace(/\([^()]*\)?/g, " ");
  if (VERB.test(bracketless)) {
    // A verb makes it a sentence ("Sở Tài chính chủ trì …"), read elsewhere, unless the verb sits
    // inside the names it lists ("Công chức Địa chính – Xây dựng"): then the names cover it.
    const roles = roleList(doc, s, e);
    const covered = roles.reduce((n, r) => n + (r.end - r.start), 0);
    if (covered < (e - s) * 0.6) return null;
    return roles;
  }
  const roles = roleList(doc, s, e);
  return roles.length > 0 ? roles : null;
}

/**
 * The roles before "có trách nhiệm" in a long heading: the comma clauses back from it while they
 * read as names ("Thủ trưởng các Sở, ban ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố").
 * A list that starts in lower case ("ban, ngành, cơ quan, đơn vị thuộc UBND phường") is one group.
 */
function dutyRoles(doc: Doc, from: number, to: number): RoleRef[] | null {
  const f = doc.folded;
  let start = to;
  for (let cut = f.lastIndexOf(",", to - 1); ; cut = f.lastIndexOf(",", cut - 1)) {
    const clauseStart = cut < from ? from : cut + 1;
    const clause = f.slice(clauseStart, start);
    if (LEAD_IN.test(clause) || (clause.match(/[a-z0-9]+/g)?.length ?? 0) > 8) break;
    start = clauseStart;
    if (cut < from) break;
  }
  let end = to;
  while (start < end && /\s/.test(f[start] ?? "")) start++;
  while (end > start && /\s/.test(f[end - 1] ?? "")) end--;
  if (start >= end) return null;
  const firstLetter = doc.text[start] ?? "";
  if (firstLetter !== firstLetter.toUpperCase()) {
    return [{ name: canonicalRole(doc.text.slice(start, end)), start, end, vocab: false }];
  }
  const roles = roleList(doc, start, end);

  return roles.length > 0 ? roles : null;
}

/**
 * The tasks of role sections: each paragraph or list item under a role heading, up to the next
 * heading at the same or a higher level. A sentence that names its own subject ("Ủy ban nhân dân các
 * huyện … chỉ đạo …") keeps it; "+" items continue the task above them.
 */
export function sectionTasks(doc: Doc, paras: readonly Paragraph[], consumed: Set<number>): TaskDraft[] {
  const tasks: TaskDraft[] = [];
  let assigning = false;
  for (let h = 0; h < paras.length; h++) {
    const heading = paras[h];
    if (!heading) continue;
    if (heading.numberStyle === "roman" || ARTICLE.test(doc.folded.slice(heading.body, heading.body + 12))) {
      assigning = ASSIGNING_SECTION.test(doc.folded.slice(heading.body, heading.end));
      continue;
    }
    if (!assigning || consumed.has(h)) continue;
    const roles = headingRoles(doc, heading);
    if (!roles) continue;
    const depth = numberDepth(heading);
    let previous: TaskDraft | null = null;
    for (let i = h + 1; i < paras.length; i++) {
      const p = paras[i];
      if (!p || endsSection(doc, p, heading, depth)) break;
      if (consumed.has(i) || p.slots.length > 0) {
        previous = null;
        continue;
      }
      consumed.add(h);
      consumed.add(i);
      if (p.bullet === "+" && previous) {
        previous.end = p.end;
        previous.text = `${previous.text} ${paraText(doc, p)}`;
        continue;
      }
      // A list's lead-in ("Kế hoạch phải đảm bảo các yêu cầu sau:") or a topic line is no task.
      if (/:\s*$/.test(doc.text.slice(p.body, p.end)) || TOPIC.test(doc.folded.slice(p.body, p.body + 4))) {
        previous = null;
        continue;
      }
      const own = sentenceRoles(doc, p.body, p.end);
      const lead = own?.lead ?? roles;
      const support = (own?.support.length ? own.support : supportAfter(doc, p.body, p.end)).filter(
        (r) => !lead.some((l) => l.name === r.name),
      );
      previous = {
        text: paraText(doc, p),
        start: p.start,
        end: p.end,
        lead,
        support,
        outputs: [],
        criterion: null,
      };
      tasks.push(previous);
    }
  }
  return tasks;
}

function endsSection(doc: Doc, p: Paragraph, heading: Paragraph, depth: number): boolean {
  if (p.numberStyle === "roman") return true;
  if (END_OF_BODY.test(doc.folded.slice(p.body, p.body + 12))) return true;
  if (CLOSING.test(doc.folded.slice(p.body, p.end))) return true;
  if (p.numberStyle === heading.numberStyle && numberDepth(p) <= depth) return true;
  return heading.numberStyle === "letter" && p.numberStyle === "arabic";
}
