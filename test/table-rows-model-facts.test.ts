import { describe, expect, it } from "vitest";
import { extractDeclaredScores } from "../extractors/declared-scores.js";
import { extractDeductions } from "../extractors/deductions.js";
import { extractAll } from "../extractors/index.js";
import { type TableRow, tableRows } from "../extractors/lib/table-rows.js";
import { extractTasks } from "../extractors/tasks.js";
import { docsWithTable } from "../extractors/test-doc.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";

/**
 * The extractors (deductions, declared scores, tasks, deadlines) reading tables through the table
 * model: the same facts as the text on a plain table, the right ones where the text misleads
 * (merged cells, a tab inside a cell, a row that lost its tabs). Real files: table-rows-model-files.test.ts.
 */

/** Rows without their model bookkeeping, for comparing with the text reading. */
const plain = (rows: TableRow[]) =>
  rows.map((r) => ({
    table: r.table,
    start: r.start,
    end: r.end,
    cells: r.cells.map(({ text, start, end }) => ({ text, start, end })),
  }));

const DEDUCTIONS_INTRO =
  "Kế hoạch khắc phục công tác dân vận chính quyền\nCác tiêu chí, nội dung bị trừ điểm năm 2024 như sau:";
const DEDUCTIONS_HEADER = ["TT", "Tiêu chí", "Nội dung", "Điểm trừ", "Lý do"];
const RESULTS_INTRO =
  "KẾT QUẢ ĐÁNH GIÁ, PHÂN LOẠI CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2023 CỦA ỦY BAN NHÂN DÂN CÁC XÃ, THỊ TRẤN";
const RESULTS_HEADER = ["TT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Tổng điểm", "Xếp loại"];
const TASKS_INTRO = "III. TỔ CHỨC THỰC HIỆN\nBiểu tổng hợp nhiệm vụ:";
const TASKS_HEADER = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"];
describe("extractors reading the table model", () => {
  it("reads a simple table as the text does: same rows, same cells, same facts from every extractor", () => {
    const cases = [
      docsWithTable({
        before: DEDUCTIONS_INTRO,
        grid: [
          DEDUCTIONS_HEADER,
          ["1", "Tiêu chí 2", "Nội dung 1: Ban hành văn bản", "3,00", "Có công chức bị kỷ luật"],
          ["2", "Tiêu chí 3", "Nội dung 3: Giải quyết hồ sơ", "0,25", "Có 01 hồ sơ trễ hẹn"],
          ["Tổng cộng", "", "", "3,25", ""],
        ],
        merges: [{ row: 3, col: 0, colSpan: 3 }],
        after: "Tổng số điểm bị trừ là 3,25 điểm.",
      }),
      docsWithTable({
        before: RESULTS_INTRO,
        grid: [
          RESULTS_HEADER,
          ["1", "Thị trấn La Hà", "98,00", "96,50", "96,50", "Hoàn thành xuất sắc nhiệm vụ"],
          ["2", "xã Nghĩa Kỳ", "97,50", "95,50", "95,50", "Hoàn thành tốt nhiệm vụ"],
        ],
      }),
      docsWithTable({
        before: TASKS_INTRO,
        grid: [
          TASKS_HEADER,
          [
            "1",
            "Tổ chức hội nghị quán triệt kế hoạch",
            "Văn phòng HĐND và UBND",
            "Các đoàn thể",
            "Quý I năm 2025",
          ],
          ["2", "Rà soát thủ tục hành chính", "Công chức Tư pháp - Hộ tịch", "", "Thường xuyên"],
        ],
      }),
    ];
    for (const { model, text } of cases) {
      const rows = tableRows(model, { loose: true });
      expect(rows.every((r) => r.grid !== undefined)).toBe(true);
      expect(plain(rows)).toEqual(plain(tableRows(text, { loose: true })));
      expect(extractAll(model).facts).toEqual(extractAll(text).facts);
    }
    // The cases do hold facts (the comparison is not between two empty lists).
    expect(extractDeductions(cases[0]?.model as NormalisedDocument).map((d) => d.points)).toEqual([3, 0.25]);
    expect(extractDeclaredScores(cases[1]?.model as NormalisedDocument)).toHaveLength(2);
    expect(extractTasks(cases[2]?.model as NormalisedDocument)).toHaveLength(2);
  });

  it("gives every row under a merged cell what the cell says, where the text leaves them empty", () => {
    const deductions = docsWithTable({
      before: DEDUCTIONS_INTRO,
      grid: [
        DEDUCTIONS_HEADER,
        ["1", "Tiêu chí 2", "Nội dung 1: Ban hành văn bản", "3,00", "Chậm triển khai"],
        ["2", "", "Nội dung 2: Phòng, chống tham nhũng", "1,50", "Chậm kê khai tài sản"],
        ["3", "", "Nội dung 4: Kê khai tài sản", "0,50", ""],
      ],
      merges: [
        { row: 1, col: 1, rowSpan: 3 },
        { row: 2, col: 4, rowSpan: 2 },
      ],
    });
    const fromModel = extractDeductions(deductions.model);
    expect(fromModel.map((d) => [d.criterion, d.content, d.points, d.reason])).toEqual([
      [2, 1, 3, "Chậm triển khai"],
      [2, 2, 1.5, "Chậm kê khai tài sản"],
      [2, 4, 0.5, "Chậm kê khai tài sản"],
    ]);
    // Its evidence is its own row, not the rows between it and the merged cell.
    const third = fromModel[2];
    expect(third?.evidence.text).toBe("3\t\tNội dung 4: Kê khai tài sản\t0,50\t");
    // The text knows the criterion (carried down) but not the merged reason.
    expect(extractDeductions(deductions.text)[2]?.reason).toBeNull();

    const results = docsWithTable({
      before: RESULTS_INTRO,
      grid: [
        RESULTS_HEADER,
        ["1", "xã An Bình", "98,00", "96,50", "96,50", "Hoàn thành xuất sắc nhiệm vụ"],
        ["2", "xã Bình An", "97,50", "95,50", "95,50", ""],
        ["3", "xã Phú Lộc", "97,00", "93,00", "93,00", "Hoàn thành tốt nhiệm vụ"],
        ["4", "xã Lộc Phú", "96,00", "92,00", "92,00", ""],
      ],
      merges: [
        { row: 1, col: 5, rowSpan: 2 },
        { row: 3, col: 5, rowSpan: 2 },
      ],
    });
    const classes = (doc: NormalisedDocument) => extractDeclaredScores(doc).map((s) => s.classification);
    expect(classes(results.model)).toEqual([
      "HOAN_THANH_XUAT_SAC",
      "HOAN_THANH_XUAT_SAC",
      "HOAN_THANH_TOT",
      "HOAN_THANH_TOT",
    ]);
    expect(classes(results.text)).toEqual(["HOAN_THANH_XUAT_SAC", null, "HOAN_THANH_TOT", null]);
    expect(extractDeclaredScores(results.model)[1]?.evidence.text).toBe(
      "2\txã Bình An\t97,50\t95,50\t95,50\t",
    );

    const tasks = docsWithTable({
      before: TASKS_INTRO,
      grid: [
        TASKS_HEADER,
        [
          "1",
          "Tổ chức hội nghị quán triệt kế hoạch",
          "Văn phòng HĐND và UBND",
          "Các đoàn thể",
          "Quý I năm 2025",
        ],
        ["2", "Tuyên truyền trên Đài truyền thanh xã", "", "", ""],
        ["3", "Niêm yết công khai kết quả", "", "", ""],
      ],
      merges: [
        { row: 1, col: 2, rowSpan: 3 },
        { row: 1, col: 3, rowSpan: 3 },
        { row: 1, col: 4, rowSpan: 3 },
      ],
    });
    const brief = (doc: NormalisedDocument) =>
      extractTasks(doc).map((t) => [t.text, t.lead.length, t.support.length, t.deadline?.text ?? null]);
    expect(brief(tasks.model)).toEqual([
      ["Tổ chức hội nghị quán triệt kế hoạch", 1, 1, "Quý I năm 2025"],
      ["Tuyên truyền trên Đài truyền thanh xã", 1, 1, "Quý I năm 2025"],
      ["Niêm yết công khai kết quả", 1, 1, "Quý I năm 2025"],
    ]);
    // The text gives the rows below no unit and no time: they are not tasks anyone was given.
    expect(brief(tasks.text)).toHaveLength(1);
    // The time cell is one deadline, however many rows it covers.
    expect(extractAll(tasks.model).facts.deadlines).toHaveLength(1);
  });

  it("counts points merged over two rows once", () => {
    const { model, text } = docsWithTable({
      before: DEDUCTIONS_INTRO,
      grid: [
        DEDUCTIONS_HEADER,
        ["1", "Tiêu chí 5", "Nội dung 1: Tiếp công dân", "2,00", "Chậm giải quyết đơn thư"],
        ["2", "", "Nội dung 2: Giải quyết đơn thư", "", ""],
      ],
      merges: [
        { row: 1, col: 1, rowSpan: 2 },
        { row: 1, col: 3, rowSpan: 2 },
        { row: 1, col: 4, rowSpan: 2 },
      ],
    });
    expect(extractDeductions(model).map((d) => [d.criterion, d.content, d.points])).toEqual([[5, 1, 2]]);
    expect(extractDeductions(text).map((d) => d.points)).toEqual([2]);
  });

  it("keeps a cell whole when its text holds what looks like a column break", () => {
    // A converter wrote a tab inside the unit's cell: read as text, every score moves one column right.
    const { model, text } = docsWithTable({
      before: RESULTS_INTRO,
      grid: [
        RESULTS_HEADER,
        ["1", "Thị trấn La Hà", "98,00", "96,50", "96,50", "Hoàn thành xuất sắc nhiệm vụ"],
        ["2", "UBND xã Nghĩa Kỳ", "97,50", "95,50", "95,50", "Hoàn thành tốt nhiệm vụ"],
      ],
      edit: (t) => t.replace("UBND xã Nghĩa Kỳ", "UBND xã\tNghĩa Kỳ"),
    });
    const scores = (doc: NormalisedDocument) =>
      extractDeclaredScores(doc).map((s) => [s.selfAssessed, s.assessed, s.final, s.classification]);
    expect(scores(model)).toEqual([
      [98, 96.5, 96.5, "HOAN_THANH_XUAT_SAC"],
      [97.5, 95.5, 95.5, "HOAN_THANH_TOT"],
    ]);
    expect(scores(text)[1]).not.toEqual([97.5, 95.5, 95.5, "HOAN_THANH_TOT"]);
    expect(tableRows(model)[2]?.cells).toHaveLength(6);
  });

  it("reads a row whose tabs were lost by its cells, not by guessing its words' columns", () => {
    const lost = "2\tTiêu chí 3 nội dung 2\t1\tTrễ hạn\t4";
    const { model, text } = docsWithTable({
      before: DEDUCTIONS_INTRO,
      grid: [
        ["TT", "Tiêu chí", "Điểm trừ", "Lý do", "Số hồ sơ"],
        ["1", "Tiêu chí 2 nội dung 1", "0,5", "Chậm kê khai", "1"],
        ["2", "Tiêu chí 3 nội dung 2", "1", "Trễ hạn", "4"],
        ["3", "Tiêu chí 9 nội dung 2", "0,5", "Chưa đối thoại", "2"],
      ],
      edit: (t) => t.replace(lost, lost.replaceAll("\t", " ")),
    });
    const brief = (doc: NormalisedDocument) =>
      extractDeductions(doc).map((d) => [d.criterion, d.points, d.reason]);
    expect(brief(model)).toEqual([
      [2, 0.5, "Chậm kê khai"],
      [3, 1, "Trễ hạn"],
      [9, 0.5, "Chưa đối thoại"],
    ]);
    // Read as text, "3" and "1" could each be the points (the words around them fit either way):
    // the row is dropped, never guessed.
    expect(tableRows(text, { loose: true })[2]?.loose).toBe(true);
    expect(brief(text)).toEqual([
      [2, 0.5, "Chậm kê khai"],
      [9, 0.5, "Chưa đối thoại"],
    ]);
    expect(tableRows(model, { loose: true })[2]?.loose).toBeUndefined();
  });

  it("reads a second header row under merged header cells with the first one's columns", () => {
    const { model, text } = docsWithTable({
      before: DEDUCTIONS_INTRO,
      grid: [
        ["TT", "Tiêu chí", "Điểm trừ", "Lý do", ""],
        ["", "", "", "Chủ quan", "Khách quan"],
        ["1", "Tiêu chí 4", "1,00", "Chậm báo cáo", "Thiếu công chức"],
      ],
      merges: [
        { row: 0, col: 0, rowSpan: 2 },
        { row: 0, col: 1, rowSpan: 2 },
        { row: 0, col: 2, rowSpan: 2 },
        { row: 0, col: 3, colSpan: 2 },
      ],
    });
    const brief = (doc: NormalisedDocument) =>
      extractDeductions(doc).map((d) => [d.criterion, d.points, d.reason]);
    expect(brief(model)).toEqual([[4, 1, "Chậm báo cáo"]]);
    expect(brief(model)).toEqual(brief(text));
  });
});
