/**
 * gil_speedup: the 2-worker speedup of CPU work in a scenario under the
 * `gil` interpreter (`ctx.cpu` units, Python threads sharing one simulated
 * GIL), for the same fixed total of work on 1 and on 2 workers. Only one
 * worker computes at a time, so it should be about 1: much above, the GIL
 * lets threads run in parallel; much below, its switching costs too much.
 * No target: the figure shows what the lessons about the GIL rest on.
 */
import { CpuUnits } from "../cpu-units";
import { median, type Figure } from "../harness";
import { measureSpeedups, speedupParts } from "../speedup";

export const gilSpeedup: Figure = {
  name: "gil_speedup",
  unit: "x",
  async measure(repetitions, log) {
    const gil = new CpuUnits("gil");
    try {
      const s = await measureSpeedups(repetitions, { gil: gil.time }, log);
      return { value: median(s.gil.speedup), samples: s.gil.speedup, parts: speedupParts("gil", "gil time", s.gil, "ns/integer sorted") };
    } finally {
      gil.close();
    }
  },
};
