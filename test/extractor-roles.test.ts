import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { roleList } from "../extractors/role-list.js";
import { canonicalRole, extractRoles, rolesExtractor } from "../extractors/roles.js";
import { docFromText } from "../extractors/test-doc.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");
const normalised = (name: string) => normaliseFile(buildRawText([{ page: 1, text: corpus(name) }])).documents;
const VP_TK = "Công chức Văn phòng – Thống kê";

describe("canonicalRole", () => {
  it.each([
    "Công chức Văn phòng – Thống kê",
    "Văn phòng - Thống kê",
    "văn phòng – thống kê",
    "Văn Phòng – Thống kê",
    "VP-TK",
    "VP - TK",
    "Cong chuc Van phong - Thong ke",
    "Văn phòng-Thống kê UBND phường",
    "Vǎn phòng – Thống kê",
    "Công chức Văn phòng – Thông kc",
    "Công chức VănPhòng-Thống kê",
  ])("%s → the one canonical role", (name) => {
    expect(canonicalRole(name)).toBe(VP_TK);
  });

  it("knows titles written as abbreviations or with OCR damage", () => {
    expect(canonicalRole("Công chức ĐC-XD-ĐT&MT (phụ trách)")).toBe(
      "Công chức Địa chính – Xây dựng – Đô thị và Môi trường",
    );
    expect(canonicalRole("công chức Tư pbáp – Hộ tich")).toBe("Công chức Tư pháp – Hộ tịch");
    expect(canonicalRole("Tài chính - Kế toán")).toBe("Công chức Tài chính – Kế toán");
    expect(canonicalRole("bộ phận VHXH")).toBe("Công chức Văn hóa – Xã hội");
    expect(canonicalRole("Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn")).toBe("Ủy ban MTTQ Việt Nam");
    expect(canonicalRole("UBMTTQ")).toBe("Ủy ban MTTQ Việt Nam");
    expect(canonicalRole("Khối vận thị trấn")).toBe("Khối vận");
    expect(canonicalRole("Bộ phận Tiếp nhận và Trả kết quả thị trấn")).toBe("Bộ phận Một cửa");
    expect(canonicalRole("Tổ trưởng các TDP")).toBe("Tổ trưởng tổ dân phố");
    expect(canonicalRole("Ủy ban nhân dân các xã, phường")).toBe("UBND các xã, phường");
  });

  it("does not force a near neighbour onto another role", () => {
    expect(canonicalRole("Phòng Tài chính – Kế hoạch")).toBe("Phòng Tài chính – Kế hoạch");
    expect(canonicalRole("Văn hóa – Thông tin")).toBe("Văn hóa – Thông tin");
    expect(canonicalRole("Văn phòng UBND")).toBe("Văn phòng UBND");
    expect(canonicalRole("Trung tâm Thông tin tỉnh")).toBe("Trung tâm Thông tin tỉnh");
  });

  it("tidies a name the vocabulary does not know", () => {
    expect(canonicalRole("- Ủy ban nhân dân thị trấn.")).toBe("UBND thị trấn");
    expect(canonicalRole("**hợp tác xã Đồng Tiến** (nếu có);")).toBe("Hợp tác xã Đồng Tiến");
  });
});

describe("roleList", () => {
  const names = (text: string) => roleList(docFromText(text), 0, text.length).map((r) => r.name);

  it("splits a list at new names, never inside one", () => {
    expect(
      names(
        "Công chức Văn phòng – Thống kê, Tài chính – Kế toán, Tư pháp – Hộ tịch, Công đoàn cơ sở thị trấn.",
      ),
    ).toEqual([VP_TK, "Công chức Tài chính – Kế toán", "Công chức Tư pháp – Hộ tịch", "Công đoàn"]);
    expect(names("UBND các xã, phường và các cơ quan, đơn vị liên quan")).toEqual(["UBND các xã, phường"]);
    expect(names("Sở Văn hóa, Thể thao và Du lịch; Sở Khoa học và Công nghệ")).toEqual([
      "Sở Văn hóa, Thể thao và Du lịch",
      "Sở Khoa học và Công nghệ",
    ]);
  });

  it("cuts names where a verb starts and skips brackets and HTML list markup", () => {
    expect(names("Ủy ban MTTQ phối hợp; Văn phòng UBND; công chức VHXH và Đài truyền thanh")).toEqual([
      "Ủy ban MTTQ Việt Nam",
      "Văn phòng UBND",
      "Công chức Văn hóa – Xã hội",
      "Đài truyền thanh",
    ]);
    expect(
      names("Công chức Văn phòng – Thống kê (hàng tháng), báo cáo (quý I, 6 tháng, 9 tháng, 1 năm)."),
    ).toEqual([VP_TK]);
    expect(
      names(
        '<ul style="list-style-type: none"> - Phòng Tài chính KH huyện. - Ủy ban MTTQ, Ban thanh tra nhân dân thị trấn </ul>',
      ),
    ).toEqual(["Phòng Tài chính – Kế hoạch", "Ủy ban MTTQ Việt Nam", "Ban Thanh tra nhân dân"]);
  });

  it("reads the names that lead a sentence written in a slot", () => {
    const text =
      "Sở Khoa học và Công nghệ tiến hành rà soát các văn bản có liên quan đến Luật; các sở, ngành liên quan và " +
      "Ủy ban nhân dân các xã, phường rà soát văn bản quy phạm pháp luật do cơ quan mình tham mưu ban hành";
    // "các sở, ngành liên quan" is a vague group: dropped beside named agencies.
    expect(names(text)).toEqual(["Sở Khoa học và Công nghệ", "UBND các xã, phường"]);
  });

  it("reads unaccented lists", () => {
    expect(names("Cong chuc Van phong - Thong ke; Khoi van thi tran")).toEqual([VP_TK, "Khối vận"]);
  });
});

describe("extractRoles", () => {
  it("counts every spelling of a role under its canonical name", () => {
    const text = [
      "+ Trách nhiệm chủ trì tham mưu: Công chức Văn Phòng – Thống kê; cán bộ, công chức thị trấn.",
      "+ Hướng khắc phục: Giao công chức Văn phòng - Thống kê tham mưu kiểm soát thủ tục hành chính.",
      "2. Văn phòng-Thống kê UBND phường:",
      "- Báo cáo kết quả cho công chức văn phòng – thống kê để tổng hợp; VP-TK lưu hồ sơ.",
    ].join("\n\n");
    const roles = extractRoles(docFromText(text));
    const vpTk = roles.find((r) => r.name === VP_TK);
    expect(vpTk?.mentions).toBe(5);
    expect(vpTk?.variants).toEqual(expect.arrayContaining(["VP-TK", "Văn phòng-Thống kê"]));
    expect(roles[0]?.name).toBe(VP_TK);
    for (const e of vpTk?.evidence ?? []) expect(e.text).toBe(text.slice(e.start, e.end));
  });

  it("counts an OCR-damaged title after 'công chức'", () => {
    const roles = extractRoles(docFromText("Giao công chức Tư pbáp – Hộ tich tham mưu xây dựng kế hoạch."));
    expect(roles.map((r) => [r.name, r.mentions])).toEqual([["Công chức Tư pháp – Hộ tịch", 1]]);
  });

  it("counts a name the vocabulary lacks when a role slot gives it", () => {
    const text =
      "Xây dựng mô hình điểm.\n\n+ Chủ trì: Hợp tác xã Đồng Tiến.\n\n+ Phối hợp: Khối vận thị trấn.";
    const roles = extractRoles(docFromText(text));
    expect(roles.map((r) => r.name).sort()).toEqual(["Hợp tác xã Đồng Tiến", "Khối vận"]);
  });

  it("does not count look-alike phrases of running prose", () => {
    const text =
      "Phát triển kinh tế - văn hóa - xã hội; kiểm tra các cơ sở y tế; thực hiện Luật Công đoàn và " +
      "Luật Mặt trận Tổ quốc Việt Nam; cán bộ, công chức thực hiện tốt quy tắc ứng xử.";
    expect(extractRoles(docFromText(text))).toEqual([]);
  });

  it("finds almost nothing in the garbled OCR excerpt", () => {
    for (const doc of normalised("more/ocr_garbled_excerpt.txt")) {
      expect(extractRoles(doc).reduce((n, r) => n + r.mentions, 0)).toBeLessThanOrEqual(1);
    }
  });

  it("never throws out of the extractor", () => {
    const run = rolesExtractor.run({ ...docFromText("x"), folded: undefined as unknown as string });
    expect(run.value).toEqual([]);
    expect(run.messages).toHaveLength(1);
  });
});

describe("roles over the corpus (through the normaliser)", () => {
  it("Ba Tơ 2025: Văn phòng – Thống kê is the most mentioned role, the commune titles all found", () => {
    const [doc] = normalised("000_e4db89253d0a1edd.txt");
    if (!doc) throw new Error("no document");
    const roles = extractRoles(doc);
    expect(roles[0]?.name).toBe(VP_TK);
    expect(roles[0]?.mentions).toBeGreaterThanOrEqual(20);
    const names = roles.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Công chức Tư pháp – Hộ tịch",
        "Công chức Tài chính – Kế toán",
        "Công chức Văn hóa – Xã hội",
        "Công chức Địa chính – Xây dựng – Đô thị và Môi trường",
        "Khối vận",
        "Bộ phận Một cửa",
        "Ủy ban MTTQ Việt Nam",
        "Công đoàn",
        "Phòng Nội vụ",
      ]),
    );
  });

  it("Quảng Ngãi 2022: the provincial agencies of the plan", () => {
    const [, plan] = normalised("003_6cafff568a66f664.txt");
    if (!plan) throw new Error("expected two documents");
    const names = extractRoles(plan).map((r) => r.name);
    expect(names[0]).toBe("Sở Nội vụ");
    expect(names).toEqual(
      expect.arrayContaining([
        "Thanh tra tỉnh",
        "Sở Tài chính",
        "Ban Dân tộc",
        "Văn phòng UBND tỉnh",
        "Ban Dân vận Tỉnh ủy",
      ]),
    );
  });
});

describe("spellings of other provinces", () => {
  it.each([
    ["Công chức Địa chính - NN - XD & MT", "Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường"],
    ["ĐC-NN-XD&MT", "Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường"],
    ["Công chức Địa chính - Xây dựng - ĐT&MT", "Công chức Địa chính – Xây dựng – Đô thị và Môi trường"],
    ["VP - Thống kê", VP_TK],
    ["Văn hóa - Xã hội", "Công chức Văn hóa – Xã hội"],
    ["CHT Quân sự xã", "Chỉ huy trưởng Quân sự"],
    ["Ban CHQS xã", "Chỉ huy trưởng Quân sự"],
    ["Đoàn TN xã", "Đoàn Thanh niên"],
    ["Hội ND xã", "Hội Nông dân"],
    ["Phòng NV", "Phòng Nội vụ"],
    ["Văn phòng HĐND và UBND huyện", "Văn phòng HĐND và UBND"],
  ])("%s → %s", (name, canonical) => {
    expect(canonicalRole(name)).toBe(canonical);
  });

  it("keeps 'Văn phòng HĐND và UBND huyện' one role in a list, and does not read 'Địa chính - NN …' as 'Địa chính – Xây dựng'", () => {
    const text = "Phối hợp: Văn phòng HĐND và UBND huyện, Công chức Địa chính - NN - XD & MT.";
    const doc = docFromText(text);
    expect(roleList(doc, text.indexOf(":") + 1, text.length).map((r) => r.name)).toEqual([
      "Văn phòng HĐND và UBND",
      "Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường",
    ]);
  });
});
