/**
 * ASYNCIO.md's table of Python behaviours, each as a pair: a scenario on the
 * runtime's loop and the same program for CPython. Both log named events;
 * conformance.test.ts compares the logs, never timings.
 */
import type { EventLoop } from "../loop";
import { CancelledError } from "../errors";

export interface Pair {
  readonly row: number;
  readonly title: string;
  readonly run: (loop: EventLoop, log: (event: string) => void) => Promise<unknown>;
  /** The body of `async def main(log)`, indented by 4, with `import asyncio` available. */
  readonly python: string;
}

export const PAIRS: readonly Pair[] = [
  {
    row: 1,
    title: "createTask does not run the task: the caller goes on first",
    run: async (loop, log) => {
      const child = loop.createTask(async () => log("child runs"));
      log("created");
      await loop.sleep(0);
      log("after yield");
      await child;
    },
    python: `
    async def child():
        log("child runs")
    t = asyncio.create_task(child())
    log("created")
    await asyncio.sleep(0)
    log("after yield")
    await t`,
  },
  {
    row: 2,
    title: "awaiting a coroutine that never suspends does not switch tasks",
    run: async (loop, log) => {
      const quick = async (n: number) => n + 1;
      const other = loop.createTask(async () => log("other runs"));
      log(`quick ${await quick(1)}`);
      log(`quick ${await quick(2)}`);
      await other;
      log("done");
    },
    python: `
    async def quick(n):
        return n + 1
    async def other():
        log("other runs")
    t = asyncio.create_task(other())
    log(f"quick {await quick(1)}")
    log(f"quick {await quick(2)}")
    await t
    log("done")`,
  },
  {
    row: 3,
    title: "cancel: CancelledError at the pending await, finally runs, cancelled() only after; a task cancelled before its first step never runs",
    run: async (loop, log) => {
      const sleeper = loop.createTask(async () => {
        try {
          log("sleeper sleeps");
          await loop.sleep(10);
          log("sleeper woke");
        } catch (error) {
          log(`sleeper caught ${(error as Error).name}`);
          throw error;
        } finally {
          log("sleeper finally");
        }
      });
      await loop.sleep(0);
      log(`cancel returns ${sleeper.cancel()}`);
      log(`cancelled before it ran: ${sleeper.cancelled()}`);
      try {
        await sleeper;
      } catch (error) {
        log(`main caught ${error instanceof CancelledError ? "CancelledError" : String(error)}`);
      }
      log(`cancelled after: ${sleeper.cancelled()}`);
      const never = loop.createTask(async () => log("never runs"));
      never.cancel();
      await loop.sleep(0);
      log(`never cancelled: ${never.cancelled()}`);
    },
    python: `
    async def sleeper():
        try:
            log("sleeper sleeps")
            await asyncio.sleep(10)
            log("sleeper woke")
        except asyncio.CancelledError as e:
            log("sleeper caught CancelledError")
            raise
        finally:
            log("sleeper finally")
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    log(f"cancel returns {str(t.cancel()).lower()}")
    log(f"cancelled before it ran: {str(t.cancelled()).lower()}")
    try:
        await t
    except asyncio.CancelledError:
        log("main caught CancelledError")
    log(f"cancelled after: {str(t.cancelled()).lower()}")
    async def never():
        log("never runs")
    n = asyncio.create_task(never())
    n.cancel()
    await asyncio.sleep(0)
    log(f"never cancelled: {str(n.cancelled()).lower()}")`,
  },
  {
    row: 8,
    title: "a read-modify-write across an await loses updates; between two awaits nothing else runs",
    run: async (loop, log) => {
      let counter = 0;
      const add = async (name: string) => {
        const seen = counter;
        await loop.sleep(0);
        counter = seen + 1;
        log(`${name} wrote ${counter}`);
      };
      const a = loop.createTask(() => add("a"));
      const b = loop.createTask(() => add("b"));
      await a;
      await b;
      log(`counter ${counter}`);
    },
    python: `
    counter = 0
    async def add(name):
        nonlocal counter
        seen = counter
        await asyncio.sleep(0)
        counter = seen + 1
        log(f"{name} wrote {counter}")
    a = asyncio.create_task(add("a"))
    b = asyncio.create_task(add("b"))
    await a
    await b
    log(f"counter {counter}")`,
  },
  {
    row: 10,
    title: "the ready queue is first in, first out; timers fire in deadline order, ties in the order set",
    run: async (loop, log) => {
      const tasks = ["x", "y", "z"].map((name) =>
        loop.createTask(async () => {
          log(`${name} 1`);
          await loop.sleep(0);
          log(`${name} 2`);
        }),
      );
      const sleepers = [
        ["late", 0.2],
        ["early", 0.1],
        ["tie", 0.1],
      ].map(([name, delay]) =>
        loop.createTask(async () => {
          await loop.sleep(delay as number);
          log(`${name as string} woke`);
        }),
      );
      for (const t of [...tasks, ...sleepers]) await t;
    },
    python: `
    async def step(name):
        log(f"{name} 1")
        await asyncio.sleep(0)
        log(f"{name} 2")
    tasks = [asyncio.create_task(step(n)) for n in ["x", "y", "z"]]
    async def sleeper(name, delay):
        await asyncio.sleep(delay)
        log(f"{name} woke")
    sleepers = [asyncio.create_task(sleeper(n, d)) for n, d in [("late", 0.2), ("early", 0.1), ("tie", 0.1)]]
    for t in tasks + sleepers:
        await t`,
  },
];
