import { describe, expect, it } from "vitest";
import { CrashSignal } from "./crash-signal";

const died = { name: "Error", message: "out of memory", phase: "worker" as const };

describe("a runner's crash signal", () => {
  it("keeps no listener for a call once it has settled, however many calls a warm runner serves", async () => {
    const signal = new CrashSignal();
    for (let i = 0; i < 1000; i++) expect(await signal.race(Promise.resolve(i), () => -1)).toBe(i);
    expect(signal.waiting).toBe(0);
  });

  it("tells a waiting call of the crash, and every later call at once", async () => {
    const signal = new CrashSignal();
    const waiting = signal.race(new Promise<string>(() => {}), (error) => `crashed: ${error.message}`);
    expect(signal.waiting).toBe(1);
    signal.crash(died);
    expect(await waiting).toBe("crashed: out of memory");
    expect(await signal.race(new Promise<string>(() => {}), (error) => `later: ${error.message}`)).toBe("later: out of memory");
    expect(signal.waiting).toBe(0);
  });
});
