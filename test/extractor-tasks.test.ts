import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalRole, isVocabRoleName } from "../extractors/role-match.js";
import { extractTasks, tasksExtractor } from "../extractors/tasks.js";
import { docFromText } from "../extractors/test-doc.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");
const normalised = (name: string) => normaliseFile(buildRawText([{ page: 1, text: corpus(name) }])).documents;
const VP_TK = "Công chức Văn phòng – Thống kê";
const TP_HT = "Công chức Tư pháp – Hộ tịch";
const TC_KT = "Công chức Tài chính – Kế toán";

// Ba Tơ 2025, III.2 (corpus 000), as the normaliser writes it.
const BA_TO = [
  "III. Nhiệm vụ, giải pháp và phân công trách nhiệm tham mưu, thực hiện",
  "2.1. Tiêu chí 1: Công tác triển khai, quán triệt các văn bản lãnh đạo, chỉ đạo, hướng dẫn về công tác dân vận của chính quyền",
  "- Tổ chức triển khai, thực hiện có hiệu quả Quyết định số 396 -QĐ/TU ngày 19/10/2021 của Ban Thường vụ Tỉnh ủy về việc ban hành Quy chế công tác dân vận của hệ thống chính trị.",
  "- Xây dựng kế hoạch thực hiện công tác dân vận hàng năm; phân công lãnh đạo phụ trách công tác dân vận.",
  "+ Chủ trì tham mưu: Công chức Văn phòng – Thống kê.",
  "+ Phối hợp: Khối vận thị trấn.",
  "+ Thời gian thực hiện: Thường xuyên, cung cấp tài liệu minh chứng (chậm nhất trước ngày 01/11/2025)",
  "2.2. Tiêu chí 2: Thực hiện nhiệm vụ chính trị",
  "2.2.2. Thực hiện tốt công tác phòng, chống tham nhũng, lãng phí, thực hành tiết kiệm.",
  "+ Cơ quan chủ trì tham mưu: Công chức Tư pháp – Hộ tịch",
  "+ Phối hợp: Công chức Văn phòng – Thống kê, Tài chính – Kế toán",
  "+ Thời gian thực hiện: Thường xuyên, cung cấp tài liệu minh chứng (chậm nhất trước ngày 01/11/2025).",
].join("\n\n");

describe("tasks from labelled blocks", () => {
  it("reads task text, lead, support, deadline and criterion per tiêu chí (corpus 000)", () => {
    const doc = docFromText(BA_TO);
    const tasks = extractTasks(doc);
    expect(tasks).toHaveLength(2);
    const [first, second] = tasks;
    expect(first).toMatchObject({
      criterion: { framework: "DVCQ", number: 1 },
      lead: [VP_TK],
      support: ["Khối vận"],
      deadline: { kind: "by_date", date: "2025-11-01", text: "chậm nhất trước ngày 01/11/2025" },
      outputs: [],
    });
    expect(first?.text).toMatch(/^Tổ chức triển khai, thực hiện có hiệu quả .* Xây dựng kế hoạch thực hiện/);
    expect(first?.evidence.text).toBe(BA_TO.slice(first?.evidence.start, first?.evidence.end));
    expect(first?.evidence.text.startsWith("- Tổ chức triển khai")).toBe(true);
    expect(first?.evidence.text.endsWith("(chậm nhất trước ngày 01/11/2025)")).toBe(true);
    expect(second).toMatchObject({
      text: "Thực hiện tốt công tác phòng, chống tham nhũng, lãng phí, thực hành tiết kiệm.",
      criterion: { framework: "DVCQ", number: 2 },
      lead: [TP_HT],
      support: [VP_TK, TC_KT],
    });
  });

  it("reads the same block unaccented, with markdown residue and plain hyphens", () => {
    const noisy = [
      "2.1. Tieu chi 1: Cong tac trien khai, quan triet cac van ban ve cong tac dan van",
      "- Xay dung ke hoach thuc hien cong tac dan van hang nam.",
      "+ *Chu tri tham muu:* Cong chuc Van phong - Thong ke.",
      "- + *Phoi hop*: Khoi van thi tran.",
      "+ Thoi gian thuc hien: Thuong xuyen (*cham nhat truoc ngay 01/11/2025*)",
    ].join("\n\n");
    const [task, ...rest] = extractTasks(docFromText(noisy));
    expect(rest).toHaveLength(0);
    expect(task).toMatchObject({
      criterion: { framework: "DVCQ", number: 1 },
      lead: [VP_TK],
      support: ["Khối vận"],
      deadline: { kind: "by_date", date: "2025-11-01" },
    });
  });

  it("reads a deduction's remedy: who is responsible, and who helps from the remedy's sentence", () => {
    const text = [
      "(2) Tiêu chí 2, nội dung 2: Thực hiện tốt công tác phòng, chống tham nhũng, lãng phí, thực hành tiết kiệm.",
      "Bị trừ 2,00 điểm; Lý do: có công chức vi phạm bị xử lý kỷ luật với hình thức cảnh cáo",
      "- Xác định trách nhiệm và hướng khắc phục năm 2025:",
      "+ Trách nhiệm chủ trì tham mưu: Công chức Tư pháp – Hộ tịch.",
      "+ Hướng khắc phục: Giao công chức Tư pháp – Hộ tịch tham mưu, phối hợp với công chức Tài chính - Kế toán, Văn phòng – Thống kê xây dựng kế hoạch thực hiện công tác phòng, chống tham nhũng, tiêu cực trong năm.",
    ].join("\n\n");
    const [task, ...rest] = extractTasks(docFromText(text));
    expect(rest).toHaveLength(0);
    expect(task?.text.startsWith("Giao công chức Tư pháp – Hộ tịch tham mưu")).toBe(true);
    expect(task).toMatchObject({
      criterion: { framework: "DVCQ", number: 2 },
      lead: [TP_HT],
      support: [TC_KT, VP_TK],
      deadline: null,
    });
  });

  it("reads Bắc Ninh's blocks, also with a label broken across lines", () => {
    for (const label of ["Đơn vị chủ trì tham mưu thực hiện:", "Đơn vị chủ trì tham mưu thực\nhiện:"]) {
      const text = [
        "7. Đẩy mạnh chuyển đổi số, ứng dụng công nghệ thông tin trong công tác xây dựng pháp luật",
        "- Ra mắt AI pháp luật hỗ trợ cho cán bộ, công chức, viên chức trên địa bàn tỉnh.",
        `${label} Sở Khoa học và Công nghệ.`,
        "Đơn vị phối hợp thực hiện: Sở Tư pháp.",
        "Thời gian thực hiện: Tháng 12/2025.",
      ].join("\n\n");
      const [task, ...rest] = extractTasks(docFromText(text));
      expect(rest).toHaveLength(0);
      expect(task).toMatchObject({
        lead: ["Sở Khoa học và Công nghệ"],
        support: ["Sở Tư pháp"],
        deadline: { kind: "month", date: "2025-12-31", text: "Tháng 12/2025" },
      });
      expect(task?.text).toContain("Ra mắt AI pháp luật");
    }
  });

  it("reads Lai Châu's blocks: 'Cơ quan thực hiện' leads when nobody 'chủ trì'", () => {
    const text = [
      "1. Các cơ quan, đơn vị tổ chức tuyên truyền, phổ biến, giáo dục pháp luật về nội dung Luật.",
      "- Cơ quan thực hiện: Sở Khoa học và Công nghệ; Sở Tư pháp; Sở Văn hóa, Thể thao và Du lịch và các sở, ngành có liên quan.",
      "- Cơ quan phối hợp: Các sở, ngành; Ủy ban nhân dân các xã, phường.",
      "- Thời gian thực hiện: Quý IV năm 2025 và các năm tiếp theo.",
    ].join("\n\n");
    const [task] = extractTasks(docFromText(text));
    expect(task?.lead).toEqual(["Sở Khoa học và Công nghệ", "Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch"]);
    expect(task?.support).toEqual(["Các sở, ban, ngành", "UBND các xã, phường"]);
    expect(task?.deadline).toMatchObject({ kind: "quarter", date: "2025-12-31" });
  });
});

describe("tasks from sentences and role sections", () => {
  it("reads 'Giao X chủ trì, phối hợp với Y …' (corpus 003's letter)", () => {
    const text =
      "Giao Cơ quan Tổ chức - Nội vụ chủ trì, phối hợp với UBND các xã, phường và các cơ quan, đơn vị liên quan " +
      "tham mưu UBND thị xã triển khai thực hiện các nội dung chỉ đạo tại Kế hoạch số 53/KH-UBND ngày 23/3/2022.";
    const [task, ...rest] = extractTasks(docFromText(text));
    expect(rest).toHaveLength(0);
    expect(task).toMatchObject({
      lead: ["Cơ quan Tổ chức - Nội vụ"],
      support: ["UBND các xã, phường"],
      deadline: null,
    });
  });

  it("reads 'X chủ trì, phối hợp với Y' unaccented, and not a sentence whose subject is no role", () => {
    const text =
      "So Tai chinh chu tri, phoi hop voi UBND cap xa bo tri kinh phi thuc hien Ke hoach.\n\n" +
      "Số liệu thống kê chủ trì bởi phần mềm được cập nhật hằng tháng.";
    const tasks = extractTasks(docFromText(text));
    expect(tasks.map((t) => [t.lead, t.support])).toEqual([[["Sở Tài chính"], ["UBND cấp xã"]]]);
  });

  it("reads each paragraph under a role heading of the 'Tổ chức thực hiện' section as that role's task", () => {
    const body = [
      "3. Thanh tra tỉnh",
      "Phối hợp các cơ quan có liên quan tham mưu Ủy ban nhân dân tỉnh xây dựng Quy chế đối thoại trực tiếp.",
      "Theo dõi, kiểm tra, đôn đốc việc thực hiện nội dung nâng cao hiệu quả công tác tiếp dân; báo cáo trước ngày 15/11/2022.",
      "4. Sở Lao động, Thương binh và Xã hội",
      "Chủ trì, phối hợp với Liên đoàn Lao động tỉnh tiếp tục tuyên truyền, phổ biến Nghị định 145/2020/NĐ-CP.",
    ];
    const tasks = extractTasks(docFromText(["III. Tổ chức thực hiện", ...body].join("\n\n")));
    expect(tasks.map((t) => [t.lead, t.support, t.deadline?.date ?? null])).toEqual([
      [["Thanh tra tỉnh"], ["Các cơ quan có liên quan"], null],
      [["Thanh tra tỉnh"], [], "2022-11-15"],
      [["Sở Lao động – Thương binh và Xã hội"], ["Liên đoàn Lao động tỉnh"], null],
    ]);
    // The same lines under a section that assigns nothing are not tasks.
    expect(extractTasks(docFromText(["I. Mục đích, yêu cầu", ...body.slice(0, 3)].join("\n\n")))).toEqual([]);
  });
});

describe("tasks from task tables", () => {
  const header =
    "TT\tChỉ số nội dung\tNội dung thành phần\tNhiệm vụ\tKết quả\tĐơn vị chủ trì\tĐơn vị thực hiện\tThời gian thực hiện";
  const table = [
    header,
    "1\tTham gia của người dân\tc) Chất lượng bầu cử trưởng thôn, tổ trưởng dân phố\t- Tham gia các lớp bồi dưỡng nghiệp vụ về quy chế dân chủ ở cơ sở.\t- Các kế hoạch, công văn, hướng dẫn triển khai; - 100% thôn, tổ dân phố thực hiện đúng quy định.\tLãnh đạo UBND\tỦy ban MTTQ phối hợp; Văn phòng UBND\tKhi có cuộc bầu cử trưởng thôn, tổ trưởng dân phố",
    "",
    header,
    "\t\t\t- Tổ chức bầu trưởng thôn, tổ trưởng dân phố đảm bảo công khai, minh bạch.\t-\t\t\t",
    "2\tViệc thực hiện dân chủ trong hoạt động của UBND thị trấn\ta) Ban hành nội quy, quy chế\tBan hành Quy chế làm việc của UBND thị trấn\tQuyết định ban hành quy chế\tUBND thị trấn\t\t",
    "4\t\ta) Tương tác với chính quyền\t- Tổ chức đối thoại giữa Chủ tịch UBND với Mặt trận Tổ quốc.\t- UBND tổ chức ít nhất 2 lần/năm.\tUBND\tCán bộ, công chức UBND\tThường xuyên",
    "\tTrách nhiệm giải trình với người dân\tb) Giải quyết khiếu nại, tố cáo\t- Xây dựng và triển khai kế hoạch tự kiểm tra hàng năm.\t- Báo cáo kết quả công tác giải quyết khiếu nại tố cáo.\tLãnh đạo UBND\tCác cán bộ, công chức chuyên môn\tThường xuyên",
    "\t\t\t- Tăng cường kiểm tra các cơ sở giáo dục tiểu học công lập.\t- Tổ chức tự kiểm tra\tLãnh đạo UBND\tCác nhà trường trên địa bàn\tQuý II, III năm 2024",
  ].join("\n");

  it("reads one task per row, merging a row carried over a page break", () => {
    const tasks = extractTasks(docFromText(`Kế hoạch nâng cao Chỉ số PAPI\n\n${table}`));
    expect(tasks).toHaveLength(5);
    const [first] = tasks;
    expect(first?.text).toBe(
      "- Tham gia các lớp bồi dưỡng nghiệp vụ về quy chế dân chủ ở cơ sở. - Tổ chức bầu trưởng thôn, tổ trưởng dân phố đảm bảo công khai, minh bạch.",
    );
    expect(first).toMatchObject({
      criterion: { framework: "PAPI", number: 1 },
      lead: ["Lãnh đạo UBND"],
      support: ["Ủy ban MTTQ Việt Nam", "Văn phòng UBND"],
      outputs: [
        "Các kế hoạch, công văn, hướng dẫn triển khai",
        "100% thôn, tổ dân phố thực hiện đúng quy định",
      ],
      deadline: { kind: "event", date: null },
    });
  });

  it("takes the PAPI dimension from the group's title, wherever in the group it is written", () => {
    const tasks = extractTasks(docFromText(`Kế hoạch nâng cao Chỉ số PAPI\n\n${table}`));
    // Row 2 is the plan's own entry, not a PAPI dimension; entry 4's title is on its second row.
    expect(tasks.map((t) => t.criterion)).toEqual([
      { framework: "PAPI", number: 1 },
      { framework: "PAPI", number: null },
      { framework: "PAPI", number: 3 },
      { framework: "PAPI", number: 3 },
      { framework: "PAPI", number: 3 },
    ]);
    expect(tasks[4]).toMatchObject({
      lead: ["Lãnh đạo UBND"],
      support: ["Các nhà trường trên địa bàn"],
      deadline: { kind: "quarter", date: "2024-09-30" },
    });
  });
});

describe("tasks from a DVCQ task table", () => {
  it("takes the criterion from 'Tiêu chí N' in the title, continued under a merged cell", () => {
    const text = [
      "Nam Định, ngày 02 tháng 01 năm 2025",
      "",
      "TT\tTiêu chí\tNhiệm vụ, giải pháp\tĐơn vị chủ trì\tThời gian",
      "1\tTiêu chí 3: Cải cách hành chính\tRà soát thủ tục hành chính\tVP-TK\tThường xuyên",
      "2\t\tNiêm yết công khai thủ tục hành chính\tBộ phận một cửa\tQuý I",
      "3\tNội dung khác\tTổ chức hội nghị\tCông chức Tư pháp - Hộ tịch\t6 tháng đầu năm 2025",
    ].join("\n");
    const tasks = extractTasks(docFromText(text));
    expect(tasks.map((t) => [t.criterion?.number ?? null, t.lead, t.deadline?.date ?? null])).toEqual([
      [3, [VP_TK], null],
      [3, ["Bộ phận Một cửa"], "2025-03-31"],
      [null, [TP_HT], "2025-06-30"],
    ]);
  });
});

describe("tasks: robustness", () => {
  it("invents no task from the garbled OCR excerpt", () => {
    for (const doc of normalised("more/ocr_garbled_excerpt.txt")) expect(extractTasks(doc)).toEqual([]);
  });

  it("never throws out of the extractor", () => {
    const run = tasksExtractor.run({ ...docFromText("x"), folded: undefined as unknown as string });
    expect(run.value).toEqual([]);
    expect(run.messages[0]).toMatchObject({ severity: "error", rule: "tasks" });
  });
});

describe("tasks over the corpus (through the normaliser)", () => {
  it("Ba Tơ 2025: a task with lead and deadline for every tiêu chí 1–10, every named lead found", () => {
    const [doc] = normalised("000_e4db89253d0a1edd.txt");
    if (!doc) throw new Error("no document");
    const tasks = extractTasks(doc);
    const planned = tasks.filter((t) => t.deadline?.date === "2025-11-01" && t.criterion !== null);
    expect(planned).toHaveLength(21);
    expect(new Set(planned.map((t) => t.criterion?.number))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    );
    for (const t of planned) expect(t.lead.length).toBeGreaterThan(0);
    // Every vocabulary role named in a "Chủ trì tham mưu" slot of part III leads some task.
    const partIII = doc.text.slice(doc.text.indexOf("III. Nhiệm vụ"), doc.text.indexOf("IV. Tổ chức"));
    const named = [...partIII.matchAll(/chủ trì tham mưu\s*:\s*([^\n]+)/gi)].flatMap((m) =>
      (m[1] ?? "").split(/[,;]/).map(canonicalRole).filter(isVocabRoleName),
    );
    const leads = new Set(planned.flatMap((t) => t.lead));
    expect(named.length).toBeGreaterThan(20);
    for (const name of named) expect(leads).toContain(name);
    // The remedies of the six deductions (part II) are tasks of their criteria too.
    const remedies = tasks.filter((t) => t.text.startsWith("Giao công chức"));
    expect(remedies.map((t) => t.criterion?.number)).toEqual([2, 2, 3, 5, 6, 6]);
  });

  it("Như Quỳnh 2024: one task per appendix row, under the eight PAPI dimensions", () => {
    const [doc] = normalised("002_90d18914c045a6d4.txt");
    if (!doc) throw new Error("no document");
    const table = extractTasks(doc).filter((t) => t.criterion?.framework === "PAPI");
    expect(table.length).toBeGreaterThanOrEqual(25);
    expect(new Set(table.map((t) => t.criterion?.number).filter((n) => n !== null))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7, 8]),
    );
    for (const t of table) expect(t.lead.length).toBeGreaterThan(0);
    expect(table.filter((t) => t.outputs.length > 0).length).toBeGreaterThanOrEqual(25);
    expect(table.some((t) => t.deadline?.kind === "quarter" && t.deadline.date === "2024-09-30")).toBe(true);
  });

  it("Đức Phổ 2022: the letter's one assignment, and the plan's tasks by agency", () => {
    const [letter, plan] = normalised("003_6cafff568a66f664.txt");
    if (!letter || !plan) throw new Error("expected two documents");
    expect(extractTasks(letter).map((t) => [t.lead, t.support])).toEqual([
      [["Cơ quan Tổ chức - Nội vụ"], ["UBND các xã, phường"]],
    ]);
    const tasks = extractTasks(plan);
    const byLead = (name: string) => tasks.filter((t) => t.lead.includes(name)).length;
    expect(byLead("Thanh tra tỉnh")).toBe(3);
    expect(byLead("Sở Nội vụ")).toBeGreaterThanOrEqual(5);
    expect(byLead("Sở Tài chính")).toBe(1);
    const dated = tasks.filter((t) => t.deadline?.date);
    expect(dated.map((t) => t.deadline?.date)).toEqual(
      expect.arrayContaining(["2022-03-30", "2022-06-15", "2022-04-01", "2022-11-01"]),
    );
  });
});

describe("other provinces' task wordings", () => {
  const read = (lines: string[]) =>
    extractTasks(docFromText(lines.join("\n"))).map((t) => ({
      text: t.text.split(" ").slice(0, 5).join(" "),
      lead: t.lead,
      support: t.support,
      criterion: t.criterion?.number ?? null,
    }));

  it("reads 'Đối với Tiêu chí N: Giao X chủ trì, phối hợp với Y …' with its criterion, and a role as topic", () => {
    expect(
      read([
        "III. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC",
        "1. Đối với Tiêu chí 3: Giao công chức Văn phòng – Thống kê chủ trì, phối hợp với Bộ phận Một cửa rà soát quy trình.",
        "2. Đối với Tiêu chí 10: Công chức Tư pháp – Hộ tịch tham mưu gửi báo cáo đúng hạn. Thời gian: Thường xuyên.",
        "3. Đối với công chức Tài chính – Kế toán: công khai dự toán ngân sách xã.",
      ]),
    ).toEqual([
      { text: "Đối với Tiêu chí 3:", lead: [VP_TK], support: ["Bộ phận Một cửa"], criterion: 3 },
      { text: "Đối với Tiêu chí 10:", lead: [TP_HT], support: [], criterion: 10 },
      { text: "Đối với công chức Tài", lead: [TC_KT], support: [], criterion: null },
    ]);
  });

  it("does not read a criterion's heading as an assignment ('Tiêu chí 2, nội dung 1: Ban hành văn bản …')", () => {
    expect(
      read([
        "II. CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM",
        "(1) Tiêu chí 2, nội dung 1: Ban hành văn bản triển khai nhiệm vụ chính trị hằng năm.",
        "(2) Tiêu chí 6, nội dung 2: Cán bộ, công chức thực hiện tốt chuẩn mực đạo đức.",
      ]),
    ).toEqual([]);
  });

  it("does not let a heading in capitals swallow the sentence below it (text without blank lines)", () => {
    expect(
      read([
        "IV. TỔ CHỨC THỰC HIỆN",
        "Công chức Văn phòng – Thống kê theo dõi, đôn đốc việc thực hiện Kế hoạch.",
      ]),
    ).toEqual([{ text: "Công chức Văn phòng –", lead: [VP_TK], support: [], criterion: null }]);
  });

  it("reads lead columns worded 'Người chịu trách nhiệm' / 'Bộ phận phụ trách', and never a data row as a header", () => {
    expect(
      read([
        "STT\tNội dung công việc\tNgười chịu trách nhiệm\tThời hạn",
        "1\tCập nhật hồ sơ\tCông chức Văn phòng - Thống kê\tHằng quý",
        "II. CÁC NỘI DUNG BỊ TRỪ ĐIỂM",
        "TT\tTiêu chí\tNội dung\tĐiểm chuẩn\tĐiểm trừ\tNguyên nhân",
        "1\tTiêu chí 9\tNội dung 2: Đối thoại với Nhân dân\t2\t0,5\tChưa đối thoại đúng thời gian quy định",
      ]),
    ).toEqual([{ text: "Cập nhật hồ sơ", lead: [VP_TK], support: [], criterion: null }]);
    // The deduction table's data row names "thời gian" but is no header: no task comes from it.
  });
});
