/**
 * zod 4 probes `new Function` when it first compiles an object schema, to build
 * fast parsers. Our CSP allows no eval (lib/security/headers.ts), so in the
 * browser the probe is refused and reported as a CSP violation; the interpreter
 * it falls back to is plenty for forms. Set before any schema exists: every
 * module that builds schemas takes zod from ./zod.ts, which imports this first
 * (ADR 007). Only pages with a form load zod at all (ADR 031).
 */
import { config } from "zod/v4/core";

config({ jitless: true });
