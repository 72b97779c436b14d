/** What the loop reports instead of hanging or running silently wrong: misuse, deadlock, leaks. */
import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock";
import { EventLoop, LoopDeadlockError, LoopMisuseError } from "./loop";
import { AsyncLock } from "./lock";
import { AsyncQueue } from "./queue";

const fresh = () => new EventLoop(new VirtualClock());

describe("the event loop", () => {
  it("fails a task that awaits a Promise of its own, naming the task, instead of hanging", async () => {
    const loop = fresh();
    const run = loop.run(async () => {
      loop.createTask(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }, "fetcher");
      await loop.sleep(1);
    });
    await expect(run).rejects.toThrow(LoopMisuseError);
    await expect(run).rejects.toThrow(/^Task fetcher awaited something the event loop does not own/);
  });

  it("fails a forgotten await: an async function called without await suspends the task twice", async () => {
    const loop = fresh();
    const nap = async () => loop.sleep(1);
    const run = loop.run(async () => {
      void nap();
      await loop.sleep(2);
    });
    await expect(run).rejects.toThrow(/^Task main waits on two things at once: an async function called without await/);
  });

  it("reports a deadlock when no task is ready and no timer is pending, naming who waits", async () => {
    const loop = fresh();
    const run = loop.run(async () => {
      await loop.createFuture<void>();
    });
    await expect(run).rejects.toThrow(LoopDeadlockError);
    await expect(run).rejects.toThrow("Deadlock: no task is ready, and no timer or I/O is pending, so nothing can wake them: main waits for a future.");
  });

  it("cancels the tasks left when main returns and lists them, lists a task that swallowed its cancellation and an exception nobody retrieved", async () => {
    const loop = fresh();
    const { report } = await loop.run(async () => {
      loop.createTask(() => loop.sleep(60), "forgotten");
      const stubborn = loop.createTask(async () => {
        try {
          await loop.sleep(60);
        } catch {
          // Swallowed: the task ends normally though it was cancelled.
        }
      }, "stubborn");
      loop.createTask(async () => {
        throw new Error("lost");
      }, "failing");
      await loop.sleep(0);
      stubborn.cancel();
      await loop.sleep(1);
    });
    expect(report.leaked).toEqual(["forgotten"]);
    expect(report.swallowedCancels).toEqual(["stubborn"]);
    expect(report.unretrieved.map((u) => [u.task, (u.error as Error).message])).toEqual([["failing", "lost"]]);
  });

  it("takes back a task group's cancellation of its parent when a child fails after the body has ended, as CPython 3.13 does: no swallowed cancellation is reported", async () => {
    const loop = fresh();
    const { result, report } = await loop.run(async () => {
      try {
        await loop.taskGroup(async (tg) => {
          tg.createTask(async () => {
            await loop.sleep(0.05);
            throw new Error("boom");
          }, "failing");
          tg.createTask(() => loop.sleep(1), "sibling");
        });
      } catch {
        // The ExceptionGroup, handled.
      }
      const cancelling = loop.currentTask()!.cancelling();
      await loop.sleep(0.1);
      return cancelling;
    });
    expect(result).toBe(0);
    expect(report.swallowedCancels).toEqual([]);
  });

  it("passes virtual time only when nothing is ready: an hour of sleeps takes no real time", async () => {
    const loop = fresh();
    const started = performance.now();
    const { result } = await loop.run(async () => {
      for (let i = 0; i < 60; i++) await loop.sleep(60);
      return loop.time();
    });
    expect(result).toBe(3600);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("asyncio's primitives on the loop", () => {
  it("report a task that acquires an asyncio Lock it holds: the Lock is not reentrant, so it waits for itself", async () => {
    const loop = fresh();
    const lock = new AsyncLock(loop, "lock");
    const run = loop.run(async () => {
      await lock.acquire();
      await lock.acquire();
    });
    await expect(run).rejects.toThrow("Deadlock: no task is ready, and no timer or I/O is pending, so nothing can wake them: main waits for lock lock.");
  });

  it("say what each task waits for when a queue's join has no consumer", async () => {
    const loop = fresh();
    const jobs = new AsyncQueue<number>(loop, "jobs");
    const run = loop.run(async () => {
      const reader = loop.createTask(async () => {
        await jobs.get();
        await jobs.get();
      }, "reader");
      await jobs.put(1);
      await reader;
    });
    await expect(run).rejects.toThrow("Deadlock: no task is ready, and no timer or I/O is pending, so nothing can wake them: main waits for task reader; reader waits for an item in queue jobs.");
  });

  it("gives asCompleted's next result to the next awaiter when one awaiting it was cancelled, without failing the loop", async () => {
    const loop = fresh();
    const { result } = await loop.run(async () => {
      const work = (name: string, seconds: number) => async () => {
        await loop.sleep(seconds);
        return name;
      };
      const [first, second] = loop.asCompleted([work("fast", 0.1), work("slow", 0.2)]);
      const impatient = loop.createTask(async () => first!);
      await loop.sleep(0.05);
      impatient.cancel();
      return await second!;
    });
    expect(result).toBe("fast");
  });
});
