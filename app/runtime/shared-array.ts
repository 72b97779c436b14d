/**
 * SharedArray: Python's `multiprocessing.Array('i', ...)`, a fixed number of
 * shared 32-bit signed integers in consecutive words of the run memory.
 *
 * Algorithm: none beyond SharedInt's (shared-int.ts), per element: `get` and
 * `set` are separate steps, so `a.set(i, a.get(i) + 1)` races; `add`,
 * `compareAndSet` and `exchange` are one atomic step each. Every element
 * access is a scheduling point naming the element's own word, so step mode
 * and explore see two elements as two objects ("buf[3]"), as they are.
 * `toArray` reads every element in one step, naming the array; in a free run
 * other workers may write elements while it reads, as in Python without a
 * lock.
 *
 * Layout (word offsets from `index`):
 *   +0 length
 *   +1 the elements, element i at +1 + i (`elementIndex`)
 */
import type { Arena } from "./memory";
import { PointKind, schedulingPoint } from "./gate";
import { ScenarioUsageError } from "./errors";
import { checkInt32 } from "./shared-int";
import { runtimeMessage } from "./messages/message";

const LENGTH = 0;
const ELEMENTS = 1;

/** The word of element `i` of the array at `index`: the object its accesses name. */
export function elementIndex(index: number, i: number): number {
  return index + ELEMENTS + i;
}

/** Which element of the array at `index` the word `word` is; -1 for the array's own word. */
export function elementAt(index: number, word: number): number {
  return word - index - ELEMENTS;
}

/** The elements of the array at `index`, read from anywhere (the page's shared-values panel). */
export function arrayValues(words: Int32Array, index: number): number[] {
  const length = Atomics.load(words, index + LENGTH);
  return Array.from({ length }, (_, i) => Atomics.load(words, elementIndex(index, i)));
}

export class SharedArray {
  private readonly words: Int32Array;
  /** How errors name it, built once: element access is a hot path. */
  private readonly label: string;

  /** @internal */
  constructor(
    arena: Arena,
    readonly name: string,
    readonly index: number,
    /** How many elements it has; fixed at creation. */
    readonly length: number,
  ) {
    this.words = arena.words;
    this.label = `SharedArray "${name}"`;
  }

  /** @internal */
  static allocate(arena: Arena, name: string, length: number, initial: number | readonly number[], init: boolean): SharedArray {
    if (!(Number.isInteger(length) && length >= 1)) {
      throw new ScenarioUsageError(runtimeMessage("sharedArray.length", { name, got: String(length) }));
    }
    const values = typeof initial === "number" ? new Array<number>(length).fill(initial) : initial;
    if (!Array.isArray(values) || values.length !== length) {
      throw new ScenarioUsageError(runtimeMessage("sharedArray.initial", { name, length }));
    }
    values.forEach((value, i) => checkInt32(value, `SharedArray "${name}"`, i));
    const index = arena.allocate("array", name, ELEMENTS + length);
    if (init) {
      Atomics.store(arena.words, index + LENGTH, length);
      values.forEach((value, i) => Atomics.store(arena.words, elementIndex(index, i), value));
    }
    return new SharedArray(arena, name, index, length);
  }

  /** Element `i`'s value. */
  get(i: number): number {
    const at = this.at(i);
    schedulingPoint(PointKind.Read, at);
    return Atomics.load(this.words, at);
  }

  /** Sets element `i` to `value`. */
  set(i: number, value: number): void {
    const at = this.at(i);
    checkInt32(value, this.label, i);
    schedulingPoint(PointKind.Write, at);
    Atomics.store(this.words, at, value);
  }

  /** Atomically adds `delta` to element `i` and returns its new value. */
  add(i: number, delta: number): number {
    const at = this.at(i);
    checkInt32(delta, this.label, i);
    schedulingPoint(PointKind.Add, at);
    return Atomics.add(this.words, at, delta) + delta;
  }

  /** Atomically sets element `i` to `value` if it holds `expected`; true when it did (compare-and-swap). */
  compareAndSet(i: number, expected: number, value: number): boolean {
    const at = this.at(i);
    checkInt32(expected, this.label, i);
    checkInt32(value, this.label, i);
    schedulingPoint(PointKind.CompareAndSet, at);
    return Atomics.compareExchange(this.words, at, expected, value) === expected;
  }

  /** Atomically sets element `i` to `value` and returns the value it replaced. */
  exchange(i: number, value: number): number {
    const at = this.at(i);
    checkInt32(value, this.label, i);
    schedulingPoint(PointKind.Exchange, at);
    return Atomics.exchange(this.words, at, value);
  }

  /** Every element, read in one step; in a free run, other workers may write elements while it reads. */
  toArray(): number[] {
    schedulingPoint(PointKind.Query, this.index);
    return arrayValues(this.words, this.index);
  }

  /** The word of element `i`, refusing an index out of range. */
  private at(i: number): number {
    if (!(Number.isInteger(i) && i >= 0 && i < this.length)) {
      throw new RangeError(runtimeMessage("sharedArray.index", { label: this.label, length: this.length, last: this.length - 1, got: String(i) }));
    }
    return elementIndex(this.index, i);
  }
}
