/**
 * Environment of the server process, parsed once by one schema.
 */
import { z } from "zod";
import { DEFAULT_PROVINCE_CODE, PROVINCES, findProvince } from "@/lib/geography/provinces";

const booleanFlag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

export const envSchema = z
  .object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL chưa được đặt (npm start tự khởi động cơ sở dữ liệu nhúng khi thiếu biến này)." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL phải là một URL PostgreSQL (postgresql://…)."),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Demo mode: invented figures and demo accounts are loaded and labelled as such. */
  DEMO_DATA: booleanFlag,
  /** The province served (ADR 034): a two-digit code of the 1 July 2025 list; the seed loads its units. */
  DX_PROVINCE_CODE: optionalText
    .transform((v) => v ?? DEFAULT_PROVINCE_CODE)
    .pipe(
      z
        .string()
        .regex(/^\d{2}$/, { error: "DX_PROVINCE_CODE phải là mã tỉnh, thành phố gồm hai chữ số, ví dụ 01 hoặc 19.", abort: true })
        .refine((code) => findProvince(code) !== undefined, {
          error: (issue) =>
            `DX_PROVINCE_CODE="${String(issue.input)}" không phải mã tỉnh, thành phố nào trong danh mục từ ngày 01/07/2025 (các mã: ${PROVINCES.map((p) => p.code).join(", ")}).`,
        }),
    ),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Behind one reverse proxy: trust the X-Forwarded-* headers it sets (lib/security/client-address.ts). */
  TRUST_PROXY: booleanFlag,
  /** The app's public address; also the base of the links in e-mails (lib/notifications/mail.ts). */
  NEXTAUTH_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL phải là một địa chỉ http(s)://…" }).optional()),
  /**
   * Notifications by e-mail (ADR 030): smtp://user:pass@host:587 or smtps://…:465. Unset: in the app only.
   */
  SMTP_URL: optionalText.pipe(
    z.url({ protocol: /^smtps?$/, error: "SMTP_URL phải có dạng smtp://người-dùng:mật-khẩu@máy-chủ:587 hoặc smtps://…:465." }).optional(),
  ),
  /** The sender of those e-mails, e.g. "Theo dõi CĐS Thái Nguyên <khong-tra-loi@thainguyen.gov.vn>". */
  MAIL_FROM: optionalText,
  /** Editors are reminded this many days before a reporting period's deadline; 0: no reminders. */
  REMINDER_DAYS_BEFORE: z.coerce
    .number({ error: "REMINDER_DAYS_BEFORE phải là một số ngày (0–60)." })
    .int("REMINDER_DAYS_BEFORE phải là một số nguyên.")
    .min(0, "REMINDER_DAYS_BEFORE không được âm.")
    .max(60, "REMINDER_DAYS_BEFORE tối đa 60 ngày.")
    .default(3),
  })
  .superRefine((env, ctx) => {
    if (!env.SMTP_URL) return;
    if (!env.MAIL_FROM) ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "Có SMTP_URL thì cần MAIL_FROM: địa chỉ người gửi thư thông báo." });
    if (!env.NEXTAUTH_URL) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "Có SMTP_URL thì cần NEXTAUTH_URL: địa chỉ công khai của ứng dụng, để đặt liên kết trong thư." });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** What is wrong with an environment, in Vietnamese, one line per setting; null when it is valid. */
export function envProblems(env: Record<string, string | undefined>): string | null {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return null;
  return parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n");
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Cấu hình môi trường không hợp lệ:\n${messages}`);
  }
  cached = parsed.data;
  return cached;
}
