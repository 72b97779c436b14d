/**
 * A shared 32-bit signed integer: one word of the run memory. `get` and `set`
 * are separate scheduling points on purpose, so `x.set(x.get() + 1)` is the
 * two-step read-modify-write that races; `add`, `compareAndSet` and
 * `exchange` are one atomic step each (Atomics.add, compareExchange and
 * exchange), the building blocks of lock-free code and of spinlocks.
 */
import type { Arena } from "./memory";
import { PointKind, schedulingPoint } from "./gate";
import { runtimeMessage } from "./messages/message";

export class SharedInt {
  private readonly words: Int32Array;
  /** How errors name it, built once: `set` and `add` are hot paths. */
  private readonly label: string;

  /** @internal */
  constructor(arena: Arena, readonly name: string, readonly index: number) {
    this.words = arena.words;
    this.label = `SharedInt "${name}"`;
  }

  /** @internal */
  static allocate(arena: Arena, name: string, initial: number, init: boolean): SharedInt {
    checkInt32(initial, `SharedInt "${name}"`);
    const index = arena.allocate("int", name, 1);
    if (init) Atomics.store(arena.words, index, initial);
    return new SharedInt(arena, name, index);
  }

  get(): number {
    schedulingPoint(PointKind.Read, this.index);
    return Atomics.load(this.words, this.index);
  }

  set(value: number): void {
    checkInt32(value, this.label);
    schedulingPoint(PointKind.Write, this.index);
    Atomics.store(this.words, this.index, value);
  }

  /** Atomically adds `delta` and returns the new value. */
  add(delta: number): number {
    checkInt32(delta, this.label);
    schedulingPoint(PointKind.Add, this.index);
    return Atomics.add(this.words, this.index, delta) + delta;
  }

  /** Atomically sets `value` if the integer holds `expected`; true when it did (compare-and-swap). */
  compareAndSet(expected: number, value: number): boolean {
    checkInt32(expected, this.label);
    checkInt32(value, this.label);
    schedulingPoint(PointKind.CompareAndSet, this.index);
    return Atomics.compareExchange(this.words, this.index, expected, value) === expected;
  }

  /** Atomically sets `value` and returns the value it replaced. */
  exchange(value: number): number {
    checkInt32(value, this.label);
    schedulingPoint(PointKind.Exchange, this.index);
    return Atomics.exchange(this.words, this.index, value);
  }
}

/** Refuses what a 32-bit word cannot hold, naming the integer: `SharedInt "x"`, or with `element`, `SharedArray "buf"[3]`. */
export function checkInt32(value: number, label: string, element = -1): void {
  // `| 0` is the identity exactly on 32-bit integers, and cheap on the hot path.
  if ((value | 0) !== value) {
    const what = element < 0 ? label : `${label}[${element}]`;
    throw new RangeError(runtimeMessage("sharedInt.notInt32", { what, got: value }));
  }
}
