import { describe, expect, it } from "vitest";
import { envProblems, envSchema } from "@/lib/env";

const BASE = { DATABASE_URL: "postgresql://u@127.0.0.1:5432/dx" };

describe("env: notifications (ADR 030)", () => {
  it("without SMTP_URL: in the app only; reminders 3 days before by default", () => {
    const env = envSchema.parse(BASE);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.REMINDER_DAYS_BEFORE).toBe(3);
    expect(envSchema.parse({ ...BASE, SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });

  it("SMTP_URL needs MAIL_FROM and NEXTAUTH_URL (the links' base), each refusal in Vietnamese", () => {
    const refused = envSchema.safeParse({ ...BASE, SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(refused.success).toBe(false);
    const messages = refused.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual([
      "MAIL_FROM: Có SMTP_URL thì cần MAIL_FROM: địa chỉ người gửi thư thông báo.",
      "NEXTAUTH_URL: Có SMTP_URL thì cần NEXTAUTH_URL: địa chỉ công khai của ứng dụng, để đặt liên kết trong thư.",
    ]);
    const ok = envSchema.parse({ ...BASE, SMTP_URL: "smtps://u:p@mail.example.vn:465", MAIL_FROM: "CĐS <a@example.vn>", NEXTAUTH_URL: "https://dx.example.vn" });
    expect(ok.SMTP_URL).toBe("smtps://u:p@mail.example.vn:465");
  });

  it("refuses an SMTP_URL that is not smtp(s) and a reminder setting out of range", () => {
    expect(envSchema.safeParse({ ...BASE, SMTP_URL: "http://mail.example.vn" }).error?.issues[0]?.message).toContain("SMTP_URL phải có dạng smtp://");
    expect(envSchema.safeParse({ ...BASE, REMINDER_DAYS_BEFORE: "-1" }).success).toBe(false);
    expect(envSchema.safeParse({ ...BASE, REMINDER_DAYS_BEFORE: "ba" }).success).toBe(false);
    expect(envSchema.parse({ ...BASE, REMINDER_DAYS_BEFORE: "0" }).REMINDER_DAYS_BEFORE).toBe(0);
  });

  it("envProblems: what npm start prints before refusing to start, or null", () => {
    expect(envProblems(BASE)).toBeNull();
    expect(envProblems({ ...BASE, SMTP_URL: "smtp://127.0.0.1:2525", NEXTAUTH_URL: "http://localhost:3000" })).toBe(
      "- MAIL_FROM: Có SMTP_URL thì cần MAIL_FROM: địa chỉ người gửi thư thông báo.",
    );
  });
});

describe("env: the province served (ADR 034)", () => {
  it("defaults to 19 and accepts any code of the 1 July 2025 list", () => {
    expect(envSchema.parse(BASE).DX_PROVINCE_CODE).toBe("19");
    expect(envSchema.parse({ ...BASE, DX_PROVINCE_CODE: " 01 " }).DX_PROVINCE_CODE).toBe("01");
    expect(envSchema.parse({ ...BASE, DX_PROVINCE_CODE: "" }).DX_PROVINCE_CODE).toBe("19");
  });

  it("refuses a malformed code and a code that is no longer a province (Bắc Kạn, 06, merged in 2025), in Vietnamese", () => {
    expect(envProblems({ ...BASE, DX_PROVINCE_CODE: "1" })).toBe("- DX_PROVINCE_CODE: DX_PROVINCE_CODE phải là mã tỉnh, thành phố gồm hai chữ số, ví dụ 01 hoặc 19.");
    const merged = envProblems({ ...BASE, DX_PROVINCE_CODE: "06" });
    expect(merged).toContain('DX_PROVINCE_CODE="06" không phải mã tỉnh, thành phố nào trong danh mục từ ngày 01/07/2025');
    expect(merged).toContain("01, 04, 08");
  });
});
