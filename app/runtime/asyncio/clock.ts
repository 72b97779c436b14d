/**
 * The loop's clocks, in seconds. Virtual time (Trio's MockClock with
 * autojump, tokio's paused clock) stands still while tasks run and jumps to
 * the next timer when nothing is ready: a back-off of minutes passes in
 * microseconds and replays exactly; CPU work on the loop moves it by its
 * cost. Real time is the worker's clock, and an idle loop sleeps until its
 * next deadline, as CPython's `select` does.
 */
export interface LoopClock {
  readonly kind: "virtual" | "real";
  now(): number;
  /** Nothing is ready: let time pass until `deadline`. */
  idleUntil(deadline: number): void;
  /** CPU work of `seconds` was done on the loop. */
  worked(seconds: number): void;
}

export class VirtualClock implements LoopClock {
  readonly kind = "virtual";
  private time = 0;

  now(): number {
    return this.time;
  }

  idleUntil(deadline: number): void {
    this.time = Math.max(this.time, deadline);
  }

  worked(seconds: number): void {
    // To the nanosecond, as the loop's deadlines are: CPU work of 0.01 s ten times is 0.1 s exactly.
    this.time = Math.round((this.time + seconds) * 1e9) / 1e9;
  }
}

export class RealClock implements LoopClock {
  readonly kind = "real";
  private readonly origin = performance.now();
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));

  now(): number {
    return (performance.now() - this.origin) / 1000;
  }

  idleUntil(deadline: number): void {
    const ms = (deadline - this.now()) * 1000;
    if (ms > 0) Atomics.wait(this.sleeper, 0, 0, ms);
  }

  worked(): void {}
}
