import { describe, expect, it } from "vitest";
import {
  type LayoutItem,
  layoutText,
  type OcrLine,
  readingOrder,
  splitLines,
} from "../pipeline/ocr/layout.js";

/** A line of words laid out from `x`, 14 px per character and a 10 px space, 30 px tall at `y`. */
function line(paragraph: number, y: number, ...pieces: [number, string][]): OcrLine {
  const words = pieces.flatMap(([x, text]) => {
    let at = x;
    return text.split(" ").map((word) => {
      const box = { x0: at, y0: y, x1: at + word.length * 14, y1: y + 30 };
      at = box.x1 + 10;
      return { text: word, box };
    });
  });
  return {
    paragraph,
    words,
    box: {
      x0: Math.min(...words.map((w) => w.box.x0)),
      y0: y,
      x1: Math.max(...words.map((w) => w.box.x1)),
      y1: y + 30,
    },
  };
}

const PROSE = "Thực hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022 của UBND tỉnh Quảng Ngãi, Chủ tịch";

describe("splitLines", () => {
  it("cuts a line where its words are further apart than two line heights (two columns read as one line)", () => {
    const items = splitLines([line(0, 100, [200, "ỦY BAN NHÂN DÂN"], [800, "CỘNG HÒA XÃ HỘI"])]);
    expect(items.map((item) => item.text)).toEqual(["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI"]);
  });

  it("keeps a justified line of prose whole", () => {
    expect(splitLines([line(0, 100, [150, PROSE])]).map((item) => item.text)).toEqual([PROSE]);
  });
});

describe("layoutText", () => {
  it("reads a two-column header left column first, one pair of columns after the other", () => {
    const lines = [
      line(0, 100, [200, "ỦY BAN NHÂN DÂN"], [800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
      line(0, 135, [210, "THỊ XÃ ĐỨC PHỐ"], [860, "Độc lập - Tự do - Hạnh phúc"]),
      line(1, 220, [230, "Số: 560 /UBND"], [850, "Đức Phố, ngày 28 tháng 3 năm 2022"]),
      line(1, 255, [160, "V/v tham mưu triển khai"]),
      line(1, 290, [170, "Kế hoạch số 53/KH-UBND"]),
      line(2, 380, [150, PROSE]),
    ];
    expect(layoutText(splitLines(lines)).text).toBe(
      [
        "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        "Số: 560 /UBND\nV/v tham mưu triển khai\nKế hoạch số 53/KH-UBND",
        "Đức Phố, ngày 28 tháng 3 năm 2022",
        PROSE,
      ].join("\n\n"),
    );
  });

  it("reads a signature block: the recipients, then the signer, then the name below both", () => {
    const lines = [
      line(0, 100, [150, "Nơi nhận:"], [900, "TL. CHỦ TỊCH"]),
      line(0, 130, [150, "- Như trên;"], [860, "CHÁNH VĂN PHÒNG"]),
      line(0, 160, [150, "- Lưu VT."]),
      line(1, 300, [880, "Nguyễn Viết Thanh"]),
    ];
    expect(layoutText(splitLines(lines)).text).toBe(
      "Nơi nhận:\n- Như trên;\n- Lưu VT.\n\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Viết Thanh",
    );
  });

  it("keeps prose top to bottom, one paragraph per blank line", () => {
    const lines = [
      line(0, 100, [150, PROSE]),
      line(0, 135, [100, PROSE]),
      line(1, 190, [150, "Điều 2. Giao"]),
    ];
    expect(layoutText(splitLines(lines)).text).toBe(`${PROSE}\n${PROSE}\n\nĐiều 2. Giao`);
  });

  it("places a block (a table) between the text above and below it, and says where its text starts", () => {
    const table: LayoutItem = {
      box: { x0: 100, y0: 200, x1: 1400, y1: 600 },
      text: "TT\tĐơn vị\n1\txã Nghĩa Kỳ",
      paragraph: -1,
      block: true,
    };
    const { text, offsets } = layoutText([
      ...splitLines([line(0, 100, [150, "PHỤ LỤC"]), line(1, 650, [150, "Ghi chú: đơn vị tính là điểm."])]),
      table,
    ]);
    expect(text).toBe("PHỤ LỤC\n\nTT\tĐơn vị\n1\txã Nghĩa Kỳ\n\nGhi chú: đơn vị tính là điểm.");
    expect(text.slice(offsets.get(table))).toMatch(/^TT\tĐơn vị/u);
  });

  it("reads a borderless table of three columns or more row by row, cells separated by tabs", () => {
    const lines = [
      line(0, 100, [150, PROSE]),
      line(1, 160, [150, "TT"], [300, "Đơn vị"], [800, "Điểm"], [1050, "Xếp loại"]),
      line(2, 200, [150, "1"], [300, "xã Nghĩa Kỳ"], [800, "95,50"], [1050, "Hoàn thành xuất sắc"]),
      line(2, 235, [1050, "nhiệm vụ"]),
      line(3, 270, [150, "2"], [300, "xã Nghĩa Sơn"], [800, "94,00"], [1050, "Hoàn thành tốt"]),
      line(4, 340, [150, "Ghi chú: xếp theo tổng điểm."]),
    ];
    expect(layoutText(splitLines(lines)).text).toBe(
      [
        PROSE,
        "TT\tĐơn vị\tĐiểm\tXếp loại\n1\txã Nghĩa Kỳ\t95,50\tHoàn thành xuất sắc nhiệm vụ\n2\txã Nghĩa Sơn\t94,00\tHoàn thành tốt",
        "Ghi chú: xếp theo tổng điểm.",
      ].join("\n\n"),
    );
  });

  it("does not take two columns for one where a row of prose crosses the gap", () => {
    const groups = readingOrder(
      splitLines([
        line(0, 100, [150, "Số: 12/KH"], [900, "Hà Nội, ngày 1"]),
        line(1, 140, [150, PROSE]),
        line(2, 180, [150, "Kính gửi:"], [900, "bên phải"]),
      ]),
    );
    expect(groups.map((group) => group.items.map((item) => item.text).join(" | "))).toEqual([
      "Số: 12/KH",
      "Hà Nội, ngày 1",
      PROSE,
      "Kính gửi:",
      "bên phải",
    ]);
  });
});
