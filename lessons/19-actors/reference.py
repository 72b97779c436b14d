#!/usr/bin/env python3
"""Actors: state owned by one task (or one process), reached only by messages.

A shop counts its visitors. `clients` each record `adds` visits, one every
`send_ms`. Recording a visit reads the count, stores the new count
(`store_ms`, a wait) and keeps it.

1. shared: every client updates one count itself, read / await / write.
   Visits are lost.
2. actor (asyncio): a counter actor owns the count: a mailbox (asyncio.Queue)
   and one task that handles one message at a time, so the same
   read / await / write is exact. It tells a printer actor each new count.
   main reports the count once the clients are done, first by peeking at the
   counter's attribute (stale: adds still wait in the mailbox), then by asking
   (a message that carries a future for the reply: exact).
3. actor (multiprocessing): the same counter and printer, each a process
   with a multiprocessing.Queue for a mailbox; the clients are processes too.
   The parent asks through a reply queue. Peeking is hopeless there: the
   parent's copy of the count is another process's memory.

It prints the figures the browser's result shows: expected, counted,
reported, the counter's deepest mailbox, and the adds it handled per second.
Times here are real, so the rates land a little under the browser's exact
virtual-clock 1000 / store_ms.

    python3 reference.py
    python3 reference.py --clients 8 --send-ms 1
    python3 reference.py --send-ms 20        # slow clients: the counter keeps up

Standard library only; CPython 3.11 or later.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import time
from dataclasses import dataclass, field


@dataclass
class Settings:
    clients: int
    adds: int
    send_ms: int
    store_ms: int
    print_ms: int

    @property
    def expected(self) -> int:
        return self.clients * self.adds


# --- 1. A shared count, updated by every client ---------------------------------


async def shared_count(s: Settings) -> int:
    count = 0

    async def client() -> None:
        nonlocal count
        for _ in range(s.adds):
            await asyncio.sleep(s.send_ms / 1000)
            current = count
            await asyncio.sleep(s.store_ms / 1000)  # other clients run here, and read the same count
            count = current + 1

    await asyncio.gather(*(client() for _ in range(s.clients)))
    return count


# --- 2. Actors as asyncio tasks ----------------------------------------------------


class Actor:
    """A mailbox and one task that takes its messages one at a time."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.mailbox: asyncio.Queue[tuple[str, object, asyncio.Future[int] | None]] = asyncio.Queue()
        self.max_depth = 0
        self.handled: list[tuple[float, float]] = []  # (started, finished) of each message that did work
        self.task = asyncio.create_task(self._run(), name=name)

    def tell(self, op: str, arg: object = None) -> None:
        """Sends and goes on at once: the message is handled later, in its turn."""
        self.mailbox.put_nowait((op, arg, None))
        self.max_depth = max(self.max_depth, self.mailbox.qsize())

    async def ask(self, op: str, arg: object = None) -> int:
        """Sends a message that carries a future, and waits until the actor sets it."""
        reply: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self.mailbox.put_nowait((op, arg, reply))
        return await reply

    async def _run(self) -> int:
        while True:
            op, arg, reply = await self.mailbox.get()
            answer = await self.handle(op, arg)
            if reply is not None:
                reply.set_result(answer)
            if op == "stop":
                return answer

    async def handle(self, op: str, arg: object) -> int:
        raise NotImplementedError


class Printer(Actor):
    def __init__(self, print_ms: int) -> None:
        self.print_ms = print_ms
        self.lines: list[str] = []
        super().__init__("printer")

    async def handle(self, op: str, arg: object) -> int:
        if op == "print":
            started = time.perf_counter()
            await asyncio.sleep(self.print_ms / 1000)  # a slow terminal
            self.lines.append(f"count = {arg}")
            self.handled.append((started, time.perf_counter()))
        return len(self.lines)


class Counter(Actor):
    def __init__(self, store_ms: int, printer: Printer) -> None:
        self.store_ms = store_ms
        self.printer = printer
        self.count = 0  # touched by this actor's task alone
        super().__init__("counter")

    async def handle(self, op: str, arg: object) -> int:
        if op == "add":
            started = time.perf_counter()
            current = self.count
            await asyncio.sleep(self.store_ms / 1000)  # other tasks run here; none of them touches self.count
            self.count = current + 1
            self.handled.append((started, time.perf_counter()))
            self.printer.tell("print", self.count)
        return self.count


def per_second(handled: list[tuple[float, float]]) -> float:
    if not handled:
        return 0.0
    return len(handled) / (handled[-1][1] - handled[0][0])


@dataclass
class ActorRun:
    reported: int
    counted: int
    max_depth: int
    counter_rate: float
    printer_rate: float
    last_printed: str = ""
    notes: list[str] = field(default_factory=list)


async def actor_count(s: Settings, ask: bool) -> ActorRun:
    printer = Printer(s.print_ms)
    counter = Counter(s.store_ms, printer)

    async def visits() -> None:
        for _ in range(s.adds):
            await asyncio.sleep(s.send_ms / 1000)
            counter.tell("add")

    await asyncio.gather(*(visits() for _ in range(s.clients)))
    reported = await counter.ask("get") if ask else counter.count  # the question waits behind every add; the peek does not
    counter.tell("stop")
    counted = await counter.task
    printer.tell("stop")
    await printer.task
    return ActorRun(reported, counted, counter.max_depth, per_second(counter.handled), per_second(printer.handled), printer.lines[-1])


# --- 3. Actors as processes --------------------------------------------------------


def counter_process(inbox: multiprocessing.Queue, printer_inbox: multiprocessing.Queue, replies: multiprocessing.Queue, store_ms: int) -> None:
    """The counter as a process: its count lives in this process's memory alone."""
    count = 0
    first = last = 0.0
    adds = 0
    while True:
        op, *args = inbox.get()
        if op == "add":
            started = time.perf_counter()
            current = count
            time.sleep(store_ms / 1000)  # the store: this process waits, no other process can touch count
            count = current + 1
            first, last, adds = first or started, time.perf_counter(), adds + 1
            printer_inbox.put(("print", count))
        elif op == "get":
            replies.put(count)
        elif op == "stop":
            replies.put((count, adds / (last - first) if adds else 0.0))
            printer_inbox.put(("stop",))
            return


def printer_process(inbox: multiprocessing.Queue, replies: multiprocessing.Queue, print_ms: int) -> None:
    printed = 0
    last_line = ""
    while True:
        op, *args = inbox.get()
        if op == "stop":
            replies.put((printed, last_line))
            return
        time.sleep(print_ms / 1000)
        printed += 1
        last_line = f"count = {args[0]}"


def client_process(counter_inbox: multiprocessing.Queue, adds: int, send_ms: int) -> None:
    for _ in range(adds):
        time.sleep(send_ms / 1000)
        counter_inbox.put(("add",))


def process_count(s: Settings) -> ActorRun:
    counter_inbox: multiprocessing.Queue = multiprocessing.Queue()
    printer_inbox: multiprocessing.Queue = multiprocessing.Queue()
    counter_replies: multiprocessing.Queue = multiprocessing.Queue()
    printer_replies: multiprocessing.Queue = multiprocessing.Queue()
    actors = [
        multiprocessing.Process(target=counter_process, args=(counter_inbox, printer_inbox, counter_replies, s.store_ms), name="counter"),
        multiprocessing.Process(target=printer_process, args=(printer_inbox, printer_replies, s.print_ms), name="printer"),
    ]
    clients = [multiprocessing.Process(target=client_process, args=(counter_inbox, s.adds, s.send_ms)) for _ in range(s.clients)]
    for process in actors + clients:
        process.start()
    for process in clients:
        process.join()  # a client's exit flushes its queue: its adds are in the mailbox before the question below

    parents_copy = 0  # what a peek could read here: the count lives in the counter's process
    counter_inbox.put(("get",))
    reported = counter_replies.get()
    counter_inbox.put(("stop",))
    counted, rate = counter_replies.get()
    printed, last_line = printer_replies.get()
    for process in actors:
        process.join()
    run = ActorRun(reported, counted, 0, rate, 0.0, last_line)
    run.notes.append(f"the parent's own copy of the count: {parents_copy}; printed {printed} lines")
    return run


# --- The experiments ---------------------------------------------------------------


def show(label: str, s: Settings, counted: int, reported: int, extra: str = "") -> None:
    print(f"{label:<34} expected {s.expected:>4}  counted {counted:>4}  reported {reported:>4}  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--adds", type=int, default=20)
    parser.add_argument("--send-ms", type=int, default=4)
    parser.add_argument("--store-ms", type=int, default=5)
    parser.add_argument("--print-ms", type=int, default=2)
    args = parser.parse_args()
    s = Settings(args.clients, args.adds, args.send_ms, args.store_ms, args.print_ms)
    print(f"{s.clients} clients x {s.adds} visits, one every {s.send_ms} ms; a store takes {s.store_ms} ms (at most {1000 / s.store_ms:.0f} adds/s)")

    counted = asyncio.run(shared_count(s))
    show("shared count, read/await/write", s, counted, counted, f"lost {s.expected - counted}")

    for ask in (False, True):
        run = asyncio.run(actor_count(s, ask))
        label = "actor tasks, report by " + ("ask" if ask else "peeking")
        show(label, s, run.counted, run.reported, f"max depth {run.max_depth:>3}  counter {run.counter_rate:5.1f}/s  printer {run.printer_rate:5.1f}/s  last line '{run.last_printed}'")

    run = process_count(s)
    show("actor processes, report by ask", s, run.counted, run.reported, f"counter {run.counter_rate:5.1f}/s  last line '{run.last_printed}'; {run.notes[0]}")


if __name__ == "__main__":
    main()
