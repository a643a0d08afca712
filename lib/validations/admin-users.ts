/**
 * The account forms of /quan-tri/nguoi-dung: create, edit role / department /
 * unit scope, disable or re-enable, force a password reset. Shared by the
 * forms, the server actions and lib/services/admin-users.ts.
 */
import { z } from "@/lib/validations/zod";
import { ROLES } from "@/lib/auth/permissions";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validations/account";
import { idField, idList, optionalReason, text, wholeNumber } from "@/lib/validations/admin-common";

export const USER_MESSAGES = {
  emailInvalid: "Email không hợp lệ.",
  emailTaken: "Email này đã có tài khoản.",
  roleInvalid: "Chọn vai trò.",
  departmentRequired: "Cán bộ nhập liệu phải thuộc một cơ quan.",
  departmentInvalid: "Cơ quan không hợp lệ.",
  passwordModeInvalid: "Chọn cách đặt mật khẩu ban đầu.",
  passwordTooShort: `Mật khẩu ban đầu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
  passwordTooLong: `Mật khẩu ban đầu tối đa ${PASSWORD_MAX_LENGTH} ký tự.`,
  unitInvalid: "Đơn vị hành chính không hợp lệ.",
  userMissing: "Thiếu tài khoản.",
  lastAdmin: "Không thể thực hiện: đây là quản trị viên đang hoạt động cuối cùng. Hãy cấp quyền quản trị cho một người khác trước.",
  notSelf: "Bạn không thể tự khóa tài khoản của chính mình.",
} as const;

const roleField = z.enum(ROLES, { error: USER_MESSAGES.roleInvalid });

/** Empty select = no department. */
const departmentField = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  wholeNumber(USER_MESSAGES.departmentInvalid).nullable(),
);

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

function requireDepartmentForEditors(value: { role: string; departmentId: number | null }, ctx: z.RefinementCtx) {
  if (value.role === "EDITOR" && value.departmentId === null) {
    ctx.addIssue({ code: "custom", path: ["departmentId"], message: USER_MESSAGES.departmentRequired });
  }
}

const profile = {
  name: text("họ tên", 200),
  role: roleField,
  departmentId: departmentField,
  /** Where set, an editor enters figures only for these units and those below them. */
  unitIds: idList(USER_MESSAGES.unitInvalid, 200),
};

export const createUserSchema = z
  .object({
    email: z.string({ error: USER_MESSAGES.emailInvalid }).trim().toLowerCase().pipe(z.email(USER_MESSAGES.emailInvalid).max(254, USER_MESSAGES.emailInvalid)),
    ...profile,
    /** "typed": the admin gives the first password; "temporary": one is generated and shown once. */
    passwordMode: z.enum(["typed", "temporary"], { error: USER_MESSAGES.passwordModeInvalid }),
    password: z.string().optional(),
    /** Only for a typed password; a temporary one must always be changed. */
    mustChangePassword: checkbox.optional(),
  })
  .superRefine((value, ctx) => {
    requireDepartmentForEditors(value, ctx);
    if (value.passwordMode === "typed") {
      const length = value.password?.length ?? 0;
      if (length < PASSWORD_MIN_LENGTH) ctx.addIssue({ code: "custom", path: ["password"], message: USER_MESSAGES.passwordTooShort });
      if (length > PASSWORD_MAX_LENGTH) ctx.addIssue({ code: "custom", path: ["password"], message: USER_MESSAGES.passwordTooLong });
    }
  });

export const updateUserSchema = z
  .object({ userId: z.uuid(USER_MESSAGES.userMissing), ...profile, reason: optionalReason })
  .superRefine(requireDepartmentForEditors);

export const setUserDisabledSchema = z.object({
  userId: z.uuid(USER_MESSAGES.userMissing),
  disabled: z.boolean({ error: "Thiếu thao tác (khóa hay mở khóa)." }),
  reason: optionalReason,
});

export const resetUserPasswordSchema = z.object({ userId: z.uuid(USER_MESSAGES.userMissing), reason: optionalReason });

/** /quan-tri/nguoi-dung/[id] */
export const userIdParamSchema = z.uuid();

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/** Not a validation, but every form of the section needs it. */
export { idField };
