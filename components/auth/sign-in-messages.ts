/**
 * What the sign-in form may show of next-auth's answer. authorize() throws
 * only these two messages on purpose; anything else (a database outage…) is
 * replaced by a generic one, so no internal error text reaches the page.
 */
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/throttle";

export const SIGN_IN_UNAVAILABLE = "Không đăng nhập được lúc này. Vui lòng thử lại sau ít phút.";

export function signInErrorMessage(error: string | null | undefined): string {
  if (!error || error === "CredentialsSignin" || error === INVALID_CREDENTIALS_MESSAGE) return INVALID_CREDENTIALS_MESSAGE;
  if (/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\.$/.test(error)) return error;
  return SIGN_IN_UNAVAILABLE;
}

/** Notices the sign-in page shows from its URL: known keys only, never free text. */
export const SIGN_IN_NOTICES = {
  "doi-mat-khau": "Đã đổi mật khẩu. Vui lòng đăng nhập lại bằng mật khẩu mới.",
} as const;

export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

export function signInNotice(value: unknown): string | null {
  return typeof value === "string" && Object.hasOwn(SIGN_IN_NOTICES, value) ? SIGN_IN_NOTICES[value as SignInNotice] : null;
}
