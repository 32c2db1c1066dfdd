/**
 * Laws that local-government documents cite by name, without a number ("Luật Tổ chức chính quyền
 * địa phương năm 2015", "Luật Thực hiện dân chủ ở cơ sở"). A law is recognised by name when its
 * name is listed here (the list fixes where the name ends: "Luật Cán bộ, công chức" holds a comma)
 * or when a date or "năm yyyy" follows the name. NFC, as the law's title writes it.
 */
export const LAW_NAMES: readonly string[] = [
  "Luật Tổ chức chính quyền địa phương",
  "Luật Tổ chức Chính phủ",
  "Luật Tổ chức Quốc hội",
  "Luật Thực hiện dân chủ ở cơ sở",
  "Luật Ban hành văn bản quy phạm pháp luật",
  "Luật Cán bộ, công chức",
  "Luật Viên chức",
  "Luật Ngân sách nhà nước",
  "Luật Đầu tư công",
  "Luật Tiếp công dân",
  "Luật Khiếu nại",
  "Luật Tố cáo",
  "Luật Thanh tra",
  "Luật Phòng, chống tham nhũng",
  "Luật Tiếp cận thông tin",
  "Luật Thi đua, khen thưởng",
  "Luật Phổ biến, giáo dục pháp luật",
  "Luật Hòa giải ở cơ sở",
  "Luật Mặt trận Tổ quốc Việt Nam",
  "Luật Công đoàn",
  "Luật Thanh niên",
  "Luật Đất đai",
  "Luật Giao dịch điện tử",
  "Luật Lưu trữ",
  "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
  "Luật Tiêu chuẩn và quy chuẩn kỹ thuật",
  "Luật Xử lý vi phạm hành chính",
  "Luật Tín ngưỡng, tôn giáo",
  "Luật Dân quân tự vệ",
  "Luật Công an nhân dân",
  "Luật Thực hành tiết kiệm, chống lãng phí",
  "Luật Trách nhiệm bồi thường của Nhà nước",
  "Bộ luật Lao động",
  "Bộ luật Dân sự",
  "Bộ luật Hình sự",
];
