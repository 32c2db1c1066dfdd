import { describe, expect, it } from "vitest";
import { FileOutput } from "../schemas/index.js";
import { runFile } from "./helpers/run-file.js";

describe("tables travel from the backend to the document output", () => {
  it("typed PDF of 002: the appendix tables are in the output, each cell's span its exact text", async () => {
    const { output } = await runFile("fixtures/forms/002-nhu-quynh/typed.pdf");
    expect(FileOutput.safeParse(output).success).toBe(true);
    const doc = output.documents[0];
    const tables = doc?.tables ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const table of tables) {
      expect(table.cols).toBe(8);
      // The whole table's span lies in this document's text and holds every cell.
      const span = table.span;
      expect(span).toBeDefined();
      if (!span) continue;
      expect(span.end).toBeLessThanOrEqual(doc?.text.length ?? 0);
      const first = table.cells.find((c) => c.row === 0 && c.col === 0)?.text ?? "";
      expect(doc?.text.slice(span.start, span.end).startsWith(first)).toBe(true);
      for (const cell of table.cells) {
        if (cell.span) expect(cell.span.start >= span.start && cell.span.end <= span.end).toBe(true);
      }
      for (const cell of table.cells) {
        if (cell.span) expect(doc?.text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
        else expect(cell.text).toBe("");
      }
    }
    // The header row of the appendix, as the reader sees it.
    const header = tables[0]?.cells.filter((c) => c.row === 0).map((c) => c.text);
    expect(header?.[0]).toBe("TT");
    expect(header).toContain("Đơn vị chủ trì");
  });

  it("a text file has no tables field (nothing invented)", async () => {
    const { output } = await runFile("fixtures/corpus/000_e4db89253d0a1edd.txt");
    expect(output.documents[0]?.tables).toBeUndefined();
  });
});
