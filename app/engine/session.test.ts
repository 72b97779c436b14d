import { afterAll, describe, expect, it } from "vitest";
import { createNodePool } from "./node-pool";
import { Session, type SessionSnapshot } from "./session";

const pool = createNodePool();
afterAll(() => pool.close());

const scenario = (max = 8) => `import { defineScenario, param } from "interleave";
export default defineScenario({
  params: {
    workers: param.int({ default: 2, min: 1, max: ${max} }),
    mode: param.choice(["add", "skip"], { default: "add" }),
  },
  setup: (shared) => ({ total: shared.int("total") }),
  worker: ({ total }, { params }) => { if (params.mode === "add") total.add(1); },
  result: ({ total }) => ({ total: total.get() }),
});`;

const goals = [{ id: "all", text: "Everyone adds", check: "result.total === params.workers" }];

function open(source = scenario(), params?: Record<string, number | string>) {
  return new Session({ pool, goals, timeLimitMs: 10_000, source, params, describeDelayMs: 0 });
}

function until(session: Session, test: (s: SessionSnapshot) => boolean): Promise<SessionSnapshot> {
  return new Promise((resolve) => {
    const check = () => test(session.getSnapshot()) && resolve(session.getSnapshot());
    session.subscribe(check);
    check();
  });
}

describe("a lesson session", () => {
  it("reads the declared parameters and fills in defaults, keeping saved values that fit", async () => {
    const session = open(scenario(), { workers: 3, mode: "nonsense", stale: 1 });
    const ready = await until(session, (s) => s.declared.status === "ready");
    expect(ready.params).toEqual({ workers: 3, mode: "add" });
  });

  it("gives a search the parameters the code just typed declares, not the previous code's", async () => {
    const session = new Session({ pool, goals, timeLimitMs: 10_000, source: scenario(), params: { workers: 3 }, describeDelayMs: 60_000 });
    await until(session, (s) => s.declared.status === "ready");
    const without = scenario().replace(/params: \{[^]*?\n  \},/, "params: {},").replace("params.mode === \"add\"", "true").replace("params.workers", "1");
    session.setSource(without);
    expect(session.getSnapshot().params).toEqual({ workers: 3, mode: "add" });
    const inputs = await session.inputs();
    expect(inputs).toMatchObject({ source: without, params: {}, declared: { status: "ready", params: {} } });
    session.dispose();
  });

  // Stop 21's flaky "refused": the run read the new code's declarations, but judged its parameters by the previous code's.
  it("runs code just typed with the parameters it declares, while the edit's own describe overtakes the run's", async () => {
    const session = open(scenario(), { workers: 3 });
    await until(session, (s) => s.declared.status === "ready");
    session.setSource(scenario().replace(/params: \{[^]*?\n  \},/, "params: {},").replace("params.mode === \"add\"", "true"));
    const record = await session.run();
    expect(record?.outcome).toMatchObject({ status: "done" });
    session.dispose();
  });

  it("runs, records the run, ticks goals and keeps them across later runs", async () => {
    const session = open();
    await until(session, (s) => s.declared.status === "ready");
    const first = await session.run();
    expect(first?.outcome).toMatchObject({ status: "done", result: { total: 2 } });
    session.setParam("mode", "skip");
    const second = await session.run();
    expect(second?.outcome).toMatchObject({ status: "done", result: { total: 0 } });
    const snapshot = session.getSnapshot();
    expect(snapshot.history.map((r) => r.index)).toEqual([1, 2]);
    expect([...snapshot.goalsMet]).toEqual(["all"]);
    expect(session.sharedValues()).toEqual([{ name: "total", kind: "int", value: 0 }]);
  });

  it("refuses a run with an absurd parameter, and says which and why", async () => {
    const session = open();
    await until(session, (s) => s.declared.status === "ready");
    session.setParam("workers", 1e9);
    expect(session.getSnapshot().paramProblems.workers).toMatch(/out of range: choose between 1 and 8/);
    const record = await session.run();
    expect(record?.outcome).toMatchObject({ status: "refused" });
    expect(session.getSnapshot().running).toBeNull();
  });

  it("names a parameter by the label the page shows it with, in what it says of a bad value", async () => {
    const session = new Session({ pool, goals, timeLimitMs: 10_000, source: scenario(), describeDelayMs: 0, paramLabel: (name) => `Label of ${name}` });
    await until(session, (s) => s.declared.status === "ready");
    session.setParam("workers", 1e9);
    expect(session.getSnapshot().paramProblems.workers).toMatch(/^Label of workers = 1,000,000,000 is out of range/);
    session.dispose();
  });

  it("refuses code that does not compile, keeping the code", async () => {
    const broken = scenario().replace("total.add(1);", "total.add(1;");
    const session = open(broken);
    const record = await session.run();
    expect(record?.outcome).toMatchObject({ status: "refused", compile: { line: expect.any(Number) } });
    expect(session.getSnapshot().source).toBe(broken);
  });

  it("reports top-level code that never ends instead of hanging", async () => {
    const session = open(`while (true) {}\n${scenario()}`);
    const declared = await until(session, (s) => s.declared.status !== "pending");
    expect(declared.declared.status === "error" && declared.declared.error.message).toMatch(/did not finish within 3 s/);
  });
});

describe("stopping a session's run", () => {
  it("stops a run whose workers were not started yet, instead of letting it run on", async () => {
    const session = open(scenario().replace("if (params.mode", "while (true) {} if (params.mode"));
    const running = session.run();
    session.stop();
    const record = await running;
    expect(record?.outcome).toMatchObject({ status: "stopped", reason: "stop" });
  });
});
