/**
 * "Đăng xuất" without JavaScript, for the staff pages that ship none (ADR 035): next-auth's own
 * sign-out form — a POST to /api/auth/signout with the CSRF token of the browser's cookie
 * (lib/auth/sign-out-token.ts). next-auth clears the session cookie, runs its sign-out event and
 * redirects to the sign-in page on the app's public address (NEXTAUTH_URL, lib/auth/public-url.ts).
 * Styled as SignOutButton, which the App Router's pages keep.
 */
export function SignOutForm({ csrfToken }: { csrfToken: string }) {
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value="/dang-nhap" />
      <button
        type="submit"
        className="rounded border border-white/60 px-3 py-1 text-sm font-medium text-white hover:bg-white/10 focus:outline-none focus-visible:ring-2 focus-visible:ring-white disabled:opacity-60"
      >
        Đăng xuất
      </button>
    </form>
  );
}
