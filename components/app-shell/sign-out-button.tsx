"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";

/**
 * Ends the session (next-auth clears its cookie) and goes to the sign-in page.
 * The redirect is ours: next-auth would build it from NEXTAUTH_URL, which a
 * deployment without it does not know.
 */
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
          await signOut({ redirect: false });
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
