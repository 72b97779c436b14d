/**
 * A shared 32-bit signed integer: one word of the run memory. `get` and `set`
 * are separate scheduling points on purpose, so `x.set(x.get() + 1)` is the
 * two-step read-modify-write that races; `add` is one atomic step.
 */
import type { Arena } from "./memory";
import { PointKind, schedulingPoint } from "./gate";

export class SharedInt {
  private readonly words: Int32Array;

  /** @internal */
  constructor(arena: Arena, readonly name: string, readonly index: number) {
    this.words = arena.words;
  }

  /** @internal */
  static allocate(arena: Arena, name: string, initial: number, init: boolean): SharedInt {
    checkInt32(name, initial);
    const index = arena.allocate("int", name, 1);
    if (init) Atomics.store(arena.words, index, initial);
    return new SharedInt(arena, name, index);
  }

  get(): number {
    schedulingPoint(PointKind.Read, this.index);
    return Atomics.load(this.words, this.index);
  }

  set(value: number): void {
    checkInt32(this.name, value);
    schedulingPoint(PointKind.Write, this.index);
    Atomics.store(this.words, this.index, value);
  }

  /** Atomically adds `delta` and returns the new value. */
  add(delta: number): number {
    checkInt32(this.name, delta);
    schedulingPoint(PointKind.Add, this.index);
    return Atomics.add(this.words, this.index, delta) + delta;
  }
}

function checkInt32(name: string, value: number): void {
  // `| 0` is the identity exactly on 32-bit integers, and cheap on the hot path.
  if ((value | 0) !== value) {
    throw new RangeError(
      `SharedInt "${name}" holds 32-bit integers; got ${value}. Use a whole number between -2147483648 and 2147483647.`,
    );
  }
}
