export function DemoNotice() {
  return (
    <div role="note" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <strong>Dữ liệu minh họa.</strong> Các số liệu trên trang này là dữ liệu demo được tạo tự động để trình diễn phần
      mềm, không phải số liệu chính thức của tỉnh Thái Nguyên. Chỉ tiêu và mục tiêu là của Nghị quyết 01-NQ/TU.
    </div>
  );
}
