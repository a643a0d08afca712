/**
 * The role × action matrix, over HTTP, bypassing the UI: every server action
 * the build contains (read from Next's server-reference manifest, so a new
 * action without a row here fails the test) is called directly as the public
 * and as each role, and every route handler is requested anonymously.
 * Expected: only the roles PERMISSIONS grants get past authorisation (they are
 * then stopped by validation, so nothing changes); everyone else is refused
 * with UNAUTHENTICATED or FORBIDDEN; an editor writing another department's
 * indicator is refused with OUT_OF_SCOPE. 0 unexpected allows.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { builtActions, builtEntries } from "../helpers/build-manifest";
import { demoAccount, type DemoRole } from "./fixtures";

/** Every server action and the permission that guards it. */
const ACTION_PERMISSIONS: Record<string, Permission> = {
  saveDraftsAction: "figure.edit",
  submitFiguresAction: "figure.submit",
  approveFigures: "figure.review",
  rejectFigures: "figure.review",
  withdrawPublication: "figure.review",
  lockPeriod: "period.manage",
  unlockPeriod: "period.manage",
  setDeadline: "period.manage",
  changePasswordAction: "account.changePassword",
  markNotificationRead: "notification.read",
  markAllNotificationsRead: "notification.read",
  openNextPeriod: "period.manage",
  createUser: "admin.users",
  updateUser: "admin.users",
  setUserDisabled: "admin.users",
  resetUserPassword: "admin.users",
  createDepartment: "admin.departments",
  renameDepartment: "admin.departments",
  assignIndicators: "admin.departments",
  createIndicator: "admin.indicators",
  updateIndicator: "admin.indicators",
  setTarget: "admin.indicators",
  withdrawTarget: "admin.indicators",
  setBaseline: "admin.indicators",
  withdrawBaseline: "admin.indicators",
  retireIndicator: "admin.indicators",
  reinstateIndicator: "admin.indicators",
  createEdition: "admin.indicators",
  removeEdition: "admin.indicators",
  createProgramme: "admin.indicators",
  setProgrammeStatus: "admin.indicators",
  importAdminUnits: "admin.units",
  closeUnit: "admin.units",
  setSuccessionWeight: "admin.units",
};

/** Route handlers: which are public (anyone may call them) — any other must refuse the public. */
const PUBLIC_ROUTES = [
  /^\/api\/health$/,
  /^\/api\/auth\//,
  /^\/api\/public\//, // published figures (downloads), approved only
  /^\/api\/v1\//, // open-data API: approved figures only (tests/integration/open-data.test.ts)
  /^\/(icon|apple-icon)(\.\w+)?$/, // metadata routes
  /^\/(robots\.txt|sitemap\.xml|manifest\.webmanifest)$/,
];

const ROLE_OF: Record<DemoRole, Role> = { ADMIN: "ADMIN", APPROVER: "APPROVER", EDITOR: "EDITOR", EDITOR_VP: "EDITOR", VIEWER: "VIEWER" };
const PRINCIPALS: Array<DemoRole | "PUBLIC"> = ["PUBLIC", "VIEWER", "EDITOR", "EDITOR_VP", "APPROVER", "ADMIN"];

async function signedIn(baseURL: string, who: DemoRole | "PUBLIC"): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  if (who === "PUBLIC") return context;
  const { email, password } = demoAccount(who);
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${who}`).toBeLessThan(400);
  const session = await (await context.get("/api/auth/session")).json();
  expect(session?.user?.email, `session of ${who}`).toBe(email);
  return context;
}

/** Calls a server action the way the browser does, but with any payload, and reads its result. */
async function callAction(context: APIRequestContext, action: { id: string; page: string }, payload: unknown) {
  const response = await context.post(action.page, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([payload]),
    maxRedirects: 0,
  });
  const body = await response.text();
  // The proxy sends the public from staff pages to the sign-in page before the action runs.
  if (response.status() === 307 && /\/dang-nhap/.test(response.headers()["location"] ?? "")) {
    return { status: 307, ok: false, code: "UNAUTHENTICATED", body };
  }
  const ok = /"ok":(true|false)/.exec(body)?.[1];
  const code = /"code":"([A-Z_]+)"/.exec(body)?.[1];
  return { status: response.status(), ok: ok === undefined ? null : ok === "true", code: code ?? null, body };
}

test.describe.configure({ mode: "serial" });

test("every server action refuses every role PERMISSIONS does not grant, and the public", async ({ baseURL }) => {
  const actions = builtActions();
  const names = actions.map((a) => a.name).sort();
  // A server action without a row above is a failure: it must be placed in the matrix.
  expect(names).toEqual(Object.keys(ACTION_PERMISSIONS).sort());

  const unexpected: string[] = [];
  for (const who of PRINCIPALS) {
    const context = await signedIn(baseURL!, who);
    try {
      for (const action of actions) {
        const permission = ACTION_PERMISSIONS[action.name]!;
        const allowed = who !== "PUBLIC" && can(ROLE_OF[who], permission);
        // An invalid payload: a granted role is stopped by validation, so nothing is written.
        const result = await callAction(context, action, { invalid: true });
        expect(result.ok, `${who} → ${action.name}: ${result.body.slice(0, 200)}`).toBe(false);
        const refusedByAuth = result.code === "UNAUTHENTICATED" || result.code === "FORBIDDEN";
        if (allowed && refusedByAuth) unexpected.push(`${who} was refused ${action.name} (${result.code})`);
        if (!allowed && !refusedByAuth) unexpected.push(`${who} got past authorisation of ${action.name} (${result.code})`);
        if (who === "PUBLIC" && result.code !== "UNAUTHENTICATED") unexpected.push(`public: ${action.name} said ${result.code}`);
      }
    } finally {
      await context.dispose();
    }
  }
  expect(unexpected).toEqual([]);
});

test("an editor cannot write another department's indicator, even with a valid payload sent directly", async ({ baseURL }) => {
  const save = builtActions().find((a) => a.name === "saveDraftsAction")!;
  // A real cell of Văn phòng UBND tỉnh's grid, as its own editor sees it.
  const vp = await signedIn(baseURL!, "EDITOR_VP");
  const html = await (await vp.get("/nhap-lieu?ky=2026-Q4")).text();
  await vp.dispose();
  const unescaped = html.replace(/\\"/g, '"');
  const cell = /"indicatorId":(\d+),"unitId":(\d+)/.exec(unescaped);
  const period = /"period":\{"id":(\d+)/.exec(unescaped);
  expect(cell && period, "the VP editor's grid names its cells").toBeTruthy();
  const payload = {
    periodId: Number(period![1]),
    rows: [{ indicatorId: Number(cell![1]), unitId: Number(cell![2]), periodId: Number(period![1]), sectorId: null, numerator: 1, denominator: 2, value: null, version: 0 }],
  };

  const khcn = await signedIn(baseURL!, "EDITOR");
  const refused = await callAction(khcn, save, payload);
  await khcn.dispose();
  expect(refused).toMatchObject({ ok: false, code: "OUT_OF_SCOPE" });

  const viewer = await signedIn(baseURL!, "VIEWER");
  expect(await callAction(viewer, save, payload)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  await viewer.dispose();
});

test("route handlers: only the public ones answer the public", async ({ baseURL }) => {
  const { routes } = builtEntries();
  expect(routes.length).toBeGreaterThan(0);
  const context = await signedIn(baseURL!, "PUBLIC");
  try {
    for (const route of routes) {
      if (route.includes("[")) continue; // dynamic segments are covered by their own tests
      if (PUBLIC_ROUTES.some((r) => r.test(route))) continue;
      const response = await context.get(route, { maxRedirects: 0 });
      expect([401, 403, 404, 405, 307], `${route} answered the public with ${response.status()}`).toContain(response.status());
    }
  } finally {
    await context.dispose();
  }
});
