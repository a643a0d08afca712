import { describe, expect, it } from "vitest";
import { staffPageRedirect } from "./staff-gate";

describe("staffPageRedirect", () => {
  it("sends a visitor without a session to sign in, and back to the page with its query afterwards", () => {
    expect(staffPageRedirect(null, "/theo-doi?ky=2025-Q2&nhom=a")).toBe("/dang-nhap?callbackUrl=%2Ftheo-doi%3Fky%3D2025-Q2%26nhom%3Da");
  });
  it("sends a user who must change their password to the form, except from the form itself", () => {
    expect(staffPageRedirect({ mustChangePassword: true }, "/theo-doi")).toBe("/tai-khoan/mat-khau");
    expect(staffPageRedirect({ mustChangePassword: true }, "/tai-khoan/mat-khau")).toBeNull();
  });
  it("lets everyone else through", () => {
    expect(staffPageRedirect({ mustChangePassword: false }, "/theo-doi/chi-tieu/A1")).toBeNull();
  });
});
