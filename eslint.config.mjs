// ESLint: TypeScript, the rules of React hooks, Next's rules, and the layers of
// the code as import rules (ADR 020). `npm run lint`; `npm test` runs it with
// --max-warnings 0.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const TS = ["**/*.{ts,tsx,mts,cts}"];
const UI = ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "pages/**/*.{ts,tsx}"];
// Tests may import anything: beside the code (*.test.ts) and in tests/.
const TESTS = ["**/*.test.{ts,tsx}"];

/*
 * The layers (ADR 020). An arrow is "may import"; nothing imports upwards.
 *
 *   app/, components/, pages/ (UI)   → lib/, all of it
 *   lib/actions (server actions)     → the rest of lib/: services, validations, auth, db, data …
 *   lib/services (writes)            → lib/ but lib/actions; a refusal is a DomainError from lib/errors.ts
 *   lib/data (reads)                 → lib/ but lib/actions, lib/services, lib/seed, lib/public-pages
 *   every other folder of lib/       → lib/ but lib/actions (validations, auth, db, seed, domain maths …)
 *   nothing in lib/                  → app/, components/, pages/
 *   tests (*.test.ts, tests/), scripts/, bench/ → anything
 *
 * Between folders, app/, components/, pages/ and lib/ import through the "@/"
 * alias ("../" is refused there), so a rule on the import's text sees every
 * crossing. no-restricted-imports does not see import() or require(): none
 * crosses a layer today.
 *
 * A file takes no-restricted-imports from the last config object below that
 * sets it, so each lib/ layer repeats the rules of all of lib/ (libRule).
 */
const NO_UI = {
  group: ["@/app", "@/app/*", "@/components", "@/components/*", "@/pages", "@/pages/*"],
  message: "lib/ never imports the UI (app/, components/, pages/): move what both need into lib/ (ADR 020).",
};
const NO_PARENT = {
  group: ["../*", "..", "./../*"],
  message: 'Import another folder through the "@/" alias, so the layer rules see it (ADR 020).',
};
const NO_ACTIONS = {
  group: ["@/lib/actions", "@/lib/actions/*"],
  message: "Only the UI calls server actions. DomainError lives in @/lib/errors (ADR 020).",
};
const NO_SERVICES = {
  group: ["@/lib/services", "@/lib/services/*"],
  message: "lib/data reads; it does not call services. Move the shared read or constant down into lib/data or a pure module (ADR 020).",
};
const NO_SEED = {
  group: ["@/lib/seed", "@/lib/seed/*"],
  message: "lib/data reads the database, not the seed's files. Move what both need into a pure module (ADR 020).",
};
const NO_PUBLIC_PAGES = {
  group: ["@/lib/public-pages", "@/lib/public-pages/*"],
  message: "lib/data is below the public pages' cache; it does not import it (ADR 020).",
};

const libRule = (...layer) => ["error", { patterns: [NO_UI, NO_PARENT, ...layer] }];

export default defineConfig([
  globalIgnores([
    "lib/generated/**",
    ".next/**",
    ".data/**",
    ".data-e2e/**",
    "test-results/**",
    "playwright-report/**",
    "bench/results/**",
    "next-env.d.ts",
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  // Plain JavaScript: the Node scripts and configs, and the one browser script of the public pages.
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["public/**/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: TS,
    rules: {
      // A leading underscore says "unused on purpose", as the code already writes it: `const { id: _id, ...rest } = row`.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },

  // Next's rules (recommended + Core Web Vitals), where Next's files are.
  {
    files: UI,
    ...nextPlugin.configs["core-web-vitals"],
  },

  // The rules of hooks and the React Compiler's rules, where components are.
  {
    files: UI,
    ...reactHooks.configs.flat["recommended-latest"],
  },

  // The layers (see the diagram above).
  {
    files: UI,
    rules: { "no-restricted-imports": ["error", { patterns: [NO_PARENT] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/actions/**", ...TESTS],
    rules: { "no-restricted-imports": libRule(NO_ACTIONS) },
  },
  {
    files: ["lib/actions/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: { "no-restricted-imports": libRule() },
  },
  {
    files: ["lib/data/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: { "no-restricted-imports": libRule(NO_ACTIONS, NO_SERVICES, NO_SEED, NO_PUBLIC_PAGES) },
  },
]);
