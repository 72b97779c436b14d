// Solution: the shared branch holds the value's lock around its read and its
// write (Python's `with total.get_lock(): total.value += 1`), so no child's
// add slips in between and none is lost.
import { defineScenario, param, type Queue, type RLock, type Shared } from "interleave";

// Worker A is the parent process, B and up are its child processes. Each
// child reports `count` finished items, and the parent wants the tally.
// `mechanism` picks how the news travels from the children to the parent:
//
//   global   each child adds 1 to `box.tally`, a plain object: every
//            process has its own copy, so nothing travels at all
//   queue    one multiprocessing.Queue that every child puts messages on
//   pipe     one Pipe per child: a connection with exactly two ends
//   shared   one multiprocessing.Value: a shared int and the RLock guarding it
//   manager  a Manager process (the last worker) owns the tally: every add
//            is a request to it and a reply back, one round trip per item
//
// Interpreter mode "processes": a GIL each, and no memory in common except the
// shared objects created below (the SharedArrayBuffer).

/** Each channel buffers 64 KiB of messages, as a Linux pipe does, and at most 256 of them. */
const CHANNEL_BYTES = 65_536;
const CHANNEL_MESSAGES = 256;

export default defineScenario({
  params: {
    mechanism: param.choice(["global", "queue", "pipe", "shared", "manager"], { default: "global", label: "Mechanism" }),
    children: param.int({ default: 2, min: 1, max: 4, label: "Child processes" }),
    count: param.int({ default: 10_000, min: 1, max: 50_000, label: "Items per child" }),
    size: param.int({ default: 64, min: 0, max: 4_096, label: "Message size (bytes)" }),
  },

  // The parent, its children, and the manager's server process when there is one.
  workers: (params) => 1 + params.children + (params.mechanism === "manager" ? 1 : 0),
  interpreter: () => ({ mode: "processes" }),

  // Every worker runs setup itself, as a process started with "spawn" runs
  // your module again: `box` is a plain object, so each process gets its own.
  setup: (shared, { children, size }) => {
    const slotBytes = size + 32; // a message is {"n":1,"data":"..."}: the payload and a few bytes
    const maxsize = Math.max(1, Math.min(CHANNEL_MESSAGES, Math.floor(CHANNEL_BYTES / slotBytes)));
    return {
      box: { tally: 0 },
      results: shared.queue<Item>("results (Queue)", { maxsize, slotBytes }),
      pipes: Array.from({ length: children }, (_, i) => pipe(shared, `pipe ${i + 1}`, { maxsize, slotBytes })),
      total: value(shared, "total (Value)"),
      manager: {
        requests: shared.queue<Request>("manager requests", { maxsize: children + 1, slotBytes: slotBytes + 16 }),
        replies: Array.from({ length: children + 1 }, (_, i) => shared.queue<number | null>(`replies to ${String.fromCharCode(65 + i)}`, { maxsize: 1, slotBytes: 8 })),
      },
      go: shared.event("children may start"),
      joined: shared.barrier("children joined", children + 1),
      childCopy: shared.int("child B's own box.tally"),
      received: shared.int("tally the parent got"),
      micros: shared.int("parent's time (µs)"),
    };
  },

  worker: (s, ctx) => {
    const { mechanism, count, children, size } = ctx.params;
    if (mechanism === "manager" && ctx.id === ctx.workers - 1) return serveManager(s.manager);

    if (ctx.id > 0) {
      // A child process: it starts when the parent says so.
      s.go.wait();
      const item: Item = { n: 1, data: "x".repeat(size) };
      const conn = s.pipes[ctx.id - 1]!.child;
      const tally = connect(s.manager, ctx.id);
      const todo = mechanism === "pipe" ? (conn.recv() as number) : count; // the parent sends the job down the pipe
      for (let i = 0; i < todo; i++) {
        if (mechanism === "global") s.box.tally += item.n; // this process's own copy
        else if (mechanism === "queue") s.results.put(item);
        else if (mechanism === "pipe") conn.send(item);
        else if (mechanism === "shared") {
          const lock = s.total.getLock(); // Python: with total.get_lock():
          lock.acquire();
          try {
            s.total.value += item.n; // the read and the write, with no one in between
          } finally {
            lock.release();
          }
        }
        else tally.add(item);
      }
      if (ctx.id === 1) s.childCopy.set(s.box.tally);
      s.joined.wait(); // exits; the parent's join() returns when all children have
      return;
    }

    // The parent process: for child in children: child.start()
    const started = ctx.now();
    s.go.set();
    let tally = 0;
    if (mechanism === "queue") {
      for (let i = 0; i < children * count; i++) tally += s.results.get().n;
    } else if (mechanism === "pipe") {
      for (const { parent } of s.pipes) parent.send(count);
      for (let i = 0; i < count; i++) for (const { parent } of s.pipes) tally += (parent.recv() as Item).n;
    }
    s.joined.wait(); // for child in children: child.join()
    if (mechanism === "global") tally = s.box.tally; // the parent's own copy
    else if (mechanism === "shared") tally = s.total.value;
    else if (mechanism === "manager") {
      const proxy = connect(s.manager, 0);
      tally = proxy.get();
      proxy.shutdown();
    }
    s.received.set(tally);
    s.micros.set(Math.round((ctx.now() - started) * 1000));
  },

  result: (s, { children, count }) => {
    const expected = children * count;
    const received = s.received.get();
    const tallyMs = s.micros.get() / 1000;
    return {
      expected,
      received,
      lost: expected - received,
      childCopy: s.childCopy.get(),
      parentCopy: s.box.tally, // result runs in worker A: this is the parent's box
      tallyMs,
      itemsPerSecond: tallyMs > 0 ? Math.round(expected / (tallyMs / 1000)) : 0,
      microsPerItem: round((tallyMs * 1000) / expected),
    };
  },
});

/** What a child sends per finished item: a count and a payload of `size` bytes. */
type Item = { n: number; data: string };
type Request = { from: number; op: "add"; n: number; data: string } | { from: number; op: "get" } | { from: number; op: "shutdown" };

/** One end of a Pipe: Python's Connection, with send and recv. */
interface Connection {
  send(message: Item | number): void;
  recv(): Item | number;
}

/** Python's Pipe(): two one-way channels, so either end can send and receive. */
function pipe(shared: Shared, name: string, options: { maxsize: number; slotBytes: number }) {
  const down = shared.queue<Item | number>(`${name}: parent → child`, options);
  const up = shared.queue<Item | number>(`${name}: child → parent`, options);
  const parent: Connection = { send: (m) => down.put(m), recv: () => up.get() };
  const child: Connection = { send: (m) => up.put(m), recv: () => down.get() };
  return { parent, child };
}

/**
 * Python's multiprocessing.Value('i', 0): reading or writing `.value` takes
 * the value's own lock (an RLock) for that one read or write, and `getLock()`
 * returns the lock, for code that must hold it longer.
 */
function value(shared: Shared, name: string) {
  const cell = shared.int(name);
  const lock: RLock = shared.rlock(`${name}.get_lock()`);
  return {
    get value(): number {
      lock.acquire();
      try {
        return cell.get();
      } finally {
        lock.release();
      }
    },
    set value(v: number) {
      lock.acquire();
      try {
        cell.set(v);
      } finally {
        lock.release();
      }
    },
    getLock: () => lock,
  };
}

type ManagerQueues = { requests: Queue<Request>; replies: Queue<number | null>[] };

/** A proxy to the manager's tally: each call sends a request and waits for the reply, as Python's proxies do. */
function connect({ requests, replies }: ManagerQueues, me: number) {
  const call = (request: Request) => {
    requests.put(request);
    return replies[me]!.get();
  };
  return {
    add: (item: Item) => void call({ from: me, op: "add", n: item.n, data: item.data }),
    get: () => call({ from: me, op: "get" }) as number,
    shutdown: () => void call({ from: me, op: "shutdown" }),
  };
}

/** The manager's server process: the tally lives only in its memory; it answers one request at a time. */
function serveManager({ requests, replies }: ManagerQueues): void {
  let tally = 0;
  for (;;) {
    const request = requests.get();
    if (request.op === "add") tally += request.n;
    replies[request.from]!.put(request.op === "get" ? tally : null);
    if (request.op === "shutdown") return;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
