/** Password hashing: argon2id with the library's (OWASP-level) defaults. */
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash, so that an unknown account costs the same time as a known one.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$GtnqQcdCtGMU7aiyLKA4Ug$QKq0li9ComTfuHVv/+UKEMRGymCccKOmpbOgLRLWibA";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}
