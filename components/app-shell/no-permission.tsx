/** What a signed-in user sees on a staff page their role does not allow. */
export function NoPermission({ what }: { what: string }) {
  return (
    <p className="mt-4" role="alert">
      Tài khoản của bạn không có quyền {what}. Hãy liên hệ quản trị viên nếu bạn cần quyền này.
    </p>
  );
}
