/** Growable typed-array columns: doubling keeps appends O(1) amortized without an object per segment. */

type Column = Float64Array | Int32Array | Uint8Array;

/** A copy of `column` twice as long. */
export function grown<T extends Column>(column: T): T {
  const copy = new (column.constructor as new (length: number) => T)(column.length * 2);
  copy.set(column);
  return copy;
}
