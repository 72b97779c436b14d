/**
 * The loop against CPython: each pair of conformance/pairs.ts runs on the
 * runtime's loop (virtual clock) in a worker thread, as a scenario's loop
 * runs, and, when python3 is here, under CPython; their event logs must be
 * the same.
 */
import { spawnSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { PAIRS, type Pair } from "./conformance/pairs";

const python = spawnSync("python3", ["--version"], { encoding: "utf8" });
const PYTHON = python.status === 0 ? "python3" : null;

/** Every pair's log from the loop, run in a worker thread (conformance/run-pairs.ts). */
function loopLogsOnWorker(): Promise<string[][]> {
  const entry = fileURLToPath(new URL("./conformance/run-pairs.ts", import.meta.url));
  const worker = new Worker(`require("sucrase/register/ts"); require(${JSON.stringify(entry)});`, { eval: true });
  return new Promise<string[][]>((resolve, reject) => {
    worker.once("message", (reply: { logs?: string[][]; error?: string }) => (reply.logs ? resolve(reply.logs) : reject(new Error(reply.error))));
    worker.once("error", reject);
  }).finally(() => void worker.terminate());
}

function pythonLog(pair: Pair): string[] {
  const program = `import asyncio\nevents = []\nlog = events.append\nasync def main():${pair.python}\nasyncio.run(main())\nprint("\\n".join(events))\n`;
  const ran = spawnSync(PYTHON!, ["-c", program], { encoding: "utf8", timeout: 20_000 });
  if (ran.status !== 0) throw new Error(`python3 failed: ${ran.stderr}`);
  return ran.stdout.trimEnd().split("\n");
}

describe("asyncio conformance with CPython", () => {
  let loopLogs: string[][] = [];
  beforeAll(async () => {
    if (PYTHON !== null) loopLogs = await loopLogsOnWorker();
  }, 60_000);
  PAIRS.forEach((pair, i) => {
    it.skipIf(PYTHON === null)(`row ${pair.row}: ${pair.title}`, () => {
      expect(loopLogs[i]).toEqual(pythonLog(pair));
    });
  });
});
