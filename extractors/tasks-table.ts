import type { NormalisedDocument } from "../pipeline/text/types.js";
import { isPapiDocument, matchDimension } from "./criteria-papi.js";
import type { TableCell, TableRow } from "./lib/table-rows.js";
import { roleList } from "./role-list.js";
import { cleanText, splitOutputs, type TaskDraft } from "./tasks-draft.js";
import { cellOf, type TaskTable, taskTables } from "./tasks-table-layout.js";

/**
 * Tasks from task tables (a plan's appendix): one task per row, with its result items as outputs,
 * the lead column as lead, the implementing and coordinating columns as support, the time column as
 * deadline, and the dimension the row sits under ("Chỉ số nội dung") as its criterion. Rows with no
 * number, dimension or role that only carry on a task's text over a page break are merged into it.
 * Rows come from extractors/lib/table-rows.ts.
 */

type Doc = Pick<NormalisedDocument, "text" | "folded" | "tables">;

/** A run of rows under one numbered entry ("1 | Tham gia của người dân | …"). */
interface Group {
  title: { start: number; end: number } | null;
  tasks: TaskDraft[];
}

/** The tasks of every task table in the document. */
export function tableTasks(doc: Doc): TaskDraft[] {
  const papi = isPapiDocument(doc);
  return taskTables(doc).flatMap((table) => tasksOfTable(doc, table, papi));
}

function tasksOfTable(doc: Doc, table: TaskTable, papi: boolean): TaskDraft[] {
  const groups: Group[] = [];
  let group: Group | null = null;
  let last: TaskDraft | null = null;
  for (const row of table.rows) {
    const number = cellOf(table, row, "number");
    const dimension = cellOf(table, row, "dimension");
    if (number || !group) {
      group = { title: null, tasks: [] };
      groups.push(group);
    }
    if (dimension && !group.title) group.title = dimension;
    // Unit, time and result cells merged down over several rows (table model) apply to each row.
    const all = { carried: true };
    const task = cellOf(table, row, "task", all);
    const lead = cellOf(table, row, "lead", all);
    const implement = cellOf(table, row, "implement", all);
    const support = cellOf(table, row, "support", all);
    const deadline = cellOf(table, row, "deadline", all);
    const output = cellOf(table, row, "output", all);
    const opensEntry = number || dimension || cellOf(table, row, "sub");
    if (!task) continue;
    if (task.carried) {
      // One task written over several rows (its cell merged down, table model only): each row
      // below its first adds the units it names to that task, not a task of its own.
      if (last) addRoles(doc, table, last, { lead, implement, support });
      continue;
    }
    if (!opensEntry && !lead && !implement && !support && !deadline && last) {
      // The rest of the task above, carried over a page break. (A row under merged unit or time
      // cells has them: it is a task of its own.)
      last.text = `${last.text} ${cleanText(task.text)}`;
      if (output) last.outputs.push(...splitOutputs(output.text));
      last.end = row.end;
      continue;
    }
    last = rowTask(doc, table, row, { lead, implement, support, deadline, output, task });
    group.tasks.push(last);
  }
  let previousTitle: Group["title"] = null;
  for (const g of groups) {
    // A numbered row under a merged dimension cell leaves the cell empty: it continues the one above
    // (unless a later row of its own entry names its dimension, as corpus 002's entry 4 does).
    g.title = g.title ?? previousTitle;
    previousTitle = g.title;
    const criterion = groupCriterion(doc, table, g, papi);

    for (const t of g.tasks) t.criterion = criterion;
  }
  return groups.flatMap((g) => g.tasks);
}

type Cell = TableCell | null;

/** Adds the units a row names to a task read from an earlier row, skipping those it has. */
function addRoles(
  doc: Doc,
  table: TaskTable,
  task: TaskDraft,
  cells: { lead: Cell; implement: Cell; support: Cell },
): void {
  const roles = (c: Cell) => (c && !c.carried ? roleList(doc, c.start, c.end) : []);
  const hasLeadColumn = table.columns.lead !== undefined;
  const has = (name: string) => [...task.lead, ...task.support].some((r) => r.name === name);
  for (const r of [...roles(cells.lead), ...(hasLeadColumn ? [] : roles(cells.implement))]) {
    if (!has(r.name)) task.lead.push(r);
  }
  for (const r of [...(hasLeadColumn ? roles(cells.implement) : []), ...roles(cells.support)]) {
    if (!has(r.name)) task.support.push(r);
  }
}

function rowTask(
  doc: Doc,
  table: TaskTable,
  row: TableRow,
  cells: {
    task: NonNullable<Cell>;
    lead: Cell;
    implement: Cell;
    support: Cell;
    deadline: Cell;
    output: Cell;
  },
): TaskDraft {
  const roles = (c: Cell) => (c ? roleList(doc, c.start, c.end) : []);
  // "Đơn vị thực hiện" leads when the table has no lead column, and helps the lead when it has one.
  const hasLeadColumn = table.columns.lead !== undefined;
  const lead = [...roles(cells.lead), ...(hasLeadColumn ? [] : roles(cells.implement))];
  const support = [...(hasLeadColumn ? roles(cells.implement) : []), ...roles(cells.support)].filter(
    (r, i, all) => !lead.some((l) => l.name === r.name) && all.findIndex((o) => o.name === r.name) === i,
  );
  const draft: TaskDraft = {
    text: cleanText(cells.task.text),
    start: row.start,
    end: row.end,
    lead,
    support,
    outputs: cells.output ? splitOutputs(cells.output.text) : [],
    criterion: null,
  };
  if (cells.deadline) draft.deadlineAt = { start: cells.deadline.start, end: cells.deadline.end };
  return draft;
}

/**
 * The criterion of a group: in a table with a dimension column, the PAPI dimension its title names
 * (the row number is the table's own count, which may differ: a table may add rows of its own);
 * in a "Tiêu chí" column, the criterion number written in the title. Null when the title names
 * none: a row number is never taken for a criterion.
 */
function groupCriterion(doc: Doc, table: TaskTable, g: Group, papi: boolean): TaskDraft["criterion"] {
  const header = table.header.cells[table.columns.dimension ?? -1];
  if (!header) return null;
  const headerName = doc.folded.slice(header.start, header.end);
  if (papi || /chi so/.test(headerName)) {
    const hit = g.title ? matchDimension(doc.folded, g.title.start, g.title.end, false) : null;
    return { framework: "PAPI", number: hit?.number ?? null };
  }
  if (/tieu chi/.test(headerName) && g.title) {
    const written = /tieu\s*chi\s*(\d{1,2})/.exec(doc.folded.slice(g.title.start, g.title.end));
    return written ? { framework: "DVCQ", number: Number(written[1]) } : null;
  }
  return null;
}
