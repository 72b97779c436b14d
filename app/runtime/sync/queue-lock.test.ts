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

describe("a queue's private lock", () => {
  it("is released exactly once for each time it is taken, on every path, timeouts included", () => {
    const q = shared.queue<number>("q", { maxsize: 1 });
    const calls: readonly (readonly [string, () => unknown])[] = [
      ["put", () => q.put(1)],
      ["put on a full queue, without blocking", () => expect(() => q.put(2, { block: false })).toThrow(Full)],
      ["join(0) with a task unfinished, timing out", () => expect(q.join(0)).toBe(false)],
      ["get", () => q.get()],
      ["get on an empty queue, without blocking", () => expect(() => q.get({ block: false })).toThrow(Empty)],
      ["taskDone", () => q.taskDone()],
      ["join(0) with every task done", () => expect(q.join(0)).toBe(true)],
    ];
    const seen = calls.map(([what, call]) => {
      vi.clearAllMocks();
      call();
      return [what, vi.mocked(futex.lock).mock.calls.length, vi.mocked(futex.unlock).mock.calls.length];
    });
    expect(seen).toEqual(calls.map(([what]) => [what, 1, 1]));
  });
});
