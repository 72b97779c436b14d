/**
 * The shared memory of one run: a single SharedArrayBuffer viewed as 32-bit
 * words, with a fixed header the engine and every worker agree on, followed
 * by an arena that scenario objects are allocated from.
 *
 * Allocation is a bump pointer that each worker keeps privately. Every worker
 * runs the same `setup` in the same order, so every worker computes the same
 * word index for every object: a shared object is just (buffer, index), as in
 * the SpiderMonkey lock-and-condition primitives, and nothing is sent between
 * threads to "share" it.
 */

/** Word indices of the run header. */
export const Header = {
  /** Workers that have reached the start gate. */
  startArrived: 0,
  /** 0 until the last worker arrives, then 1: the start gate is open. */
  startOpen: 1,
  /** Scheduling-point mode (0 = free run). Read by the gate on every point. */
  gateMode: 2,
  /** Number of words in the header; the arena starts here. */
  size: 16,
} as const;

export const DEFAULT_MEMORY_BYTES = 1 << 20;

export function createRunMemory(bytes = DEFAULT_MEMORY_BYTES): SharedArrayBuffer {
  return new SharedArrayBuffer(bytes);
}

/** A named object living at `index` in the arena, for diagnostics. */
export interface Allocation {
  readonly name: string;
  readonly kind: string;
  readonly index: number;
  readonly words: number;
}

export class MemoryExhaustedError extends Error {
  override name = "MemoryExhaustedError";
}

/** One worker's view of the run memory and its private allocation cursor. */
export class Arena {
  readonly words: Int32Array;
  readonly allocations: Allocation[] = [];
  private top: number = Header.size;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.words = new Int32Array(buffer);
  }

  allocate(kind: string, name: string, words: number): number {
    if (this.top + words > this.words.length) {
      throw new MemoryExhaustedError(
        `Out of shared memory allocating ${kind} "${name}": the run has ${this.words.length} words. Create fewer shared objects.`,
      );
    }
    const index = this.top;
    this.top += words;
    this.allocations.push({ name, kind, index, words });
    return index;
  }
}
