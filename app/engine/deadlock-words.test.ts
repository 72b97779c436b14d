/** Deadlocks in words, in either language: the watchdog's own tests (watchdog.test.ts) drive real runs in English. */
import { afterEach, describe, expect, it } from "vitest";
import { loadLanguage } from "../runtime/i18n/i18n";
import { cycleMessage, stallMessage, withoutDeadlockLabel } from "./deadlock-words";
import type { WaitEdge } from "./watchdog";

const edge = (worker: number, object: string, holder: number, waits = `waits for lock ${object}`): WaitEdge => ({ worker, object, kind: "lock", holder, waits });

describe("deadlock words", () => {
  afterEach(() => loadLanguage("en"));

  it("say a cycle, a stall and a lock left held by a worker that ended", () => {
    expect(cycleMessage([edge(0, "a", 1), edge(1, "b", 0)])).toBe("Deadlock: A waits for lock a held by B, which waits for lock b held by A.");
    expect(stallMessage([edge(1, "x", 0), edge(2, "x", 0)], [0])).toBe("Deadlock: A ended while still holding lock x; B and C wait for it forever.");
    expect(stallMessage([edge(0, "go", -1, "waits for event go to be set")], [1])).toBe(
      "Deadlock: every worker that has not ended is waiting, and none can wake another. A waits for event go to be set. B has ended.",
    );
    expect(withoutDeadlockLabel("Deadlock: no worker can move.")).toBe("no worker can move.");
  });

  it("say them in Chinese", async () => {
    await loadLanguage("zh-CN");
    expect(cycleMessage([edge(0, "a", 1, "在等待锁 a"), edge(1, "b", 0, "在等待锁 b")])).toBe("死锁：A 在等待锁 a（由 B 持有），B 在等待锁 b（由 A 持有）。");
    expect(withoutDeadlockLabel("死锁：没有工作线程能继续。")).toBe("没有工作线程能继续。");
  });
});
