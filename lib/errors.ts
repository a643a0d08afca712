/**
 * A refusal the user can act on (validation, conflict, locked period …), with
 * its message in the user's language. Services and validations throw it; the
 * server actions turn it into an ActionResult (lib/actions/result.ts, which
 * re-exports it). It lives below both so that the services never import the
 * actions (ADR 020).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** A refusal about one field of a form: the message shows at the top and beside the field. */
export function fieldError(code: string, field: string, message: string): DomainError {
  return new DomainError(code, message, undefined, { [field]: [message] });
}
