/**
 * The computation behind a CPU unit: sorting windows of pseudo-random
 * integers with `Int32Array.prototype.sort`, which V8 runs in C++ (std::sort).
 *
 * Why sorting: the same JavaScript loop runs several times faster once V8
 * has compiled it with TurboFan than in the interpreter or its baseline
 * tiers, and when a loop gets there depends on the worker, the run and the
 * load (on a busy 2-core machine the background compile can wait tens of
 * milliseconds). A unit measured in one tier and spent in another was a
 * different length of time on each worker and in each run. A built-in sort
 * costs the same from any tier, from its first call, and nothing can skip or
 * fold its work.
 *
 * Why a running window: a core's branch predictor learns data it sorts
 * again and again (13 windows sorted 300 times over got twice as fast), so
 * each worker walks on through the pool, and a window comes back only after
 * every other one. Every worker starts a run at the first window (`rewind`),
 * so the same calls on two workers sort the same numbers.
 */

/** Integers per chunk, sorted in 10 to 20 µs: the GIL's drop request is seen almost at once. */
export const CHUNK_ELEMENTS = 512;
/** 128 windows of numbers (256 KiB): too many for a predictor to learn, few enough to stay in the core's cache. */
const POOL = 128 * CHUNK_ELEMENTS;

// Filled once, when a worker loads this module, so that no run pays for it. The last
// CHUNK_ELEMENTS words are where a chunk sorts its copy of a window.
const words = new Int32Array(POOL + CHUNK_ELEMENTS);
const scratch = words.subarray(POOL);
let seed = 0x2545f491;
for (let i = 0; i < POOL; i++) {
  // xorshift32
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  words[i] = seed;
}
let next = 0;

/** Starts the walk at the first window again: done before every run's start gate. */
export function rewind(): void {
  next = 0;
}

/** Sorts the next window; returns its median, a result that depends on all of the work. */
export function sortChunk(): number {
  const from = next;
  next = (next + CHUNK_ELEMENTS) % POOL;
  words.copyWithin(POOL, from, from + CHUNK_ELEMENTS);
  scratch.sort();
  return scratch[CHUNK_ELEMENTS >> 1]!;
}
