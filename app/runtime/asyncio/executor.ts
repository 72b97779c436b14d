/**
 * `loop.run_in_executor` and `asyncio.to_thread`: a job the loop hands to
 * other workers, so that CPU work or a blocking call does not hold the loop
 * (Lib/asyncio/base_events.py, run_in_executor over concurrent.futures).
 * The loop's task awaits a future that the job's completion sets.
 *
 * In a free run the executor is real workers (`WorkerExecutor`): threads
 * share the GIL with the loop's worker, processes have their own. Jobs and
 * results travel through two of the runtime's shared queues as plain data.
 * The loop never blocks on them except when it has nothing else to do: a
 * job waits in the loop's backlog while the jobs queue is full, and results
 * are collected each time the loop looks for I/O.
 *
 * In step mode and Explore the scenario runs on one worker, and a job runs
 * inline when submitted (`InlineExecutor`); its completion then arrives
 * like an I/O completion, whose order among the others is a choice. A job
 * sees only its argument and returns only its result, so when it ran is not
 * something the loop can observe.
 */
import type { Future } from "./future";
import type { WorkerContext } from "../api";
import type { Message, Queue } from "../sync/queue";
import { Empty } from "../errors";
import type { ParamSpecs } from "../params";
import { runtimeMessage } from "../messages/message";

/** A function an executor runs: plain data in, plain data out. */
export type Job = (arg: Message, ctx: WorkerContext<ParamSpecs>) => Message;

export type ExecutorKind = "threads" | "processes";

export interface ExecutorSpec {
  readonly kind: ExecutorKind;
  /** How many workers the pool has, besides the loop's. */
  readonly workers: number;
}

/** What the loop needs of an executor. */
export interface LoopExecutor {
  readonly kind: ExecutorKind;
  /** Starts `job` on `arg`; the future gets its result, or its exception. */
  submit(job: Job | string, arg: Message, createFuture: (waitsFor: string) => Future<Message>): Future<Message>;
  /** Sets the futures of the jobs that have finished; true when any had. */
  collect(): boolean;
  /** Jobs submitted whose results have not been collected. */
  outstanding(): number;
  /** Blocks the loop's worker until a job finishes (and collects it) or `ms` pass; true when one finished. */
  awaitCompletion(ms: number): boolean;
}

/** The name under which `jobs` declares `job`; a clear error when it is not one of them. */
export function jobName(jobs: Readonly<Record<string, Job>>, job: Job | string): string {
  if (typeof job === "string") {
    if (job in jobs) return job;
  } else {
    const found = Object.entries(jobs).find(([, declared]) => declared === job);
    if (found) return found[0];
  }
  const name = typeof job === "string" ? job : job.name || runtimeMessage("asyncio.thisFunction");
  throw new TypeError(runtimeMessage("asyncio.notAJob", { name }));
}

/** A job's exception, rebuilt from its words on the loop's side. */
export function jobError(words: string): Error {
  const colon = words.indexOf(": ");
  const error = new Error(colon > 0 ? words.slice(colon + 2) : words);
  if (colon > 0) error.name = words.slice(0, colon);
  return error;
}

/** The two queues between the loop and its executor workers. */
export interface ExecutorChannel {
  /** [id, job name, argument], or null: stop. */
  readonly jobs: Queue<Message>;
  /** [id, true, result] or [id, false, "Error: message"]. */
  readonly results: Queue<Message>;
}

/** Real workers: jobs out through one queue, results back through the other. */
export class WorkerExecutor implements LoopExecutor {
  private readonly waiting = new Map<number, Future<Message>>();
  private readonly backlog: Message[] = [];
  private nextId = 0;

  constructor(
    readonly kind: ExecutorKind,
    private readonly channel: ExecutorChannel,
    private readonly jobs: Readonly<Record<string, Job>>,
  ) {}

  submit(job: Job | string, arg: Message, createFuture: (waitsFor: string) => Future<Message>): Future<Message> {
    const name = jobName(this.jobs, job);
    const id = this.nextId++;
    const future = createFuture(`job ${name} on the ${this.kind === "threads" ? "thread" : "process"} pool`);
    this.waiting.set(id, future);
    this.backlog.push([id, name, arg]);
    this.flush();
    return future;
  }

  collect(): boolean {
    let any = false;
    for (;;) {
      let result: Message;
      try {
        result = this.channel.results.get({ block: false });
      } catch (error) {
        if (error instanceof Empty) break;
        throw error;
      }
      this.settle(result);
      any = true;
    }
    this.flush();
    return any;
  }

  outstanding(): number {
    return this.waiting.size;
  }

  awaitCompletion(ms: number): boolean {
    let result: Message;
    try {
      result = this.channel.results.get(Number.isFinite(ms) ? { timeout: Math.max(0, ms) / 1000 } : {});
    } catch (error) {
      if (error instanceof Empty) return false;
      throw error;
    }
    this.settle(result);
    this.collect();
    return true;
  }

  /** Tells every executor worker to stop once the jobs before are done. */
  shutdown(workers: number): void {
    for (let i = 0; i < workers; i++) this.backlog.push(null);
    while (this.backlog.length > 0) this.channel.jobs.put(this.backlog.shift()!);
  }

  private settle(result: Message): void {
    const [id, ok, value] = result as [number, boolean, Message];
    const future = this.waiting.get(id);
    this.waiting.delete(id);
    if (!future || future.done()) return;
    if (ok) future.setResult(value);
    else future.setException(jobError(String(value)));
  }

  /** Moves jobs from the backlog to the queue while it has room: the loop never blocks on a full queue. */
  private flush(): void {
    while (this.backlog.length > 0) {
      if (this.channel.jobs.full()) return;
      this.channel.jobs.put(this.backlog.shift()!);
    }
  }
}

/** Step mode's and Explore's executor: the job runs when submitted; its result arrives as a choice among the loop's arrivals. */
export class InlineExecutor implements LoopExecutor {
  constructor(
    readonly kind: ExecutorKind,
    private readonly jobs: Readonly<Record<string, Job>>,
    private readonly loop: ArrivalLoop,
    private readonly ctx: WorkerContext<ParamSpecs>,
  ) {}

  submit(job: Job | string, arg: Message, createFuture: (waitsFor: string) => Future<Message>): Future<Message> {
    const name = jobName(this.jobs, job);
    const future = createFuture(`job ${name}`);
    let settle: () => void;
    try {
      const value = this.jobs[name]!(arg, this.ctx);
      settle = () => future.setResult(value);
    } catch (error) {
      settle = () => future.setException(error);
    }
    this.loop.expectArrival(future, `job ${name}`, 0, settle);
    return future;
  }

  collect(): boolean {
    return false;
  }

  outstanding(): number {
    return 0;
  }

  awaitCompletion(): boolean {
    return false;
  }
}

/** What the inline executor needs of the loop (loop.ts). */
export interface ArrivalLoop {
  expectArrival(future: Pick<Future<unknown>, "done">, what: string, seconds: number, complete: () => void): void;
}

/** An executor worker's body: runs jobs until told to stop. */
export function serveJobs(channel: ExecutorChannel, jobs: Readonly<Record<string, Job>>, ctx: WorkerContext<ParamSpecs>): void {
  for (;;) {
    const job = channel.jobs.get();
    if (job === null) return;
    const [id, name, arg] = job as [number, string, Message];
    let result: Message;
    try {
      result = [id, true, jobs[name]!(arg, ctx)];
    } catch (error) {
      result = [id, false, error instanceof Error ? `${error.name}: ${error.message}` : String(error)];
    }
    channel.results.put(result);
  }
}
