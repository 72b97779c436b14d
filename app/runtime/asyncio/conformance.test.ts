/**
 * The loop against CPython: each pair of conformance/pairs.ts runs on the
 * runtime's loop (virtual clock) and, when python3 is here, under CPython;
 * their event logs must be the same.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock";
import { EventLoop } from "./loop";
import { PAIRS, type Pair } from "./conformance/pairs";

const python = spawnSync("python3", ["--version"], { encoding: "utf8" });
const PYTHON = python.status === 0 ? "python3" : null;

async function loopLog(pair: Pair): Promise<string[]> {
  const log: string[] = [];
  const loop = new EventLoop(new VirtualClock());
  await loop.run(() => pair.run(loop, (event) => log.push(event)));
  return log;
}

function pythonLog(pair: Pair): string[] {
  const program = `import asyncio\nevents = []\nlog = events.append\nasync def main():${pair.python}\nasyncio.run(main())\nprint("\\n".join(events))\n`;
  const ran = spawnSync(PYTHON!, ["-c", program], { encoding: "utf8", timeout: 20_000 });
  if (ran.status !== 0) throw new Error(`python3 failed: ${ran.stderr}`);
  return ran.stdout.trimEnd().split("\n");
}

describe("asyncio conformance with CPython", () => {
  for (const pair of PAIRS) {
    it.skipIf(PYTHON === null)(`row ${pair.row}: ${pair.title}`, async () => {
      expect(await loopLog(pair)).toEqual(pythonLog(pair));
    });
  }
});
