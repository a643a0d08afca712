/**
 * The CSRF token of next-auth's sign-out form, for a page rendered by getServerSideProps (the
 * dashboard pages, which ship no JavaScript: ADR 035). Asked of next-auth's own handler, in
 * process, as a GET /api/auth/csrf: the token of the browser's CSRF cookie, or a new one whose
 * cookie (next-auth's name, `__Host-` prefix and flags) goes onto the page's response. The form
 * then POSTs to /api/auth/signout exactly like next-auth's own sign-out page.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

export async function signOutCsrfToken(req: IncomingMessage & { cookies: Partial<Record<string, string>> }, res: ServerResponse): Promise<string> {
  let body: unknown;
  // The handler's answer: its cookies go onto the page's response (after any next-auth already
  // set there), its body is kept; its other headers (JSON, no-cache) are not the page's.
  const answer = {
    status: () => answer,
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? res.getHeader("Set-Cookie") : undefined),
    setHeader: (name: string, value: string | string[]) => {
      if (name.toLowerCase() === "set-cookie") res.setHeader("Set-Cookie", value);
      return answer;
    },
    send: (value: unknown) => void (body = value),
    json: (value: unknown) => void (body = value),
    end: () => undefined,
  };
  const request = { method: "GET", query: { nextauth: ["csrf"] }, headers: req.headers, cookies: req.cookies, body: {} };
  await NextAuth(request as unknown as NextApiRequest, answer as unknown as NextApiResponse, { ...authOptions });
  const token = (body as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token !== "string" || token === "") throw new Error("next-auth did not answer a CSRF token");
  return token;
}
