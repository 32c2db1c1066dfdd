import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { criteriaExtractor, dvcqCriterionRefs, extractCriteria } from "../extractors/criteria.js";
import { approxFind } from "../extractors/criteria-papi.js";
import { docFromText } from "../extractors/test-doc.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";

/** Strips Vietnamese diacritics, as unaccented OCR or typing gives them. */
const unaccent = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

const key = (c: { framework: string; number: number | null; sub?: number | null }) =>
  `${c.framework} ${c.number}${c.sub ? `.${c.sub}` : ""}`;

// Corpus 000 (Ba Tơ), II.2.2 and III.2, markdown residue removed.
const BA_TO = [
  "Kế hoạch khắc phục, cải thiện và nâng cao chỉ số dân vận chính quyền (DVCQ) của thị trấn năm 2025.",
  "2.2. Các chỉ tiêu, tiêu chí thành phần bị trừ điểm",
  "(1) Tiêu chí 2, nội dung 1: Ban hành văn bản triển khai, thực hiện hiệu quả nhiệm vụ chính trị hằng năm; quản lý chặt chẽ các tổ chức, đơn vị thuộc cơ quan, đơn vị (nếu có); không để xảy ra vi phạm các quy định của Đảng và Nhà nước.",
  "Bị trừ 3,00 điểm; Lý do: Có công chức, đảng viên xảy ra vi phạm bị xử lý kỷ luật từ hình thức khiển trách trở lên.",
  "(3) Tiêu chí 3, nội dung 3: Hàng năm, tổ chức kiểm tra nội bộ (hoặc rà soát, kiến nghị) để phát hiện những bất cập.",
  "2. Nhiệm vụ, giải pháp cụ thể",
  "2.1. Tiêu chí 1: Công tác triển khai, quán triệt các văn bản lãnh đạo, chỉ đạo, hướng dẫn về công tác dân vận của chính quyền",
  "2.2. Tiêu chí 2: Thực hiện nhiệm vụ chính trị",
  "2.3. Tiêu chí 3: Thực hiện công tác cải cách hành chính (CCHC)",
  "Như đã nêu tại Tiêu chí 2, nội dung 1, cần khắc phục ngay.",
].join("\n");

describe("DVCQ criteria", () => {
  it("reads number, content (sub) and title of each 'Tiêu chí N[, nội dung K]: …'", () => {
    const cs = extractCriteria(docFromText(BA_TO));
    expect(cs.map(key)).toEqual(["DVCQ 2.1", "DVCQ 3.3", "DVCQ 1", "DVCQ 2", "DVCQ 3"]);
    expect(cs[0]?.title).toMatch(/^Ban hành văn bản triển khai, .* Đảng và Nhà nước$/);
    expect(cs[3]?.title).toBe("Thực hiện nhiệm vụ chính trị");
    expect(cs[4]?.title).toBe("Thực hiện công tác cải cách hành chính (CCHC)");
  });

  it("keeps one entry per criterion: the first occurrence, whose evidence is the exact text", () => {
    const doc = docFromText(BA_TO);
    const cs = extractCriteria(doc);
    const first = cs.find((c) => c.number === 2 && c.sub === 1);
    expect(first?.evidence.text.startsWith("Tiêu chí 2, nội dung 1: Ban hành")).toBe(true);
    for (const c of cs) expect(doc.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
  });

  it("reads unaccented and variously punctuated references", () => {
    const text = unaccent(
      "Cong tac dan van chinh quyen.\nTieu chi so 5 - noi dung 2: Giai quyet kip thoi don thu.\nTIEU CHI 6: Dao duc cong vu",
    );
    const cs = extractCriteria(docFromText(text));
    expect(cs.map(key)).toEqual(["DVCQ 5.2", "DVCQ 6"]);
    expect(cs[1]?.title).toBe("Dao duc cong vu");
  });

  it("does not read a number that runs into a date or a document number", () => {
    expect(dvcqCriterionRefs(docFromText("theo tiêu chí 2/2022 của dân vận"))).toEqual([]);
  });

  it("ignores 'Tiêu chí N' in documents that are not about dân vận (e.g. nông thôn mới)", () => {
    expect(extractCriteria(docFromText("Hoàn thành Tiêu chí 17 về môi trường trong năm 2025."))).toEqual([]);
  });

  it("reads a rubric's numbered criteria with their maximum points, not the bonus and deduction items", () => {
    const rubric = [
      "Quy định tiêu chí đánh giá, xếp loại công tác dân vận.",
      "Điều 4. Tiêu chí đánh giá và thang điểm",
      "1. Công tác tổ chức và cụ thể hóa các văn bản về công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở (10 điểm).",
      "2. Công tác tham mưu, tổ chức thực hiện công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở (90 điểm).",
      "3. Điểm thưởng: Tối đa (03 điểm).",
      "4. Điểm trừ: Tối đa (03 điểm).",
      "(Đính kèm Phụ lục II).",
    ].join("\n");
    const cs = extractCriteria(docFromText(rubric));
    expect(cs.map(key)).toEqual(["DVCQ 1", "DVCQ 2"]);
    expect(cs[1]?.title).toBe(
      "Công tác tham mưu, tổ chức thực hiện công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở",
    );
  });
});

// Corpus 002 (Như Quỳnh PAPI plan): headings of II.1 and rows of the appendix table.
const PAPI_PLAN = [
  "Nâng cao Chỉ số Hiệu quả quản trị và hành chính công (PAPI) thị trấn Như Quỳnh năm 2024",
  "Ủy ban nhân dân thị trấn Như Quỳnh phân đấu Chỉ số PAPI năm 2024 ở vị trí tốp đầu của huyện.",
  "1.1. Nội dung “Tham gia của người dân ở cấp cơ sở”",
  "a) Triển khai thực hiện tốt các văn bản hướng dẫn về bầu cử.",
  "1.2. Nội dung “Công khai, minh bạch trong hoạch định chính sách”",
  "1.6. Nội dung “Cung ứng dịch vụ công”",
  "b) Cải thiện chất lượng giáo dục, nhất là giáo dục tiểu học công lập",
  "Cải thiện chỉ số hài lòng của người dân; nâng cao Chỉ số Quản trị môi trường của thị trấn.",
  "TT\tChỉ số nội dung\tNội dung thành phần\tNhiệm vụ\tKết quả",
  "1\tTham gia của người dân\ta) Tri thức công dân\tTriển khai\tCác kế hoạch",
  "\t\tb) Cơ hội tham gia\tTriển khai\tCác hình thức tuyên truyền",
  "2\tViệc thực hiện dân chủ trong hoạt động của UBND thị trấn\ta) Ban hành nội quy, quy chế của UBND thị trấn\tBan hành\tQuyết định",
  "\t\tb) Công khai những việc để cán bộ, công chức biết theo quy định của pháp luật\tCông khai\tThông báo",
  "4\t\ta) Tương tác với chính quyền\tPhối hợp\t- Chỉ số hài lòng của người dân đạt mức 90% trở lên",
  "\tTrách nhiệm giải trình với người dân\tb) Giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh\tXây dựng\tBáo cáo",
  "5\tKiểm soát tham nhũng trong khu vực công\tb) Kiểm soát tham nhũng trong cung ứng dịch vụ công Y tế, Giáo dục\tTăng cường\tTự kiểm tra",
  "6\tThủ tục hành chính công\ta) Dịch vụ chứng thực, xác nhận của chính quyền b) Dịch vụ cấp GCN quyền sử dụng đất\tTriển khai\tBộ phận Một cửa",
  "8\tQuản trị môi trường\tb) Chất lượng nước, chất lượng không khí\tTriển khai\tCác chương trình",
].join("\n");

describe("PAPI criteria", () => {
  const cs = extractCriteria(docFromText(PAPI_PLAN));

  it("maps headings, 'Chỉ số …' mentions and the appendix table to PAPI numbers via the vocabulary", () => {
    expect(cs.map(key)).toEqual([
      "PAPI 1",
      "PAPI 2",
      "PAPI 6",
      "PAPI 7",
      "PAPI 1.1",
      "PAPI 1.2",
      "PAPI 3.1",
      "PAPI 3",
      "PAPI 3.2",
      "PAPI 4",
      "PAPI 4.2",
      "PAPI 5",
      "PAPI 5.1",
      "PAPI 5.2",
      "PAPI 7.2",
      "PAPI 7.3",
    ]);
  });

  it("keeps the document's own wording as the title", () => {
    expect(cs.find((c) => key(c) === "PAPI 2")?.title).toBe(
      "Công khai, minh bạch trong hoạch định chính sách",
    );
    expect(cs.find((c) => key(c) === "PAPI 1.1")?.title).toBe("Tri thức công dân");
    expect(cs.find((c) => key(c) === "PAPI 7")?.title).toBe("Quản trị môi trường");
  });

  it("numbers by the vocabulary, not by the table's own row numbers, and skips non-PAPI rows", () => {
    // Row "2 Việc thực hiện dân chủ …" is not a PAPI dimension: neither it nor its sub-rows are emitted.
    expect(cs.some((c) => /dân chủ|nội quy/.test(c.title ?? ""))).toBe(false);
    // "Y tế" inside 4.2's cell is not sub-dimension 6.1.
    expect(cs.some((c) => key(c) === "PAPI 6.1")).toBe(false);
  });

  it("does not emit a criterion for passing mentions ('Chỉ số PAPI', 'chỉ số hài lòng')", () => {
    expect(cs.filter((c) => c.number === null)).toEqual([]);
    expect(cs.some((c) => /PAPI|hài lòng/.test(c.title ?? ""))).toBe(false);
  });

  it("survives split syllables, glued words and a wrong letter (OCR)", () => {
    const noisy = [
      "Kế hoạch nâng cao chỉ số PAPI năm 2024",
      "1.3. Nội dung “Trách nhi ệm gi ải trình với người dân”",
      "1.4. Nội dung “Kiểmsoát thamnhũng trong khu vực công”",
      "1.8. Nội dung “Quản trị điện tứ”",
    ].join("\n");
    expect(extractCriteria(docFromText(noisy)).map(key)).toEqual(["PAPI 3", "PAPI 4", "PAPI 8"]);
  });

  it("looks for PAPI names only in documents about PAPI", () => {
    expect(extractCriteria(docFromText("1.5. Thủ tục hành chính công\nCông tác dân vận."))).toEqual([]);
  });
});

describe("approxFind", () => {
  it("finds a needle with up to the allowed number of edits", () => {
    expect(approxFind("noidungquantridientu", "quantridientu", 0)).toEqual({ start: 7, end: 20 });
    expect(approxFind("quantridienxu", "quantridientu", 1)?.start).toBe(0);
    expect(approxFind("quantridxxxtu", "quantridientu", 1)).toBeNull();
  });
});

describe("criteria over whole documents", () => {
  it("yields nothing from the garbled OCR excerpt", () => {
    const text = readFileSync("fixtures/corpus/more/ocr_garbled_excerpt.txt", "utf8");
    expect(criteriaExtractor.run(docFromText(text.normalize("NFC"))).value).toEqual([]);
  });
});

describe("end to end through the normaliser", () => {
  const normalised = (name: string) => {
    const raw = readFileSync(`fixtures/corpus/${name}`, "utf8");
    const { documents } = normaliseFile(buildRawText([{ page: 1, text: raw }]));
    return documents;
  };

  it("finds the ten DVCQ criteria and the six deducted contents of the Ba Tơ plan (corpus 000)", () => {
    const [doc] = normalised("000_e4db89253d0a1edd.txt");
    const cs = extractCriteria(doc as NormalisedDocument);
    expect(cs.filter((c) => !c.sub).map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(cs.filter((c) => c.sub).map(key)).toEqual([
      "DVCQ 2.1",
      "DVCQ 2.2",
      "DVCQ 3.3",
      "DVCQ 5.2",
      "DVCQ 6.2",
      "DVCQ 6.4",
    ]);
    expect(cs.every((c) => c.framework === "DVCQ" && c.title)).toBe(true);
  });

  it("finds the eight PAPI dimensions and the sub-dimensions of the appendix (corpus 002)", () => {
    const [doc] = normalised("002_90d18914c045a6d4.txt");
    const cs = extractCriteria(doc as NormalisedDocument);
    expect(cs.filter((c) => !c.sub).map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const subs = cs.filter((c) => c.sub).map(key);
    // The appendix names 27 of the 28 sub-dimensions: 4.3 is absent; 7.2 and 7.3 share one cell.
    expect(subs).toHaveLength(27);
    expect(subs).not.toContain("PAPI 4.3");
    expect(cs.every((c) => c.framework === "PAPI")).toBe(true);
  });

  it("finds no criterion in documents that name none (corpus 001, 003, 004, Lai Châu, Bắc Ninh)", () => {
    for (const name of [
      "001_588ab9feba8899da.txt",
      "003_6cafff568a66f664.txt",
      "004_bde61b360d837a63.txt",
      "more/laichau_7360-KH-UBND_2025_plan.md",
      "more/bacninh_141-KH-UBND_2025_plan.md",
    ]) {
      for (const doc of normalised(name)) expect(extractCriteria(doc)).toEqual([]);
    }
  });
});

describe("other provinces' wordings", () => {
  it("reads 'Nội dung K của Tiêu chí N' and OCR's 'Tieu chi l0', and takes no deduction or assignment for a title", () => {
    const text = [
      "Kế hoạch khắc phục công tác dân vận chính quyền",
      "5. Nội dung 2 của Tiêu chí 7: bị trừ 0,25 điểm vì chưa tổ chức đối thoại.",
      "3. Bi tru 0.5 diem do cham bao cao (Tieu chi l0).",
      "1. Đối với Tiêu chí 3: Giao công chức Văn phòng – Thống kê chủ trì rà soát quy trình.",
    ].join("\n");
    const cs = extractCriteria(docFromText(text));
    expect(cs.map(key)).toEqual(["DVCQ 7.2", "DVCQ 10", "DVCQ 3"]);
    expect(cs.map((c) => c.title)).toEqual([null, null, null]);
  });

  it("reads the criteria a deduction table names by number ('3.2' in its criterion column)", () => {
    const text = [
      "Kế hoạch khắc phục công tác dân vận chính quyền",
      "STT\tTiêu chí/nội dung bị trừ điểm\tSố điểm bị trừ\tNguyên nhân",
      "1\t3.2\t1,5\tHồ sơ trực tuyến thấp",
      "2\t5.1\t2\tĐơn thư tồn đọng",
    ].join("\n");
    expect(extractCriteria(docFromText(text)).map(key)).toEqual(["DVCQ 3.2", "DVCQ 5.1"]);
  });

  it("maps PAPI headings with lead-in words ('Cải thiện …', 'Về …', 'Đẩy mạnh …') by the vocabulary", () => {
    const text = [
      "Kế hoạch nâng cao Chỉ số PAPI năm 2024",
      "1. Về trách nhiệm giải trình với người dân",
      "2. Cải thiện thủ tục hành chính công",
      "3. Đẩy mạnh quản trị điện tử",
      "4. Nâng cao chất lượng công tác tiếp công dân",
    ].join("\n");
    expect(extractCriteria(docFromText(text)).map(key)).toEqual(["PAPI 3", "PAPI 5", "PAPI 8"]);
  });
});
