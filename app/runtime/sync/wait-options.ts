/**
 * The options of the calls that may block, named as Python names them: a
 * lock's or semaphore's `acquire(blocking=True, timeout=...)`, and a queue's
 * `get(block=True, timeout=None)` and `put(item, block=True, timeout=None)`.
 *
 * In Python the flag comes first (after put's item), so a timeout is only
 * ever passed by name: `acquire(0.05)` means blocking=0.05, not a timeout.
 * An options object plays the keywords here. A bare number or boolean where
 * the options go (this API's old form, or Python's positional flag) is
 * refused with the call to write instead, never read as something else.
 */
import { ScenarioUsageError, checkTimeout } from "../errors";
import { runtimeMessage } from "../messages/message";

/** How `acquire` waits: Python's `acquire(blocking=True, timeout=...)`, by name. */
export interface AcquireOptions {
  /** false: take it only if it is free now, and return at once (default true). */
  readonly blocking?: boolean;
  /** The most seconds to wait, as in Python; omitted, wait for as long as it takes. Not with `blocking: false`. */
  readonly timeout?: number;
}

/** How a queue's `get` and `put` wait: Python's `block=True, timeout=None`, by name. */
export interface QueueWaitOptions {
  /** false: do it only if it can be done now, else throw `Empty` or `Full` at once (default true). */
  readonly block?: boolean;
  /** The most seconds to wait, as in Python; omitted, wait for as long as it takes. Ignored with `block: false`, as in Python. */
  readonly timeout?: number;
}

/** One blocking method, for the messages: its owner (`Lock "L"`), name, flag, and the arguments before the options. */
interface Call {
  readonly owner: string;
  readonly method: string;
  readonly flag: "blocking" | "block";
  readonly before: string;
}

/**
 * @internal
 * The seconds `acquire` may wait when given options (callers pass none on
 * the fast path, where building `owner` would cost): undefined for no
 * limit, 0 when not blocking (what CPython does with blocking=False). A
 * timeout with `blocking: false` is Python's ValueError.
 */
export function acquireTimeout(owner: string, options: AcquireOptions): number | undefined {
  const { blocking, timeout } = readOptions({ owner, method: "acquire", flag: "blocking", before: "" }, options);
  if (!blocking) {
    if (timeout === undefined) return 0;
    throw new ScenarioUsageError(runtimeMessage("waitOptions.timeoutNotBlocking", { owner }));
  }
  checkTimeout(`${owner}.acquire`, timeout);
  return timeout;
}

/**
 * @internal
 * The seconds a queue's `get` or `put` may wait when given options:
 * undefined for no limit, 0 when not blocking, whatever the timeout (Python
 * ignores it then).
 */
export function queueTimeout(owner: string, method: "get" | "put", options: QueueWaitOptions): number | undefined {
  const { blocking, timeout } = readOptions({ owner, method, flag: "block", before: method === "put" ? "item, " : "" }, options);
  if (!blocking) return 0;
  checkTimeout(`${owner}.${method}`, timeout);
  return timeout;
}

function readOptions(call: Call, options: unknown): { blocking: boolean; timeout: number | undefined } {
  if (typeof options !== "object" || options === null || Array.isArray(options)) throw notOptions(call, options);
  const { [call.flag]: flag, timeout, ...unknown } = options as Record<string, unknown>;
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) {
    throw new TypeError(runtimeMessage("waitOptions.unknown", { owner: call.owner, method: call.method, option: extra, flag: call.flag }));
  }
  if (flag !== undefined && typeof flag !== "boolean") {
    throw new TypeError(runtimeMessage("waitOptions.flag", { owner: call.owner, method: call.method, flag: call.flag, got: String(flag) }));
  }
  return { blocking: flag !== false, timeout: timeout as number | undefined };
}

/** The error for anything but an options object, with the call to write instead. */
function notOptions(call: Call, value: unknown): TypeError {
  const { owner, method, flag, before } = call;
  const written = `${owner}.${method}(${before}${shown(value)})`;
  const which = before ? runtimeMessage("waitOptions.afterItem") : runtimeMessage("waitOptions.first", { method });
  if (typeof value === "number") {
    return new TypeError(runtimeMessage("waitOptions.number", { written, which, flag, fix: numberFix(call, value) }));
  }
  if (typeof value === "boolean") {
    return new TypeError(runtimeMessage("waitOptions.boolean", { written, flag, call: `${method}(${before}{ ${flag}: ${value} })` }));
  }
  return new TypeError(runtimeMessage("waitOptions.notObject", { owner, method, flag, got: shown(value) }));
}

/** The call that says what a bare number most likely meant. */
function numberFix({ method, flag, before }: Call, seconds: number): string {
  if (seconds === 0) return runtimeMessage("waitOptions.fixTry", { call: `${method}(${before}{ ${flag}: false })` });
  if (seconds > 0 && Number.isFinite(seconds)) return runtimeMessage("waitOptions.fixWait", { call: `${method}(${before}{ timeout: ${seconds} })`, seconds });
  return runtimeMessage("waitOptions.fixAny", { call: `${method}(${before}{ timeout: seconds })` });
}

function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : Array.isArray(value) ? runtimeMessage("waitOptions.anArray") : String(value);
}
