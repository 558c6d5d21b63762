/**
 * CLI start-up: `fragtax --help` and each command's `--help` (commander parses, nothing runs), against
 * a bare `node -e 0` measured in the same run. Commands load their implementation on demand, so
 * start-up should cost little more than Node itself.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BenchTable } from "./table";

const repo = resolve(import.meta.dirname, "..");
const RUNS = 7;

function medianSpawnMs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, args, { stdio: "ignore", env });
    if (child.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${child.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

export default async function cliBench(): Promise<BenchTable[]> {
  const cli = join(repo, "dist", "cli.cjs");
  if (!existsSync(cli)) return [{ title: "CLI start-up", rows: [{ note: "run `npm run bundle` first" }] }];
  const node = medianSpawnMs(["-e", "0"]);
  const row = (label: string, args: readonly string[], env?: NodeJS.ProcessEnv) => {
    const ms = medianSpawnMs(args, env);
    return { process: label, ms: Math.round(ms), "× node -e 0": ms / node, "over node (ms)": Math.round(ms - node) };
  };
  // Node 20 reads and parses NODE_EXTRA_CA_CERTS's file at every start, whether or not the process
  // ever opens a TLS connection: where the machine sets it, every process of every row (fragtax's,
  // the tslab kernel's) pays that. fragtax keeps it (a notebook's fetch may need the certificates);
  // the row shows what it costs here.
  const { NODE_EXTRA_CA_CERTS: extraCerts, ...withoutCerts } = process.env;
  const certRows = extraCerts === undefined ? [] : [row("node -e 0 without NODE_EXTRA_CA_CERTS", ["-e", "0"], withoutCerts)];
  return [
    {
      title: "CLI start-up (fresh process each run)",
      rows: [
        { process: "node -e 0 (baseline)", ms: Math.round(node), "× node -e 0": 1, "over node (ms)": 0 },
        ...certRows,
        row("fragtax --help", [cli, "--help"]),
        row("fragtax run --help", [cli, "run", "--help"]),
        row("fragtax build --help", [cli, "build", "--help"]),
      ],
      notes: [
        `Median of ${RUNS} runs. Measured on main before lazy command loading: fragtax --help ≈ 300–600 ms.`,
        ...(extraCerts === undefined ? [] : ["This machine sets NODE_EXTRA_CA_CERTS: Node 20 parses that file at every start (the second row shows the cost); every row here and in the engine table includes it, as a user's shell would."]),
      ],
    },
  ];
}
