/**
 * The simulated global interpreter lock: CPython's GIL (Python/ceval_gil.c,
 * "new GIL" of CPython 3.2 by Antoine Pitrou) rebuilt on Atomics over header
 * words, so that workers running as Python threads contend the way CPython's
 * threads do on real cores.
 *
 * - A worker runs scenario code only while it holds the GIL.
 * - A worker that wants it waits up to the switch interval (default 5 ms,
 *   `sys.setswitchinterval`); if in that time nobody switched, it sets the
 *   drop request. A switch is a change of holder, as CPython counts it: a
 *   worker retaking its own GIL after I/O is none, and neither it nor the
 *   wake-up its drop causes restarts a waiter's interval.
 * - The holder checks the drop request at its "eval breaker" points, where
 *   CPython 3.10+ checks (eval-breaker.ts: function entries, loop iterations,
 *   the runtime's calls, every CPU chunk), never between a read and the write
 *   after it; when set, it drops the GIL and waits until another worker has
 *   taken it (forced switching), then queues again.
 * - Blocking calls and I/O drop it while they wait.
 *
 * Modes: `gil` (Python threads), `free-threaded` (PEP 703: no GIL),
 * `processes` (one interpreter per worker: no shared GIL) and `asyncio` (one
 * event loop's tasks on one worker: asyncio/). Only `gil`, and `asyncio`
 * with a pool of threads (which share the loop's GIL), do anything here.
 *
 * Header words: gilHolder (worker id + 1, 0 when free), gilDropRequest,
 * gilSwitches (how many times it changed hands), gilLastHolder (worker id + 1
 * of the last taker, 0 before the first), gilMode, switchIntervalMicros.
 */
import { Header } from "./memory";
import { EventKind, type TraceWriter } from "./trace";
import { runtimeMessage } from "./messages/message";

export const INTERPRETER_MODES = ["gil", "free-threaded", "processes", "asyncio"] as const;
export type InterpreterMode = (typeof INTERPRETER_MODES)[number];

export const DEFAULT_SWITCH_INTERVAL_MS = 5;

/** asyncio mode's executor pools, as the header's `executor` word counts them (0: none). */
export const EXECUTOR_KINDS = ["threads", "processes"] as const;
export type ExecutorKind = (typeof EXECUTOR_KINDS)[number];

/** Written by the first prepared worker, before any worker reads it. */
export function configureGil(words: Int32Array, mode: InterpreterMode, switchIntervalMs = DEFAULT_SWITCH_INTERVAL_MS, executor?: ExecutorKind): void {
  if (!INTERPRETER_MODES.includes(mode)) {
    throw new RangeError(runtimeMessage("gil.mode", { mode: String(mode), modes: INTERPRETER_MODES.join(", ") }));
  }
  if (!(switchIntervalMs > 0 && switchIntervalMs <= 10_000)) {
    throw new RangeError(runtimeMessage("gil.interval", { got: switchIntervalMs }));
  }
  Atomics.store(words, Header.gilMode, INTERPRETER_MODES.indexOf(mode));
  Atomics.store(words, Header.switchIntervalMicros, Math.round(switchIntervalMs * 1000));
  Atomics.store(words, Header.executor, executor === undefined ? 0 : EXECUTOR_KINDS.indexOf(executor) + 1);
}

/** asyncio mode's executor pool, if the run has one. */
export function executorOf(words: Int32Array): ExecutorKind | null {
  return EXECUTOR_KINDS[Atomics.load(words, Header.executor) - 1] ?? null;
}

/** The interpreter a run models, from its memory's header. */
export function interpreterOf(words: Int32Array): InterpreterMode {
  return INTERPRETER_MODES[Atomics.load(words, Header.gilMode)] ?? "free-threaded";
}

/** The interpreter a run models and its switch interval, from its memory's header (once the first worker is prepared). */
export function interpreterConfig(words: Int32Array): { readonly mode: InterpreterMode; readonly switchIntervalMs: number; readonly executor: ExecutorKind | null } {
  return { mode: interpreterOf(words), switchIntervalMs: Atomics.load(words, Header.switchIntervalMicros) / 1000, executor: executorOf(words) };
}

/** Whether workers share one GIL: Python threads, or an event loop with a pool of threads. */
function sharesGil(words: Int32Array): boolean {
  const mode = interpreterOf(words);
  return mode === "gil" || (mode === "asyncio" && executorOf(words) === "threads");
}

export class Gil {
  readonly enabled: boolean;
  private readonly intervalMs: number;
  private held = false;

  constructor(
    private readonly words: Int32Array,
    private readonly workerId: number,
    private readonly trace: TraceWriter,
  ) {
    // A gated run's interleaving is the controller's alone: no GIL hands the turn over by the clock.
    this.enabled = sharesGil(words) && Atomics.load(words, Header.gateMode) === 0;
    this.intervalMs = Atomics.load(words, Header.switchIntervalMicros) / 1000 || DEFAULT_SWITCH_INTERVAL_MS;
  }

  get isHeld(): boolean {
    return this.held;
  }

  take(): void {
    if (!this.enabled || this.held) return;
    const w = this.words;
    const me = this.workerId + 1;
    let switches = Atomics.load(w, Header.gilSwitches);
    let intervalEnds = performance.now() + this.intervalMs;
    for (;;) {
      const holder = Atomics.compareExchange(w, Header.gilHolder, 0, me);
      if (holder === 0) break;
      const left = intervalEnds - performance.now();
      // Woken early (the holder dropped it for I/O and took it back first), the interval goes on.
      if (left > 0) {
        Atomics.wait(w, Header.gilHolder, holder, left);
        continue;
      }
      if (Atomics.load(w, Header.gilSwitches) === switches) Atomics.store(w, Header.gilDropRequest, 1);
      switches = Atomics.load(w, Header.gilSwitches);
      intervalEnds = performance.now() + this.intervalMs;
    }
    this.held = true;
    Atomics.store(w, Header.gilDropRequest, 0);
    this.trace.emit(EventKind.GilTake, 0, this.countSwitch(me));
  }

  /** As CPython's take_gil: a switch is a change of holder, not a worker retaking its own GIL after I/O or a wait. */
  private countSwitch(me: number): number {
    const w = this.words;
    if (Atomics.exchange(w, Header.gilLastHolder, me) === me) return Atomics.load(w, Header.gilSwitches);
    const switches = Atomics.add(w, Header.gilSwitches, 1) + 1;
    Atomics.notify(w, Header.gilSwitches);
    return switches;
  }

  /** Drops the GIL; `forced` (a drop request) also waits until another worker has taken it. */
  drop(forced = false): void {
    if (!this.held) return;
    const w = this.words;
    const switches = Atomics.load(w, Header.gilSwitches);
    this.trace.emit(EventKind.GilDrop, 0, switches);
    this.held = false;
    Atomics.store(w, Header.gilHolder, 0);
    Atomics.notify(w, Header.gilHolder, 1);
    if (forced) {
      // Bounded by the interval: the requester may have finished meanwhile.
      Atomics.wait(w, Header.gilSwitches, switches, this.intervalMs);
    }
  }

  /** The eval breaker: give the GIL up if another worker asked for it. */
  check(): void {
    if (this.held && Atomics.load(this.words, Header.gilDropRequest) !== 0) {
      this.drop(true);
      this.take();
    }
  }
}
