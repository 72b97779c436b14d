/** 100,000 events, as a long run's trace: built fast, and a model that holds together. */
import { describe, expect, it } from "vitest";
import { TimelineBuilder } from "./builder";
import { LaneState } from "./lane-state";
import type { TimelineModel } from "./model";
import { syntheticTrace } from "./synthetic-trace";

const EVENTS = 100_000;
// Frame budget: the page feeds the builder inside an animation frame.
const BUDGET_MS = 100;

function buildAll(trace: ReturnType<typeof syntheticTrace>, workers: number): TimelineModel {
  const builder = new TimelineBuilder({ workers, names: trace.names, origin: trace.origin });
  builder.add(trace.events);
  builder.advance(trace.end);
  return builder.model;
}

/** Segments strictly ordered, none repeating its predecessor, every lane ending done. */
function malformedSegments(model: TimelineModel): string[] {
  const problems: string[] = [];
  for (const lane of model.lanes) {
    for (let i = 1; i < lane.count; i++) {
      if (!(lane.starts[i]! > lane.starts[i - 1]!)) problems.push(`${lane.name}#${i}: starts at or before its predecessor`);
      if (lane.states[i] === lane.states[i - 1] && lane.objects[i] === lane.objects[i - 1]) problems.push(`${lane.name}#${i}: repeats its predecessor`);
    }
    if (lane.states[lane.count - 1] !== LaneState.Done) problems.push(`${lane.name}: does not end done`);
  }
  return problems;
}

describe("a 100,000-event trace", () => {
  for (const mode of ["gil", "free-threaded"] as const) {
    it(`builds in well under ${BUDGET_MS} ms (${mode})`, () => {
      const trace = syntheticTrace({ workers: 4, events: EVENTS, mode });
      expect(trace.events.length).toBeGreaterThanOrEqual(EVENTS);
      // Warm-up: the first passes pay for compilation.
      for (let rep = 0; rep < 3; rep++) buildAll(trace, 4);
      const times: number[] = [];
      let model: TimelineModel | undefined;
      for (let rep = 0; rep < 5; rep++) {
        const began = performance.now();
        model = buildAll(trace, 4);
        times.push(performance.now() - began);
      }
      const median = times.sort((a, b) => a - b)[2]!;
      console.info(`${mode}: ${trace.events.length} events -> ${model!.lanes.reduce((n, l) => n + l.count, 0)} segments in ${median.toFixed(2)} ms (median of 5)`);
      expect(median).toBeLessThan(BUDGET_MS);
      expect(model!.gilMode).toBe(mode === "gil");
      expect(malformedSegments(model!)).toEqual([]);
    });
  }

  it("lets no two lanes hold the GIL at once in the simulated trace", () => {
    const trace = syntheticTrace({ workers: 4, events: 20_000, mode: "gil" });
    const model = buildAll(trace, 4);
    const held: [number, number][] = [];
    for (const lane of model.lanes) {
      for (let i = 0; i < lane.count; i++) {
        if (lane.states[i] === LaneState.Gil) held.push([lane.starts[i]!, i + 1 < lane.count ? lane.starts[i + 1]! : model.end]);
      }
    }
    held.sort((a, b) => a[0] - b[0]);
    const overlaps = held.filter(([start], i) => i > 0 && start < held[i - 1]![1]);
    expect(overlaps).toEqual([]);
  });
});
