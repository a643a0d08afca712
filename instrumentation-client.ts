/**
 * Runs in the browser before the app's own modules.
 *
 * zod 4 probes `new Function` when it builds its first object schema, to
 * compile fast parsers. Our CSP allows no eval (lib/security/headers.ts), so
 * the probe is refused and reported as a CSP violation on every page with a
 * form; the interpreter it falls back to is plenty for forms.
 */
import { config } from "zod/v4/core";

config({ jitless: true });
