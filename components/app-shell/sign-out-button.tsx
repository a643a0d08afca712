"use client";
import { useState } from "react";

/**
 * Ends the session and goes to the sign-in page. It speaks next-auth's own
 * sign-out endpoint as its client does (GET /api/auth/csrf, then POST
 * /api/auth/signout with that token; next-auth clears the cookie and runs its
 * sign-out event), without next-auth/react: that client would be loaded on every
 * staff page for this one button (ADR 031, the staff pages' JavaScript budget).
 * The redirect is ours: next-auth would build it from NEXTAUTH_URL, which a
 * deployment without it does not know.
 */
async function signOut(): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl: "/dang-nhap", json: "true" }),
  });
}
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending || undefined}
      onClick={async () => {
        setPending(true);
        try {
          await signOut();
        } finally {
          window.location.assign("/dang-nhap");
        }
      }}
      className="rounded border border-white/60 px-3 py-1 text-sm font-medium text-white hover:bg-white/10 focus:outline-none focus-visible:ring-2 focus-visible:ring-white disabled:opacity-60"
    >
      Đăng xuất
    </button>
  );
}
