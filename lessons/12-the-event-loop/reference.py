#!/usr/bin/env python3
"""The event loop: one thread runs every task, switching only at an await.

A dashboard fetches `calls` pages of records from a slow service: page p
answers after latency + 10*(p-1) ms, over a socket, so that the loop learns
of each reply as it learns of a network reply (from select). Each reply
is then parsed, `cpu` ms of pure-Python computing, either on the loop itself
or in a pool of 2 workers (ThreadPoolExecutor or ProcessPoolExecutor). A
monitor task sleeps 10 ms at a time and notes how late it wakes up: the
loop's lag.

With no options it runs the lesson's experiments, one line each, printing
the figures the browser's result shows: totalMs, sumMs and slowestMs,
records against expected, maxLagMs and meanLagMs, and ticksWhileParsing (how
often the monitor ran while a reply was being parsed).

    python3 reference.py
    python3 reference.py --style gather --cpu 50 --offload threads
    python3 reference.py --style gather --cpu 50 --offload processes --stale
    python3 reference.py --style tasks --await-each

Two options bring back the starter's mistakes. `--stale` reads the records
total before the parse's await and writes it back after it, so that with
the parsing offloaded and the calls concurrent, updates are lost.
`--await-each` awaits each task as soon as it is created, which makes the
tasks style as slow as awaiting the calls in sequence.

The browser's loop runs on a virtual clock when there is no pool, so its
figures are exact there; here every figure is real time, within a
millisecond or two of the browser's on an idle machine.

Standard library only; CPython 3.11 or later.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field

RECORDS_PER_PAGE = 50
TICK = 0.010  # the monitor's interval, in seconds


def spin(iterations: int) -> int:
    """Pure-Python computing: holds the GIL, as parsing in Python does."""
    total = 0
    for i in range(iterations):
        total ^= i
    return total


def calibrate() -> int:
    """How many iterations of `spin` this core runs in a millisecond (the best of several tries)."""
    best = 0.0
    for _ in range(5):
        started = time.perf_counter()
        spin(200_000)
        best = max(best, 200_000 / ((time.perf_counter() - started) * 1000))
    return int(best)


async def call_service(latency: float) -> None:
    """One request to the slow service. Its reply comes over a socket after `latency` seconds.

    The service's end is a timer thread: it needs the GIL only for the moment it
    writes its byte (while a thread pool computes, that may take a few ms more).
    """
    loop = asyncio.get_running_loop()
    ours, theirs = socket.socketpair()
    ours.setblocking(False)
    answer = threading.Timer(latency, theirs.send, (b"x",))
    answer.start()
    try:
        await loop.sock_recv(ours, 1)  # the task is parked until the reply is there
    finally:
        answer.join()
        ours.close()
        theirs.close()


def parse(units: int, per_ms: int) -> int:
    """Parsing one reply: about `units` ms of computing. Plain data in and out, so a process can run it."""
    spin(units * per_ms)
    return RECORDS_PER_PAGE


@dataclass
class Dashboard:
    records: int = 0  # records counted so far, by every task
    parsing: int = 0  # replies being parsed right now
    running: bool = True
    lag: list[tuple[float, float]] = field(default_factory=list)  # (loop time, how late the monitor woke), in ms
    ticks_while_parsing: int = 0
    late_ms: list[float] = field(default_factory=list)  # per page: how long after its reply came its task went on


async def dashboard(calls: int, latency: int, style: str, cpu: int, pool: Executor | None, per_ms: int, stale: bool, await_each: bool) -> dict[str, object]:
    loop = asyncio.get_running_loop()
    state = Dashboard(late_ms=[0.0] * calls)
    origin = loop.time()

    def latency_of(page: int) -> float:
        return (latency + 10 * (page - 1)) / 1000

    async def watch_lag() -> None:
        # The monitor: sleep one tick, then note how much later than asked it woke.
        while state.running:
            intended = loop.time() + TICK
            await asyncio.sleep(TICK)
            state.lag.append(((loop.time() - origin) * 1000, (loop.time() - intended) * 1000))
            if state.parsing > 0:
                state.ticks_while_parsing += 1

    async def parse_reply() -> int:
        state.parsing += 1
        records = RECORDS_PER_PAGE
        if pool is None:
            parse(cpu, per_ms)  # on the loop: no other task runs meanwhile
        else:
            records = await loop.run_in_executor(pool, parse, cpu, per_ms)  # on the pool: the loop goes on
        state.parsing -= 1
        return records

    async def fetch_page(page: int) -> None:
        due = loop.time() + latency_of(page)
        await call_service(latency_of(page))  # the request: other tasks run while it is out
        state.late_ms[page - 1] = (loop.time() - due) * 1000
        if stale:
            total = state.records  # the starter: read, await, write back a total that may be stale
            records = await parse_reply()
            state.records = total + records
        else:
            records = await parse_reply()
            state.records += records  # read and write with no await between: no other task runs in the middle

    monitor = asyncio.create_task(watch_lag(), name="monitor")
    pages = range(1, calls + 1)
    started = loop.time()
    if style == "sequential":
        for page in pages:
            await fetch_page(page)
    elif style == "gather":
        await asyncio.gather(*(fetch_page(page) for page in pages))
    elif await_each:
        for page in pages:
            task = asyncio.create_task(fetch_page(page), name=f"page {page}")
            await task  # the starter's mistake: one task at a time again
    else:
        tasks = [asyncio.create_task(fetch_page(page), name=f"page {page}") for page in pages]
        for task in tasks:
            await task  # every request is out before main waits for the first
    total_ms = (loop.time() - started) * 1000
    state.running = False
    await monitor

    latencies = [latency + 10 * i for i in range(calls)]
    lags = [lag for _, lag in state.lag]
    return {
        "totalMs": total_ms,
        "sumMs": sum(latencies),
        "slowestMs": max(latencies),
        "records": state.records,
        "expected": RECORDS_PER_PAGE * calls,
        "maxLagMs": max([0.0, *lags]),
        "meanLagMs": sum(lags) / len(lags) if lags else 0.0,
        "ticksWhileParsing": state.ticks_while_parsing,
        "lateMs": state.late_ms,
    }


# The lesson's experiments: (style, cpu, offload, stale, await_each).
EXPERIMENTS = [
    ("sequential", 0, "none", False, False),
    ("gather", 0, "none", False, False),
    ("tasks", 0, "none", False, True),
    ("tasks", 0, "none", False, False),
    ("sequential", 50, "none", False, False),
    ("gather", 50, "none", False, False),
    ("gather", 50, "threads", True, False),
    ("gather", 50, "threads", False, False),
    ("gather", 50, "processes", True, False),
    ("gather", 50, "processes", False, False),
]


def describe(style: str, await_each: bool, stale: bool) -> str:
    words = "tasks, each awaited at once" if await_each else style
    return words + (", stale total" if stale else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=4)
    parser.add_argument("--latency", type=int, default=100, help="latency of the first call, ms")
    parser.add_argument("--style", choices=["sequential", "gather", "tasks"])
    parser.add_argument("--cpu", type=int, help="CPU work per reply, ms")
    parser.add_argument("--offload", choices=["none", "threads", "processes"])
    parser.add_argument("--stale", action="store_true", help="the starter's read-await-write of the records total")
    parser.add_argument("--await-each", action="store_true", help="the starter's tasks style: await each task as it is made")
    args = parser.parse_args()

    one = args.style is not None or args.cpu is not None or args.offload is not None or args.stale or args.await_each
    experiments = [(args.style or "sequential", args.cpu or 0, args.offload or "none", args.stale, args.await_each)] if one else EXPERIMENTS

    per_ms = calibrate()
    # The process pool first, and warmed up, so that starting its workers is not timed; spawn, as on macOS and Windows.
    processes = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))
    for job in [processes.submit(time.sleep, 0.2) for _ in range(2)]:
        job.result()
    threads = ThreadPoolExecutor(max_workers=2)
    pools: dict[str, Executor | None] = {"none": None, "threads": threads, "processes": processes}

    print(f"{args.calls} calls, the first taking {args.latency} ms, each next one 10 ms more; monitor tick {TICK * 1000:.0f} ms.")
    print(f"{'how main awaits':<30} {'cpu':>4} {'offload':>9} {'totalMs':>8} {'sumMs':>6} {'slowestMs':>9} {'records':>11} {'maxLagMs':>8} {'meanLagMs':>9} {'ticksWhileParsing':>17}")
    try:
        for style, cpu, offload, stale, await_each in experiments:
            figures = asyncio.run(dashboard(args.calls, args.latency, style, cpu, pools[offload], per_ms, stale, await_each))
            print(
                f"{describe(style, await_each, stale):<30} {cpu:>4} {offload:>9} {figures['totalMs']:>8.1f} {figures['sumMs']:>6} {figures['slowestMs']:>9}"
                f" {str(figures['records']) + '/' + str(figures['expected']):>11} {figures['maxLagMs']:>8.1f} {figures['meanLagMs']:>9.2f} {figures['ticksWhileParsing']:>17}"
            )
    finally:
        threads.shutdown()
        processes.shutdown()


if __name__ == "__main__":
    main()
