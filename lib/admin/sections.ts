/** The administration's sections, in menu order (the menu and the /quan-tri index read this). */
export const ADMIN_SECTIONS = [
  { href: "/quan-tri/nguoi-dung", label: "Tài khoản" },
  { href: "/quan-tri/co-quan", label: "Cơ quan" },
  { href: "/quan-tri/chi-tieu", label: "Chỉ tiêu và mục tiêu" },
  { href: "/quan-tri/an-ban", label: "Ấn bản chỉ số" },
  { href: "/quan-tri/ky-bao-cao", label: "Kỳ báo cáo" },
  { href: "/quan-tri/don-vi", label: "Đơn vị hành chính" },
  { href: "/quan-tri/nhat-ky", label: "Nhật ký" },
] as const;
