import type { Metadata } from "next";
import { Suspense } from "react";
import { NoPermission } from "@/components/app-shell/no-permission";
import { ProgrammeImportForm } from "@/components/admin/programme-import-form";
import { adminActor } from "@/lib/admin/guard";
import { PROGRAMME_SCHEMA_PATH } from "@/lib/programme-file/schema";
import { PROGRAMME_SHEETS, PROGRAMME_XLSX_LIMITS_TEXT } from "@/lib/programme-file/sheets";

export const metadata: Metadata = { title: "Nhập tệp định nghĩa chương trình — Quản trị" };

/** A whole programme from one file (issue #15, item 3; ADR 033): preview, then all or nothing. */
export default function ProgrammeImportPage() {
  return (
    <>
      <p className="text-sm">
        <a className="text-brand-800 underline" href="/quan-tri/chuong-trinh">
          ← Chương trình
        </a>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-800">Nhập tệp định nghĩa chương trình</h1>
      <p className="mt-1 text-sm text-slate-700" lang="en">
        Import a programme definition file
      </p>
      <Suspense fallback={<p className="mt-4">Đang tải…</p>}>
        <ImportSection />
      </Suspense>
    </>
  );
}

async function ImportSection() {
  const actor = await adminActor("admin.indicators", "/quan-tri/chuong-trinh/nhap-tep");
  if (!actor) return <NoPermission what="quản lý chỉ tiêu" />;
  return (
    <>
      <div className="mt-4 max-w-3xl space-y-2 text-slate-700">
        <p>
          Một tệp mô tả cả chương trình: các trang tính {PROGRAMME_SHEETS.map((s) => `“${s.sheet}”`).join(", ")} (hoặc tệp JSON theo{" "}
          <a className="text-brand-800 underline" href={PROGRAMME_SCHEMA_PATH}>
            lược đồ JSON
          </a>
          ). Cách dễ nhất: tải tệp của một chương trình có sẵn ở trang Chương trình, sửa lại rồi nhập; trang “Hướng dẫn” trong tệp giải thích từng cột.
        </p>
        <p>
          Chỉ tiêu có mã chưa có được thêm vào danh mục chung; chỉ tiêu có mã đã có chỉ được tham chiếu, không bị sửa. Số hiệu chương trình đã có bị từ chối. Xem trước
          trước khi ghi; khi ghi, hoặc ghi đủ cả chương trình, hoặc không ghi gì. Giới hạn: {PROGRAMME_XLSX_LIMITS_TEXT}.
        </p>
      </div>
      <ProgrammeImportForm />
    </>
  );
}
