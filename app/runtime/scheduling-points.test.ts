/**
 * Every public operation of every object `Shared` creates is a scheduling
 * point naming that object, and exactly one (gate.ts): the test walks the
 * prototype chains, so a method added later is called here too, and fails
 * the test until it has a point or a call below. Calls run on this thread,
 * arranged not to block and given timeouts where they take one, so that a
 * regression fails rather than hangs; the point hook records what each call
 * passes.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Shared } from "./api";
import { PointKind, setPointHook } from "./gate";
import { Series } from "./series";
import { SharedArray, elementIndex } from "./shared-array";
import { Barrier } from "./sync/barrier";
import { Condition } from "./sync/condition";
import { BaseQueue, Queue } from "./sync/queue";
import { LifoQueue } from "./sync/lifo-queue";
import { PriorityQueue } from "./sync/priority-queue";
import { RLock } from "./sync/rlock";
import { Semaphore } from "./sync/semaphore";
import type { Held } from "./sync/mutex";
import type { AcquireOptions } from "./sync/wait-options";
import { localShared } from "./sync/testing";

/**
 * Members that scenario code cannot call, by the class that declares them:
 * TypeScript `private` and `protected` helpers of one operation (inside its
 * point), and `@internal` hooks of the runtime (`publish` runs when a worker
 * blocks; `releaseSave` and `acquireRestore` are Condition.wait's, which is
 * the point). Everything else on a prototype is public and must be a point.
 * The fields set at creation (`name`, `index`, `maxsize`, `parties`,
 * `length`) live on the object, not its prototype, and read no shared
 * memory: they need no point.
 */
const INTERNAL = new Map<unknown, readonly string[]>([
  [RLock, ["releaseSave", "acquireRestore", "take", "free", "mustOwn"]],
  [Semaphore, ["publish", "countHeld", "tryTake", "add", "addBounded", "overRelease"]],
  [Condition, ["sleep", "mustHold"]],
  [Barrier, ["trip", "sleep", "breakFor", "endPhase", "brokenError", "notInAction"]],
  [BaseQueue, ["putWithin", "getWithin", "count", "encode", "read", "leaveAfterError", "await"]],
  // `push` and `pop`, Python's `_put` and `_get`, run inside put and get.
  [Queue, ["push", "pop"]],
  [LifoQueue, ["push", "pop"]],
  [PriorityQueue, ["encode", "push", "pop", "lastToTop", "read", "less", "lessAsPython"]],
  [Series, ["capacity"]],
  [SharedArray, ["at"]],
]);

/** How to call one method without blocking: `before` and `after` arrange and restore state, unrecorded. */
interface Call {
  readonly before?: () => void;
  readonly call: () => unknown;
  readonly after?: (returned: unknown) => void;
  /** Points the call passes (default 1). */
  readonly points?: number;
  /** The object its first point names, when not the object's own (a Condition's lock calls). */
  readonly on?: number;
}

type Calls = Readonly<Record<string, Call>>;

interface Indexed {
  readonly index: number;
}

const dispose = (held: unknown) => (held as Held)[Symbol.dispose]();

function lockCalls(lock: { acquire(options?: AcquireOptions): boolean; release(): void; hold(): Held }, on?: number): Calls {
  return {
    acquire: { call: () => lock.acquire({ blocking: false }), after: () => lock.release(), on },
    release: { before: () => lock.acquire({ blocking: false }), call: () => lock.release(), on },
    hold: { call: () => lock.hold(), after: dispose, on },
  };
}

/** Every item put is got and marked done again, so that `join` never waits. */
function queueCalls(queue: BaseQueue<number>): Calls {
  const putOne = () => queue.put(1, { block: false });
  const done = () => queue.taskDone();
  const getOne = () => {
    queue.get({ block: false });
    done();
  };
  return {
    put: { call: putOne, after: getOne },
    get: { before: putOne, call: () => queue.get({ block: false }), after: done },
    putNowait: { call: () => queue.putNowait(1), after: getOne },
    getNowait: { before: putOne, call: () => queue.getNowait(), after: done },
    taskDone: { before: () => (putOne(), queue.get({ block: false })), call: done },
    join: { call: () => queue.join(0) },
    qsize: { call: () => queue.qsize() },
    empty: { call: () => queue.empty() },
    full: { call: () => queue.full() },
  };
}

/** Element accesses name the element's own word; `toArray` names the array. */
function arrayCalls(array: SharedArray): Calls {
  const on = elementIndex(array.index, 2);
  return {
    get: { call: () => array.get(2), on },
    set: { call: () => array.set(2, 1), on },
    add: { call: () => array.add(2, 1), on },
    compareAndSet: { call: () => array.compareAndSet(2, 2, 3), on },
    exchange: { call: () => array.exchange(2, 4), on },
    toArray: { call: () => array.toArray() },
  };
}

function semaphoreCalls(semaphore: Semaphore): Calls {
  return { ...lockCalls(semaphore), holders: { call: () => semaphore.holders() } };
}

/** Every kind of object, by the `Shared` method that makes it, with a call for each of its public methods. */
function everyObject(shared: Shared): Record<keyof Shared, { object: Indexed; calls: Calls }> {
  const int = shared.int("int");
  const array = shared.array("array", 4);
  const lock = shared.lock("lock");
  const rlock = shared.rlock("rlock");
  const event = shared.event("event");
  const condition = shared.condition("condition", lock);
  const barrier = shared.barrier("barrier", 1);
  const series = shared.series("series");
  const semaphore = shared.semaphore("semaphore");
  const bounded = shared.boundedSemaphore("bounded");
  const queue = (q: BaseQueue<number>) => ({ object: q, calls: queueCalls(q) });
  return {
    int: {
      object: int,
      calls: {
        get: { call: () => int.get() },
        set: { call: () => int.set(1) },
        add: { call: () => int.add(1) },
        compareAndSet: { call: () => int.compareAndSet(2, 3) },
        exchange: { call: () => int.exchange(4) },
      },
    },
    array: { object: array, calls: arrayCalls(array) },
    lock: { object: lock, calls: { ...lockCalls(lock), locked: { call: () => lock.locked() }, holder: { call: () => lock.holder() } } },
    rlock: { object: rlock, calls: { ...lockCalls(rlock), holder: { call: () => rlock.holder() }, holders: { call: () => rlock.holders() } } },
    semaphore: { object: semaphore, calls: semaphoreCalls(semaphore) },
    boundedSemaphore: { object: bounded, calls: semaphoreCalls(bounded) },
    event: {
      object: event,
      calls: { isSet: { call: () => event.isSet() }, set: { call: () => event.set() }, clear: { call: () => event.clear() }, wait: { call: () => event.wait(0) } },
    },
    condition: {
      object: condition,
      calls: {
        ...lockCalls(condition, lock.index),
        // Its own point, then the lock's release and its taking back.
        wait: { before: () => lock.acquire({ blocking: false }), call: () => condition.wait(0), after: () => lock.release(), points: 3 },
        waitFor: { before: () => lock.acquire({ blocking: false }), call: () => condition.waitFor(() => true, 0), after: () => lock.release() },
        notify: { before: () => lock.acquire({ blocking: false }), call: () => condition.notify(), after: () => lock.release() },
        notifyAll: { before: () => lock.acquire({ blocking: false }), call: () => condition.notifyAll(), after: () => lock.release() },
      },
    },
    barrier: {
      object: barrier,
      calls: {
        wait: { call: () => barrier.wait(0) },
        abort: { call: () => barrier.abort(), after: () => barrier.reset() },
        reset: { call: () => barrier.reset() },
        nWaiting: { call: () => barrier.nWaiting },
        broken: { call: () => barrier.broken },
      },
    },
    queue: queue(shared.queue<number>("queue", { maxsize: 2 })),
    priorityQueue: queue(shared.priorityQueue("priority", { maxsize: 2 }) as BaseQueue<number>),
    lifoQueue: queue(shared.lifoQueue<number>("lifo", { maxsize: 2 })),
    series: {
      object: series,
      calls: { record: { call: () => series.record(1) }, recorded: { call: () => series.recorded }, points: { call: () => series.points() } },
    },
  };
}

/** The names of an object's public methods and accessors, from its prototype chain. */
function publicMembers(object: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(object); proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const internal = INTERNAL.get(proto.constructor) ?? [];
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== "constructor" && !internal.includes(name)) names.add(name);
    }
  }
  return [...names].sort();
}

const { shared, arena } = localShared();

/** The shared objects' words, to tell whether a call changed any before its first point. */
const objectWords = () => arena.words.slice(arena.layout.arenaStart);

interface Passed {
  /** The points passed, as [kind, object index] pairs. */
  readonly points: [PointKind, number][];
  /** Whether shared memory had changed when the first point came. */
  readonly actedFirst: boolean;
  readonly returned: unknown;
}

function pointsOf(call: () => unknown): Passed {
  const points: [PointKind, number][] = [];
  const before = objectWords();
  let actedFirst = false;
  setPointHook((kind, index) => {
    if (points.length === 0) actedFirst = objectWords().some((word, i) => word !== before[i]);
    points.push([kind, index]);
  });
  try {
    const returned = call();
    return { points, actedFirst, returned };
  } finally {
    setPointHook(null);
  }
}

afterEach(() => setPointHook(null));

describe("scheduling points", () => {
  const objects = everyObject(shared);

  it.each(Object.keys(objects) as (keyof Shared)[])("every public method of shared.%s is exactly one point naming the object, before it acts", (kind) => {
    const { object, calls } = objects[kind];
    expect(publicMembers(object), "a public method without a call in this test").toEqual(Object.keys(calls).sort());
    for (const [name, { before, call, after, points = 1, on = object.index }] of Object.entries(calls)) {
      before?.();
      const seen = pointsOf(call);
      after?.(seen.returned);
      expect(seen.points.length, `${kind}.${name}: points passed`).toBe(points);
      expect(seen.points[0]![1], `${kind}.${name}: the object its point names`).toBe(on);
      expect(seen.actedFirst, `${kind}.${name}: changed shared memory before its point`).toBe(false);
    }
  });
});
