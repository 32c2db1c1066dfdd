/**
 * The review report: `<out>/report/index.html` (one self-contained page for reviewers) and
 * `<out>/deadlines.ics` (dated task deadlines per responsible role), from scores.json and the
 * per-file outputs.
 */
export {
  lineAround,
  type RoleDeadlines,
  type RoleTask,
  roleDeadlines,
  roleKey,
  UNASSIGNED_ROLE,
  validIsoDay,
} from "./deadlines.js";
export { escapeHtml, html, jsonForScript, SafeHtml } from "./escape.js";
export { type DocumentTexts, documentKey, quoteInContext } from "./evidence-context.js";
export {
  type CalendarEvent,
  calendarEvents,
  deadlinesIcs,
  escapeIcsText,
  eventUid,
  foldIcsLine,
} from "./ics.js";
export { contentSecurityPolicy, cspHash, documentTexts, type RenderOptions, renderReport } from "./render.js";
export { type BuiltReport, buildReport, writeDeadlinesCalendar, writeReport } from "./write-report.js";
