/** The loop's choice points: which I/O arrives, and when time jumps; the default is every I/O at its nominal time. */
import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock";
import { EventLoop } from "./loop";
import type { Arrival, ArrivalChooser } from "./arrivals";

/** Takes the given positions at the first choices, then the defaults; records every choice offered. */
function scripted(positions: readonly number[], offered: (readonly Arrival[])[]): ArrivalChooser {
  let next = 0;
  return (arrivals) => {
    offered.push(arrivals);
    return positions[next++] ?? 0;
  };
}

async function fetches(positions: readonly number[], offered: (readonly Arrival[])[] = []): Promise<string[]> {
  const loop = new EventLoop(new VirtualClock(), { choose: scripted(positions, offered) });
  const log: string[] = [];
  const fetch = (name: string, seconds: number) => async () => {
    await loop.io(seconds);
    log.push(`${name} at ${loop.time()}`);
  };
  await loop.run(async () => {
    await loop.gather([fetch("slow", 0.2), fetch("fast", 0.1)]);
  });
  return log;
}

describe("arrivals", () => {
  it("completes I/O in its nominal order in a free run, and time jumps to each completion", async () => {
    expect(await fetches([])).toEqual(["fast at 0.1", "slow at 0.2"]);
  });

  it("offers the slower I/O as the second arrival when both are pending, and lets it come first", async () => {
    const offered: (readonly Arrival[])[] = [];
    expect(await fetches([1], offered)).toEqual(["slow at 0", "fast at 0.1"]);
    const first = offered[0]!;
    expect(first.map((a) => (a.kind === "io" ? a.io.seconds : a.kind))).toEqual([0.1, 0.2]);
  });

  it("offers no choice where CPython has none: tasks ready and nothing pending run in FIFO order", async () => {
    const offered: (readonly Arrival[])[] = [];
    const loop = new EventLoop(new VirtualClock(), { choose: scripted([], offered) });
    const log: string[] = [];
    await loop.run(async () => {
      const tasks = ["a", "b", "c"].map((name) =>
        loop.createTask(async () => {
          log.push(`${name}1`);
          await loop.sleep(0);
          log.push(`${name}2`);
        }),
      );
      for (const task of tasks) await task;
    });
    expect(log).toEqual(["a1", "b1", "c1", "a2", "b2", "c2"]);
    expect(offered).toEqual([]);
  });

  it("lets a timeout fire before the I/O it guards, as one choice", async () => {
    const run = (positions: readonly number[]) => {
      const loop = new EventLoop(new VirtualClock(), { choose: scripted(positions, []) });
      return loop.run(async () => loop.timeout(1, () => loop.io(0.5)).then(() => "in time", (error: Error) => error.name));
    };
    expect((await run([])).result).toBe("in time");
    expect((await run([1])).result).toBe("TimeoutError");
  });

  it("delivers an I/O that CPU work on the loop made overdue at the next look, behind the tasks already ready, as select does", async () => {
    const offered: (readonly Arrival[])[] = [];
    const loop = new EventLoop(new VirtualClock(), { choose: scripted([], offered) });
    const log: string[] = [];
    await loop.run(async () => {
      const reader = loop.createTask(async () => {
        await loop.io(0.001);
        log.push("read");
      });
      await loop.sleep(0);
      loop.cpu(5);
      loop.createTask(async () => log.push("other"));
      await loop.sleep(0);
      await reader;
    });
    expect(log).toEqual(["other", "read"]);
    expect(offered[0]!.map((a) => a.kind)).toEqual(["io", "go"]);
  });

  it("ties ten ticks of 0.01 s with a reply due at 0.1 s exactly, the reply first, as their order of arrival says", async () => {
    const loop = new EventLoop(new VirtualClock());
    const log: string[] = [];
    await loop.run(async () => {
      const reply = loop.createTask(async () => {
        await loop.io(0.1);
        log.push(`reply at ${loop.time()}`);
      });
      for (let tick = 0; tick < 10; tick++) await loop.sleep(0.01);
      log.push(`tick 10 at ${loop.time()}`);
      await reply;
    });
    expect(log).toEqual(["reply at 0.1", "tick 10 at 0.1"]);
  });
});
