import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDeadlines } from "../extractors/deadline-find.js";
import { parseDeadline } from "../extractors/deadline-parse.js";
import { documentYear } from "../extractors/deadline-year.js";
import { deadlinesExtractor, extractDeadlines } from "../extractors/deadlines.js";
import { docFromText } from "../extractors/test-doc.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");
const normalised = (name: string) => normaliseFile(buildRawText([{ page: 1, text: corpus(name) }])).documents;

describe("parseDeadline: every phrasing of the domain brief", () => {
  // [phrase, kind, last allowed day]; the document's year is 2025 where the phrase has none.
  const cases: [string, string, string | null][] = [
    ["chậm nhất trước ngày 01/11/2025", "by_date", "2025-11-01"],
    ["trước ngày 30/3/2022", "by_date", "2022-03-30"],
    ["trước ngày 30/3", "by_date", "2025-03-30"],
    ["trước 03/01/2025", "by_date", "2025-01-03"],
    ["ngày 15 tháng 12 năm 2022", "on_date", "2022-12-15"],
    ["từ ngày 10 đến ngày 15 tháng 12", "window", "2025-12-15"],
    ["Tháng 12/2025", "month", "2025-12-31"],
    ["Quý II, III năm 2024", "quarter", "2024-09-30"],
    ["Quý IV năm 2025 và các năm tiếp theo", "quarter", "2025-12-31"],
    ["6 tháng đầu năm", "period", null],
    ["9 tháng", "period", null],
    ["1 năm", "period", null],
    ["hàng tháng", "recurring", null],
    ["hằng năm", "recurring", null],
    ["hàng quý", "recurring", null],
    ["Thường xuyên", "continuous", null],
    ["Khi có cuộc bầu cử trưởng thôn, tổ trưởng dân phố", "event", null],
    ["Sau khi Nghị định quy định chi tiết thi hành Luật được ban hành", "event", null],
    ["chậm nhất 15 ngày làm việc sau thời gian ban hành Kế hoạch", "relative", null],
    ["Trong năm học", "period", null],
    ["Năm 2023-2025", "period", "2025-12-31"],
    ["Theo tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì soạn thảo", "event", null],
    ["Năm 2025", "period", "2025-12-31"],
    // Other ways plans and time columns write them.
    ["Từ tháng 4 đến tháng 6/2024", "window", "2024-06-30"],
    ["Từ tháng 3 đến hết tháng 5 năm 2025", "window", "2025-05-31"],
    ["Tháng 11 - 12/2024", "window", "2024-12-31"],
    ["Tháng 6 và tháng 12 năm 2024", "month", "2024-12-31"],
    ["trước 17 giờ 00 ngày 20/12/2024", "by_date", "2024-12-20"],
    ["trước 16 giờ 30, ngày 30/11/2024", "by_date", "2024-11-30"],
    ["chậm nhất 16h30 ngày 05/12/2024", "by_date", "2024-12-05"],
    ["chậm nhất vào ngày 25/11/2025", "by_date", "2025-11-25"],
    ["Đầu năm 2025", "period", null],
    ["Cuối năm 2025", "period", "2025-12-31"],
    ["2024", "period", "2024-12-31"],
    ["2024 - 2025", "period", "2025-12-31"],
    ["6/2024", "month", "2024-06-30"],
    ["Quý 3/2024", "quarter", "2024-09-30"],
    ["Quý I/2025", "quarter", "2025-03-31"],
    ["Trước ngày 20 hằng tháng", "recurring", null],
  ];
  it.each(cases)("%s → %s %s", (phrase, kind, date) => {
    expect(parseDeadline(phrase, 2025)).toEqual({ kind, date });
  });

  it("prefers the dated reading of a slot that says both", () => {
    const slot = "Thường xuyên, cung cấp tài liệu minh chứng (chậm nhất trước ngày 01/11/2025)";
    expect(parseDeadline(slot, 2025)).toEqual({ kind: "by_date", date: "2025-11-01" });
    expect(parseDeadline("hằng năm (trước ngày 15 tháng 11)", 2025)).toEqual({
      kind: "by_date",
      date: "2025-11-15",
    });
  });

  it("reads undated slots by their first strong phrase", () => {
    expect(parseDeadline("Thường xuyên, theo yêu cầu nhiệm vụ.", 2025)?.kind).toBe("continuous");
    expect(parseDeadline("Theo kế hoạch công tác tư pháp hàng năm.", 2025)?.kind).toBe("recurring");
    expect(parseDeadline("- Trước và trong quá trình bầu cử - Thường xuyên", 2025)?.kind).toBe("event");
    expect(parseDeadline("Từ 01/7/2025.", 2025)).toEqual({ kind: "period", date: null });
  });

  it("reads unaccented, hyphenated and OCR-spaced variants the same", () => {
    expect(parseDeadline("cham nhat truoc ngay 01/11/2025", null)).toEqual({
      kind: "by_date",
      date: "2025-11-01",
    });
    expect(parseDeadline("Chậm nhất trước ngày 01-11-2025", null)).toEqual({
      kind: "by_date",
      date: "2025-11-01",
    });
    expect(parseDeadline("Quy II , III nam 2024", null)).toEqual({ kind: "quarter", date: "2024-09-30" });
    expect(parseDeadline("THƯỜNG XUYÊN", null)?.kind).toBe("continuous");
    expect(parseDeadline("hang thang", null)?.kind).toBe("recurring");
  });

  it("reads 'l' for '1' in an OCR'd date", () => {
    const text = "- Thoi gian thuc hien: Truoc ngay l5/6/2024.\n\nBáo cáo kết quả truoc ngay 3l/l2/2024.";
    expect(extractDeadlines(docFromText(text)).map((d) => [d.kind, d.date])).toEqual([
      ["by_date", "2024-06-15"],
      ["by_date", "2024-12-31"],
    ]);
  });

  it("leaves a dateless day without a year undated and finds nothing in plain words", () => {
    expect(parseDeadline("trước ngày 30/3", null)).toEqual({ kind: "by_date", date: null });
    expect(parseDeadline("không khí trong lành", 2025)).toBeNull();
    expect(parseDeadline("trước ngày 31/02/2025", null)?.date).toBeNull();
  });
});

describe("documentYear", () => {
  it("takes the header's place-and-date line, not a reference's date", () => {
    const text =
      "Số: 53 /KH-UBND\n\nQuảng Ngãi, ngày 23 tháng 3 năm 2022\n\nKẾ HOẠCH\n\nThực hiện Chỉ thị số 16/CT-TTg ngày 16 tháng 5 năm 2016";
    expect(documentYear(docFromText(text))).toBe(2022);
  });
  it("reads a draft's date with the day left blank", () => {
    expect(documentYear(docFromText("Số: /KH-UBND\n\nBa Vì, ngày    tháng 01 năm 2025\n\nKẾ HOẠCH"))).toBe(
      2025,
    );
  });
  it("falls back to the title year when the header is missing", () => {
    const text =
      "KẾ HOẠCH\n\nThực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2024\n\nThực hiện Chỉ thị ngày 16 tháng 5 năm 2016";
    expect(documentYear(docFromText(text))).toBe(2024);
  });
  it("is null when the document names no year", () => {
    expect(documentYear(docFromText("KẾ HOẠCH\n\nTriển khai công tác dân vận"))).toBeNull();
  });
});

describe("findDeadlines", () => {
  it("reads one deadline per slot, with the phrase as evidence", () => {
    const text =
      "+ Chủ trì tham mưu: Công chức Văn phòng – Thống kê.\n\n+ Phối hợp: Khối vận thị trấn.\n\n" +
      "+ Thời gian thực hiện: Thường xuyên, cung cấp tài liệu minh chứng (chậm nhất trước ngày 01/11/2025)";
    const doc = docFromText(text);
    const [d, ...rest] = extractDeadlines(doc);
    expect(rest).toHaveLength(0);
    expect(d).toMatchObject({ text: "chậm nhất trước ngày 01/11/2025", kind: "by_date", date: "2025-11-01" });
    expect(d?.evidence.text).toBe(text.slice(d?.evidence.start, d?.evidence.end));
  });

  it("reads deadline phrases in prose but not the dates of references", () => {
    const text =
      "Quảng Ngãi, ngày 23 tháng 3 năm 2022\n\n" +
      "Thực hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022 của UBND tỉnh Quảng Ngãi.\n\n" +
      "Hoàn thành và gửi kế hoạch về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 30/3/2022. " +
      "Báo cáo 06 tháng đầu năm gửi trước ngày 15/6, báo cáo năm gửi trước ngày 15/11/2022.";
    const found = extractDeadlines(docFromText(text));
    expect(found.map((d) => [d.text, d.date])).toEqual([
      ["trước ngày 30/3/2022", "2022-03-30"],
      ["trước ngày 15/6", "2022-06-15"],
      ["trước ngày 15/11/2022", "2022-11-15"],
    ]);
  });

  it("does not take a data cut-off window in prose for a deadline", () => {
    const text =
      "- Báo cáo gửi về phòng Nội vụ: 6 tháng đầu năm trước ngày 03/7/2024 (thời gian chốt số liệu tính từ " +
      "ngày 01/01/2024 đến ngày 30/6/2024); báo cáo năm trước 03/01/2025.";
    expect(extractDeadlines(docFromText(text)).map((d) => d.date)).toEqual(["2024-07-03", "2025-01-03"]);
  });

  it("reads a table's time column row by row, not its header", () => {
    const text = [
      "TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện",
      "1\tTổ chức bầu trưởng thôn\tUBND thị trấn\tKhi có cuộc bầu cử trưởng thôn",
      "2\tKiểm tra các cơ sở giáo dục\tLãnh đạo UBND\tQuý II, III năm 2024",
      "3\tThu gom rác thải\tLãnh đạo UBND\tThường xuyên",
    ].join("\n");
    expect(extractDeadlines(docFromText(text)).map((d) => [d.kind, d.date])).toEqual([
      ["event", null],
      ["quarter", "2024-09-30"],
      ["continuous", null],
    ]);
  });

  it("reads a time label written without its colon, and a line ending 'thực hiện thường xuyên'", () => {
    const text =
      "6. Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc gia\n\n" +
      "Thời gian thực hiện sau khi Chiến lược tiêu chuẩn quốc gia được ban hành.\n\n" +
      "Việc kiểm tra hồ sơ trễ hẹn được thực hiện thường xuyên.";
    const found = extractDeadlines(docFromText(text));
    expect(found.map((d) => [d.kind, d.text])).toEqual([
      ["event", "sau khi Chiến lược tiêu chuẩn quốc gia được ban hành"],
      ["continuous", "thường xuyên"],
    ]);
  });

  it("reads 'hoàn thành trong …' in prose as the period it names", () => {
    const text =
      "Các xã hoàn thành trong tháng 6/2024 việc rà soát; các phường hoàn thành trong quý III năm 2024; " +
      "các đơn vị hoàn thành trong 30 ngày kể từ ngày ký. Trong tháng 6 tổ chức hội nghị.";
    expect(extractDeadlines(docFromText(text)).map((d) => [d.kind, d.date, d.text])).toEqual([
      ["month", "2024-06-30", "trong tháng 6/2024"],
      ["quarter", "2024-09-30", "trong quý III năm 2024"],
      ["relative", null, "trong 30 ngày kể từ ngày ký"],
    ]);
  });

  it("ignores a time label that introduces no deadline", () => {
    const text =
      "Thời gian hoàn thành các nhiệm vụ theo đúng quy định tại khoản 1, Mục III Kế hoạch số 53/KH-UBND.";
    expect(extractDeadlines(docFromText(text))).toEqual([]);
  });

  it("reads an unaccented, OCR-noisy slot", () => {
    const text =
      "- Co quan chu tri: So Khoa hoc va Cong nghe.\n\n- Thoi gian thuc hien: Quy IV nam 2025 va cac nam tiep theo.";
    const [d] = extractDeadlines(docFromText(text));
    expect(d).toMatchObject({
      kind: "quarter",
      date: "2025-12-31",
      text: "Quy IV nam 2025 va cac nam tiep theo",
    });
  });

  it("invents nothing from the garbled OCR excerpt", () => {
    for (const doc of normalised("more/ocr_garbled_excerpt.txt")) expect(extractDeadlines(doc)).toEqual([]);
  });

  it("turns a failure into an error message, never a throw", () => {
    const broken = { ...docFromText("x"), folded: undefined as unknown as string };
    const run = deadlinesExtractor.run(broken);
    expect(run.value).toEqual([]);
    expect(run.messages[0]).toMatchObject({ severity: "error", rule: "deadlines" });
  });
});

describe("deadlines over the corpus (through the normaliser)", () => {
  it("Ba Tơ 2025: every 'Thời gian thực hiện' slot is due 1 November 2025", () => {
    const [doc] = normalised("000_e4db89253d0a1edd.txt");
    if (!doc) throw new Error("no document");
    const found = findDeadlines(doc);
    const slots = found.filter((d) => d.source === "slot");
    expect(slots.length).toBe((doc.text.match(/Thời gian thực hiện/g) ?? []).length);
    expect(new Set(found.map((d) => d.date))).toEqual(new Set(["2025-11-01"]));
  });

  it("Như Quỳnh 2024: report deadlines in prose and one per appendix row", () => {
    const [doc] = normalised("002_90d18914c045a6d4.txt");
    if (!doc) throw new Error("no document");
    const found = findDeadlines(doc);
    expect(found.filter((d) => d.source === "inline").map((d) => d.date)).toEqual([
      null,
      "2024-07-03",
      "2025-01-03",
    ]);
    const table = found.filter((d) => d.source === "table");
    expect(table.length).toBeGreaterThanOrEqual(25);
    expect(table.map((d) => d.kind)).toEqual(
      expect.arrayContaining(["quarter", "event", "continuous", "period"]),
    );
  });

  it("Đức Phổ / Quảng Ngãi 2022: the plan's six dated deadlines, none in the cover letter", () => {
    const [letter, plan] = normalised("003_6cafff568a66f664.txt");
    if (!letter || !plan) throw new Error("expected two documents");
    expect(extractDeadlines(letter)).toEqual([]);
    expect(extractDeadlines(plan).map((d) => d.date)).toEqual([
      "2022-03-30",
      "2022-06-15",
      "2022-11-15",
      "2022-04-01",
      "2022-11-01",
      "2022-03-30",
    ]);
  });
});
