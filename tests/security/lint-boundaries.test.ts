/**
 * Issue #17: the layers of the code are ESLint rules (eslint.config.mjs, ADR 020), and
 * `npm test` fails on any import across them. Here the project's own configuration
 * lints snippets that break a layer, at paths in that layer: each must be reported,
 * or the rule has stopped guarding anything. The same imports where they are allowed
 * must pass, so the rule is not simply refusing everything.
 */
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const RULE = "no-restricted-imports";
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The layer rule's findings for `code` as if it were the file at `filePath`. */
async function boundaryFindings(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result, `${filePath} was not linted (ignored?)`).toBeDefined();
  // A parse error would hide every rule: it is a broken snippet, not a pass.
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("the layer rules report an import across a layer", () => {
  it.each([
    ["a service importing a server action", "lib/services/lint-probe.ts", 'import { saveDraftsAction } from "@/lib/actions/figures";\nexport const probe = saveDraftsAction;\n', "@/lib/actions/figures"],
    ["a service importing DomainError from the actions", "lib/services/lint-probe.ts", 'import { DomainError } from "@/lib/actions/result";\nexport const probe = DomainError;\n', "@/lib/actions/result"],
    ["a validation importing the actions", "lib/validations/lint-probe.ts", 'import type { ActionResult } from "@/lib/actions/result";\nexport type Probe = ActionResult<number>;\n', "@/lib/actions/result"],
    ["a read importing the seed", "lib/data/lint-probe.ts", 'import { INDICATORS } from "@/lib/seed/resolution";\nexport const probe = INDICATORS;\n', "@/lib/seed/resolution"],
    ["a read importing a service", "lib/data/lint-probe.ts", 'import { saveDrafts } from "@/lib/services/figures";\nexport const probe = saveDrafts;\n', "@/lib/services/figures"],
    ["a read importing the public pages' cache", "lib/data/lint-probe.ts", 'export { publicPageRewrites } from "@/lib/public-pages/public-routes";\n', "@/lib/public-pages/public-routes"],
    ["the domain maths importing a component", "lib/rollup/lint-probe.ts", 'import { StatusBadge } from "@/components/status-badge";\nexport const probe = StatusBadge;\n', "@/components/status-badge"],
    ["lib/ importing an app route", "lib/auth/lint-probe.ts", 'import * as page from "@/app/(app)/duyet/page";\nexport const probe = page;\n', "@/app/(app)/duyet/page"],
    ["a relative import around the alias", "lib/services/lint-probe.ts", 'import { toActionError } from "../actions/result";\nexport const probe = toActionError;\n', "../actions/result"],
  ])("%s", async (_name, filePath, code, specifier) => {
    const findings = await boundaryFindings(filePath, code);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(`'${specifier}'`);
  });
});

describe("the same imports pass where the layers allow them", () => {
  it.each([
    ["the UI calling a server action", "components/entry/lint-probe.tsx", 'import { saveDraftsAction } from "@/lib/actions/figures";\nexport const probe = saveDraftsAction;\n'],
    ["a server action calling a service", "lib/actions/lint-probe.ts", 'import { saveDrafts } from "@/lib/services/figures";\nexport const probe = saveDrafts;\n'],
    ["a service throwing DomainError from lib/errors", "lib/services/lint-probe.ts", 'import { DomainError } from "@/lib/errors";\nexport const probe = DomainError;\n'],
    ["a read sharing the figure columns", "lib/data/lint-probe.ts", 'import { FIGURE_SELECT } from "@/lib/data/figure-select";\nexport const probe = FIGURE_SELECT;\n'],
    ["a test beside the reads importing the seed", "lib/data/lint-probe.test.ts", 'import { INDICATORS } from "@/lib/seed/resolution";\nexport const probe = INDICATORS;\n'],
    ["a test in tests/ importing a server action", "tests/integration/lint-probe.test.ts", 'import { saveDraftsAction } from "@/lib/actions/figures";\nexport const probe = saveDraftsAction;\n'],
  ])("%s", async (_name, filePath, code) => {
    expect(await boundaryFindings(filePath, code)).toEqual([]);
  });
});
