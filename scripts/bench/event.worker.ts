/**
 * Ping-pong over two events between two workers, with the runtime's Event or
 * with a minimal futex event (a flag word: set stores 1 and wakes the
 * sleepers, wait sleeps while it is 0, clear stores 0). Worker 0 bumps a
 * plain counter and sets "ping", then waits for "pong" and clears it; worker
 * 1 waits for "ping", clears it, bumps the counter and sets "pong". Each
 * iteration of a worker is one set, one wait and one clear, and nearly every
 * wait sleeps, so the figure is the cost of a wake-up through each. Only the
 * events order the increments, so an event that lets a waiter through early
 * loses counts.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { Event } from "../../app/runtime/sync/event";
import { freeRunThread } from "./runtime-thread";
import { serve } from "./worker-kit";

/** An event as both sides use it: the ping-pong below is written once for both. */
interface Flag {
  set(): void;
  wait(): void;
  clear(): void;
}

function pingPong(w: Int32Array, counter: number, ping: Flag, pong: Flag, workerId: number, iterations: number): () => number {
  return workerId === 0
    ? () => {
        for (let i = 0; i < iterations; i++) {
          w[counter]!++;
          ping.set();
          pong.wait();
          pong.clear();
        }
        return Atomics.load(w, counter);
      }
    : () => {
        for (let i = 0; i < iterations; i++) {
          ping.wait();
          ping.clear();
          w[counter]!++;
          pong.set();
        }
        return Atomics.load(w, counter);
      };
}

function futexFlag(w: Int32Array, at: number): Flag {
  return {
    set: () => {
      Atomics.store(w, at, 1);
      Atomics.notify(w, at);
    },
    wait: () => {
      while (Atomics.load(w, at) === 0) Atomics.wait(w, at, 0);
    },
    clear: () => Atomics.store(w, at, 0),
  };
}

serve({
  runtime: ({ buffer, workerId, iterations }) => {
    const arena = new Arena(buffer);
    const counter = arena.allocate("int", "counter", 1);
    const thread = freeRunThread(arena, workerId);
    const ping = Event.allocate(arena, "ping", thread);
    const pong = Event.allocate(arena, "pong", thread);
    return pingPong(arena.words, counter, ping, pong, workerId, iterations);
  },
  baseline: ({ buffer, workerId, iterations }) => {
    const w = new Int32Array(buffer);
    const counter = layoutOf(w).arenaStart;
    return pingPong(w, counter, futexFlag(w, counter + 1), futexFlag(w, counter + 3), workerId, iterations);
  },
});
