#!/usr/bin/env python3
"""The GIL: what it does to CPU-bound threads, I/O-bound threads, and a mix.

Four experiments, each timed with time.perf_counter():

  1. CPU-bound: a fixed amount of computation, done by one thread, then split
     between `--threads` threads. With the GIL, only one of them runs Python
     code at a time, so splitting the work does not make it finish sooner.
  2. I/O-bound: each thread makes `--waits` calls to time.sleep. Sleeping
     releases the GIL, so the threads' waits overlap.
  3. The switch interval: sys.getswitchinterval(), and how often the GIL
     really changes hands between busy threads.
  4. The convoy effect: one thread alternates short sleeps with a little work,
     first alone, then beside busy CPU-bound threads, at CPython's default
     switch interval and at a shorter one.

    python3 reference.py
    python3 reference.py --threads 4 --cpu-ms 400
    python3 reference.py --busy 2 --short-interval 0.0005
    python3 reference.py --json     # the figures as one JSON object, for scripts

Standard library only; runs on CPython 3.11 and 3.12, and also on a
free-threaded 3.13t build, where experiment 1 finally speeds up.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import sysconfig
import threading
import time
from collections.abc import Callable


def spin(iterations: int) -> int:
    """CPU-bound work: pure Python arithmetic. The thread holds the GIL throughout."""
    total = 0
    for i in range(iterations):
        total = (total + i * i) % 1_000_003
    return total


def loops_per_ms() -> float:
    """How many `spin` iterations this machine does in a millisecond (best of three)."""
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


def run_threads(targets: list[Callable[[], object]]) -> float:
    """Start one thread per target, wait for all of them; return the seconds taken."""
    threads = [threading.Thread(target=target) for target in targets]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_times(repeat: int, experiment: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    """Runs a two-timing experiment `repeat` times; the median of each timing.

    One timing is not enough: other programs come and go, and the first
    second of computing in a fresh interpreter runs several percent slower
    than the rest, which would make the one-thread baseline look slow.
    """
    runs = [experiment() for _ in range(repeat)]
    return statistics.median(run[0] for run in runs), statistics.median(run[1] for run in runs)


def cpu_bound(threads: int, total_iterations: int) -> tuple[float, float]:
    """Seconds for the whole computation in one thread, then split across `threads`."""
    alone = timed(lambda: spin(total_iterations))
    share = total_iterations // threads
    together = run_threads([lambda: spin(share)] * threads)
    return alone, together


def io_bound(threads: int, waits: int, wait_s: float) -> tuple[float, float]:
    """Seconds for every thread's sleeps made one after another, then in parallel threads."""

    def sleeper() -> None:
        for _ in range(waits):
            time.sleep(wait_s)  # blocks without holding the GIL

    alone = timed(lambda: [sleeper() for _ in range(threads)])
    together = run_threads([sleeper] * threads)
    return alone, together


# How long experiment 3 counts hand-overs.
HANDOVER_SECONDS = 1.0


def handovers_per_second(threads: int, seconds: float) -> float:
    """How many times a second the GIL changes hands between `threads` busy threads.

    Only one thread runs Python code at a time, so when a thread finds that
    the last one to run was another, the GIL has changed hands. (Without a
    GIL, as on python3.13t, the threads run side by side and the count means
    nothing.)
    """
    last = [-1]
    count = [0]
    stop = time.perf_counter() + seconds

    def busy(me: int) -> None:
        while time.perf_counter() < stop:
            if last[0] != me:
                count[0] += 1
                last[0] = me

    run_threads([lambda me=me: busy(me) for me in range(threads)])
    return count[0] / seconds


def convoy(rounds: int, wait_s: float, work_iterations: int, busy: int) -> float:
    """Seconds the I/O thread needs for its rounds, with `busy` CPU-bound threads beside it.

    Every time its sleep ends, the I/O thread must get the GIL back before it
    can run its next line. A busy thread does not let go by itself: the I/O
    thread waits one switch interval, then asks, and the holder drops the GIL
    at its next check. So each round can cost up to one interval extra.
    """
    stop = threading.Event()
    result: list[float] = []

    def hog() -> None:
        while not stop.is_set():
            spin(2_000)

    def io_worker() -> None:
        start = time.perf_counter()
        for _ in range(rounds):
            time.sleep(wait_s)  # the "request": the GIL is released meanwhile
            spin(work_iterations)  # handle the "reply": needs the GIL back first
        result.append(time.perf_counter() - start)

    hogs = [threading.Thread(target=hog) for _ in range(busy)]
    for thread in hogs:
        thread.start()
    if hogs:
        time.sleep(0.01)  # let the busy threads get going
    worker = threading.Thread(target=io_worker)
    worker.start()
    worker.join()
    stop.set()
    for thread in hogs:
        thread.join()
    return result[0]


def describe_build() -> str:
    """Is this a free-threaded build (PEP 703), and is the GIL on right now?"""
    # Py_GIL_DISABLED is 1 in a free-threaded build (python3.13t and later).
    free_threaded_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    # sys._is_gil_enabled() exists from 3.13 on. A free-threaded build can still
    # turn the GIL on: PYTHON_GIL=1, -X gil=1, or importing a C extension that
    # does not declare itself safe without it.
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    if is_gil_enabled is None:
        return "regular build; the GIL is always on (sys._is_gil_enabled needs 3.13+)"
    build = "free-threaded build" if free_threaded_build else "regular build"
    return f"{build}; sys._is_gil_enabled() = {is_gil_enabled()}"


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="The GIL and threads: CPU-bound, I/O-bound, and the convoy effect.")
    parser.add_argument("--threads", type=positive_int, default=4, help="threads for experiments 1 to 3 (default 4)")
    parser.add_argument("--cpu-ms", type=positive_int, default=300, help="total CPU work in experiment 1, in ms (default 300)")
    parser.add_argument("--waits", type=positive_int, default=8, help="sleeps per thread in experiment 2 (default 8)")
    parser.add_argument("--wait-ms", type=positive_int, default=10, help="length of each of those sleeps (default 10)")
    parser.add_argument("--rounds", type=positive_int, default=30, help="sleep-then-work rounds in the convoy (default 30)")
    parser.add_argument("--busy", type=positive_int, default=1, help="CPU-bound threads beside the convoy's I/O thread (default 1)")
    parser.add_argument(
        "--short-interval",
        type=float,
        default=0.001,
        help="the shorter switch interval to try, in seconds (default 0.001)",
    )
    parser.add_argument("--repeat", type=positive_int, default=3, help="run experiments 1 and 2 this many times and report the medians (default 3)")
    parser.add_argument("--json", action="store_true", help="print the figures (times in seconds) as one JSON object instead")
    args = parser.parse_args()
    figures = experiments(args)
    if args.json:
        print(json.dumps(figures))
    else:
        report(figures, args)


def experiments(args: argparse.Namespace) -> dict:
    """Runs the four experiments; times in seconds."""
    rate = loops_per_ms()
    cpu = median_times(args.repeat, lambda: cpu_bound(args.threads, round(rate * args.cpu_ms)))
    io = median_times(args.repeat, lambda: io_bound(args.threads, args.waits, args.wait_ms / 1000))
    default_interval = sys.getswitchinterval()  # 0.005 unless something changed it
    handovers = handovers_per_second(args.threads, HANDOVER_SECONDS)

    wait_s, work_ms = 0.002, 0.2
    ideal = args.rounds * (wait_s + work_ms / 1000)
    beside = f"beside {args.busy} CPU-bound"
    convoys = []
    try:
        for label, interval, busy in [("alone", default_interval, 0), (beside, default_interval, args.busy), (beside, args.short_interval, args.busy)]:
            sys.setswitchinterval(interval)
            took = convoy(args.rounds, wait_s, round(rate * work_ms), busy)
            convoys.append({"label": label, "interval": interval, "seconds": took, "slowdown": took / ideal})
    finally:
        sys.setswitchinterval(default_interval)  # put it back as we found it

    return {
        "python": ".".join(str(part) for part in sys.version_info[:3]),
        "build": describe_build(),
        "threads": args.threads,
        "cpu": {"alone": cpu[0], "together": cpu[1]},
        "io": {"alone": io[0], "together": io[1]},
        "switch_interval": default_interval,
        "handovers_per_second": handovers,
        "convoy_ideal": ideal,
        "convoy": convoys,
    }


def report(figures: dict, args: argparse.Namespace) -> None:
    threads = args.threads
    print(f"Python {figures['python']}: {figures['build']}")

    cpu = figures["cpu"]
    print(f"\n1. CPU-bound: {args.cpu_ms} ms of computation (medians of {args.repeat} timings)")
    print(f"   1 thread            {cpu['alone'] * 1000:7,.0f} ms")
    print(f"   split in {threads} threads  {cpu['together'] * 1000:7,.0f} ms   speedup {cpu['alone'] / cpu['together']:.2f}x")

    io = figures["io"]
    print(f"\n2. I/O-bound: {threads} x {args.waits} sleeps of {args.wait_ms} ms (medians of {args.repeat} timings)")
    print(f"   one after another   {io['alone'] * 1000:7,.0f} ms")
    print(f"   {threads} threads           {io['together'] * 1000:7,.0f} ms   speedup {io['alone'] / io['together']:.2f}x")

    interval = figures["switch_interval"]
    print(f"\n3. Switch interval: sys.getswitchinterval() = {interval} s")
    print("   A thread that wants the GIL waits this long, then asks the holder to drop it:")
    print(f"   {threads} busy threads hand it over {figures['handovers_per_second']:,.0f} times a second (at most about 1 / {interval:g} = {1 / interval:,.0f}).")
    print("   sys.setswitchinterval(seconds) changes it; experiment 4 tries two values.")

    print(f"\n4. Convoy: {args.rounds} rounds of a 2 ms sleep + 0.2 ms of work (ideal {figures['convoy_ideal'] * 1000:.0f} ms)")
    for row in figures["convoy"]:
        print(f"   {row['label']:<19} interval {row['interval'] * 1000:g} ms  {row['seconds'] * 1000:6,.0f} ms   slowdown {row['slowdown']:.2f}x")

if __name__ == "__main__":
    main()
