import { beforeEach, describe, expect, it } from "vitest";
import { MemoryError, capBuffers, resetBufferCount } from "./buffer-cap";

const MB = 1024 * 1024;

/** A scope of its own, so that this process's constructors stay as they are. */
function cappedScope(cap: number) {
  const scope: Record<string, unknown> = { ArrayBuffer, SharedArrayBuffer, Float64Array, Uint8Array, Int32Array };
  capBuffers(scope, cap);
  return scope as { ArrayBuffer: ArrayBufferConstructor; SharedArrayBuffer: SharedArrayBufferConstructor; Float64Array: Float64ArrayConstructor; Uint8Array: Uint8ArrayConstructor; Int32Array: Int32ArrayConstructor };
}

describe("the cap on a run's buffers", () => {
  beforeEach(() => resetBufferCount());

  it("counts buffers and typed arrays by their bytes, in total, and refuses the one that would pass the cap before allocating it", () => {
    const scope = cappedScope(10 * MB);
    new scope.ArrayBuffer(4 * MB);
    new scope.Float64Array(512 * 1024); // 4 MB
    expect(() => new scope.Uint8Array(3 * MB)).toThrow(MemoryError);
    expect(() => new scope.Uint8Array(3 * MB)).toThrow("new Uint8Array of 3 MB would bring this worker's buffers in this run to 11 MB, over the 10 MB a run may allocate.");
    new scope.Uint8Array(2 * MB);
    expect(() => new scope.Int32Array([1, 2, 3])).toThrow(MemoryError);
  });

  it("does not count a view of an existing buffer, and keeps what instances are", () => {
    const scope = cappedScope(MB);
    const shared = new SharedArrayBuffer(4 * MB);
    const view = new scope.Int32Array(shared, 0, MB);
    expect(view).toBeInstanceOf(scope.Int32Array);
    expect(view).toBeInstanceOf(Int32Array);
    expect(view.length).toBe(MB);
  });

  it("starts each run's count afresh", () => {
    const scope = cappedScope(MB);
    new scope.ArrayBuffer(MB);
    expect(() => new scope.ArrayBuffer(1)).toThrow(MemoryError);
    resetBufferCount();
    expect(new scope.ArrayBuffer(MB).byteLength).toBe(MB);
  });
});
