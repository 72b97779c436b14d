/**
 * The raw side of cpu_unit_deviation_over_raw: the CPU unit's own kernel and
 * calibration (app/runtime/work.ts), timed as the probe times them, with no
 * engine around them. How much this varies between a fresh worker's calls and
 * between two workers is what the hardware itself gives; the engine's units
 * are measured against it.
 */
import { CHUNK_ELEMENTS, rewind, sortChunk } from "../../app/runtime/cpu-kernel";
import { Header } from "../../app/runtime/memory";
import { calibrateCpuUnit } from "../../app/runtime/work";
import { PROBE_UNITS } from "./cpu-unit-probe";

export type UnitProbeRequest = { readonly calibrate: true } | { readonly calibrate: false; readonly iterations: number };
/** The calibration used, and milliseconds per unit of `cpu(small)` then `cpu(large)`. */
export interface UnitProbeReply {
  readonly iterations: number;
  readonly msPerUnit: readonly [number, number];
}

function timedUnits(units: number, iterations: number): number {
  const chunks = Math.round((units * iterations) / CHUNK_ELEMENTS);
  const started = performance.now();
  for (let chunk = 0; chunk < chunks; chunk++) sortChunk();
  return (performance.now() - started) / units;
}

self.onmessage = (event: MessageEvent<UnitProbeRequest>) => {
  const request = event.data;
  let iterations: number;
  if (request.calibrate) {
    const words = new Int32Array(Header.size);
    calibrateCpuUnit(words);
    iterations = words[Header.cpuUnitIterations]!;
  } else iterations = request.iterations;
  rewind();
  const reply: UnitProbeReply = { iterations, msPerUnit: [timedUnits(PROBE_UNITS.small, iterations), timedUnits(PROBE_UNITS.large, iterations)] };
  postMessage(reply);
};
