import { afterEach, describe, expect, it } from "vitest";
import { Arena, createRunMemory } from "./memory";
import { Thread, briefly, setBlockingGuard } from "./thread";

afterEach(() => setBlockingGuard(null));

describe("the blocking guard an event loop sets on its worker", () => {
  const thread = new Thread(new Arena(createRunMemory()), 0);
  const word = thread.arena.layout.arenaStart;

  it("refuses a block while set, and allows one that is brief by construction (a primitive's private lock)", () => {
    setBlockingGuard(() => "a task may not block the loop");
    // The word holds 0, so a block expecting 1 would return at once: the guard speaks first.
    expect(() => thread.block(word, 1, 0, word)).toThrow("a task may not block the loop");
    expect(briefly(() => thread.block(word, 1, 0, word))).toBe("not-equal");
    expect(() => thread.block(word, 1, 0, word)).toThrow("a task may not block the loop");
  });
});
