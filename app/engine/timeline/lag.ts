/** The event loop's lag over time: one sample per task resumed from a sleep or an I/O, how late it resumed (lag-chart's data). */
import { grown } from "./grow";

export interface LagSeries {
  readonly count: number;
  /** When the loop got to it, ms since the run's origin, in order. */
  readonly times: Float64Array;
  /** How late, in ms. */
  readonly lags: Float64Array;
  /** The largest lag so far, in ms. */
  readonly peak: number;
}

export class LagTrack implements LagSeries {
  count = 0;
  times = new Float64Array(64);
  lags = new Float64Array(64);
  peak = 0;

  add(time: number, lag: number): void {
    const i = this.count++;
    if (i === this.times.length) {
      this.times = grown(this.times);
      this.lags = grown(this.lags);
    }
    this.times[i] = time;
    this.lags[i] = lag;
    if (lag > this.peak) this.peak = lag;
  }
}
