import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeLegacyBytes } from "../pipeline/backends/text-decode.js";
import { restoreDroppedU } from "../pipeline/text/legacy-dropped-u.js";
import { unicodeToVni } from "../pipeline/text/legacy-encoding.js";
import { convertLegacyPage, legacyConversionReport, pageList } from "../pipeline/text/legacy-pages.js";
import type { Table } from "../schemas/table.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "legacy");

/** A page holding one VNI table written as "\t"-separated rows, with every cell's span. */
function vniPageWithTable(rows: string[][]): { text: string; tables: Table[] } {
  let text = "Keá hoaïch thöïc hieän:\n";
  const cells: Table["cells"] = [];
  rows.forEach((cellsOfRow, row) => {
    cellsOfRow.forEach((cell, col) => {
      if (col > 0) text += "\t";
      const vni = unicodeToVni(cell);
      cells.push({
        row,
        col,
        rowSpan: 1,
        colSpan: 1,
        text: vni,
        confidence: null,
        span: { start: text.length, end: text.length + vni.length },
      });
      text += vni;
    });
    text += "\n";
  });
  const span = { start: cells[0]?.span?.start ?? 0, end: text.length - 1 };
  return { text, tables: [{ page: 1, rows: rows.length, cols: 2, cells, source: "docx", span }] };
}

describe("convertLegacyPage", () => {
  it("converts a VNI page and moves its table's spans with the shrinking letters", () => {
    const rows = [
      ["Nội dung", "Thời gian thực hiện"],
      ["Đối thoại với Nhân dân", "Trước ngày 30/6/2025"],
    ];
    const { page, encoding } = convertLegacyPage(vniPageWithTable(rows));
    expect(encoding).toBe("vni");
    expect(page.text.startsWith("Kế hoạch thực hiện:\n")).toBe(true);
    const table = page.tables?.[0];
    for (const cell of table?.cells ?? []) {
      expect(cell.text).toBe(rows[cell.row]?.[cell.col]);
      expect(page.text.slice(cell.span?.start, cell.span?.end)).toBe(cell.text);
    }
    expect(page.text.slice(table?.span?.start, table?.span?.end)).toBe(
      rows.map((row) => row.join("\t")).join("\n"),
    );
  });

  it("returns a Unicode page as it was", () => {
    const page = { text: "Kế hoạch thực hiện năm 2025", tables: [] };
    expect(convertLegacyPage(page)).toEqual({ page, encoding: null, partial: false, restoredU: 0 });
  });
});

describe("legacyConversionReport", () => {
  it("names the pages and encodings, says TCVN3 headings may lose their capitals, and nothing when none", () => {
    const report = legacyConversionReport([
      { page: 1, encoding: "tcvn3", partial: false },
      { page: 2, encoding: "tcvn3", partial: false },
      { page: 3, encoding: "tcvn3", partial: false },
      { page: 5, encoding: "vni", partial: true },
    ]);
    expect(report).toMatchObject({ severity: "info", rule: "legacy-encoding" });
    expect(report?.reason).toContain("pages 1–3 from TCVN3");
    expect(report?.reason).toContain("page 5 (the rest is Unicode) from VNI");
    expect(report?.reason).toContain("lower case");
    expect(legacyConversionReport([{ page: 1, encoding: "vni", partial: false }])?.reason).not.toContain(
      "lower case",
    );
    expect(legacyConversionReport([])).toBeNull();
    expect(pageList([1, 2, 4, 6, 7])).toBe("pages 1–2, 4, 6–7");
  });

  it("counts the restored 'ư' and says which cannot be restored", () => {
    const report = legacyConversionReport([{ page: 1, encoding: "tcvn3", partial: false, restoredU: 7 }]);
    expect(report?.reason).toContain("put back in 7 words");
    expect(report?.reason).toContain("người");
  });
});

describe("restoreDroppedU", () => {
  it("puts 'ư' where exactly one place makes a syllable, and in the known leftovers", () => {
    expect(["nớc", "phơng", "trờng", "Đợc", "nh", "Nhng", "th", "ngời", "mu"].map(restoreDroppedU)).toEqual([
      "nước",
      "phương",
      "trường",
      "Được",
      "như",
      "Nhưng",
      "thư",
      "người",
      "mưu",
    ]);
  });

  it("leaves syllables, lone letters, ASCII words and abbreviations alone", () => {
    for (const word of ["nước", "hòa", "b", "c", "cm", "tr", "KH", "UBND", "km2"])
      expect(restoreDroppedU(word)).toBeNull();
  });
});

describe("decodeLegacyBytes", () => {
  it("reads each fixture in its encoding", () => {
    expect(decodeLegacyBytes(readFileSync(join(DIR, "cp1258.txt")))?.encoding).toBe("windows-1258");
    expect(decodeLegacyBytes(readFileSync(join(DIR, "tcvn3.txt")))?.encoding).toBe("tcvn3");
    expect(decodeLegacyBytes(readFileSync(join(DIR, "vni.txt")))?.encoding).toBe("vni");
    const source = readFileSync(join(DIR, "source.txt"), "utf8");
    expect(decodeLegacyBytes(readFileSync(join(DIR, "cp1258.txt")))?.text).toBe(source.normalize("NFC"));
  });

  it("gives up on 8-bit text that is not Vietnamese, and on UTF-8 with a bad byte", () => {
    const french = Buffer.from("Le café est très bon; où est la gare? Noël à Paris, été 2024.", "latin1");
    expect(decodeLegacyBytes(french)).toBeNull();
    const broken = Buffer.concat([
      Buffer.from("Quyết định số 1211/QĐ-UBND của Ủy ban ", "utf8"),
      Buffer.from([0xc3, 0x28]),
    ]);
    expect(decodeLegacyBytes(broken)).toBeNull();
  });
});
