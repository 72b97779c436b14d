/**
 * A queue releases its private lock exactly once for each time it takes it,
 * on every path, timeouts included. A second release is invisible on a free
 * lock, and frees another worker's hold when one has taken it meanwhile, a
 * window of nanoseconds that contention tests rarely hit: so this test
 * counts the queue's calls to the lock word, on this thread.
 */
import { describe, expect, it, vi } from "vitest";
import { Empty, Full } from "../errors";
import * as futex from "./futex";
import { localShared } from "./testing";

vi.mock("./futex", async (original) => {
  const actual = await original<typeof futex>();
  return { ...actual, lock: vi.fn(actual.lock), unlock: vi.fn(actual.unlock) };
});

const { shared } = localShared();

type Calls = readonly (readonly [string, () => unknown])[];

/** For each call: its name, and how many times it took and released the lock word. */
function lockCounts(calls: Calls): [string, number, number][] {
  return calls.map(([what, call]) => {
    vi.clearAllMocks();
    call();
    return [what, vi.mocked(futex.lock).mock.calls.length, vi.mocked(futex.unlock).mock.calls.length];
  });
}

describe("a queue's private lock", () => {
  it("is released exactly once for each time it is taken, on every path, timeouts included", () => {
    const q = shared.queue<number>("q", { maxsize: 1 });
    const calls: Calls = [
      ["put", () => q.put(1)],
      ["put on a full queue, without blocking", () => expect(() => q.put(2, { block: false })).toThrow(Full)],
      ["join(0) with a task unfinished, timing out", () => expect(q.join(0)).toBe(false)],
      ["get", () => q.get()],
      ["get on an empty queue, without blocking", () => expect(() => q.get({ block: false })).toThrow(Empty)],
      ["taskDone", () => q.taskDone()],
      ["join(0) with every task done", () => expect(q.join(0)).toBe(true)],
    ];
    expect(lockCounts(calls)).toEqual(calls.map(([what]) => [what, 1, 1]));
  });

  it("is released exactly once when a PriorityQueue's put or get compares what Python cannot order", () => {
    const q = shared.priorityQueue("p", { maxsize: 4 });
    for (const item of [[1, { job: "a" }], [0, { job: "c" }], [1, null]] as const) q.put(item);
    const calls: Calls = [
      ["put tied with a dict", () => expect(() => q.put([1, { job: "b" }])).toThrow(TypeError)],
      ["get moving None over a dict", () => expect(() => q.get()).toThrow(TypeError)],
    ];
    expect(lockCounts(calls)).toEqual(calls.map(([what]) => [what, 1, 1]));
    expect(q.qsize()).toBe(3);
  });
});
