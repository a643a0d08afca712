/**
 * `npm run bench [-- suite …]`: the performance bars, measured on this machine,
 * each suite written to its own section of docs/benchmarks.md (bench/report.ts).
 * With no suite named, all of them run, one after another. Not part of `npm test`.
 */
import { writeBenchmarkSection } from "./report";
import { runPublicBench } from "./public";
import { runImportBench } from "./import";
import { runDashboardBench } from "./dashboard";
import { runBombBench } from "./bomb";
import { runFuzzBench } from "./fuzz";
import { runStaffLighthouseBench } from "./staff-lighthouse";

const SUITES: Record<string, () => Promise<string>> = {
  public: runPublicBench,
  dashboard: runDashboardBench,
  import: runImportBench,
  fuzz: runFuzzBench,
  bomb: runBombBench,
  lighthouse: runStaffLighthouseBench,
};

async function main() {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = asked.filter((name) => !(name in SUITES));
  if (unknown.length > 0) throw new Error(`Unknown benchmark suite: ${unknown.join(", ")}. Known: ${Object.keys(SUITES).join(", ")}`);
  for (const name of asked.length > 0 ? asked : Object.keys(SUITES)) {
    console.log(`\n=== bench: ${name}`);
    await writeBenchmarkSection(name, await SUITES[name]!());
    console.log(`Written: docs/benchmarks.md (section ${name})`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
