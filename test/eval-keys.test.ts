import { describe, expect, it } from "vitest";
import { roleAmong, roleNames, roleWords } from "../pipeline/eval/roles.js";
import { approxIn, modernTones, numberKey, quoteKey } from "../pipeline/eval/text-keys.js";

const VPTK = "Công chức Văn phòng – Thống kê";

describe("text keys", () => {
  it("moves old tone marks to the modern place, only in open syllables", () => {
    expect(modernTones("Hoà bình, uỷ ban, khoá học, thuỷ lợi")).toBe("Hòa bình, ủy ban, khóa học, thủy lợi");
    expect(modernTones("hoàn thành, quý, khuỷu")).toBe("hoàn thành, quý, khuỷu");
    expect(modernTones("CỘNG HOÀ".normalize("NFD"))).toBe("CỘNG HÒA");
  });

  it("finds quotes across line wraps, markdown and tone placement, but not across different words", () => {
    const source = "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n\nKết luận số 120 -KL/TW ngày\n07/01/2016 về văn hoá";
    expect(quoteKey(source)).toContain(quoteKey("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"));
    expect(quoteKey(source)).toContain(quoteKey("số 120 -KL/TW ngày 07/01/2016"));
    expect(quoteKey(source)).toContain(quoteKey("về văn hóa"));
    expect(quoteKey(source)).not.toContain(quoteKey("số 121 -KL/TW"));
  });

  it("reads document numbers without spaces or doubled slashes, keeping Đ apart from D", () => {
    expect(numberKey("396 -QĐ/TU")).toBe(numberKey("396-QĐ/TU"));
    expect(numberKey("192//KH-UBND")).toBe(numberKey("192/KH-UBND"));
    expect(numberKey("Số: 08/KH-UBND")).toBe(numberKey("08/KH-UBND"));
    expect(numberKey("1211/Q4-UBND")).not.toBe(numberKey("1211/QĐ-UBND"));
    expect(numberKey("1211/QD-UBND")).not.toBe(numberKey("1211/QĐ-UBND"));
  });

  it("finds a word sequence with a few OCR slips, not a different one", () => {
    const hay = "to chuc quan triet ket luan so 114".split(" ");
    expect(approxIn(hay, "quan triet ket luon so".split(" "), 1)).toBe(true);
    expect(approxIn(hay, "quan triet ketluan so".split(" "), 2)).toBe(true);
    expect(approxIn(hay, "xay dung ke hoach".split(" "), 2)).toBe(false);
    expect(approxIn("ket luan", "ket luon", 1)).toBe(true);
  });
});

describe("roles", () => {
  it("reads spelling variants and abbreviations of one role as the same words", () => {
    expect(roleWords("Công chức Văn Phòng – Thống kê")).toBe(roleWords("văn phòng - thống kê"));
    expect(roleWords("VP-TK")).toBe(roleWords(VPTK));
    expect(roleWords("Công chức ĐC-XD-ĐT&MT")).toBe(
      roleWords("Công chức Địa chính – Xây dựng – Đô thị và Môi trường"),
    );
    expect(roleWords("Khối vận thị trấn")).toBe(roleWords("Khối vận"));
    expect(roleWords("Cơ quan Tổ chức - Nội vụ thị xã")).toBe(roleWords("Cơ quan Tổ chức – Nội vụ"));
    expect(roleWords("UBMTTQ thị trấn")).toBe(roleWords("Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn"));
    expect(roleWords("Ủy ban MTTQ Việt Nam")).toBe(roleWords("Mặt trận"));
    expect(roleWords("Công đoàn cơ sở thị trấn")).toBe(roleWords("Công đoàn"));
    expect(roleWords("Cán bộ, công chức và người hoạt động không chuyên trách xã")).toBe(
      roleWords("Công chức, người hoạt động không chuyên trách"),
    );
  });

  it("accepts a longer output name for a gold role, not a shorter one", () => {
    expect(roleNames(VPTK, "Công chức Văn phòng – Thống kê (phụ trách dân vận chính quyền)")).toBe(true);
    expect(roleNames(VPTK, "Văn phòng")).toBe(false);
    expect(roleNames(VPTK, "Công chức Tư pháp – Hộ tịch")).toBe(false);
  });

  it("finds a lead among a list split another way", () => {
    expect(roleAmong("UBND cấp xã", ["Các Sở, ngành, đơn vị, UBND cấp xã"], "gold-in-output")).toBe(true);
    expect(
      roleAmong(
        "Các Sở, ngành, đơn vị, UBND cấp xã",
        ["Các Sở, ngành, đơn vị", "UBND cấp xã"],
        "output-in-gold",
      ),
    ).toBe(true);
    expect(roleAmong("Sở Tư pháp", ["Sở Nội vụ", "Sở Tài chính"], "gold-in-output")).toBe(false);
  });
});
