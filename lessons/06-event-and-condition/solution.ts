import { defineScenario, param, type Condition, type SharedInt } from "interleave";

// A bounded buffer shared by producers and consumers.
// Solution: the shutdown wakes every waiter with notifyAll, whatever the
// `wake` parameter says; puts and takes still wake as `wake` says.
//   Worker A plays Python's main thread: it opens the buffer, sets `ready`,
//   lets the others work for `duration` ms, then sets `shutdown`.
//   The next `producers` workers make items and put them in the buffer,
//   until shutdown or until each has made `items`; the rest are consumers:
//   they take items out and handle them.
// The buffer is a count guarded by one lock, with two conditions on that
// lock, as in Python's queue.Queue: producers wait on `notFull`, consumers
// wait on `notEmpty`.
const OPEN_MS = 10; // A's set-up before it sets `ready`
const RUSH_ITEM_MS = 1; // making an item, in the first half of the run (a rush)...
const CALM_ITEM_MS = 10; // ...and in the second half (calm)
const HANDLE_MS = 4; // handling an item

type WaitStyle = "while" | "if" | "waitFor";

export default defineScenario({
  params: {
    capacity: param.int({ default: 5, min: 1, max: 16, label: "Buffer capacity" }),
    producers: param.int({ default: 2, min: 0, max: 4, label: "Producers" }),
    consumers: param.int({ default: 4, min: 1, max: 8, label: "Consumers" }),
    waitStyle: param.choice(["while", "if", "waitFor"], { default: "while", label: "Wait style" }),
    wake: param.choice(["notifyAll", "notify"], { default: "notifyAll", label: "Wake waiters with" }),
    duration: param.int({ default: 400, min: 50, max: 3000, label: "Open for (ms)" }),
    // A bound for step mode and Explore, where no time passes; a run of `duration` ms makes fewer.
    items: param.int({ default: 2000, min: 1, max: 5000, label: "Items per producer, at most" }),
  },

  // A, then the producers, then the consumers.
  workers: (params) => 1 + params.producers + params.consumers,

  setup: (shared) => {
    const lock = shared.lock("buffer_lock");
    return {
      ready: shared.event("ready"),
      shutdown: shared.event("shutdown"),
      notFull: shared.condition("not_full", lock),
      notEmpty: shared.condition("not_empty", lock),
      count: shared.int("items in buffer"),
      produced: shared.int("produced"),
      consumed: shared.int("consumed"),
      producerWaits: shared.int("producer waits"),
      consumerWaits: shared.int("consumer waits"),
      futileWakeups: shared.int("futile wake-ups"),
      emptyTakes: shared.int("takes from an empty buffer"),
      overfills: shared.int("puts into a full buffer"),
      fill: shared.series("fill"),
      capacityLine: shared.series("capacity"),
    };
  },

  worker: (s, ctx) => {
    const { capacity, producers, waitStyle, wake, duration, items } = ctx.params;
    // Wakes the waiters of `cond` the way the `wake` parameter says. The caller holds the lock.
    const wakeWaiters = (cond: Condition) => (wake === "notify" ? cond.notify() : cond.notifyAll());

    if (ctx.id === 0) {
      // ---- Main thread ----
      ctx.io(OPEN_MS); // open the buffer
      s.capacityLine.record(capacity);
      s.fill.record(0);
      s.ready.set(); // everyone waiting on `ready` goes
      ctx.io(duration);
      s.shutdown.set(); // producers stop; consumers stop once the buffer is empty
      s.notEmpty.acquire();
      try {
        // Sleepers cannot see the flag until they wake: wake them, all of
        // them. notify() would wake one consumer, which leaves; the others
        // would sleep forever. Every waiter must hear this one.
        s.notEmpty.notifyAll();
        s.notFull.notifyAll();
      } finally {
        s.notEmpty.release();
      }
      s.capacityLine.record(capacity);
      return;
    }

    s.ready.wait(); // nobody touches the buffer before A has opened it
    const rushEnds = ctx.now() + duration / 2;

    if (ctx.id <= producers) {
      // ---- Producer ----
      for (let made = 0; made < items && !s.shutdown.isSet(); made++) {
        ctx.io(ctx.now() < rushEnds ? RUSH_ITEM_MS : CALM_ITEM_MS); // make an item
        s.notFull.acquire();
        try {
          // Look at the buffer under the lock, and act on what was seen last.
          let inBuffer = 0;
          let closed = false;
          const look = () => {
            inBuffer = s.count.get();
            closed = s.shutdown.isSet();
            return inBuffer < capacity || closed;
          };
          waitUntil(s.notFull, look, waitStyle, s.producerWaits, s.futileWakeups);
          if (closed) break; // closed: the item is dropped
          if (inBuffer >= capacity) s.overfills.add(1); // we were let in, but the buffer is full
          s.fill.record(s.count.add(1));
          s.produced.add(1);
          wakeWaiters(s.notEmpty); // there is an item now
        } finally {
          s.notFull.release();
        }
      }
      return;
    }

    // ---- Consumer ----
    for (;;) {
      let took = false;
      s.notEmpty.acquire();
      try {
        let inBuffer = 0;
        let closed = false;
        const look = () => {
          inBuffer = s.count.get();
          closed = s.shutdown.isSet();
          return inBuffer > 0 || closed;
        };
        waitUntil(s.notEmpty, look, waitStyle, s.consumerWaits, s.futileWakeups);
        if (inBuffer === 0) {
          if (closed) break; // closed and empty: this consumer is done
          // Woken, but the item is gone. Python's deque.popleft() would raise
          // IndexError here and kill this thread; we count it and go on.
          s.emptyTakes.add(1);
        } else {
          s.fill.record(s.count.add(-1));
          s.consumed.add(1);
          took = true;
          wakeWaiters(s.notFull); // there is room now
        }
      } finally {
        s.notEmpty.release();
      }
      if (took) ctx.io(HANDLE_MS); // handle the item, outside the lock
    }
  },

  result: (s) => ({
    produced: s.produced.get(),
    consumed: s.consumed.get(),
    left: s.count.get(),
    emptyTakes: s.emptyTakes.get(),
    overfills: s.overfills.get(),
    producerWaits: s.producerWaits.get(),
    consumerWaits: s.consumerWaits.get(),
    futileWakeups: s.futileWakeups.get(),
    fill: s.fill.points(),
    capacity: s.capacityLine.points(),
  }),
});

/**
 * Sleeps on `cond` until `ready()` is true, in the given style. The caller
 * holds the condition's lock; `cond.wait()` releases it while asleep and
 * takes it back before returning. `ready()` looks once per wake-up: the
 * caller acts on what its last look saw, as Python's code acts on the
 * deque it just checked.
 */
function waitUntil(cond: Condition, ready: () => boolean, style: WaitStyle, waits: SharedInt, futile: SharedInt): void {
  if (style === "while") {
    // Check again after every wake-up: whoever woke us, things may have changed since.
    let ok = ready();
    while (!ok) {
      waits.add(1);
      cond.wait();
      ok = ready();
      if (!ok) futile.add(1);
    }
  } else if (style === "if") {
    // Check once: after the wake-up we go ahead, true or not. The bug.
    if (!ready()) {
      waits.add(1);
      cond.wait();
      if (!ready()) futile.add(1); // and goes ahead all the same
    }
  } else {
    // Python's cond.wait_for(predicate): the while loop, written for you.
    let afterWakeUp = false;
    cond.waitFor(() => {
      const ok = ready();
      if (afterWakeUp && !ok) futile.add(1);
      if (!ok) waits.add(1); // false: waitFor goes (back) to sleep
      afterWakeUp = true;
      return ok;
    });
  }
}
