/**
 * The words of a queue (Queue, LifoQueue, PriorityQueue) and how an item sits
 * in one of its fixed-size slots.
 *
 * Queue layout (word offsets from `index`; the words up to `slotBytes`
 * change only under the lock):
 *   +0  lock: the queue's private futex lock word (futex.ts)
 *   +1  notEmpty, +3 notFull, +5 allDone: sequence conditions, 2 words each
 *   +7  count: items in the queue
 *   +8  head: the oldest item's slot (Queue's ring)
 *   +9  unfinished: items put and not yet marked done by `taskDone`
 *   +10 maxsize, +11 slotBytes
 *   +12 order, PriorityQueue only (maxsize words): its heap (priority-queue.ts)
 *   then maxsize slots
 *
 * Slot layout (word offsets from the slot's start; a slot is
 * SLOT_HEADER_WORDS + ceil(slotBytes / 4) words):
 *   +0 length: -1 when the item is a number, else its message's byte length
 *   +1 number, float64 over two words (little-endian): the item when it is
 *      a number, a PriorityQueue item's priority otherwise
 *   +3 message: the item as UTF-8 JSON, at most slotBytes bytes
 *
 * Numbers travel as float64, exactly. Anything else is a message: plain data
 * (finite numbers, strings, booleans, null, arrays and plain objects, nested)
 * encoded as JSON, so what `get` returns equals what `put` sent. A message
 * that is not plain data (undefined, a function, a Map, a Date, NaN...) or
 * whose encoding is larger than a slot is refused with an error; it is never
 * truncated or silently changed.
 */
import type { Arena } from "../memory";
import { ScenarioUsageError } from "../errors";
import { runtimeMessage } from "../messages/message";

export const LOCK = 0;
export const NOT_EMPTY = 1;
export const NOT_FULL = 3;
export const ALL_DONE = 5;
export const COUNT = 7;
export const HEAD = 8;
export const UNFINISHED = 9;
const MAXSIZE = 10;
const SLOT_BYTES = 11;
export const ORDER = 12;

const DEFAULT_SLOT_BYTES = 64;
const MAX_SLOT_BYTES = 1 << 16;

export interface QueueOptions {
  /** The most items it holds, at least 1. */
  readonly maxsize: number;
  /** Bytes of a message's JSON that one slot holds (default 64); numbers always fit. */
  readonly slotBytes?: number;
}

/** Where a queue lives, as `placeQueue` computed it. */
export interface QueuePlace {
  readonly index: number;
  readonly maxsize: number;
  readonly slotBytes: number;
  readonly slots: number;
}

/** Allocates a queue of `kind` (an `ordered` one has a heap of slot numbers) and checks its options. */
export function placeQueue(arena: Arena, kind: string, name: string, init: boolean, options: QueueOptions, ordered: boolean): QueuePlace {
  const { maxsize, slotBytes = DEFAULT_SLOT_BYTES } = options ?? ({} as QueueOptions);
  if (maxsize === 0) {
    throw new ScenarioUsageError(runtimeMessage("queue.unbounded", { kind, name }));
  }
  if (!(Number.isInteger(maxsize) && maxsize >= 1)) {
    throw new ScenarioUsageError(runtimeMessage("queue.maxsize", { kind, name, got: String(maxsize) }));
  }
  if (!(Number.isInteger(slotBytes) && slotBytes >= 0 && slotBytes <= MAX_SLOT_BYTES)) {
    throw new ScenarioUsageError(runtimeMessage("queue.slotBytes", { kind, name, max: MAX_SLOT_BYTES, got: String(slotBytes) }));
  }
  const orderWords = ordered ? maxsize : 0;
  const allocationKind = kind === "Queue" ? "queue" : kind === "LifoQueue" ? "lifo-queue" : "priority-queue";
  const index = arena.allocate(allocationKind, name, ORDER + orderWords + maxsize * slotWordsFor(slotBytes));
  if (init) {
    const w = arena.words;
    w[index + MAXSIZE] = maxsize;
    w[index + SLOT_BYTES] = slotBytes;
    for (let i = 0; i < orderWords; i++) w[index + ORDER + i] = i;
  }
  return { index, maxsize, slotBytes, slots: index + ORDER + orderWords };
}

const SLOT_HEADER_WORDS = 3;
const LENGTH = 0;
const NUMBER = 1;
const MESSAGE = 3;
const IS_NUMBER = -1;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function slotWordsFor(slotBytes: number): number {
  return SLOT_HEADER_WORDS + Math.ceil(slotBytes / 4);
}

export class SlotCodec {
  private readonly words: Int32Array;
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  private readonly slotWords: number;
  private readonly plainOnly: (this: unknown, key: string, value: unknown) => unknown;

  /** `start`: word index of slot 0; `label` names the operation in errors, as `Queue "q".put`. */
  constructor(
    buffer: SharedArrayBuffer,
    private readonly start: number,
    private readonly slotBytes: number,
    private readonly label: string,
  ) {
    this.words = new Int32Array(buffer);
    this.view = new DataView(buffer);
    this.bytes = new Uint8Array(buffer);
    this.slotWords = slotWordsFor(slotBytes);
    this.plainOnly = plainOnly(label);
  }

  /** The message's encoding, checked to be plain data that fits a slot. */
  encode(message: unknown): Uint8Array {
    let json: string;
    try {
      json = JSON.stringify(message, this.plainOnly);
    } catch (thrown) {
      if (thrown instanceof ScenarioUsageError) throw thrown;
      const problem = thrown instanceof Error ? thrown.message : String(thrown);
      throw new ScenarioUsageError(runtimeMessage("queue.notJson", { label: this.label, problem }));
    }
    const bytes = encoder.encode(json);
    if (bytes.length > this.slotBytes) {
      throw new ScenarioUsageError(runtimeMessage("queue.tooLong", { label: this.label, bytes: bytes.length, slotBytes: this.slotBytes }));
    }
    return bytes;
  }

  /** Stores an item: `message` null for a number item (`number` is then the item). */
  write(slot: number, number: number, message: Uint8Array | null): void {
    const at = this.start + slot * this.slotWords;
    this.words[at + LENGTH] = message === null ? IS_NUMBER : message.length;
    this.view.setFloat64((at + NUMBER) * 4, number, true);
    if (message !== null) this.bytes.set(message, (at + MESSAGE) * 4);
  }

  isNumber(slot: number): boolean {
    return this.words[this.start + slot * this.slotWords + LENGTH] === IS_NUMBER;
  }

  number(slot: number): number {
    return this.view.getFloat64((this.start + slot * this.slotWords + NUMBER) * 4, true);
  }

  message(slot: number): unknown {
    const at = this.start + slot * this.slotWords;
    const from = (at + MESSAGE) * 4;
    // A copy: TextDecoder may refuse views of shared memory.
    return JSON.parse(decoder.decode(this.bytes.slice(from, from + this.words[at + LENGTH]!)));
  }
}

/** A JSON.stringify replacer that refuses what JSON would drop or change. */
function plainOnly(label: string) {
  return function (this: unknown, key: string, value: unknown): unknown {
    // The holder's own value: `value` has already been through toJSON (a Date is a string by then).
    const original = (this as Record<string, unknown>)[key];
    if (isPlain(original)) return value;
    const where = key === "" ? runtimeMessage("queue.theMessage") : runtimeMessage("queue.theValueAt", { key });
    throw new ScenarioUsageError(runtimeMessage("queue.notPlain", { label, where, what: describe(original) }));
  };
}

function isPlain(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (value === null || Array.isArray(value)) return true;
      const prototype = Object.getPrototypeOf(value);
      return prototype === Object.prototype || prototype === null;
    }
    default:
      return false;
  }
}

function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && value !== null) {
    const constructor = value.constructor?.name;
    return constructor === undefined ? runtimeMessage("queue.aPrototypedObject") : runtimeMessage("queue.anInstance", { constructor });
  }
  return typeof value === "undefined" ? "undefined" : runtimeMessage("queue.aType", { type: typeof value });
}
