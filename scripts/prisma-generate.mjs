// Runs `prisma generate` offline.
//
// The Prisma CLI insists on locating its schema engine before it does anything,
// and downloads it from the vendor's host when it is missing. Generating the
// client does not use the engine, so we point the variable at any existing file
// for this one command only. Never set it elsewhere: with it, `db push` and
// `migrate diff` exit 0 and silently do nothing (ADR 002).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const result = spawnSync(
  process.execPath,
  ["node_modules/prisma/build/index.js", "generate", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
);
process.exit(result.status ?? 1);
