/**
 * Environment of the server process, parsed once by one schema.
 */
import { z } from "zod";

const booleanFlag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL chưa được đặt (npm start tự khởi động cơ sở dữ liệu nhúng khi thiếu biến này)." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL phải là một URL PostgreSQL (postgresql://…)."),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Demo mode: invented figures and demo accounts are loaded and labelled as such. */
  DEMO_DATA: booleanFlag,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Behind one reverse proxy: trust the X-Forwarded-* headers it sets (lib/security/client-address.ts). */
  TRUST_PROXY: booleanFlag,
});

export type Env = z.infer<typeof envSchema>;

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
