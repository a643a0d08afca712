import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Theo dõi chuyển đổi số — tỉnh Thái Nguyên",
    template: "%s — Theo dõi chuyển đổi số Thái Nguyên",
  },
  description:
    "Tiến độ thực hiện các mục tiêu của Nghị quyết 01-NQ/TU về chuyển đổi số tỉnh Thái Nguyên giai đoạn 2021–2025, định hướng đến năm 2030.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
