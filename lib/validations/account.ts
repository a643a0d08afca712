/**
 * The change-password form (/tai-khoan/mat-khau), shared by the client form,
 * the server action and lib/services/account.ts. Whether "current" is the
 * right password only the service can tell.
 */
import { z } from "@/lib/validations/zod";

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes anything, but a megabyte "password" is an attack, not a password. */
export const PASSWORD_MAX_LENGTH = 200;

export const ACCOUNT_MESSAGES = {
  currentRequired: "Vui lòng nhập mật khẩu hiện tại.",
  currentWrong: "Mật khẩu hiện tại không đúng.",
  nextTooShort: `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
  nextTooLong: `Mật khẩu mới tối đa ${PASSWORD_MAX_LENGTH} ký tự.`,
  nextSameAsCurrent: "Mật khẩu mới phải khác mật khẩu hiện tại.",
  confirmMismatch: "Mật khẩu xác nhận không khớp với mật khẩu mới.",
} as const;

// Passwords are taken as typed: no trim, a space may be part of one.
export const changePasswordSchema = z
  .object({
    current: z.string({ error: ACCOUNT_MESSAGES.currentRequired }).min(1, ACCOUNT_MESSAGES.currentRequired).max(PASSWORD_MAX_LENGTH, ACCOUNT_MESSAGES.currentWrong),
    next: z
      .string({ error: ACCOUNT_MESSAGES.nextTooShort })
      .min(PASSWORD_MIN_LENGTH, ACCOUNT_MESSAGES.nextTooShort)
      .max(PASSWORD_MAX_LENGTH, ACCOUNT_MESSAGES.nextTooLong),
    confirm: z.string({ error: ACCOUNT_MESSAGES.confirmMismatch }),
  })
  .superRefine((value, ctx) => {
    if (value.next === value.current) ctx.addIssue({ code: "custom", path: ["next"], message: ACCOUNT_MESSAGES.nextSameAsCurrent });
    if (value.confirm !== value.next) ctx.addIssue({ code: "custom", path: ["confirm"], message: ACCOUNT_MESSAGES.confirmMismatch });
  });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
