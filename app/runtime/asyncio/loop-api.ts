/**
 * What an asyncio scenario's `main` receives: the loop's operations under
 * Python's names in JavaScript case (asyncio's module functions, and its
 * primitives made on this loop), without the loop's own machinery.
 */
import type { EventLoop } from "./loop";
import type { Future } from "./future";
import type { Task } from "./task";
import type { TaskGroup } from "./task-group";
import type { Gatherable } from "./gather";
import type { Job } from "./executor";
import type { Message } from "../sync/queue";
import { AsyncLock } from "./lock";
import { AsyncBoundedSemaphore, AsyncSemaphore } from "./semaphore";
import { AsyncEvent } from "./event";
import { AsyncCondition } from "./condition";
import { AsyncPriorityQueue, AsyncQueue } from "./queue";

export interface Loop {
  /** `asyncio.create_task`: the task starts at a later loop turn; the caller goes on first. */
  createTask<T>(body: () => Promise<T>, name?: string): Task<T>;
  /** `asyncio.sleep`: 0 yields to the other ready tasks once. */
  sleep<T = undefined>(seconds: number, result?: T): Promise<T>;
  /** A simulated I/O wait (a request, a disk read) of `seconds`: the loop runs other tasks meanwhile. */
  io(seconds: number): Promise<void>;
  /** `asyncio.gather`: tasks, futures, or functions that start them (`() => fetch(1)`: JavaScript starts a called async function at once). */
  gather<T>(children: readonly Gatherable<T>[], options?: { readonly returnExceptions?: boolean }): Future<unknown[]>;
  /** `asyncio.as_completed`: one awaitable per child, in the order they finish; with `seconds`, those not done by then raise TimeoutError. */
  asCompleted<T>(children: readonly Gatherable<T>[], seconds?: number | null): Future<T>[];
  /** `async with asyncio.TaskGroup() as tg:` around `body`. */
  taskGroup<T>(body: (group: TaskGroup) => Promise<T>): Promise<T>;
  /** `async with asyncio.timeout(seconds):` around `body`: TimeoutError outside, CancelledError inside. */
  timeout<T>(seconds: number | null, body: () => Promise<T>): Promise<T>;
  /** `asyncio.wait_for`. */
  waitFor<T>(work: Future<T> | (() => Promise<T>), seconds: number | null): Promise<T>;
  /** `loop.run_in_executor(None, job, arg)`: `job`, one of the scenario's `jobs`, runs on the executor's workers; the task awaits its result. */
  runInExecutor(job: Job | string, arg: Message): Promise<Message>;
  /** `asyncio.to_thread(job, arg)`: as runInExecutor, on a pool of threads. */
  toThread(job: Job | string, arg: Message): Promise<Message>;
  /** CPU work on the loop, about 1 ms a unit: every other task waits meanwhile. */
  cpu(units: number): void;
  /** `loop.time()`, in seconds. */
  time(): number;
  /** The running task, as `asyncio.current_task()`. */
  currentTask(): Task<unknown> | null;
  lock(name: string): AsyncLock;
  semaphore(name: string, value?: number): AsyncSemaphore;
  boundedSemaphore(name: string, value?: number): AsyncBoundedSemaphore;
  event(name: string): AsyncEvent;
  condition(name: string, lock?: AsyncLock): AsyncCondition;
  /** `asyncio.Queue(maxsize)`: 0, the default, is unbounded. */
  queue<T>(name: string, maxsize?: number): AsyncQueue<T>;
  priorityQueue<T>(name: string, maxsize?: number): AsyncPriorityQueue<T>;
}

export function loopApi(loop: EventLoop): Loop {
  return {
    createTask: (body, name) => loop.createTask(body, name),
    sleep: (seconds, result) => loop.sleep(seconds, result),
    io: (seconds) => loop.io(seconds),
    gather: (children, options) => loop.gather(children, options),
    asCompleted: (children, seconds) => loop.asCompleted(children, seconds ?? null),
    taskGroup: (body) => loop.taskGroup(body),
    timeout: (seconds, body) => loop.timeout(seconds, body),
    waitFor: (work, seconds) => loop.waitFor(work, seconds),
    runInExecutor: (job, arg) => loop.runInExecutor(job, arg),
    toThread: (job, arg) => loop.toThread(job, arg),
    cpu: (units) => loop.cpu(units),
    time: () => loop.time(),
    currentTask: () => loop.currentTask(),
    lock: (name) => new AsyncLock(loop, name),
    semaphore: (name, value) => new AsyncSemaphore(loop, name, value),
    boundedSemaphore: (name, value) => new AsyncBoundedSemaphore(loop, name, value),
    event: (name) => new AsyncEvent(loop, name),
    condition: (name, lock) => new AsyncCondition(loop, name, lock),
    queue: (name, maxsize) => new AsyncQueue(loop, name, maxsize),
    priorityQueue: (name, maxsize) => new AsyncPriorityQueue(loop, name, maxsize),
  };
}
