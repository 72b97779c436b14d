/**
 * Worker 0 puts the numbers 0, 1, 2... into a bounded queue and worker 1
 * gets them, with the runtime's Queue or with a minimal futex queue: a ring
 * of float64s guarded by the baselines' futex mutex, with "not empty" and
 * "not full" sequence conditions that count their sleepers, so a put or get
 * that finds nobody waiting skips the notify (what futex.ts does, and what
 * a careful hand-written queue does). The runtime queue holds numbers only
 * (slotBytes 0), as the ring does. An operation is a put or a get; the
 * consumer counts two for each number that arrives in order, so a queue
 * that loses, repeats or reorders one fails the figure.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { Queue } from "../../app/runtime/sync/queue";
import { lock, unlock } from "./futex-lock";
import { freeRunThread } from "./runtime-thread";
import { serve } from "./worker-kit";

const MAXSIZE = 64;

/** A queue as both sides use it: the producer and consumer below are written once for both. */
interface Channel {
  put(item: number): void;
  get(): number;
}

function produceOrConsume(channel: Channel, workerId: number, iterations: number): () => number {
  return workerId === 0
    ? () => {
        for (let i = 0; i < iterations; i++) channel.put(i);
        return iterations;
      }
    : () => {
        let inOrder = 0;
        for (let i = 0; i < iterations; i++) if (channel.get() === i) inOrder++;
        return 2 * inOrder;
      };
}

// Baseline layout, word offsets from the start of the arena.
const LOCK = 0;
const NOT_EMPTY = 1;
const NOT_FULL = 3;
const SLEEPERS = 1;
const COUNT = 5;
const HEAD = 6;
/** Items are float64s: the ring starts on an 8-byte boundary. */
const RING = 8;

function futexQueue(buffer: SharedArrayBuffer): Channel {
  const w = new Int32Array(buffer);
  const base = layoutOf(w).arenaStart;
  const ring = new Float64Array(buffer, (base + RING) * 4, MAXSIZE);
  const wait = (condition: number): void => {
    const seen = Atomics.load(w, condition);
    w[condition + SLEEPERS]!++;
    unlock(w, base + LOCK);
    Atomics.wait(w, condition, seen);
    lock(w, base + LOCK);
    w[condition + SLEEPERS]!--;
  };
  const notify = (condition: number): void => {
    if (w[condition + SLEEPERS] === 0) return;
    Atomics.add(w, condition, 1);
    Atomics.notify(w, condition, 1);
  };
  return {
    put: (item) => {
      lock(w, base + LOCK);
      while (w[base + COUNT] === MAXSIZE) wait(base + NOT_FULL);
      ring[(w[base + HEAD]! + w[base + COUNT]!) % MAXSIZE] = item;
      w[base + COUNT]!++;
      notify(base + NOT_EMPTY);
      unlock(w, base + LOCK);
    },
    get: () => {
      lock(w, base + LOCK);
      while (w[base + COUNT] === 0) wait(base + NOT_EMPTY);
      const head = w[base + HEAD]!;
      const item = ring[head]!;
      w[base + HEAD] = (head + 1) % MAXSIZE;
      w[base + COUNT]!--;
      notify(base + NOT_FULL);
      unlock(w, base + LOCK);
      return item;
    },
  };
}

serve({
  runtime: ({ buffer, workerId, iterations }) => {
    const arena = new Arena(buffer);
    const queue = Queue.allocate<number>(arena, "q", freeRunThread(arena, workerId), workerId === 0, { maxsize: MAXSIZE, slotBytes: 0 });
    return produceOrConsume(queue, workerId, iterations);
  },
  baseline: ({ buffer, workerId, iterations }) => produceOrConsume(futexQueue(buffer), workerId, iterations),
});
