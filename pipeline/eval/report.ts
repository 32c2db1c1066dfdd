import { type EvalReport, FACT_KIND_LABELS, FACT_KINDS } from "./types.js";

const pct = (x: number | null) => (x === null ? "   n/a" : x.toFixed(3).padStart(6));
const col = (s: string | number, w: number) => String(s).padStart(w);

/**
 * The printed evaluation: precision, recall and F1 per fact kind, then every document's misses
 * (gold facts not found) and false hits (output facts the gold does not support).
 */
export function formatEvalReport(report: EvalReport): string {
  const lines: string[] = [];
  const missing = report.files.filter((f) => f.missingOutput).length;
  lines.push(
    `kehoach eval (${report.mode}): ${report.files.length} output file(s) against gold in ${report.goldDir}` +
      (missing ? `, ${missing} output file(s) missing` : ""),
  );
  lines.push("");
  lines.push(
    `${"fact kind".padEnd(28)}${col("gold", 6)}${col("found", 7)}${col("output", 8)}${col("right", 7)}  precision  recall      F1`,
  );
  for (const k of FACT_KINDS) {
    const s = report.kinds[k];
    lines.push(
      `${FACT_KIND_LABELS[k].padEnd(28)}${col(s.gold, 6)}${col(s.found, 7)}${col(s.output, 8)}${col(s.correct, 7)}` +
        `     ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`,
    );
  }
  const dk = report.deadlineKinds;
  lines.push("");
  lines.push(`deadline kinds agreeing among dated matches: ${dk.agree}/${dk.total}`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  for (const f of report.files) {
    lines.push("");
    lines.push(
      `== ${f.output}${f.case ? ` [case ${f.case}]` : ""} (gold ${f.gold})${f.missingOutput ? ": OUTPUT MISSING" : ""}`,
    );
    for (const d of f.documents) {
      lines.push(`  ${d.label}`);
      let clean = true;
      for (const k of FACT_KINDS) {
        const r = d.kinds[k];
        for (const m of r.misses) lines.push(`    miss      ${k}: ${m}`);
        for (const h of r.falseHits) lines.push(`    false hit ${k}: ${h}`);
        if (r.misses.length || r.falseHits.length) clean = false;
      }
      if (clean) lines.push("    all facts match");
    }
  }
  return lines.join("\n");
}
