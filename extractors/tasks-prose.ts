import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { RoleRef } from "./role-list.js";
import { roleList } from "./role-list.js";
import { cleanText, sentenceRoles, splitOutputs, supportAfter, type TaskDraft } from "./tasks-draft.js";
import type { Paragraph, Slot, SlotKind } from "./tasks-lines.js";

/**
 * Tasks written as labelled blocks: the task text, then "+ Chủ trì tham mưu: …", "+ Phối hợp: …",
 * "+ Thời gian thực hiện: …" (Ba Tơ), "Đơn vị chủ trì thực hiện / Đơn vị phối hợp / Thời gian thực
 * hiện" (Bắc Ninh), "Cơ quan thực hiện / phối hợp" (Lai Châu), "Trách nhiệm chủ trì tham mưu … /
 * Hướng khắc phục: …" (a deduction's remedy). And tasks written as one assignment sentence.
 */

type Doc = Pick<NormalisedDocument, "text" | "folded">;

/** Slot kinds that make a block a task (a "Nội dung:" alone does not). */
const TASK_SLOTS: ReadonlySet<SlotKind> = new Set(["lead", "leadOrSupport", "support", "deadline"]);
/** At most this many paragraphs before a block are read as its text. */
const MAX_TEXT_PARAGRAPHS = 8;
/** "Tiêu chí N" headings and roman sections are never a task's text. */
const HEADING = /^tieu\s*chi\s*\d/;

/** A run of paragraphs holding slots, by paragraph index (end excluded). */
interface Block {
  from: number;
  to: number;
  slots: Slot[];
}

/** Consecutive slot paragraphs; a slot kind seen twice starts a new block (two tasks back to back). */
function slotBlocks(paras: readonly Paragraph[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  paras.forEach((p, i) => {
    if (p.slots.length === 0) {
      current = null;
      return;
    }
    const repeats = current?.slots.some((s) => p.slots.some((q) => q.kind === s.kind && s.kind !== "output"));
    const opensWithText = (p.slots[0]?.labelStart ?? p.body) > p.body;
    if (!current || repeats || opensWithText) {
      current = { from: i, to: i + 1, slots: [...p.slots] };
      blocks.push(current);
    } else {
      current.to = i + 1;
      current.slots.push(...p.slots);
    }
  });
  return blocks.filter((b) => b.slots.some((s) => TASK_SLOTS.has(s.kind)));
}

/**
 * The labelled-block tasks of a document. `consumed` receives the index of every paragraph used
 * (the block and its text), so the other readers skip them.
 */
export function slotTasks(doc: Doc, paras: readonly Paragraph[], consumed: Set<number>): TaskDraft[] {
  const tasks: TaskDraft[] = [];
  let floor = 0;
  for (const block of slotBlocks(paras)) {
    const first = paras[block.from];
    const last = paras[block.to - 1];
    if (!first || !last) continue;
    const textSlots = block.slots.filter((s) => s.kind === "text");
    // Where the task's own sentence is written, to read who does it when no slot says so.
    const sentences: { start: number; end: number }[] = [...textSlots];
    let textStart = first.start;
    let text: string;
    if (textSlots.length > 0) {
      text = textSlots.map((s) => cleanText(doc.text.slice(s.start, s.end))).join(" ");
      textStart = Math.min(...textSlots.map((s) => s.labelStart));
    } else if ((first.slots[0]?.labelStart ?? first.body) > first.body) {
      // "Nội dung … . Cơ quan chủ trì: …" in one paragraph: the words before the first label.
      const labelStart = first.slots[0]?.labelStart ?? first.end;
      text = cleanText(doc.text.slice(first.body, labelStart));
      sentences.push({ start: first.body, end: labelStart });
    } else {
      const before = textParagraphs(doc, paras, block.from, floor);
      for (const i of before) consumed.add(i);
      const firstText = paras[before[0] ?? -1];
      textStart = firstText ? firstText.start : first.start;
      text = before.map((i) => paraText(doc, paras[i])).join(" ");
    }
    for (let i = block.from; i < block.to; i++) consumed.add(i);
    floor = block.to;

    const hasLead = block.slots.some((s) => s.kind === "lead");
    const lead: RoleRef[] = [];
    const support: RoleRef[] = [];
    const outputs: string[] = [];
    let deadlineAt: TaskDraft["deadlineAt"];
    for (const s of block.slots) {
      if (s.kind === "lead" || (s.kind === "leadOrSupport" && !hasLead))
        lead.push(...roleList(doc, s.start, s.end));
      else if (s.kind === "support" || s.kind === "leadOrSupport")
        support.push(...roleList(doc, s.start, s.end));
      else if (s.kind === "output") outputs.push(...splitOutputs(doc.text.slice(s.start, s.end)));
      else if (s.kind === "deadline" && !deadlineAt) deadlineAt = { start: s.start, end: s.end };
    }
    // A remedy's sentence may name who leads and who helps ("Giao công chức Tư pháp – Hộ tịch tham
    // mưu, phối hợp với công chức Tài chính - Kế toán …"): read it when the slots did not.
    // The same for a sentence written before the labels ("Đối với Tiêu chí 10: Công chức Văn phòng –
    // Thống kê tham mưu … . Thời gian: Thường xuyên.").
    for (const s of sentences) {
      if (lead.length === 0) lead.push(...(sentenceRoles(doc, s.start, s.end)?.lead ?? []));
      if (support.length === 0) support.push(...supportAfter(doc, s.start, s.end));
    }
    const draft: TaskDraft = {
      text: text || cleanText(doc.text.slice(first.body, last.end)),
      start: Math.min(textStart, first.start),
      end: last.end,
      lead: unique(lead),
      support: unique(support).filter((r) => !lead.some((l) => l.name === r.name)),
      outputs,
      criterion: null,
    };
    if (deadlineAt) draft.deadlineAt = deadlineAt;
    tasks.push(draft);
  }
  return tasks;
}

/**
 * The paragraphs before a block that hold its task text: list items back to the previous block,
 * a heading, or the first numbered or plain paragraph (included).
 */
function textParagraphs(doc: Doc, paras: readonly Paragraph[], blockFrom: number, floor: number): number[] {
  const picked: number[] = [];
  for (let i = blockFrom - 1; i >= floor && picked.length < MAX_TEXT_PARAGRAPHS; i--) {
    const p = paras[i];
    if (!p || p.slots.length > 0 || p.numberStyle === "roman") break;
    if (HEADING.test(doc.folded.slice(p.body, p.body + 16))) break;
    if (/:\s*$/.test(doc.text.slice(p.body, p.end)) && picked.length === 0 && p.bullet !== null) break;
    picked.unshift(i);
    if (p.bullet === null) break;
  }
  return picked;
}

/** A paragraph's text without its bullet and numbering. */
export function paraText(doc: Doc, p: Paragraph | undefined): string {
  return p ? cleanText(doc.text.slice(p.body, p.end)) : "";
}

/** Drops repeated names, keeping the first span. */
export function unique(refs: readonly RoleRef[]): RoleRef[] {
  return refs.filter((r, i) => refs.findIndex((o) => o.name === r.name) === i);
}

/** A closing formula ("Yêu cầu Cơ quan … khẩn trương triển khai thực hiện./.") is no task. */
const CLOSING = /^(?:yeu\s+cau|de\s+nghi|tren\s+day)\b.*\.\s*\/\s*\.\s*$/;
/** The recipients block ("Nơi nhận: - Như trên; - Ủy ban Kiểm tra Tỉnh ủy; …") names no task. */
const RECIPIENTS = /^noi\s+nhan/;

/**
 * Tasks written as one assignment sentence ("Giao X tham mưu …", "X chủ trì, phối hợp với Y …"),
 * from paragraphs no other reader used.
 */
export function sentenceTasks(doc: Doc, paras: readonly Paragraph[], consumed: Set<number>): TaskDraft[] {
  const tasks: TaskDraft[] = [];
  let recipients = false;
  paras.forEach((p, i) => {
    if (RECIPIENTS.test(doc.folded.slice(p.body, p.body + 10))) recipients = true;
    else if (p.bullet === null) recipients = false;
    if (recipients || consumed.has(i) || p.numberStyle === "roman") return;
    if (CLOSING.test(doc.folded.slice(p.body, p.end))) return;
    const roles = sentenceRoles(doc, p.body, p.end);
    if (!roles) return;
    consumed.add(i);
    tasks.push({
      text: paraText(doc, p),
      start: p.start,
      end: p.end,
      lead: roles.lead,
      support: roles.support.filter((r) => !roles.lead.some((l) => l.name === r.name)),
      outputs: [],
      criterion: null,
    });
  });
  return tasks;
}
