/**
 * Atomic increments of one shared word: through the runtime's SharedInt
 * (argument check and scheduling point included) or with bare Atomics.add.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { Thread } from "../../app/runtime/thread";
import { SharedInt } from "../../app/runtime/shared-int";
import { serve } from "./worker-kit";

serve({
  "shared-int": ({ buffer, workerId, iterations }) => {
    const counter = SharedInt.allocate(new Arena(buffer), "counter", 0, workerId === 0);
    return () => {
      for (let i = 0; i < iterations; i++) counter.add(1);
      return counter.get();
    };
  },
  atomics: ({ buffer, iterations }) => {
    const w = new Int32Array(buffer);
    const counter = layoutOf(w).arenaStart;
    return () => {
      for (let i = 0; i < iterations; i++) Atomics.add(w, counter, 1);
      return Atomics.load(w, counter);
    };
  },
});
