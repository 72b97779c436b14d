/**
 * ASYNCIO.md's table of Python behaviours, each as a pair: a scenario on the
 * runtime's loop and the same program for CPython. Both log named events;
 * conformance.test.ts compares the logs, never timings.
 */
import type { EventLoop } from "../loop";
import { CancelledError, ExceptionGroup, TimeoutError } from "../errors";
import { AsyncLock } from "../lock";
import { AsyncQueue } from "../queue";
import { AsyncEvent } from "../event";
import { AsyncSemaphore } from "../semaphore";
import { AsyncCondition } from "../condition";

/** Python's ValueError, for the pairs that raise one. */
class ValueError extends Error {
  override name = "ValueError";
}

const nameOf = (error: unknown) => (error as Error).name;

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
    row: 4,
    title: "a body that swallows CancelledError defeats timeout: no TimeoutError comes out",
    run: async (loop, log) => {
      const stubborn = async () => {
        try {
          await loop.sleep(10);
        } catch (error) {
          log(`swallowed ${nameOf(error)}`);
        }
        log("stubborn returns");
      };
      try {
        await loop.timeout(0.1, stubborn);
        log("no TimeoutError");
      } catch (error) {
        log(`caught ${nameOf(error)}`);
      }
    },
    python: `
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log("swallowed CancelledError")
        log("stubborn returns")
    try:
        async with asyncio.timeout(0.1):
            await stubborn()
        log("no TimeoutError")
    except TimeoutError:
        log("caught TimeoutError")`,
  },
  {
    row: 5,
    title: "TaskGroup: the first failure cancels the siblings and the body, waits for them, then raises ExceptionGroup",
    run: async (loop, log) => {
      try {
        await loop.taskGroup(async (tg) => {
          tg.createTask(async () => {
            try {
              await loop.sleep(1);
              log("slow done");
            } catch (error) {
              log(`slow ${nameOf(error)}`);
              throw error;
            }
          });
          tg.createTask(async () => {
            await loop.sleep(0.1);
            log("bad raises");
            throw new ValueError("boom");
          });
          try {
            await loop.sleep(5);
            log("body slept");
          } catch (error) {
            log(`body ${nameOf(error)}`);
            throw error;
          }
        });
      } catch (error) {
        const group = error as ExceptionGroup;
        log(`${nameOf(group)} of ${group.exceptions.length}: ${group.exceptions.map((e) => `${e.name} ${e.message}`).join(", ")}`);
      }
    },
    python: `
    async def slow():
        try:
            await asyncio.sleep(1)
            log("slow done")
        except asyncio.CancelledError:
            log("slow CancelledError")
            raise
    async def bad():
        await asyncio.sleep(0.1)
        log("bad raises")
        raise ValueError("boom")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow())
            tg.create_task(bad())
            try:
                await asyncio.sleep(5)
                log("body slept")
            except asyncio.CancelledError:
                log("body CancelledError")
                raise
    except ExceptionGroup as group:
        log(f"ExceptionGroup of {len(group.exceptions)}: " + ", ".join(f"{type(e).__name__} {e}" for e in group.exceptions))`,
  },
  {
    row: 6,
    title: "gather: the first error reaches the caller at once while the others run on; returnExceptions gives errors as values; cancelling a gather cancels its children",
    run: async (loop, log) => {
      const slow = async (name: string) => {
        try {
          await loop.sleep(0.2);
          log(`${name} done`);
          return name;
        } catch (error) {
          log(`${name} ${nameOf(error)}`);
          throw error;
        }
      };
      const fail = async () => {
        await loop.sleep(0.1);
        throw new ValueError("fail");
      };
      try {
        await loop.gather([() => slow("first"), fail]);
      } catch (error) {
        log(`caught ${nameOf(error)}`);
      }
      await loop.sleep(0.3);
      const results = await loop.gather([() => slow("second"), fail], { returnExceptions: true });
      log(`results ${String(results[0])} ${nameOf(results[1])}`);
      const both = loop.gather([() => slow("x"), () => slow("y")]);
      await loop.sleep(0);
      both.cancel();
      try {
        await both;
      } catch (error) {
        log(`gather ${nameOf(error)}`);
      }
    },
    python: `
    async def slow(name):
        try:
            await asyncio.sleep(0.2)
            log(f"{name} done")
            return name
        except asyncio.CancelledError:
            log(f"{name} CancelledError")
            raise
    async def fail():
        await asyncio.sleep(0.1)
        raise ValueError("fail")
    try:
        await asyncio.gather(slow("first"), fail())
    except ValueError:
        log("caught ValueError")
    await asyncio.sleep(0.3)
    results = await asyncio.gather(slow("second"), fail(), return_exceptions=True)
    log(f"results {results[0]} {type(results[1]).__name__}")
    both = asyncio.gather(slow("x"), slow("y"))
    await asyncio.sleep(0)
    both.cancel()
    try:
        await both
    except asyncio.CancelledError:
        log("gather CancelledError")`,
  },
  {
    row: 7,
    title: "timeout and waitFor: the code inside sees CancelledError, the code outside TimeoutError",
    run: async (loop, log) => {
      const inner = async (name: string) => {
        try {
          await loop.sleep(10);
        } catch (error) {
          log(`${name} inner ${nameOf(error)}`);
          throw error;
        }
      };
      try {
        await loop.timeout(0.5, () => inner("timeout"));
      } catch (error) {
        log(`timeout outer ${error instanceof TimeoutError ? "TimeoutError" : nameOf(error)}`);
      }
      try {
        await loop.waitFor(loop.createTask(() => inner("waitFor")), 0.5);
      } catch (error) {
        log(`waitFor outer ${nameOf(error)}`);
      }
    },
    python: `
    async def inner(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log(f"{name} inner CancelledError")
            raise
    try:
        async with asyncio.timeout(0.5):
            await inner("timeout")
    except TimeoutError:
        log("timeout outer TimeoutError")
    try:
        await asyncio.wait_for(asyncio.create_task(inner("waitFor")), 0.5)
    except TimeoutError:
        log("waitFor outer TimeoutError")`,
  },
  {
    row: 11,
    title: "CPU work on the loop delays every task: a timer fires late by the work's length",
    run: async (loop, log) => {
      const timer = loop.createTask(async () => {
        const deadline = loop.time() + 0.1;
        await loop.sleep(0.1);
        log(loop.time() - deadline >= 0.25 ? "timer late by the work" : "timer on time");
      });
      await loop.sleep(0);
      log("working");
      loop.cpu(300);
      log("worked");
      await timer;
    },
    python: `
    import time
    async def timer():
        deadline = asyncio.get_running_loop().time() + 0.1
        await asyncio.sleep(0.1)
        log("timer late by the work" if asyncio.get_running_loop().time() - deadline >= 0.25 else "timer on time")
    t = asyncio.create_task(timer())
    await asyncio.sleep(0)
    log("working")
    time.sleep(0.3)
    log("worked")
    await t`,
  },
  {
    row: 12,
    title: "tasks still pending when main returns are cancelled: their cancellation handlers run",
    run: async (loop, log) => {
      loop.createTask(async () => {
        try {
          await loop.sleep(60);
        } catch (error) {
          log(`leaked task sees ${nameOf(error)}`);
          throw error;
        }
      });
      await loop.sleep(0);
      log("main returns");
    },
    python: `
    async def leaked():
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            log("leaked task sees CancelledError")
            raise
    asyncio.create_task(leaked())
    await asyncio.sleep(0)
    log("main returns")`,
  },
  {
    row: 6,
    title: "as_completed gives results in the order the children finish; with a timeout, the rest raise TimeoutError",
    run: async (loop, log) => {
      const work = (name: string, seconds: number) => async () => {
        await loop.sleep(seconds);
        return name;
      };
      for (const next of loop.asCompleted([work("slow", 0.3), work("fast", 0.1), work("mid", 0.2)])) log(await next);
      try {
        for (const next of loop.asCompleted([work("late", 5), work("soon", 0.1)], 1)) log(await next);
      } catch (error) {
        log(nameOf(error));
      }
    },
    python: `
    async def work(name, seconds):
        await asyncio.sleep(seconds)
        return name
    for nxt in asyncio.as_completed([work("slow", 0.3), work("fast", 0.1), work("mid", 0.2)]):
        log(await nxt)
    try:
        for nxt in asyncio.as_completed([work("late", 5), work("soon", 0.1)], timeout=1):
            log(await nxt)
    except TimeoutError as error:
        log(type(error).__name__)`,
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
    row: 9,
    title: "asyncio's Lock is first come, first served; Semaphore, Event, Condition and Queue (maxsize, put waits, taskDone and join)",
    run: async (loop, log) => {
      const lock = new AsyncLock(loop, "lock");
      const locked = ["a", "b", "c"].map((name) =>
        loop.createTask(() =>
          lock.hold(async () => {
            log(`${name} in`);
            await loop.sleep(0.1);
            log(`${name} out`);
          }),
        ),
      );
      await loop.gather(locked);
      const sem = new AsyncSemaphore(loop, "sem", 2);
      const limited = ["p", "q", "r"].map((name) =>
        loop.createTask(() =>
          sem.hold(async () => {
            log(`${name} enters`);
            await loop.sleep(0.1);
          }),
        ),
      );
      await loop.gather(limited);
      const event = new AsyncEvent(loop, "go");
      const waiting = ["e1", "e2"].map((name) =>
        loop.createTask(async () => {
          await event.wait();
          log(`${name} sees the event`);
        }),
      );
      await loop.sleep(0);
      log("setting");
      event.set();
      await loop.gather(waiting);
      const cond = new AsyncCondition(loop, "cond");
      let ready = false;
      const waiter = loop.createTask(() =>
        cond.hold(async () => {
          await cond.waitFor(() => ready);
          log("condition met");
        }),
      );
      await loop.sleep(0);
      await cond.hold(async () => {
        ready = true;
        cond.notify();
        log("notified");
      });
      await waiter;
      const queue = new AsyncQueue<number>(loop, "q", 1);
      const producer = loop.createTask(async () => {
        for (let i = 0; i < 3; i++) {
          await queue.put(i);
          log(`put ${i}`);
        }
      });
      const consumer = loop.createTask(async () => {
        for (let i = 0; i < 3; i++) {
          const item = await queue.get();
          log(`got ${item}`);
          await loop.sleep(0.1);
          queue.taskDone();
        }
      });
      await producer;
      await queue.join();
      log("joined");
      await consumer;
    },
    python: `
    lock = asyncio.Lock()
    async def locked(name):
        async with lock:
            log(f"{name} in")
            await asyncio.sleep(0.1)
            log(f"{name} out")
    await asyncio.gather(*[asyncio.create_task(locked(n)) for n in ["a", "b", "c"]])
    sem = asyncio.Semaphore(2)
    async def limited(name):
        async with sem:
            log(f"{name} enters")
            await asyncio.sleep(0.1)
    await asyncio.gather(*[asyncio.create_task(limited(n)) for n in ["p", "q", "r"]])
    event = asyncio.Event()
    async def waiting(name):
        await event.wait()
        log(f"{name} sees the event")
    ws = [asyncio.create_task(waiting(n)) for n in ["e1", "e2"]]
    await asyncio.sleep(0)
    log("setting")
    event.set()
    await asyncio.gather(*ws)
    cond = asyncio.Condition()
    ready = False
    async def cwaiter():
        async with cond:
            await cond.wait_for(lambda: ready)
            log("condition met")
    w = asyncio.create_task(cwaiter())
    await asyncio.sleep(0)
    async with cond:
        ready = True
        cond.notify()
        log("notified")
    await w
    queue = asyncio.Queue(maxsize=1)
    async def producer():
        for i in range(3):
            await queue.put(i)
            log(f"put {i}")
    async def consumer():
        for i in range(3):
            item = await queue.get()
            log(f"got {item}")
            await asyncio.sleep(0.1)
            queue.task_done()
    p = asyncio.create_task(producer())
    c = asyncio.create_task(consumer())
    await p
    await queue.join()
    log("joined")
    await c`,
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
