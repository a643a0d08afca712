/**
 * Decides which database a command uses, for the start script and the db:*
 * scripts: the PostgreSQL of DATABASE_URL when set, otherwise the embedded one
 * in DX_DATA_DIR (default .data/). Demo data is loaded with the embedded
 * default, or when DEMO_DATA=1 is set explicitly: a production database gets
 * the reference data only.
 */
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

export interface DatabaseTarget {
  url: string;
  demo: boolean;
  /** Pool size the app server may open. */
  poolMax: number;
  embedded: EmbeddedDatabase | null;
  describe: string;
}

const EMBEDDED_MAX_CONNECTIONS = 20;

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  return value === "1" || value.toLowerCase() === "true";
}

export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseTarget> {
  const demoFlag = flag(env.DEMO_DATA);
  if (env.DATABASE_URL) {
    const host = safeHost(env.DATABASE_URL);
    return {
      url: env.DATABASE_URL,
      demo: demoFlag ?? false,
      poolMax: Number(env.DATABASE_POOL_MAX ?? 10),
      embedded: null,
      describe: `PostgreSQL tại ${host}`,
    };
  }
  const dataDir = path.resolve(env.DX_DATA_DIR ?? ".data");
  const embedded = await startEmbeddedDatabase({ dataDir, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  return {
    url: embedded.url,
    demo: demoFlag ?? true,
    // Leave room below the embedded server's limit for the migrate/seed
    // connections of this process and an operator's psql.
    poolMax: Math.min(Number(env.DATABASE_POOL_MAX ?? 8), EMBEDDED_MAX_CONNECTIONS - 4),
    embedded,
    describe: `cơ sở dữ liệu nhúng (PGlite) trong ${embedded.dataDir}, cổng ${embedded.port}`,
  };
}

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(URL không đọc được)";
  }
}
