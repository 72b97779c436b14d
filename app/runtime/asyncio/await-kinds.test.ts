/** Each maker of a future the loop's tasks await says, in its first words, the kind the timeline draws. */
import { describe, expect, it } from "vitest";
import { AwaitKind, awaitKindOf } from "./await-kinds";
import { VirtualClock } from "./clock";
import { InlineExecutor } from "./executor";
import { EventLoop } from "./loop";
import { loopApi } from "./loop-api";
import type { WorkerContext } from "../api";
import type { ParamSpecs } from "../params";

describe("what a task awaits, by kind", () => {
  it("classifies the words of every future a task can await", async () => {
    const seen = new Map<string, AwaitKind>();
    const loop = new EventLoop(new VirtualClock(), {
      observer: {
        stepEnds: (task) => {
          const words = task.waitingFor();
          if (words !== null && !seen.has(task.name)) seen.set(task.name, awaitKindOf(words));
        },
      },
      executor: (self) => new InlineExecutor("threads", { one: () => 1 }, self, {} as WorkerContext<ParamSpecs>),
    });
    const api = loopApi(loop);
    await loop.run(async () => {
      const lock = api.lock("L");
      await lock.acquire();
      const semaphore = api.semaphore("S", 0);
      const event = api.event("E");
      const condition = api.condition("C");
      const empty = api.queue("Q", 1);
      const full = api.queue("F", 1);
      await full.put(1);
      const later = () => api.sleep(1);
      const sleeper = api.createTask(later, "sleeper");
      const tasks: Record<string, () => Promise<unknown>> = {
        io: () => api.io(1),
        sleep: later,
        lock: () => lock.acquire(),
        semaphore: () => semaphore.acquire(),
        event: () => event.wait(),
        condition: () => condition.hold(() => condition.wait()),
        get: () => empty.get(),
        put: () => full.put(2),
        task: async () => await sleeper,
        gather: async () => await api.gather([later]),
        group: () => api.taskGroup(async (group) => group.createTask(later)),
        // Done before main ends: a cancelled wait on as_completed's output is another matter (see the report).
        asCompleted: async () => await api.asCompleted([() => api.sleep(0.1)])[0]!,
        job: () => api.runInExecutor("one", 0),
      };
      for (const [name, body] of Object.entries(tasks)) api.createTask(body, name);
      await api.sleep(0.5);
    });
    const { Io, Sleep, Object: Obj, Tasks, Job } = AwaitKind;
    // The children gather, the group and as_completed made for themselves sleep too.
    expect(Object.fromEntries(seen)).toMatchObject({
      sleeper: Sleep,
      io: Io,
      sleep: Sleep,
      lock: Obj,
      semaphore: Obj,
      event: Obj,
      condition: Obj,
      get: Obj,
      put: Obj,
      task: Tasks,
      gather: Tasks,
      group: Tasks,
      asCompleted: Tasks,
      job: Job,
      main: Sleep,
    });
  });
});
