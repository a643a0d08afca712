/**
 * getServerSideProps of the staff pages without JavaScript (the dashboard, ADR 035): the same
 * access rules as the App Router's staff layout (lib/auth/staff-gate.ts: sign-in without a session,
 * the password form while one must be chosen), `Cache-Control: private, no-store`, and the page's
 * content rendered in the staff shell to HTML. `content` loads what the page shows and returns its
 * elements (sync components only), or null for a 404.
 */
import type { GetServerSideProps } from "next";
import { renderToStaticMarkup } from "react-dom/server";
import type { Actor } from "@/lib/auth/actor";
import { getRequestActor } from "@/lib/auth/session";
import { signOutCsrfToken } from "@/lib/auth/sign-out-token";
import { staffPageRedirect } from "@/lib/auth/staff-gate";
import { getUnreadCount } from "@/lib/data/notifications";
import type { Query } from "@/lib/dashboard-context";
import { safeCallbackUrl } from "@/lib/security/callback-url";
import { PATHNAME_HEADER } from "@/lib/security/request-headers";
import { staffTitle } from "@/components/staff-metadata";
import { SignOutForm } from "./sign-out-form";
import { StaffShell } from "./staff-shell";
import type { StaticStaffPageProps } from "./static-staff-page";

export interface StaffRequest {
  actor: Actor;
  /** The URL's query, as the App Router's searchParams (a repeated name gives an array). */
  query: Query;
  /** The dynamic segments of the page's path. */
  params: Record<string, string | string[] | undefined>;
}

function queryOf(search: URLSearchParams): Query {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const before = query[name];
    query[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return query;
}

export function staticStaffProps(title: string, content: (request: StaffRequest) => Promise<React.ReactNode | null>): GetServerSideProps<StaticStaffPageProps> {
  return async ({ req, res, params }) => {
    res.setHeader("Cache-Control", "private, no-store");
    // The proxy sets the path and query it was asked for, as for the App Router's staff layout.
    const header = req.headers[PATHNAME_HEADER];
    const here = safeCallbackUrl(typeof header === "string" ? header : req.url);
    const actor = await getRequestActor(req, res);
    const elsewhere = staffPageRedirect(actor, here);
    if (elsewhere || !actor) return { redirect: { destination: elsewhere ?? "/dang-nhap", permanent: false } };
    const url = new URL(here, "http://dx-tracker.invalid");
    const body = await content({ actor, query: queryOf(url.searchParams), params: params ?? {} });
    if (body === null) return { notFound: true };
    const [unread, csrfToken] = await Promise.all([getUnreadCount(actor), signOutCsrfToken(req, res)]);
    const html = renderToStaticMarkup(
      <StaffShell actor={actor} unread={unread} pathname={url.pathname} signOut={<SignOutForm csrfToken={csrfToken} />}>
        {body}
      </StaffShell>,
    );
    return { props: { title: staffTitle(title), html } };
  };
}
