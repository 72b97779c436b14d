// TEMPORARY experiment, to be deleted.
import { Arena, Header } from "../../app/runtime/memory";
import { checkTimeout } from "../../app/runtime/errors";
import { PointKind, schedulingPoint } from "../../app/runtime/gate";
import { Mutex } from "../../app/runtime/sync/mutex";
import { serve, type Job } from "./worker-kit";

const S = Header.size, O = Header.size + 1, C = Header.size + 2;
function slow(w: Int32Array) { let c = Atomics.exchange(w, S, 2); while (c !== 0) { Atomics.wait(w, S, 2); c = Atomics.exchange(w, S, 2); } }
function lock(w: Int32Array) { const c = Atomics.compareExchange(w, S, 0, 1); if (c !== 0) slow(w); }
function unlock(w: Int32Array) { if (Atomics.sub(w, S, 1) !== 1) { Atomics.store(w, S, 0); Atomics.notify(w, S, 1); } }

const name = "m";
function lockStr(w: Int32Array, timeout?: number) { checkTimeout(`Lock "${name}".acquire`, timeout); lock(w); }
function lockGate(w: Int32Array) { schedulingPoint(PointKind.Acquire, S); lock(w); }
function unlockGate(w: Int32Array) { schedulingPoint(PointKind.Release, S); unlock(w); }
function unlockLoad(w: Int32Array) { if (Atomics.load(w, S) === 0) throw new Error("unlocked"); unlock(w); }
function lockOwner(w: Int32Array, id: number) { lock(w); w[O] = id + 1; }
function unlockOwner(w: Int32Array) { w[O] = 0; unlock(w); }

const loop = (body: (w: Int32Array, id: number) => void) => ({ buffer, workerId, iterations }: Job) => {
  const w = new Int32Array(buffer);
  return () => { for (let i = 0; i < iterations; i++) body(w, workerId); return Atomics.load(w, C); };
};
serve({
  runtime: ({ buffer, workerId, iterations }) => {
    const arena = new Arena(buffer);
    const mutex = Mutex.allocate(arena, "m", workerId);
    const counter = arena.allocate("int", "counter", 1);
    const w = arena.words;
    return () => { for (let i = 0; i < iterations; i++) { mutex.acquire(); w[counter]!++; mutex.release(); } return Atomics.load(w, counter); };
  },
  futex: loop((w) => { lock(w); w[C]!++; unlock(w); }),
  str: loop((w) => { lockStr(w); w[C]!++; unlock(w); }),
  gate: loop((w) => { lockGate(w); w[C]!++; unlockGate(w); }),
  load: loop((w) => { lock(w); w[C]!++; unlockLoad(w); }),
  owner: loop((w, id) => { lockOwner(w, id); w[C]!++; unlockOwner(w); }),
});
