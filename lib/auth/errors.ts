/** Refusals of the guards, with the Vietnamese message the user sees. */
export type AuthErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "OUT_OF_SCOPE" | "PASSWORD_CHANGE_REQUIRED";

const MESSAGES: Record<AuthErrorCode, string> = {
  UNAUTHENTICATED: "Bạn cần đăng nhập để thực hiện thao tác này.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  OUT_OF_SCOPE: "Chỉ tiêu hoặc đơn vị này không thuộc phạm vi bạn được giao.",
  PASSWORD_CHANGE_REQUIRED: "Bạn cần đổi mật khẩu trước khi tiếp tục (quản trị viên đã yêu cầu đặt mật khẩu mới).",
};

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string = MESSAGES[code],
  ) {
    super(message);
    this.name = "AuthError";
  }
}
