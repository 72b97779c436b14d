#!/usr/bin/env python3
"""Concurrency vs parallelism: the same tasks run three ways.

Each task is either CPU-bound (a pure-Python loop that keeps one core busy)
or I/O-bound (time.sleep, standing in for a network call). The program times
`--tasks` of them:

  sequential  one after another, in the main thread
  threads     all at once, one thread each (ThreadPoolExecutor)
  processes   all at once, one process each (ProcessPoolExecutor)

and prints each time with its speedup over sequential (sequential / time),
and for CPU-bound tasks how many cores each way kept busy (CPU time / time).
The three ways take turns, and each time is the best of at least `--repeat`
timings, so that a burst of work from another program slows one timing of
each way, not every timing of one way. While other programs still share the
cores, the CPU-bound rounds go on for a few seconds more.

    python3 reference.py                        # 4 tasks of about 50 ms each
    python3 reference.py --tasks 8 --size 100
    python3 reference.py --kind cpu             # only the CPU-bound tasks
    python3 reference.py --kind mixed           # wait, then compute a tenth as long
    python3 reference.py --repeat 9             # best of 9 timings instead of 5
    python3 reference.py --json                 # the times as one JSON object, for scripts

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import json
import os
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


def cpu_task(iterations: int) -> float:
    """Computes, and returns the CPU seconds its own thread spent doing it."""
    started = time.thread_time()
    spin(iterations)
    return time.thread_time() - started


def io_task(seconds: float) -> float:
    time.sleep(seconds)  # waiting: the thread gives up the GIL meanwhile
    return 0.0


def mixed_task(job: tuple[float, int]) -> float:
    seconds, iterations = job
    time.sleep(seconds)  # wait for the "reply"...
    spin(iterations)  # ...then handle it: a tenth as long, holding the GIL
    return 0.0


def warm_up(_: int) -> int:
    time.sleep(0.02)
    return os.getpid()


def sequential(task: Callable, jobs: list) -> tuple[float, float]:
    """(wall seconds, CPU seconds the tasks report) for the jobs one after another."""
    start = time.perf_counter()
    cpu = sum(task(job) for job in jobs)
    return time.perf_counter() - start, cpu


def pooled(pool: Executor, task: Callable, jobs: list) -> tuple[float, float]:
    """The same, with the jobs spread over a pool's threads or processes."""
    start = time.perf_counter()
    cpu = sum(pool.map(task, jobs))  # sum() waits for every result
    return time.perf_counter() - start, cpu


WAYS = ("sequential", "threads", "processes")
Timings = dict[str, tuple[float, float]]

# How long measure() may go on looking for quiet moments, after its rounds.
EXTRA_SECONDS = 6.0


def measure(task: Callable, jobs: list, rounds: int, threads: Executor, processes: Executor, quiet: Callable[[Timings], bool]) -> tuple[Timings, int]:
    """For each way, its best timing, (wall seconds, CPU seconds); and how many rounds it took.

    One timing is not enough: other programs come and go, and the first
    second of computing in a fresh interpreter runs several percent slower
    than the rest. So the three ways take turns, round after round, each
    round starting with a different one, and each keeps its fastest timing:
    noise only ever adds time, and taking turns gives every way its share
    of the quiet moments. While `quiet` says the best timings still shared
    the cores with other programs, more rounds follow, for a few seconds.
    """
    run = {
        "sequential": lambda: sequential(task, jobs),
        "threads": lambda: pooled(threads, task, jobs),
        "processes": lambda: pooled(processes, task, jobs),
    }
    best = {way: (float("inf"), 0.0) for way in WAYS}
    done = 0
    deadline = time.perf_counter() + EXTRA_SECONDS
    while done < rounds or (not quiet(best) and time.perf_counter() < deadline):
        for way in WAYS[done % 3 :] + WAYS[: done % 3]:
            best[way] = min(best[way], run[way]())
        done += 1
    return best, done


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="CPU-bound and I/O-bound tasks: sequential, threads, processes.")
    parser.add_argument("--tasks", type=positive_int, default=4, help="how many tasks (default 4)")
    parser.add_argument("--size", type=positive_int, default=50, help="milliseconds of work per task (default 50)")
    parser.add_argument(
        "--kind",
        choices=["cpu", "io", "mixed"],
        action="append",
        help="task kind; repeat to run several (default: cpu and io)",
    )
    parser.add_argument("--repeat", type=positive_int, default=5, help="time every way at least this many times, in turns, and report the best (default 5)")
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
    with ThreadPoolExecutor(max_workers=args.tasks) as threads, ProcessPoolExecutor(max_workers=args.tasks) as processes:
        # Both pools start their workers on demand (processes all at once
        # under the "fork" start method). Starting processes takes time (tens
        # of milliseconds each, more under "spawn"): start both pools before
        # the clock does, as the browser's workers are already running when a
        # phase begins, and print the processes' start-up cost below the table.
        list(threads.map(warm_up, range(args.tasks)))
        start = time.perf_counter()
        list(processes.map(warm_up, range(args.tasks)))
        pool_start = time.perf_counter() - start
        ceiling = min(args.tasks, cores)

        def quiet(best: Timings) -> bool:
            """Did the best CPU-bound timings have the cores to themselves? Sequential
            kept one core busy, and the processes kept `ceiling` cores busy."""
            (seq_wall, seq_cpu), (proc_wall, proc_cpu) = best["sequential"], best["processes"]
            return seq_cpu >= 0.95 * seq_wall and proc_cpu >= 0.9 * ceiling * proc_wall

        measured = {
            kind: measure(work[kind][0], [work[kind][1]] * args.tasks, args.repeat, threads, processes, quiet if kind == "cpu" else lambda _: True)
            for kind in kinds
        }
        times = {kind: measured[kind][0] for kind in kinds}
        rounds = {kind: measured[kind][1] for kind in kinds}

    wall = {kind: {way: times[kind][way][0] for way in WAYS} for kind in kinds}
    if args.json:
        seconds = {kind: {**wall[kind], "pool start": pool_start} for kind in kinds}
        cpu_seconds = {kind: {way: times[kind][way][1] for way in WAYS} for kind in kinds}
        print(json.dumps({"python": version, "cores": cores, "tasks": args.tasks, "size_ms": args.size, "seconds": seconds, "cpu_seconds": cpu_seconds}))
        return
    print(f"Python {version}, {cores} cores: {args.tasks} tasks of about {args.size} ms each")
    print("The three ways take turns; each row is the best of its rounds: " + ", ".join(f"{kind} {rounds[kind]}" for kind in kinds) + ".")
    print()
    print(f"{'kind':<6} {'run as':<11} {'time (ms)':>10} {'speedup':>8} {'cores busy':>11}")
    for kind in kinds:
        for way in WAYS:
            seconds, cpu = times[kind][way]
            busy = f"{cpu / seconds:>11.2f}" if kind == "cpu" else ""
            print(f"{kind:<6} {way:<11} {seconds * 1000:>10,.0f} {wall[kind]['sequential'] / seconds:>7.2f}x{busy}")

    print()
    print(f"Processes: starting the pool (with a 20 ms warm-up task each) took about {pool_start * 1000:,.0f} ms, not counted above.")
    print(f"Ceiling for processes on CPU-bound work: min(tasks, cores) = {ceiling}x.")
    if "cpu" in kinds:
        print("Cores busy: the CPU time the tasks' threads used, over the time taken. Threads keep")
        print("about one core busy however many there are: only the thread holding the GIL computes.")
        if not quiet(times["cpu"]):
            (seq_wall, seq_cpu), (proc_wall, proc_cpu) = times["cpu"]["sequential"], times["cpu"]["processes"]
            print(f"Other programs were using these cores too: even at best, sequential got {seq_cpu / seq_wall:.2f} of a core")
            print(f"and the processes {proc_cpu / proc_wall:.2f} of {ceiling}. The CPU-bound speedups above compare runs that got")
            print("different shares of the machine, not what it can do: run it again when it is quieter.")


if __name__ == "__main__":
    main()
