import { defineAsyncScenario, param, CancelledError, TimeoutError } from "interleave";

// A web server renders `pages` dashboard pages, one after another. Each page
// asks three backend services at once (profile, orders, recommendations),
// each call a task of its own, and is ready when all three have answered.
// `fanout` says how the page starts its calls and waits for them:
//   gather             loop.gather(calls): the first error reaches the page at once
//   gather-exceptions  loop.gather(calls, { returnExceptions: true }): errors come back as values
//   taskgroup          loop.taskGroup(...): the first error cancels the other calls
// A call holds a connection from the pool until it ends, however it ends
// (its `finally`). A page may have a deadline (`timeoutMs`; 0: none).
//
// After each page the server writes an audit record in the background, fire
// and forget. At shutdown it gives that background work `graceMs` to finish.
//
// Time is the loop's virtual clock: a run takes no real time, and every run
// with the same parameters goes exactly the same way.

const SERVICES = ["profile", "orders", "recs"] as const;
type Service = (typeof SERVICES)[number];

/** How long a service takes to answer, in ms: recommendations miss their cache on every second page. */
const latencyMs = (service: Service, page: number): number => (service === "profile" ? 110 : service === "orders" ? 230 : page % 2 === 1 ? 170 : 370);
/** A failing call gets its error back this soon. */
const FAIL_MS = 40;

export default defineAsyncScenario({
  params: {
    pages: param.int({ default: 4, min: 1, max: 12, label: "Pages served, one after another" }),
    failRate: param.int({ default: 20, min: 0, max: 100, label: "Backend calls that fail (%)" }),
    fanout: param.choice(["gather", "gather-exceptions", "taskgroup"], { default: "gather", label: "How a page runs its three calls" }),
    timeoutMs: param.int({ default: 0, min: 0, max: 2000, label: "Deadline per page (ms, 0: none)" }),
    auditMs: param.int({ default: 50, min: 1, max: 2000, label: "Audit record write time (ms)" }),
    graceMs: param.int({ default: 100, min: 10, max: 2000, label: "Shutdown grace period (ms)" }),
  },

  setup: () => ({
    calls: 0, // backend calls started so far; call number k fails when its share of failRate comes due
    open: 0, // connections in use
    peakConnections: 0,
    connections: [[0, 0]] as [number, number][], // [ms, connections in use]
    background: [[0, 0]] as [number, number][], // [ms, audit writes running]
    auditsRunning: 0,
    pageOpen: [] as boolean[],
    pageOk: 0,
    pageFailed: 0,
    pageTimedOut: 0,
    pageMs: [] as number[],
    pageOutcome: [] as ("ok" | "failed" | "timed out")[],
    // How the backend calls ended, in all and per page (index 0 is page 1).
    started: 0,
    done: 0,
    failed: 0,
    cancelled: 0,
    orphaned: 0, // calls that ended after their page had ended
    callsDone: [] as number[],
    callsFailed: [] as number[],
    callsCancelled: [] as number[],
    auditsWritten: 0,
    auditsCancelled: 0, // cancelled before main returned
    leaked: 0, // tasks (calls or audits) still running when main returned
    returned: false,
    elapsedMs: 0,
  }),

  main: async (state, loop, params) => {
    const now = () => Math.round(loop.time() * 1000);
    const failsAt = (k: number) => Math.floor((k * params.failRate) / 100) > Math.floor(((k - 1) * params.failRate) / 100);
    const pageEnded = (page: number) => state.pageOpen[page - 1] === false;

    // One backend call: takes a connection, waits for the service, and gives
    // the connection back in `finally`, whether it answered, failed or was cancelled.
    const call = async (page: number, service: Service) => {
      const k = ++state.calls;
      state.started++;
      state.open++;
      state.peakConnections = Math.max(state.peakConnections, state.open);
      state.connections.push([now(), state.open]);
      let ended: "done" | "failed" | "cancelled" = "done";
      try {
        if (failsAt(k)) {
          await loop.io(FAIL_MS / 1000);
          throw new Error(`${service} answered 503`);
        }
        await loop.io(latencyMs(service, page) / 1000);
      } catch (error) {
        ended = error instanceof CancelledError ? "cancelled" : "failed";
        throw error;
      } finally {
        state.open--; // the connection goes back to the pool
        state.connections.push([now(), state.open]);
        // Bookkeeping for the result and the charts.
        const i = page - 1;
        state[ended]++;
        const perPage = ended === "done" ? state.callsDone : ended === "failed" ? state.callsFailed : state.callsCancelled;
        perPage[i] = (perPage[i] ?? 0) + 1;
        if (pageEnded(page)) state.orphaned++;
        if (state.returned) state.leaked++;
      }
    };

    // The page's three calls, started and awaited the `fanout` way.
    const fetchPage = async (page: number) => {
      const calls = () => SERVICES.map((service) => loop.createTask(() => call(page, service), `p${page}-${service}`));
      if (params.fanout === "gather") {
        await loop.gather(calls());
      } else if (params.fanout === "gather-exceptions") {
        const answers = await loop.gather(calls(), { returnExceptions: true });
        const error = answers.find((answer) => answer instanceof Error);
        if (error !== undefined) throw error;
      } else {
        await loop.taskGroup(async (tg) => {
          for (const service of SERVICES) tg.createTask(() => call(page, service), `p${page}-${service}`);
        });
      }
    };

    // Writes the page's audit record: a slow store, in the background.
    const audit = async (page: number) => {
      state.background.push([now(), ++state.auditsRunning]);
      let written = false;
      try {
        await loop.io(params.auditMs / 1000);
        written = true;
      } finally {
        state.background.push([now(), --state.auditsRunning]);
        if (state.returned) state.leaked++;
        else if (written) state.auditsWritten++;
        else state.auditsCancelled++;
      }
    };

    const serve = async (page: number) => {
      const began = now();
      state.pageOpen[page - 1] = true;
      let outcome: "ok" | "failed" | "timed out" = "ok";
      try {
        if (params.timeoutMs > 0) await loop.timeout(params.timeoutMs / 1000, () => fetchPage(page));
        else await fetchPage(page);
      } catch (error) {
        if (error instanceof CancelledError) throw error; // not the page's to swallow
        outcome = error instanceof TimeoutError ? "timed out" : "failed";
      } finally {
        state.pageOpen[page - 1] = false;
      }
      state.pageMs.push(now() - began);
      state.pageOutcome.push(outcome);
      if (outcome === "ok") state.pageOk++;
      else if (outcome === "failed") state.pageFailed++;
      else state.pageTimedOut++;

      // Fire and forget: nobody keeps the task or waits for it.
      loop.createTask(() => audit(page), `audit-${page}`);
    };

    for (let page = 1; page <= params.pages; page++) await serve(page);

    // Shutdown: give the background work time to finish, then return.
    await loop.sleep(params.graceMs / 1000);

    state.elapsedMs = now();
    state.returned = true; // a task that ends after this line outlived main
  },

  result: (state, params) => ({
    pagesOk: state.pageOk,
    pagesFailed: state.pageFailed,
    pagesTimedOut: state.pageTimedOut,
    started: state.started,
    done: state.done,
    failed: state.failed,
    cancelled: state.cancelled,
    orphaned: state.orphaned,
    // Answers that came for a page that failed or timed out anyway.
    wasted: state.pageOutcome.reduce((sum, outcome, i) => sum + (outcome === "ok" ? 0 : (state.callsDone[i] ?? 0)), 0),
    leaked: state.leaked,
    auditsWritten: state.auditsWritten,
    auditsCancelled: state.auditsCancelled,
    peakConnections: state.peakConnections,
    elapsedMs: state.elapsedMs,
    pageMs: state.pageMs,
    callsDone: Array.from({ length: params.pages }, (_, i) => state.callsDone[i] ?? 0),
    callsFailed: Array.from({ length: params.pages }, (_, i) => state.callsFailed[i] ?? 0),
    callsCancelled: Array.from({ length: params.pages }, (_, i) => state.callsCancelled[i] ?? 0),
    connections: state.connections,
    background: state.background,
  }),
});
