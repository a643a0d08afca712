"use client";
import { useRef, useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { STAFF_AREA } from "@/lib/auth/landing";
import { safeCallbackUrl } from "@/lib/security/callback-url";
import { useHydrated } from "@/components/admin/use-hydrated";
import { Field } from "./field";
import { signInErrorMessage, SIGN_IN_UNAVAILABLE } from "./sign-in-messages";

/**
 * Email + password through next-auth's credentials provider, without its
 * redirects: errors stay on this page, in a live region, and success goes to
 * the (same-origin) callbackUrl.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  // Disabled until hydrated: a click before that would post the form natively.
  const ready = useHydrated();
  const password = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const passwordValue = String(data.get("password") ?? "");
    if (!email || !passwordValue) {
      setError("Vui lòng nhập email và mật khẩu.");
      return;
    }
    setPending(true);
    setError("");
    try {
      const result = await signIn("credentials", { redirect: false, email, password: passwordValue, callbackUrl });
      if (result?.ok && !result.error) {
        // A full load: the server renders the next page with the new session cookie.
        window.location.assign(safeCallbackUrl(callbackUrl, STAFF_AREA));
        return;
      }
      setError(signInErrorMessage(result?.error));
    } catch {
      setError(SIGN_IN_UNAVAILABLE);
    }
    setPending(false);
    if (password.current) {
      password.current.value = "";
      password.current.focus();
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {/* Always in the page, so screen readers announce the message when it appears. */}
      <div role="alert" aria-live="assertive">
        {error && <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{error}</p>}
      </div>
      <Field id="email" name="email" label="Email" type="email" autoComplete="username" inputMode="email" required spellCheck={false} />
      <Field
        ref={password}
        id="mat-khau"
        name="password"
        label="Mật khẩu"
        type="password"
        autoComplete="current-password"
        required
      />
      <button
        type="submit"
        disabled={!ready || pending}
        aria-busy={pending || undefined}
        className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        Đăng nhập
      </button>
      <p className="sr-only" aria-live="polite">
        {pending ? "Đang đăng nhập…" : ""}
      </p>
      <noscript>
        <p className="text-sm text-red-900">Cần bật JavaScript trong trình duyệt để đăng nhập.</p>
      </noscript>
    </form>
  );
}
