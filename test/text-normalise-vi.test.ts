import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fold } from "../pipeline/text/fold.js";
import { normaliseVi, normaliseViWithStats } from "../pipeline/text/normalise-vi.js";
import { tonePass } from "../pipeline/text/passes/tone.js";

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");
const CORE = [
  "000_e4db89253d0a1edd.txt",
  "001_588ab9feba8899da.txt",
  "002_90d18914c045a6d4.txt",
  "003_6cafff568a66f664.txt",
  "004_bde61b360d837a63.txt",
];

/** The body of one section ("##### 20c …" up to the next "#####") of noise_samples.txt. */
function noiseSample(id: string): string {
  const all = corpus("more/noise_samples.txt");
  const start = all.indexOf(`##### ${id} `);
  const body = all.indexOf("-----\n", start) + "-----\n".length;
  const end = all.indexOf("\n#####", body);
  return all.slice(body, end === -1 ? undefined : end);
}

const norm = (raw: string) => normaliseVi(raw).text;
const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

describe("tone placement", () => {
  it.each([
    ["hoà", "hòa"],
    ["uỷ", "ủy"],
    ["khoá", "khóa"],
    ["thuỷ", "thủy"],
    ["HOÀ", "HÒA"],
    ["UỶ", "ỦY"],
    ["Khoẻ", "Khỏe"],
    ["tuỳ", "tùy"],
    ["hoạ", "họa"],
  ])("moves the mark of open oa/oe/uy: %s → %s", (old, modern) => {
    expect(tonePass(old).text).toBe(modern);
  });

  it.each(["hoàn", "toàn", "quý", "quỹ", "Quý", "quả", "huỳnh", "Quỳnh", "khoảng", "hòa", "thủy", "xoá bỏ"])(
    "leaves %s alone where the rule does not apply (or is already met)",
    (word) => {
      const expected = word === "xoá bỏ" ? "xóa bỏ" : word;
      expect(tonePass(word).text).toBe(expected);
    },
  );

  it("applies to real documents: 004's '(khoá XXI)', 003's 'CỘNG HOÀ', 20f's 'UỶ BAN', 20g's 'Hoà Bình'", () => {
    expect(norm(corpus("004_bde61b360d837a63.txt"))).toContain("(khóa XXI)");
    const t003 = norm(corpus("003_6cafff568a66f664.txt"));
    expect(t003).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(t003).not.toContain("HOÀ");
    expect(norm(noiseSample("20f"))).toMatch(/^ỦY BAN NHÂN DÂN/);
    const t20g = norm(noiseSample("20g"));
    expect(t20g).toContain("TỈNH HÒA BÌNH");
    expect(t20g).toContain("Hòa Bình, ngày");
  });
});

describe("Unicode", () => {
  it("turns the converter's 'ƣ' (U+01A3) into 'ư' (20h)", () => {
    const text = norm(noiseSample("20h"));
    expect(text).toContain("TRƯỜNG ĐẠI HỌC LUẬT");
    expect(text).toContain("phương pháp nghiên cứu");
    expect(text).not.toMatch(/[\u01A2\u01A3]/);
  });

  it.each(CORE)("gives the same text from the NFD form of %s as from its NFC form", (name) => {
    const raw = corpus(name);
    expect(raw.normalize("NFD")).not.toBe(raw);
    expect(norm(raw.normalize("NFD"))).toBe(norm(raw));
  });

  it("composes marks given in a non-canonical order and cleans invisible characters", () => {
    expect(norm("Vie\u0323\u0302t Nam")).toBe("Việt Nam");
    expect(norm("Vie\u0302\u0323t\u00A0Nam\r\nHo\u200Bà")).toBe("Việt Nam\nHòa");
    expect(norm("Ðà Nẵng, Ðảng ðoàn")).toBe("Đà Nẵng, Đảng đoàn");
  });
});

describe("hard-wrapped lines (004)", () => {
  const raw = corpus("004_bde61b360d837a63.txt");
  const { text, stats } = normaliseViWithStats(raw);

  it("re-joins the wrapped pieces into paragraphs", () => {
    expect(lines(raw).length).toBeGreaterThan(180);
    expect(lines(text).length).toBe(50);
    expect(stats.linesJoined).toBeGreaterThan(120);
    expect(text).toContain(
      "Thực hiện Kế hoạch số 56/KH-UBND ngày 15/3/2024 của UBND thị xã Đức Phổ về thực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2024; Kế hoạch số 04-KH/BCĐ ngày 07/02/2024 của Ban Chỉ đạo",
    );
    // A document number cut at its hyphen is glued back without a space.
    expect(text).toContain("Quyết định số 42-QĐ/ĐU ngày 21/01/2022");
  });

  it("never starts a line with a lower-case word (every continuation was joined)", () => {
    expect(lines(text).filter((l) => /^\p{Ll}/u.test(l))).toEqual([]);
  });

  it("keeps headings, list items and the recipients list on their own lines", () => {
    const all = lines(text);
    for (const heading of [
      "KẾ HOẠCH",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "II. NỘI DUNG THỰC HIỆN",
      "IV. KINH PHÍ THỰC HIỆN",
      "CHỦ TỊCH",
    ]) {
      expect(all).toContain(heading);
    }
    expect(all.filter((l) => /^\d+\. /.test(l)).length).toBe(19);
    expect(all).toContain("- Phòng Nội vụ thị xã (b/c);");
    expect(all).toContain("- Lưu: VT.");
    expect(all.at(-1)).toBe("Lê Duy Bảo");
  });

  it("removes the trailing signature time stamps", () => {
    expect(text).not.toMatch(/2024-03-19T/);
    expect(stats.stampLines).toBe(2);
  });
});

describe("documents already laid out one paragraph per line (000–003)", () => {
  it.each(CORE.slice(0, 4))("%s: every raw line survives, in order, and few lines are joined", (name) => {
    const raw = corpus(name);
    const { text, stats } = normaliseViWithStats(raw);
    const flat = fold(text.replace(/\s+/g, " "));
    let cursor = 0;
    for (const line of lines(raw)) {
      const content = fold(
        line
          .replace(/\*+|<[^>]*>/g, "")
          .replace(/^- (?=\+)/, "")
          .replace(/\s+/g, " ")
          .trim(),
      );
      if (content === "" || /15:49:45|thoi gian ket|^co quan tinh quang ngai$/.test(content)) continue;
      const at = flat.indexOf(content, cursor);
      expect(at, `line not found in order: ${content.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
      cursor = at + content.length;
    }
    expect(stats.linesJoined).toBeLessThan(10);
    expect(stats.syllablesJoined).toBe(0);
  });

  it("joins a paragraph broken by a page gap (001: 'bảo đảm' / 'việc triển khai')", () => {
    expect(norm(corpus("001_588ab9feba8899da.txt"))).toContain(
      "người hoạt động không chuyên trách bảo đảm việc triển khai thực hiện nghiêm túc",
    );
  });

  it("keeps decimal commas and scores untouched", () => {
    const text = norm(corpus("000_e4db89253d0a1edd.txt"));
    expect(text).toContain(
      "đạt tổng số 83,50 điểm (điểm thị trấn tự chấm 97,50 điểm, huyện chấm đạt 89,50 điểm",
    );
    expect(text).toContain("Bị trừ 0,5 điểm");
  });
});

describe("converter residue", () => {
  it("removes Markdown emphasis (000, 003) and nested-list residue", () => {
    const t000 = norm(corpus("000_e4db89253d0a1edd.txt"));
    expect(t000).not.toContain("*");
    expect(t000).toContain("+ Chủ trì tham mưu: Công chức Văn phòng – Thống kê.");
    expect(t000).not.toMatch(/^- \+/m);
    expect(t000).toMatch(/^\+ Phối hợp: Công chức Văn hóa – Xã hội phụ trách Văn hóa – Thông tin$/m);
    expect(norm(corpus("003_6cafff568a66f664.txt"))).not.toContain("*");
  });

  it("removes Markdown rule lines and pipes, and emphasis around numbers (bacninh, cantho)", () => {
    for (const name of ["more/bacninh_141-KH-UBND_2025_plan.md", "more/cantho_2579-QD-UBND_2025_rubric.md"]) {
      const text = norm(corpus(name));
      expect(text).not.toMatch(/\*|^\|$|^-{3,}$/m);
    }
    const bacninh = norm(corpus("more/bacninh_141-KH-UBND_2025_plan.md"));
    expect(bacninh).toMatch(/^1\. Mục đích$/m);
    expect(bacninh).toMatch(/^Số: 141\/KH-UBND$/m);
  });

  it("removes HTML from 002's table cells and keeps the items apart", () => {
    const text = norm(corpus("002_90d18914c045a6d4.txt"));
    expect(text).not.toMatch(/<\/?(ul|li|p)\b/);
    expect(text).toContain("Trưởng thôn, Tổ trưởng dân phố. - Tham mưu tổ chức triển khai");
    expect(text).toContain(
      "thực thi công vụ; sử dụng và quản lý ngân sách, công quỹ; giải quyết TTHC lĩnh vực đất đai, xây dựng. -Kiểm tra",
    );
  });

  it("turns <li> boundaries inside a cell into '; ' and never breaks the row", () => {
    const text = norm("TT\tNhiệm vụ\tGhi chú\n1\t<ul><li>Rà soát</li><li>Báo cáo<br>quý</li></ul>\tx");
    expect(text).toBe("TT\tNhiệm vụ\tGhi chú\n1\tRà soát; Báo cáo quý;\tx");
  });

  it("keeps 002's table rows: one row per line, eight cells each", () => {
    const raw = corpus("002_90d18914c045a6d4.txt");
    const rows = (t: string) => t.split("\n").filter((l) => l.includes("\t"));
    const text = norm(raw);
    expect(rows(text).length).toBe(rows(raw).length);
    expect(rows(text).every((r) => r.split("\t").length === 8)).toBe(true);
    expect(rows(text)[0]).toBe(
      "TT\tChỉ số nội dung\tNội dung thành phần\tNhiệm vụ\tKết quả\tĐơn vị chủ trì\tĐơn vị thực hiện\tThời gian thực hiện",
    );
  });

  it("handles heading marks, Markdown tables, entities and footnote marks", () => {
    expect(norm("# I. MỤC ĐÍCH\n\n| TT | Nội dung |\n|---|---|\n| 1 | Rà soát |")).toBe(
      "I. MỤC ĐÍCH\n\nTT\tNội dung\n1\tRà soát",
    );
    expect(norm("Sở Tài chính &amp; Kế hoạch (*)")).toBe("Sở Tài chính & Kế hoạch (*)");
  });
});

describe("signature stamps", () => {
  it("removes 003's stamp block in the middle of the plan and keeps the text around it", () => {
    const { text, stats } = normaliseViWithStats(corpus("003_6cafff568a66f664.txt"));
    expect(text).not.toMatch(/15:49:45|Thời gian kết|Cơ quan Tỉnh Quảng Ngãi/);
    expect(stats.stampLines).toBe(3);
    expect(text).toContain(
      "gắn với nhiệm vụ chuyên môn của cơ quan, đơn vị, địa phương.\n\n4. Quá trình thực hiện Kế hoạch",
    );
  });

  it("removes a stamp written in other shapes, not plan lines that look alike", () => {
    const raw = [
      "Lưu: VT.",
      "",
      "Ký bởi: Ủy ban Nhân dân tỉnh Quảng Ngãi",
      "Email: ubnd@quangngai.gov.vn",
      "Cơ quan: Tỉnh Quảng Ngãi",
      "Thời gian ký: 25.03.2022 15:49:45 +07:00",
      "",
      "+ Cơ quan chủ trì: Sở Nội vụ",
      "Cơ quan phối hợp: Sở Tài chính",
      "Thời gian thực hiện: trước ngày 30/3/2022",
    ].join("\n");
    expect(norm(raw)).toBe(
      "Lưu: VT.\n\n+ Cơ quan chủ trì: Sở Nội vụ\nCơ quan phối hợp: Sở Tài chính\nThời gian thực hiện: trước ngày 30/3/2022",
    );
  });
});

describe("split syllables (20c)", () => {
  it("rejoins pieces that are not syllables on their own", () => {
    const text = norm(noiseSample("20c"));
    expect(text).toContain("nguyện vọng, phản ánh kiến nghị");
    expect(text).toContain(
      "các chủ trương của Đảng, pháp luật của Nhà nước và các cơ chế, chính sách của Trung ương, địa phương",
    );
    expect(text).toContain(
      "Tạo điều kiện tốt nhất (tổ chức các cuộc tiếp xúc, làm việc trực tiếp với nhân dân",
    );
  });

  it("leaves two real syllables apart ('đố i': 'i' can stand alone) and never glues real words", () => {
    expect(norm(noiseSample("20c"))).toContain("đố i với");
    expect(norm("Nhà n ước")).toBe("Nhà nước");
    expect(norm("điểm b khoản 2, dài 100 m ống nước")).toBe("điểm b khoản 2, dài 100 m ống nước");
  });
});

describe("layout convention", () => {
  it.each(CORE)("%s: trimmed lines, single spaces, at most one blank line, no edge blanks", (name) => {
    const text = norm(corpus(name));
    // Tabs may end or start a line: they are a table row's empty cells.
    expect(text).not.toMatch(/\n{3,}| +\n|\n +| {2,}| \t|\t |\f/);
    expect(text).toBe(text.trim());
  });

  it("turns a page break into a blank line, or a space when the paragraph runs on", () => {
    expect(norm("CHỦ TỊCH\n\fLê Duy Bảo")).toBe("CHỦ TỊCH\n\nLê Duy Bảo");
    expect(norm("thực hiện quy chế dân chủ ở cơ sở và công\fvận chính quyền")).toBe(
      "thực hiện quy chế dân chủ ở cơ sở và công vận chính quyền",
    );
    expect(norm("Đoạn một.\n\n3\n\fĐoạn hai")).toBe("Đoạn một.\n\nĐoạn hai");
  });
});
