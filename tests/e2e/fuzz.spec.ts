/**
 * Fuzz suite (issue #13): 10,000 malformed requests under a fixed seed, over
 * every server action, route handler and page of the build, as the public and
 * as every role (tests/fuzz/http-fuzz.ts). Expected: no status ≥ 500, no
 * action answering INTERNAL, and not one row changed — every table but the
 * sign-in attempts compared before and after on PostgreSQL; on the embedded
 * database (whose port the test cannot reach) the audit log and the published
 * figures, as an administrator downloads them. A larger run: `npm run bench -- fuzz`.
 */
import { expect, test } from "@playwright/test";
import { builtActions, builtEntries } from "../helpers/build-manifest";
import { databaseDigest, describeFailure, downloadsDigest, groupFailures, PRINCIPALS, runFuzz, signIn, type Sessions } from "../fuzz/http-fuzz";
import { demoAccount } from "./fixtures";

export const FUZZ_SEED = 20_261_203;
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Every request of the suite comes from this address (TRUST_PROXY=1), so its failed password checks never throttle 127.0.0.1, where the other specs sign in. */
const FUZZ_ADDRESS = "203.0.113.77";

test("10,000 malformed requests: no 5xx, no INTERNAL, no row changed", async ({ baseURL }) => {
  test.setTimeout(30 * 60_000);
  const baseUrl = baseURL!;
  const actions = builtActions();
  const { routes, pages } = builtEntries();
  expect(actions.length).toBeGreaterThan(15);
  expect(routes.length).toBeGreaterThan(8);
  expect(pages.length).toBeGreaterThan(10);

  const sessions: Sessions = {};
  for (const who of PRINCIPALS) {
    if (who === "PUBLIC") continue;
    const { email, password } = demoAccount(who);
    sessions[who] = await signIn(baseUrl, email, password, FUZZ_ADDRESS);
  }

  const databaseUrl = process.env.E2E_DATABASE_URL;
  const digest = () => (databaseUrl ? databaseDigest(databaseUrl) : downloadsDigest(baseUrl, sessions.ADMIN!, FUZZ_ADDRESS));
  const before = await digest();

  const report = await runFuzz({
    baseUrl,
    targets: { actions, routes, pages },
    sessions,
    seed: FUZZ_SEED,
    runs: RUNS,
    defaultHeaders: { "x-forwarded-for": FUZZ_ADDRESS },
    onProgress: (done) => console.log(`fuzz: ${done} / ${RUNS}`),
  });
  console.log(
    `fuzz: ${report.requests} requests in ${report.seconds.toFixed(0)} s (seed ${report.seed}); by status ${JSON.stringify(report.byStatus)}; ` +
      `${Object.keys(report.byTarget).length} entry points`,
  );

  if (report.failures.length > 0) console.log(`fuzz failures by entry point:\n${groupFailures(report.failures).join("\n")}`);
  expect(report.failures.map(describeFailure).slice(0, 20), `${report.failures.length} failures`).toEqual([]);
  // Every server action and route handler of the build was reached.
  for (const action of actions) expect(report.byTarget[`action ${action.name}`] ?? 0, action.name).toBeGreaterThan(0);
  for (const route of routes) expect(report.byTarget[`route ${route}`] ?? 0, route).toBeGreaterThan(0);

  expect(await digest()).toEqual(before);
});
