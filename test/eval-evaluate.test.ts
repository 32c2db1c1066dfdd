import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  evaluate,
  formsOfCase,
  listGoldFiles,
  readGoldFile,
  runEvalCommand,
} from "../pipeline/eval/evaluate.js";
import type { GoldDocument } from "../pipeline/eval/gold-schema.js";
import { FACT_KINDS } from "../pipeline/eval/types.js";

const GOLD = "fixtures/gold";
const scratch = mkdtempSync(path.join(tmpdir(), "kehoach-eval-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The contract JSON a perfect pipeline would write for these gold documents (optional facts included). */
function perfectFile(docs: GoldDocument[]): unknown {
  const ev = { page: 1, start: 0, end: 0, text: "" };
  return {
    schemaVersion: 1,
    status: "success",
    messages: [],
    documents: docs.map((d) => ({
      kind: d.kind,
      number: d.number,
      issuedOn: d.issuedOn,
      place: d.place,
      issuer: d.issuer,
      unit: d.unit,
      title: d.title,
      year: d.year,
      signer: d.signer,
      recipients: d.recipients,
      references: d.references.map((r) => ({
        kind: r.kind,
        number: r.number,
        issuedOn: r.issuedOn,
        evidence: ev,
      })),
      criteria: d.criteria.map((c) => ({
        framework: c.framework,
        number: c.number,
        title: c.title,
        evidence: ev,
      })),
      deductions: d.deductions.map((x) => ({ ...x, evidence: ev })),
      declaredScores: d.declaredScores.map((x) => ({ ...x, evidence: ev })),
      tasks: d.tasks.map((t) => ({ text: t.text, lead: t.lead, support: t.support ?? [], evidence: ev })),
      deadlines: d.deadlines.map((x) => ({ text: x.text, kind: x.kind, date: x.date, evidence: ev })),
      roles: [],
      targets: [],
      pages: [],
      text: "",
    })),
  };
}

function writeJson(file: string, data: unknown) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
}

describe("evaluate (corpus mode)", () => {
  const out = path.join(scratch, "perfect");
  for (const rel of listGoldFiles(GOLD)) {
    writeJson(path.join(out, "documents", rel), perfectFile(readGoldFile(path.join(GOLD, rel)).documents));
  }

  it("scores a perfect output of every gold file at F1 1 on every kind with gold", () => {
    const report = evaluate(GOLD, out);
    expect(report.files.length).toBe(listGoldFiles(GOLD).length);
    for (const k of FACT_KINDS) {
      const s = report.kinds[k];
      expect(s.f1, k).toBe(1);
    }
    expect(report.kinds.references.gold).toBeGreaterThan(50);
    expect(report.kinds.taskLeads.gold).toBeGreaterThan(80);
    expect(report.kinds.deadlines.gold).toBeGreaterThan(40);
  });

  it("counts a missing output file as all misses and says so", async () => {
    const partial = path.join(scratch, "partial");
    cpSync(out, partial, { recursive: true });
    rmSync(path.join(partial, "documents/_/000_e4db89253d0a1edd.txt.json"));
    const { report, text } = await runEvalCommand(GOLD, partial);
    const missing = report.files.find((f) => f.gold === "_/000_e4db89253d0a1edd.txt.json");
    expect(missing?.missingOutput).toBe(true);
    expect(report.kinds.deductions.recall).toBe(0);
    expect(report.kinds.references.recall).toBeLessThan(1);
    expect(report.kinds.references.precision).toBe(1);
    expect(text).toContain("OUTPUT MISSING");
    expect(text).toMatch(/deductions\s+6\s+0/);
  });

  it("lists a wrong deadline date and a wrong lead per document", async () => {
    const wrong = path.join(scratch, "wrong");
    cpSync(out, wrong, { recursive: true });
    const file = path.join(wrong, "documents/_/004_bde61b360d837a63.txt.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.documents[0].deadlines[0].date = "2024-05-21";
    data.documents[0].tasks[1].lead = ["Công chức Tư pháp – Hộ tịch"];
    writeFileSync(file, JSON.stringify(data));
    const { report, text } = await runEvalCommand(GOLD, wrong);
    expect(report.kinds.deadlines.recall).toBeLessThan(1);
    expect(report.kinds.deadlines.precision).toBeLessThan(1);
    expect(report.kinds.taskLeads.f1).toBeLessThan(1);
    expect(text).toContain("miss      deadlines: 2024-05-20");
    expect(text).toContain("false hit deadlines: 2024-05-21");
    expect(text).toContain("false hit taskLeads:");
  });
});

describe("evaluate (forms mode)", () => {
  const forms = path.join(scratch, "forms");
  const out = path.join(scratch, "forms-out");
  const corpus003 = readFileSync("fixtures/corpus/003_6cafff568a66f664.txt", "utf8");
  const letter = corpus003.slice(0, corpus003.indexOf("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"));
  mkdirSync(path.join(forms, "003-duc-pho"), { recursive: true });
  writeFileSync(path.join(forms, "003-duc-pho", "source.txt"), corpus003);
  writeFileSync(path.join(forms, "003-duc-pho", "page-1.txt"), letter);
  writeFileSync(path.join(forms, "003-duc-pho", "scan.pdf"), "");
  writeFileSync(path.join(forms, "003-duc-pho", "page-1.png"), "");
  const gold003 = readGoldFile(path.join(GOLD, "_/003_6cafff568a66f664.txt.json")).documents;
  writeJson(path.join(out, "documents/003-duc-pho/scan.pdf.json"), perfectFile(gold003));
  writeJson(path.join(out, "documents/003-duc-pho/page-1.png.json"), perfectFile(gold003.slice(0, 1)));

  it("pairs each form with the text it shows (a page image shows its page)", () => {
    expect(formsOfCase(forms, "003-duc-pho")).toEqual([
      { file: "page-1.png", source: "page-1.txt" },
      { file: "scan.pdf", source: "source.txt" },
    ]);
  });

  it("scores each form against the gold its text quotes, skipping cases without an excerpt", () => {
    const report = evaluate(GOLD, out, { forms: true, formsDir: forms });
    expect(report.mode).toBe("forms");
    expect(report.files.map((f) => f.output)).toEqual([
      "documents/003-duc-pho/page-1.png.json",
      "documents/003-duc-pho/scan.pdf.json",
    ]);
    expect(report.notes.some((n) => n.startsWith("000-ba-to"))).toBe(true);
    for (const k of FACT_KINDS) expect(report.kinds[k].f1 ?? 1, k).toBe(1);
    const page = report.files[0];
    expect(page?.documents).toHaveLength(1);
  });

  it("counts what a form's output states beyond its page as false hits", () => {
    writeJson(path.join(out, "documents/003-duc-pho/page-1.png.json"), perfectFile(gold003));
    const report = evaluate(GOLD, out, { forms: true, formsDir: forms });
    const page = report.files.find((f) => f.output.endsWith("page-1.png.json"));
    const extra = page?.documents.find((d) => d.goldIndex === null);
    expect(extra?.kinds.references.falseHits.length).toBeGreaterThan(10);
    expect(report.kinds.references.precision).toBeLessThan(1);
  });
});
