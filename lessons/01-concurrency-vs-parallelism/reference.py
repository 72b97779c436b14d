#!/usr/bin/env python3
"""Concurrency vs parallelism: the same tasks run three ways.

Each task is either CPU-bound (a pure-Python loop that keeps one core busy)
or I/O-bound (time.sleep, standing in for a network call). The program times
`--tasks` of them:

  sequential  one after another, in the main thread
  threads     all at once, one thread each (ThreadPoolExecutor)
  processes   all at once, one process each (ProcessPoolExecutor)

and prints each time (the median of `--repeat` timings) with its speedup
over sequential (sequential / time).

    python3 reference.py                        # 4 tasks of about 200 ms each
    python3 reference.py --tasks 8 --size 100
    python3 reference.py --kind cpu             # only the CPU-bound tasks
    python3 reference.py --kind mixed           # wait, then compute a tenth as long
    python3 reference.py --repeat 5             # medians of 5 timings instead of 3
    python3 reference.py --json                 # the times as one JSON object, for scripts

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor


def spin(iterations: int) -> int:
    """CPU-bound work: pure Python arithmetic, no I/O, no waiting."""
    total = 0
    for i in range(iterations):
        total = (total + i * i) % 1_000_003
    return total


def loops_per_ms() -> float:
    """How many `spin` iterations this machine does in one millisecond (best of three).

    Lets `--size` mean milliseconds for every kind of task, as in the browser,
    where a CPU unit is about 1 ms of this machine's work.
    """
    best = 0.0
    for _ in range(3):
        iterations = 10_000
        while True:
            start = time.perf_counter()
            spin(iterations)
            elapsed_ms = (time.perf_counter() - start) * 1000
            if elapsed_ms >= 30:
                best = max(best, iterations / elapsed_ms)
                break
            iterations *= 2
    return best


# The tasks. Each takes one argument, so that Executor.map can hand it out.
# They live at module level because a process pool sends work to its child
# processes by pickling the function's name, and a child must find it there.


def cpu_task(iterations: int) -> int:
    return spin(iterations)


def io_task(seconds: float) -> float:
    time.sleep(seconds)  # waiting: the thread gives up the GIL meanwhile
    return seconds


def mixed_task(job: tuple[float, int]) -> int:
    seconds, iterations = job
    time.sleep(seconds)  # wait for the "reply"...
    return spin(iterations)  # ...then handle it: a tenth as long, holding the GIL


def warm_up(_: int) -> int:
    time.sleep(0.02)
    return os.getpid()


def sequential(task: Callable, jobs: list) -> float:
    start = time.perf_counter()
    for job in jobs:
        task(job)
    return time.perf_counter() - start


def pooled(pool: Executor, task: Callable, jobs: list) -> float:
    start = time.perf_counter()
    list(pool.map(task, jobs))  # list() waits for every result
    return time.perf_counter() - start


def measure(task: Callable, jobs: list, repeat: int) -> dict[str, float]:
    """Median seconds over `repeat` rounds for the same jobs run sequentially, on threads and on processes.

    One timing is not enough: other programs come and go, and the first
    second of computing in a fresh interpreter runs several percent slower
    than the rest, which would make the sequential baseline look slow.
    """
    rounds = [measure_once(task, jobs) for _ in range(repeat)]
    return {way: statistics.median(times[way] for times in rounds) for way in rounds[0]}


def measure_once(task: Callable, jobs: list) -> dict[str, float]:
    times = {"sequential": sequential(task, jobs)}

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        times["threads"] = pooled(pool, task, jobs)

    with ProcessPoolExecutor(max_workers=len(jobs)) as pool:
        # Starting processes takes time (tens of milliseconds each, more with
        # the "spawn" start method). Start them before the clock does, as the
        # browser's workers are already running when a phase begins; the
        # start-up cost is printed separately below the table.
        start = time.perf_counter()
        list(pool.map(warm_up, range(len(jobs))))
        times["pool start"] = time.perf_counter() - start
        times["processes"] = pooled(pool, task, jobs)

    return times


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="CPU-bound and I/O-bound tasks: sequential, threads, processes.")
    parser.add_argument("--tasks", type=positive_int, default=4, help="how many tasks (default 4)")
    parser.add_argument("--size", type=positive_int, default=200, help="milliseconds of work per task (default 200)")
    parser.add_argument(
        "--kind",
        choices=["cpu", "io", "mixed"],
        action="append",
        help="task kind; repeat to run several (default: cpu and io)",
    )
    parser.add_argument("--repeat", type=positive_int, default=3, help="time everything this many times and report the medians (default 3)")
    parser.add_argument("--json", action="store_true", help="print the times (in seconds) as one JSON object instead of the table")
    args = parser.parse_args()
    kinds = args.kind or ["cpu", "io"]

    rate = loops_per_ms()
    seconds = args.size / 1000
    iterations = round(rate * args.size)
    work: dict[str, tuple[Callable, object]] = {
        "cpu": (cpu_task, iterations),
        "io": (io_task, seconds),
        "mixed": (mixed_task, (seconds, iterations // 10)),
    }

    # os.process_cpu_count() (3.13+) counts only the cores this process may use.
    cores = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    version = ".".join(str(part) for part in sys.version_info[:3])
    times = {kind: measure(work[kind][0], [work[kind][1]] * args.tasks, args.repeat) for kind in kinds}

    if args.json:
        print(json.dumps({"python": version, "cores": cores, "tasks": args.tasks, "size_ms": args.size, "seconds": times}))
        return
    print(f"Python {version}, {cores} cores: {args.tasks} tasks of about {args.size} ms each, medians of {args.repeat} timings")
    print()
    print(f"{'kind':<6} {'run as':<11} {'time (ms)':>10} {'speedup':>8}")
    for kind in kinds:
        for way in ("sequential", "threads", "processes"):
            speedup = times[kind]["sequential"] / times[kind][way]
            print(f"{kind:<6} {way:<11} {times[kind][way] * 1000:>10,.0f} {speedup:>7.2f}x")

    start = max(times[kind]["pool start"] for kind in kinds)
    print()
    print(f"Processes: starting the pool (with a 20 ms warm-up task each) took about {start * 1000:,.0f} ms, not counted above.")
    print(f"Ceiling for processes on CPU-bound work: min(tasks, cores) = {min(args.tasks, cores)}x.")


if __name__ == "__main__":
    main()
