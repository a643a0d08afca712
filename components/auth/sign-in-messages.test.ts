import { describe, expect, it } from "vitest";
import { INVALID_CREDENTIALS_MESSAGE, throttledMessage } from "@/lib/auth/throttle";
import { SIGN_IN_UNAVAILABLE, signInErrorMessage, signInNotice } from "./sign-in-messages";

describe("what the sign-in form shows", () => {
  it("shows the two messages authorize() throws, as they are", () => {
    expect(signInErrorMessage(INVALID_CREDENTIALS_MESSAGE)).toBe("Email hoặc mật khẩu không đúng.");
    // 14½ minutes left: "15 phút" however long the line takes to run (it rounds up to whole minutes).
    const throttled = throttledMessage(new Date(Date.now() + 14 * 60_000 + 30_000));
    expect(signInErrorMessage(throttled)).toBe("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
    expect(signInErrorMessage("CredentialsSignin")).toBe(INVALID_CREDENTIALS_MESSAGE);
  });

  it("never shows other error text (internal errors)", () => {
    expect(signInErrorMessage("connect ECONNREFUSED 127.0.0.1:5432")).toBe(SIGN_IN_UNAVAILABLE);
    expect(signInErrorMessage("Đăng nhập sai quá nhiều lần. Gọi 0900 000 000.")).toBe(SIGN_IN_UNAVAILABLE);
  });

  it("shows URL notices by key only", () => {
    expect(signInNotice("doi-mat-khau")).toMatch(/Đã đổi mật khẩu/);
    expect(signInNotice("Tài khoản của bạn bị khoá, gọi số …")).toBeNull();
    expect(signInNotice("toString")).toBeNull();
    expect(signInNotice(undefined)).toBeNull();
  });
});
