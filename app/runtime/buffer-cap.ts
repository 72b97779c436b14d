/**
 * A cap on the binary buffers (ArrayBuffer, SharedArrayBuffer and every typed
 * array made with a length or from values) a worker's run may allocate, in
 * total. Without one, a run that allocates gigabytes of buffers finishes
 * while the machine swaps. The constructors are wrapped in proxies that count
 * before they allocate; views over an existing buffer cost nothing. A
 * browser gives no such handle on the JavaScript heap itself (objects,
 * arrays, strings): there the engine can only say afterwards that a run
 * took the page down (engine/out-of-memory.ts).
 *
 * The count is a total, not what is alive: a run cannot see its garbage
 * collected while it runs. Copies a typed array makes of itself (`slice`,
 * `map`) use the unwrapped constructor and are not counted.
 */
import { ScenarioUsageError } from "./errors";
import { runtimeMessage } from "./messages/message";

/** A run's buffers on one worker: above anything a lesson needs, below what would make the machine swap. */
export const BUFFER_CAP_BYTES = 1024 * 1024 * 1024;

const WRAPPED = [
  "ArrayBuffer",
  "SharedArrayBuffer",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
] as const;

let allocated = 0;

export class MemoryError extends ScenarioUsageError {
  override name = "MemoryError";
}

/** Replaces the buffer constructors of `scope` with counting ones. */
export function capBuffers(scope: Record<string, unknown>, cap = BUFFER_CAP_BYTES): void {
  for (const name of WRAPPED) {
    const original = scope[name] as (new (...args: unknown[]) => object) & { BYTES_PER_ELEMENT?: number };
    if (typeof original !== "function") continue;
    const perElement = original.BYTES_PER_ELEMENT ?? 1;
    scope[name] = new Proxy(original, {
      construct(target, args, newTarget) {
        count(name, bytesAsked(args[0], perElement), cap);
        return Reflect.construct(target, args, newTarget);
      },
    });
  }
}

/** Starts a run's count afresh. */
export function resetBufferCount(): void {
  allocated = 0;
}

/** What a constructor called with `first` allocates: a length's or a list's worth, nothing for a view of a buffer. */
function bytesAsked(first: unknown, perElement: number): number {
  if (typeof first === "number") return first * perElement;
  if (first instanceof ArrayBuffer || (typeof SharedArrayBuffer === "function" && first instanceof SharedArrayBuffer)) return 0;
  if (typeof first === "object" && first !== null && "length" in first && typeof first.length === "number") return first.length * perElement;
  return 0;
}

function count(name: string, bytes: number, cap: number): void {
  if (!(bytes > 0)) return;
  if (allocated + bytes > cap) {
    const values = { constructor: name, size: megabytes(bytes), total: megabytes(allocated + bytes), cap: megabytes(cap) };
    throw new MemoryError(runtimeMessage("memory.buffers", values));
  }
  allocated += bytes;
}

function megabytes(bytes: number): string {
  return runtimeMessage("memory.megabytes", { megabytes: Math.round(bytes / (1024 * 1024)) });
}
