import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disciplineExtractor, extractDiscipline } from "../extractors/discipline.js";
import { docFromText } from "../extractors/test-doc.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import type { Discipline } from "../schemas/index.js";

const unaccent = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

/** The facts of a snippet, without evidence: [subject, form, orAbove, year]. */
const brief = (d: Discipline) => [d.subject, d.form, d.orAbove, d.year];
const facts = (text: string) => extractDiscipline(docFromText(text));
const briefs = (text: string) => facts(text).map(brief);

const normalised = (path: string) =>
  normaliseFile(buildRawText([{ page: 1, text: readFileSync(path, "utf8") }])).documents;

/** Real sentences of the corpus (stars of the markdown removed, as the normaliser does). */
const BA_TO_RESULT =
  "Năm 2024, điểm công tác dân vận của thị trấn xếp thứ 12/19 xã, thị trấn, đạt tổng số 83,50 điểm (điểm thị trấn tự chấm 97,50 điểm, huyện chấm đạt 89,50 điểm và bị trừ 06 điểm theo quy định tại điểm b, Khoản 2, Điều 6, QĐ 1211/QĐ-UBND ngày 02/11/2022 do có đảng viên và công chức bị xử lý kỷ luật với hình thức khiển trách và cảnh cáo); Xếp loại: Hoàn thành tốt.";
const BA_TO_REASON_1 =
  "Bị trừ 3,00 điểm; Lý do: Có công chức, đảng viên xảy ra vi phạm bị xử lý kỷ luật từ hình thức khiển trách trở lên.";
const BA_TO_REASON_2 =
  "Bị trừ 2,00 điểm; Lý do: có công chức vi phạm bị xử lý kỷ luật với hình thức cảnh cáo";
const BA_TO_REASON_6 =
  "Bị trừ 2,00 điểm. Lý do: Trong năm có 01 công chức bị xử lý kỷ luật với hình thức: cảnh cáo (và bị trừ 06 điểm theo điểm b, khoản 2, Điều 6, Quyết định số 1211/QĐ-UBND)";
const BA_TO_CRITERION_6_4 =
  "(6) Tiêu chí 6, nội dung 4: Cơ quan, đơn vị địa phương không có cán bộ, công chức, viên chức suy thoái về tư tưởng, chính trị, đạo đức, lối sống, vi phạm kỷ luật và bị xử lý kỷ luật từ hình thức khiển trách trở lên.";
const BA_TO_GOAL =
  "Giao công chức Văn phòng – Thống kê tham mưu xây dựng kế hoạch tăng cường kiểm tra việc thực thi công vụ; phân đầu không có cán bộ, công chức suy thoái về tư tưởng, chính trị, đạo đức, lối sống, vi phạm kỷ luật và bị xử lý kỷ luật từ hình thức khiển trách trở lên.";
const DIEN_DUONG =
  "Năm 2024, UBND phường tự chấm 97,00 điểm, Hội đồng thẩm định thị xã chấm 96,50 điểm; xếp loại: Hoàn thành tốt nhiệm vụ (do có lãnh đạo UBND phường bị xử lý kỷ luật khiển trách).";
const CAN_THO_DOWNGRADE_A =
  "a) Bị xử lý kỷ luật hình thức\n“Khiển trách” thì xếp loại cao nhất là hoàn thành tốt.";

describe("discipline: what the corpus states", () => {
  it("reads corpus 000 II.2.1: two subjects, two forms, pairing not stated → one fact per form", () => {
    const found = facts(BA_TO_RESULT);
    expect(found.map(brief)).toEqual([
      [null, "khien_trach", false, 2024],
      [null, "canh_cao", false, 2024],
    ]);
    expect(found.every((f) => f.subjects.join() === "party_member,official")).toBe(true);
    expect(found[0]?.evidence.text).toBe(
      "có đảng viên và công chức bị xử lý kỷ luật với hình thức khiển trách và cảnh cáo",
    );
  });

  it("reads the reasons of deductions: one form for two subjects applies to both; 'trở lên' is kept", () => {
    expect(briefs(BA_TO_REASON_1)).toEqual([
      ["official", "khien_trach", true, null],
      ["party_member", "khien_trach", true, null],
    ]);
    expect(briefs(BA_TO_REASON_2)).toEqual([["official", "canh_cao", false, null]]);
    const six = facts(BA_TO_REASON_6);
    expect(six.map(brief)).toEqual([["official", "canh_cao", false, null]]);
    expect(six[0]?.evidence.text).toBe("có 01 công chức bị xử lý kỷ luật với hình thức: cảnh cáo");
  });

  it("reads a leader's discipline in a plan and in results decisions", () => {
    expect(briefs(DIEN_DUONG)).toEqual([["leader", "khien_trach", false, 2024]]);
    expect(
      briefs(
        "4. Không hoàn thành nhiệm vụ (01 đơn vị): xã Hòa Phú (70,5 điểm, do có cán bộ lãnh đạo bị xử lý kỷ luật cách chức).",
      ),
    ).toEqual([["leader", "cach_chuc", false, null]]);
    expect(
      briefs(
        "5. Xã Cư Kty đạt tổng số 89 điểm (điểm thẩm định 92 điểm, bị trừ 03 điểm do có công chức bị xử lý kỷ luật khiển trách), xếp loại Hoàn thành tốt nhiệm vụ, xếp thứ 5/9.",
      ),
    ).toEqual([["official", "khien_trach", false, null]]);
    // A results table's remark names a leader without a form: the form stays unknown.
    const row = facts("6\tUBND xã Nga Tiến\t88,00\t72,50\t6\tKhông hoàn thành\tLãnh đạo bị kỷ luật");
    expect(row.map(brief)).toEqual([["leader", null, false, null]]);
    expect(row[0]?.evidence.text).toBe("Lãnh đạo bị kỷ luật");
  });

  it("reads the reason cell of a deductions table as something that happened", () => {
    // fixtures/tables/deductions/page.txt: the row says the unit lost 3 points because it had an
    // official disciplined; a rubric's row would instead give the penalty ("trừ 02 điểm").
    const table = readFileSync("fixtures/tables/deductions/page.txt", "utf8");
    expect(briefs(table)).toEqual([["official", "khien_trach", true, null]]);
    expect(
      briefs(
        "1\tTiêu chí 2\tNội dung 1: Ban hành văn bản triển khai nhiệm vụ chính trị\t3,00\tCó công chức bị kỷ luật khiển trách",
      ),
    ).toEqual([["official", "khien_trach", false, null]]);
    expect(briefs("3. Điểm trừ: 4,00 điểm do có công chức bị kỷ luật.")).toEqual([
      ["official", null, false, null],
    ]);
  });

  it("finds exactly these facts in corpus 000 run through the normaliser, with exact evidence", () => {
    const [doc] = normalised("fixtures/corpus/000_e4db89253d0a1edd.txt");
    if (!doc) throw new Error("corpus 000 gave no document");
    const found = extractDiscipline(doc);
    expect(found.map(brief)).toEqual([
      [null, "khien_trach", false, 2024],
      [null, "canh_cao", false, 2024],
      ["official", "khien_trach", true, null],
      ["party_member", "khien_trach", true, null],
      ["official", "canh_cao", false, null],
      ["official", "canh_cao", false, null],
    ]);
    for (const f of found) expect(doc.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
  });
});

describe("discipline: phrasings beyond the corpus", () => {
  it("reads a named leader, an active sentence, and two mentions in one clause", () => {
    expect(briefs("Năm 2024, đồng chí Nguyễn Văn A, Phó Chủ tịch UBND xã bị kỷ luật cảnh cáo.")).toEqual([
      ["leader", "canh_cao", false, 2024],
    ]);
    const active = facts(
      "UBND huyện đã thi hành kỷ luật cách chức đối với ông Trần Văn B, Chủ tịch UBND xã.",
    );
    expect(active.map(brief)).toEqual([["leader", "cach_chuc", false, null]]);
    expect(active[0]?.evidence.text).toBe("đã thi hành kỷ luật cách chức đối với ông Trần Văn B, Chủ tịch");
    expect(
      briefs("Trong năm 2023 có 01 đảng viên bị kỷ luật cảnh cáo và 01 công chức bị khiển trách."),
    ).toEqual([
      ["party_member", "canh_cao", false, 2023],
      ["official", "khien_trach", false, 2023],
    ]);
  });

  it("reads past a 'không' that belongs to the reason, not to the measure", () => {
    expect(briefs("Lý do: có công chức không chấp hành quy định nên bị xử lý kỷ luật cảnh cáo.")).toEqual([
      ["official", "canh_cao", false, null],
    ]);
    expect(briefs("Do không kê khai tài sản đúng hạn, có 01 công chức bị kỷ luật khiển trách.")).toEqual([
      ["official", "khien_trach", false, null],
    ]);
    expect(briefs("Trong năm, có 100% cán bộ, công chức không bị xử lý kỷ luật.")).toEqual([]);
  });

  it("pairs subjects and forms in order only when the sentence says 'lần lượt'", () => {
    expect(
      briefs("Có 01 đảng viên và 01 công chức bị kỷ luật lần lượt với hình thức khiển trách và cảnh cáo."),
    ).toEqual([
      ["party_member", "khien_trach", false, null],
      ["official", "canh_cao", false, null],
    ]);
  });

  it("tells the rubric's leaders from the chair of a mass organisation", () => {
    expect(briefs("Có 01 Chủ tịch Hội Nông dân xã bị kỷ luật khiển trách.")).toEqual([
      ["official", "khien_trach", false, null],
    ]);
    expect(briefs("Có Bí thư Đảng ủy xã bị kỷ luật khiển trách.")).toEqual([
      ["leader", "khien_trach", false, null],
    ]);
  });

  it("ignores a date of a cited decision when looking for the year", () => {
    expect(
      briefs("Có 01 công chức bị kỷ luật khiển trách theo Quyết định ngày 02 tháng 11 năm 2022."),
    ).toEqual([["official", "khien_trach", false, null]]);
  });
});

describe("discipline: active sentences, decisions and named agents", () => {
  it("reads an active 'đã (xem xét,) thi hành kỷ luật N …' with the subject after it", () => {
    expect(
      briefs(
        "Trong năm 2024, Ủy ban Kiểm tra Huyện ủy đã thi hành kỷ luật 05 đảng viên bằng hình thức cảnh cáo.",
      ),
    ).toEqual([["party_member", "canh_cao", false, 2024]]);
    expect(
      briefs("Chi bộ đã xem xét và quyết định thi hành kỷ luật 01 đảng viên với hình thức khiển trách."),
    ).toEqual([["party_member", "khien_trach", false, null]]);
    // The reason after "do" names people and a "không được" that belong to the violation.
    expect(
      briefs(
        "UBND phường đã xử lý kỷ luật 01 viên chức hình thức cảnh cáo do vi phạm những việc viên chức không được làm theo chỉ đạo của Chủ tịch UBND phường.",
      ),
    ).toEqual([["official", "canh_cao", false, null]]);
  });

  it("reads counts per form in a parenthesis after the clause", () => {
    const found = facts("Năm 2022, Đảng bộ đã thi hành kỷ luật 04 đảng viên (03 khiển trách, 01 cảnh cáo).");
    expect(found.map(brief)).toEqual([
      ["party_member", "khien_trach", false, 2022],
      ["party_member", "canh_cao", false, 2022],
    ]);
    expect(found[0]?.evidence.text).toBe("đã thi hành kỷ luật 04 đảng viên (03 khiển trách, 01 cảnh cáo)");
  });

  it("reads a decision about a named person, with the decision's own date as the year", () => {
    expect(
      briefs(
        "Căn cứ Quyết định số 88/QĐ-UBND ngày 03/4/2023 của Chủ tịch UBND huyện về việc thi hành kỷ luật đối với ông Hồ Văn Tư, Chủ tịch UBND xã, hình thức khiển trách.",
      ),
    ).toEqual([["leader", "khien_trach", false, 2023]]);
    expect(
      briefs(
        "Điều 1. Thi hành kỷ luật bằng hình thức cảnh cáo đối với bà Lê Thị Mai, viên chức Trạm Y tế xã.",
      ),
    ).toEqual([["official", "canh_cao", false, null]]);
    expect(
      briefs("QUYẾT ĐỊNH\nVề việc thi hành kỷ luật đối với ông Võ Văn Năm, Phó Giám đốc Trung tâm"),
    ).toEqual([["leader", null, false, null]]);
    // A date opening the sentence dates it; a legal basis's date does not.
    expect(
      briefs("Ngày 02/10/2024, UBND huyện đã thi hành kỷ luật khiển trách đối với 01 công chức."),
    ).toEqual([["official", "khien_trach", false, 2024]]);
    expect(
      briefs(
        "Căn cứ Nghị định số 112/2020/NĐ-CP ngày 18/9/2020, UBND xã đã xử lý kỷ luật 01 công chức hình thức khiển trách.",
      ),
    ).toEqual([["official", "khien_trach", false, null]]);
  });

  it("reads a passive sentence that names the agent between 'bị' and 'kỷ luật'", () => {
    expect(briefs("Năm 2024, 01 công chức bị Chủ tịch UBND huyện xử lý kỷ luật cảnh cáo.")).toEqual([
      ["official", "canh_cao", false, 2024],
    ]);
    expect(
      briefs(
        "Đồng chí Phan Văn Bảy, Phó Bí thư Đảng ủy xã bị Ủy ban Kiểm tra Huyện ủy thi hành kỷ luật khiển trách.",
      ),
    ).toEqual([["leader", "khien_trach", false, null]]);
  });

  it.each([
    [
      "a proposal",
      "Đề nghị UBND huyện xem xét, thi hành kỷ luật đối với ông Nguyễn Văn A, Chủ tịch UBND xã.",
    ],
    ["a pending review", "UBND xã đang xem xét, xử lý kỷ luật 02 công chức vi phạm."],
    ["a duty", "Cần xử lý kỷ luật 02 công chức vi phạm với hình thức khiển trách."],
    ["a negated active sentence", "Đảng ủy chưa xem xét, thi hành kỷ luật 02 đảng viên vi phạm."],
    ["a negated agent", "Không có đảng viên bị Ban Thường vụ Huyện ủy thi hành kỷ luật."],
    ["a topic, not a decision", "Ban hành Quy định về việc thi hành kỷ luật đảng viên vi phạm."],
    [
      "a decision not yet issued",
      "Chưa ban hành Quyết định về việc thi hành kỷ luật đối với ông Nguyễn Văn A.",
    ],
    [
      "a report's heading",
      "- Về việc xử lý kỷ luật đối với 02 công chức vi phạm: đề nghị UBND huyện xem xét.",
    ],
    ["a suspension pending review", "Ông Lê Văn C bị tạm đình chỉ công tác để xem xét xử lý kỷ luật."],
    [
      "a rule with an agent",
      "Trường hợp cán bộ bị cấp có thẩm quyền xử lý kỷ luật từ hình thức khiển trách trở lên thì không xét thi đua.",
    ],
  ])("%s is no fact", (_label, text) => {
    expect(facts(text)).toEqual([]);
    expect(facts(unaccent(text))).toEqual([]);
  });
});

describe("discipline: OCR noise", () => {
  it("reads the unaccented variants the same", () => {
    for (const s of [BA_TO_RESULT, BA_TO_REASON_1, BA_TO_REASON_6, DIEN_DUONG]) {
      expect(briefs(unaccent(s)), unaccent(s)).toEqual(briefs(s));
    }
    expect(
      briefs(
        "Nam 2024, UBND phuong tu cham 97.00 diem, Hoi dong tham dinh thi xa cham 96.50 diem; xep loai: Hoan thanh tot nhiem vu (do co lanh dao UBND phuong bi xu ly ky luat khien trach).",
      ),
    ).toEqual([["leader", "khien_trach", false, 2024]]);
  });

  it("reads glued and split words", () => {
    expect(briefs("Lý do: có côngchức vi phạm bịxử lý kỷluật với hình thức cảnhcáo")).toEqual([
      ["official", "canh_cao", false, null],
    ]);
    expect(briefs("Lý do: có công chức bị xử lý kỷ lu ật với hình thức khiển trách")).toEqual([
      ["official", "khien_trach", false, null],
    ]);
    // OCR reads the "l" of "luật" as a capital "I".
    expect(briefs("Lý do: có 01 đảng viên bị kỷ Iuật cảnh cáo")).toEqual([
      ["party_member", "canh_cao", false, null],
    ]);
  });

  it("finds nothing in the garbled OCR excerpt", () => {
    expect(
      extractDiscipline(docFromText(readFileSync("fixtures/corpus/more/ocr_garbled_excerpt.txt", "utf8"))),
    ).toEqual([]);
  });
});

describe("discipline: goals, rules and negations are not facts", () => {
  it.each([
    ["a criterion negated", BA_TO_CRITERION_6_4],
    ["a plan's goal (corpus 000, typo 'phân đầu')", BA_TO_GOAL],
    ["a goal", "Phấn đấu trong năm 2025 không có cán bộ, công chức bị xử lý kỷ luật."],
    ["the rubric's downgrade", CAN_THO_DOWNGRADE_A],
    ["a condition", "Nếu có cán bộ bị kỷ luật khiển trách thì không xét thi đua."],
    [
      "a rubric's penalty row",
      "- Có công chức bị xử lý kỷ luật từ hình thức khiển trách trở lên: trừ 02 điểm",
    ],
    ["a count of zero", "Trong năm có 0 công chức bị kỷ luật khiển trách."],
    ["a possibility", "Cán bộ vi phạm có thể bị kỷ luật cảnh cáo."],
    ["a task", "Kiên quyết xử lý kỷ luật nghiêm các cán bộ, công chức vi phạm."],
    [
      "the rubric's automatic fail",
      "hoặc cán bộ, công chức, viên chức giữ chức vụ lãnh đạo quản lý bị xử lý kỷ luật từ hình thức “Cách chức” trở lên;",
    ],
    [
      "a generic rule without any sign it happened",
      "Cán bộ, công chức bị xử lý kỷ luật từ hình thức khiển trách trở lên.",
    ],
  ])("%s", (_label, text) => {
    expect(facts(text)).toEqual([]);
    expect(facts(unaccent(text))).toEqual([]);
  });

  it("finds nothing in the Cần Thơ rubric nor in the files that state no discipline", () => {
    const dir = "fixtures/corpus";
    const files = [
      ...readdirSync(dir).filter((f) => /^00[1-4]_/.test(f)),
      ...readdirSync(join(dir, "more")).map((f) => join("more", f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const f of files) {
      for (const doc of normalised(join(dir, f))) expect(extractDiscipline(doc), f).toEqual([]);
    }
  });

  it("never throws through the extractor wrapper", () => {
    expect(disciplineExtractor.run(docFromText("")).value).toEqual([]);
  });
});
