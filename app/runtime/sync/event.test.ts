/** Event on real Node workers, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

const ROUNDS = 50;

const events = (body: string, workers = 4): ScenarioParts => ({
  workers,
  setup: `(shared) => ({ e: shared.event("E"), rounds: Array.from({ length: ${ROUNDS} }, (_, k) => shared.event("E" + k)),
    stage: shared.int("stage"), arrived: shared.int("arrived"), woke: shared.int("woke"), bad: shared.int("bad") })`,
  worker: `({ e, rounds, stage, arrived, woke, bad }, { id, workers, io }) => {
    ${body}
  }`,
  result: `({ woke, bad }) => ({ woke: woke.get(), bad: bad.get() })`,
});

describe("Event (flag and generation in one futex word)", () => {
  it("wakes every waiter on set, each seeing what the setter wrote before it: 3 waiters x 50 rounds", async () => {
    const body = `for (let k = 0; k < ${ROUNDS}; k++) {
      if (id === 0) {
        while (arrived.get() < (workers - 1) * (k + 1)) io(0.1);
        stage.set(k + 1);
        rounds[k].set();
      } else {
        arrived.add(1);
        if (!rounds[k].wait()) bad.add(1);
        if (stage.get() < k + 1) bad.add(1);
        woke.add(1);
      }
    }`;
    expect(resultOf(await run(events(body)))).toEqual({ woke: 3 * ROUNDS, bad: 0 });
  });

  it("never lets one set end two waits: 2 workers ping-pong 20,000 times over two events they clear", async () => {
    // Each wait must see the other worker's increment; a set counted twice lets a worker run a turn early.
    const body = `const [ping, pong] = [rounds[0], rounds[1]];
    for (let k = 0; k < 20000; k++) {
      if (id === 0) {
        stage.add(1);
        ping.set();
        pong.wait();
        if (stage.get() !== 2 * k + 2) bad.add(1);
        pong.clear();
      } else {
        ping.wait();
        if (stage.get() !== 2 * k + 1) bad.add(1);
        ping.clear();
        stage.add(1);
        pong.set();
      }
    }
    woke.add(1);`;
    expect(resultOf(await run(events(body, 2)))).toEqual({ woke: 2, bad: 0 });
  });

  it("times out every waiter of an unset event within bounds", async () => {
    const body = `const started = performance.now();
    if (e.wait(0.05)) bad.add(1);
    const waited = performance.now() - started;
    if (waited < 45 || waited > 5000) bad.add(1);
    woke.add(1);`;
    expect(resultOf(await run(events(body)))).toEqual({ woke: 4, bad: 0 });
  });

  it("returns at once when set, waits again after clear, and isSet follows", async () => {
    const log = await run({
      ...events("", 1),
      setup: `(shared) => ({ e: shared.event("E"), log: [] })`,
      worker: `({ e, log }) => {
        log.push(e.isSet(), e.wait(0));
        e.set();
        e.set();
        log.push(e.isSet(), e.wait(0), e.wait());
        e.clear();
        const started = performance.now();
        log.push(e.isSet(), e.wait(0.02), performance.now() - started >= 18);
      }`,
      result: `({ log }) => log`,
    });
    expect(resultOf(log)).toEqual([false, false, true, true, true, false, false, true]);
  });

  it("refuses a NaN or negative timeout, naming the event, the worker and the line", async () => {
    const nan = events("if (id === 1) e.wait(NaN);", 2);
    expectMisuse(await run(nan), nan, "e.wait(NaN)", 1, /^Event "E"\.wait: timeout must be a number of seconds >= 0, or omitted to wait forever; got NaN\.$/);
    const negative = await run({ workers: 1, setup: `(shared) => shared.event("E")`, worker: "() => {}", result: `(e) => attempt(() => e.wait(-0.5))` });
    expect(resultOf(negative)).toMatch(/^ScenarioUsageError: Event "E"\.wait: .*got -0\.5\.$/);
  });
});
