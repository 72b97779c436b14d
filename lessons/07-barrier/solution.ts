import { defineScenario, param, BrokenBarrierError } from "interleave";

// Phased work: every worker runs `phases` phases, one after another. A phase
// takes WORK_MS plus a share of `jitter`: in every phase one worker gets no
// extra time, one gets all of it, the others are spread evenly between, and
// who gets what changes from phase to phase.
// The rule to keep: nobody starts phase k + 1 before everyone has finished phase k.
// Solution: with sync = barrier, each worker waits at the barrier after every phase.
const WORK_MS = 20;
const CLOCK_SLACK_MS = 0.1; // two cores may read the clock this far apart (browsers round their timers)

export default defineScenario({
  params: {
    workers: param.int({ default: 4, min: 2, max: 8, label: "Workers" }),
    phases: param.int({ default: 6, min: 1, max: 10, label: "Phases" }),
    jitter: param.int({ default: 40, min: 0, max: 200, label: "Jitter (ms)" }),
    sync: param.choice(["none", "barrier"], { default: "none", label: "Between phases" }),
    parties: param.choice(["workers", "one fewer", "one more"], { default: "workers", label: "Barrier parties" }),
    timeout: param.int({ default: 0, min: 0, max: 2000, label: "Barrier timeout (ms, 0 = none)" }),
  },

  setup: (shared, params) => {
    const completed = shared.int("phases completed");
    const parties = params.workers + (params.parties === "one fewer" ? -1 : params.parties === "one more" ? 1 : 0);
    return {
      // Python: threading.Barrier(parties, action=..., timeout=...). Timeouts are in seconds.
      barrier: shared.barrier("phase_end", parties, {
        action: () => completed.add(1), // run once per phase, by the last worker to arrive
        timeout: params.timeout > 0 ? params.timeout / 1000 : undefined,
      }),
      completed,
      starts: shared.series("phase starts"), // value: the phase number
      ends: shared.series("phase ends"),
      waited: Array.from({ length: params.workers }, (_, w) => shared.int(`waited ${String.fromCharCode(65 + w)} (µs)`)),
      gaveUp: shared.int("workers that gave up"),
    };
  },

  worker: (s, ctx) => {
    const { phases, jitter, sync } = ctx.params;

    // Waits at the barrier and adds the time spent there to this worker's total.
    const waitForTheOthers = () => {
      const arrived = ctx.now();
      s.barrier.wait();
      s.waited[ctx.id]!.add(Math.round((ctx.now() - arrived) * 1000));
    };

    try {
      for (let phase = 0; phase < phases; phase++) {
        ctx.mark(phase + 1); // the phase's number on this worker's timeline
        s.starts.record(phase);
        ctx.io(WORK_MS + extraMs(ctx.id, phase, ctx.workers, jitter));
        s.ends.record(phase);
        if (sync === "barrier") {
          waitForTheOthers(); // Python: barrier.wait()
        }
      }
    } catch (error) {
      // Python: except threading.BrokenBarrierError. A broken barrier fails every wait, now and later.
      if (!(error instanceof BrokenBarrierError)) throw error;
      s.gaveUp.add(1);
    }
  },

  result: (s, params) => {
    const firstStart: number[] = [];
    const lastEnd: number[] = [];
    for (const [ms, phase] of s.starts.points()) firstStart[phase] = Math.min(firstStart[phase] ?? ms, ms);
    for (const [ms, phase] of s.ends.points()) lastEnd[phase] = Math.max(lastEnd[phase] ?? ms, ms);
    // A start is early when some worker had not yet finished the phase before it
    // (by more than CLOCK_SLACK_MS: each core's reading of the clock is rounded a little).
    const earlyStarts = s.starts.points().filter(([ms, phase]) => phase > 0 && lastEnd[phase - 1] !== undefined && ms < lastEnd[phase - 1]! - CLOCK_SLACK_MS).length;
    // Gap at each phase boundary: the first start of phase k + 1 minus the last end of phase k.
    const gapMs: number[] = [];
    for (let k = 0; k + 1 < params.phases && firstStart[k + 1] !== undefined && lastEnd[k] !== undefined; k++) {
      gapMs.push(round(firstStart[k + 1]! - lastEnd[k]!));
    }
    return {
      earlyStarts,
      gapMs,
      waitMs: s.waited.map((w) => round(w.get() / 1000)),
      totalMs: round((lastEnd.at(-1) ?? 0) - (firstStart[0] ?? 0)),
      phasesCompleted: s.completed.get(),
      gaveUp: s.gaveUp.get(),
    };
  },
});

/**
 * Extra milliseconds for worker `id` in `phase`: the workers' ranks are
 * shuffled per phase (the same shuffle in every worker), and rank r of n
 * gets r / (n - 1) of the jitter.
 */
function extraMs(id: number, phase: number, workers: number, jitter: number): number {
  const ranks = Array.from({ length: workers }, (_, i) => i);
  let seed = (phase + 1) * 2654435761;
  for (let i = workers - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = (seed >>> 16) % (i + 1);
    [ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!];
  }
  return (jitter * ranks[id]!) / (workers - 1);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
