import { defineScenario, param } from "interleave";

// Every worker needs two locks at once, and takes them one after the other.
//
// two-locks: two bank clerks, A and B, and two accounts, each with its own
//   lock. A moves money from account 0 into account 1. With order = opposite,
//   B moves money from account 1 into account 0; with order = same, B also
//   pays from 0 into 1. A transfer locks the account it takes from, then the
//   account it pays into, and changes both balances while it holds both.
// philosophers: philosophers sit round a table with one fork between each
//   pair of neighbours. Philosopher i needs fork i (on the left) and fork
//   i + 1 (on the right, wrapping round to fork 0) to eat a meal. It picks up
//   the left fork, then the right one.
//
// With timeout = 0 the second lock is waited for forever, like a plain
// `second.acquire()` in Python. With a timeout, a worker that cannot get its
// second lock in time puts the first one back, waits a random while, and
// tries again: Python's `second.acquire(timeout=...)` and a back-off.
//
// Solution: every worker takes its two locks in one global order, lower
// number first (see `first` and `second` below). Clerk B still pays from
// account 1 into account 0, and the last philosopher still needs forks n - 1
// and 0, but both now pick up lock 0 first.
const AMOUNT = 1;
const WRITE_MS = 5; // writing a transfer to the ledger, while holding both locks
const EAT_MS = 10;
const THINK_MS = 10;

export default defineScenario({
  params: {
    scenario: param.choice(["two-locks", "philosophers"], { default: "two-locks", label: "Scenario" }),
    order: param.choice(["opposite", "same"], { default: "opposite", label: "Two locks: B pays the opposite way, or the same way as A" }),
    timeout: param.int({ default: 0, min: 0, max: 1000, label: "Timeout for the second lock, ms (0: wait forever)" }),
    philosophers: param.int({ default: 5, min: 2, max: 8, label: "Philosophers" }),
    rounds: param.int({ default: 3, min: 1, max: 20, label: "Transfers or meals per worker" }),
  },

  // Two clerks, or one worker per philosopher.
  workers: (params) => (params.scenario === "philosophers" ? params.philosophers : 2),

  // Python threads, under one GIL.
  interpreter: () => ({ mode: "gil" }),

  // Few lock operations: show every acquire and release on the timeline.
  traceAll: true,

  setup: (shared, params) => {
    const twoLocks = params.scenario === "two-locks";
    const n = twoLocks ? 2 : params.philosophers;
    const who = (i: number) => String.fromCharCode(65 + i);
    return {
      // Python: one threading.Lock() per account, or per fork.
      locks: Array.from({ length: n }, (_, i) => shared.lock(twoLocks ? `account ${i}` : `fork ${i}`)),
      balances: twoLocks ? [shared.int("balance 0", 100), shared.int("balance 1", 100)] : [],
      finished: Array.from({ length: n }, (_, i) => shared.int(`${twoLocks ? "transfers" : "meals"} by ${who(i)}`)),
      backoffs: Array.from({ length: n }, (_, i) => shared.int(`back-offs by ${who(i)}`)),
      // For the rigged first round (see takeBoth).
      seated: shared.int("workers at their first lock"),
      allSeated: shared.event("all at their first lock"),
    };
  },

  worker: ({ locks, balances, finished, backoffs, seated, allSeated }, ctx) => {
    const { params } = ctx;

    // The two locks this worker needs, by number, in the order it needs them.
    let a: number, b: number;
    if (params.scenario === "two-locks") {
      [a, b] = ctx.id === 0 || params.order === "same" ? [0, 1] : [1, 0]; // from, to
    } else {
      [a, b] = [ctx.id, (ctx.id + 1) % ctx.workers]; // left fork, right fork
    }

    // The order this worker takes them in. Solution: one global order for
    // the whole program, the lower-numbered lock first, whichever of the two
    // this worker needs first. A wait-for cycle would need someone holding a
    // higher lock while waiting for a lower one, and nobody ever does.
    const [first, second] = a < b ? [locks[a]!, locks[b]!] : [locks[b]!, locks[a]!];

    // Takes both locks. Returns once this worker holds them.
    const takeBoth = (rigged: boolean) => {
      for (;;) {
        if (rigged) {
          // Rigging, so that the bad interleaving is certain rather than
          // lucky: on its first round, nobody reaches for a second lock
          // until every worker holds its first lock, or waits for it.
          const got = first.acquire({ blocking: false }); // try, without waiting
          if (seated.add(1) === ctx.workers) allSeated.set();
          if (!got) first.acquire(); // it was taken: counted in, now wait for it
          allSeated.wait();
          rigged = false;
        } else {
          first.acquire();
        }
        if (params.timeout === 0) {
          second.acquire(); // Python: second.acquire(), which may wait forever
          return;
        }
        if (second.acquire({ timeout: params.timeout / 1000 })) return; // Python: second.acquire(timeout=...)
        // Timed out: put the first lock back, so that whoever waits for it
        // can go on, wait a random while, and try again from the start.
        first.release();
        backoffs[ctx.id]!.add(1);
        ctx.io(Math.random() * params.timeout);
      }
    };

    for (let round = 0; round < params.rounds; round++) {
      takeBoth(round === 0);
      try {
        if (params.scenario === "two-locks") {
          const from = balances[a]!;
          const to = balances[b]!;
          from.set(from.get() - AMOUNT);
          ctx.io(WRITE_MS);
          to.set(to.get() + AMOUNT);
        } else {
          ctx.io(EAT_MS);
        }
        finished[ctx.id]!.add(1);
      } finally {
        second.release();
        first.release();
      }
      if (params.scenario === "philosophers") ctx.io(THINK_MS);
    }
  },

  result: ({ balances, finished, backoffs }, params) => {
    const done = finished.map((f) => f.get());
    const retried = backoffs.map((r) => r.get());
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    return {
      // Transfers or meals, per worker and in all, and how many were due.
      finished: done,
      completed: sum(done),
      expected: done.length * params.rounds,
      // Times a worker gave up its first lock and tried again.
      backoffs: retried,
      retries: sum(retried),
      // Money in both accounts (two-locks; 0 for the philosophers).
      money: sum(balances.map((m) => m.get())),
    };
  },
});
