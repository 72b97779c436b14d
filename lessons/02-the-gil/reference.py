#!/usr/bin/env python3
"""The GIL: what it does to CPU-bound threads, I/O-bound threads, and a mix.

Four experiments, each timed with time.perf_counter():

  1. CPU-bound: a fixed amount of computation in `--threads` equal pieces,
     done one after another by one thread, then by a thread each. With the
     GIL, only one of them runs Python code at a time, so splitting the work
     does not make it finish sooner.
  2. I/O-bound: each thread makes `--waits` calls to time.sleep. Sleeping
     releases the GIL, so the threads' waits overlap.
  1 and 2 take turns with their one-thread version, at least `--repeat`
  times, and keep the best timing of each.
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


def timed_spin(iterations: int) -> float:
    """Computes, and returns the CPU seconds its own thread spent doing it."""
    started = time.thread_time()
    spin(iterations)
    return time.thread_time() - started


def one_thread(pieces: list[Callable[[], float]]) -> tuple[float, float]:
    """(wall seconds, CPU seconds the pieces report) for the pieces one after another."""
    start = time.perf_counter()
    cpu = sum(piece() for piece in pieces)
    return time.perf_counter() - start, cpu


def in_threads(pieces: list[Callable[[], float]]) -> tuple[float, float]:
    """The same, one thread per piece, all at once."""
    cpu = [0.0] * len(pieces)

    def run(i: int) -> None:
        cpu[i] = pieces[i]()

    return run_threads([lambda i=i: run(i) for i in range(len(pieces))]), sum(cpu)


Timings = dict[str, tuple[float, float]]

# How long best_of() may go on looking for quiet moments, after its rounds.
EXTRA_SECONDS = 4.0


def best_of(rounds: int, pieces: list[Callable[[], float]], quiet: Callable[[Timings], bool]) -> tuple[Timings, int]:
    """The best (wall, CPU) seconds of the pieces run `alone` (one thread) and `together` (a thread each).

    One timing is not enough: other programs come and go, and the first
    second of computing in a fresh interpreter runs several percent slower
    than the rest. So the two take turns, each round starting with the
    other one, and each keeps its fastest timing: noise only ever adds time,
    and taking turns gives both their share of the quiet moments. While
    `quiet` says the best timings still shared the cores with other
    programs, more rounds follow, for a few seconds. Returns the rounds run.
    """
    ways = {"alone": lambda: one_thread(pieces), "together": lambda: in_threads(pieces)}
    order = list(ways)
    best = {way: (float("inf"), 0.0) for way in ways}
    done = 0
    deadline = time.perf_counter() + EXTRA_SECONDS
    while done < rounds or (not quiet(best) and time.perf_counter() < deadline):
        for way in order[done % 2 :] + order[: done % 2]:
            best[way] = min(best[way], ways[way]())
        done += 1
    return best, done


def alone_kept_a_core(best: Timings) -> bool:
    """Did the best one-thread timing keep a core busy, with no other program taking turns on it?"""
    wall, cpu = best["alone"]
    return cpu >= 0.95 * wall


def cpu_bound(threads: int, total_iterations: int, rounds: int) -> tuple[Timings, int]:
    """The whole computation as `threads` equal pieces: in one thread, then a thread each."""
    share = total_iterations // threads
    return best_of(rounds, [lambda: timed_spin(share)] * threads, alone_kept_a_core)


def io_bound(threads: int, waits: int, wait_s: float, rounds: int) -> tuple[Timings, int]:
    """Every thread's sleeps made one after another, then in parallel threads."""

    def sleeper() -> float:
        for _ in range(waits):
            time.sleep(wait_s)  # blocks without holding the GIL
        return 0.0

    return best_of(rounds, [sleeper] * threads, lambda _: True)


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
    parser.add_argument("--repeat", type=positive_int, default=5, help="run experiments 1 and 2 at least this many times, in turns, and report the best (default 5)")
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
    cpu, cpu_rounds = cpu_bound(args.threads, round(rate * args.cpu_ms), args.repeat)
    io, io_rounds = io_bound(args.threads, args.waits, args.wait_ms / 1000, args.repeat)
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
        "cpu": {way: wall for way, (wall, _) in cpu.items()},
        "cpu_seconds": {way: used for way, (_, used) in cpu.items()},
        "cpu_quiet": alone_kept_a_core(cpu),
        "io": {way: wall for way, (wall, _) in io.items()},
        "rounds": {"cpu": cpu_rounds, "io": io_rounds},
        "switch_interval": default_interval,
        "handovers_per_second": handovers,
        "convoy_ideal": ideal,
        "convoy": convoys,
    }


def report(figures: dict, args: argparse.Namespace) -> None:
    threads = args.threads
    print(f"Python {figures['python']}: {figures['build']}")

    cpu, used, rounds = figures["cpu"], figures["cpu_seconds"], figures["rounds"]
    print(f"\n1. CPU-bound: {args.cpu_ms} ms of computation in {threads} pieces (best of {rounds['cpu']} rounds, taken in turns)")
    print(f"   1 thread            {cpu['alone'] * 1000:7,.0f} ms                  cores busy {used['alone'] / cpu['alone']:.2f}")
    print(f"   a thread per piece  {cpu['together'] * 1000:7,.0f} ms   speedup {cpu['alone'] / cpu['together']:.2f}x   cores busy {used['together'] / cpu['together']:.2f}")
    print("   Cores busy: the threads' CPU time over the time taken. Under the GIL it stays near 1,")
    print("   however many threads compute: only the one holding the GIL runs.")
    if not figures["cpu_quiet"]:
        print(f"   Other programs were using the cores too: even at best, one thread got {used['alone'] / cpu['alone']:.2f} of a core.")
        print("   The speedup compares runs that got different shares of the machine: run it again when")
        print("   it is quieter.")

    io = figures["io"]
    print(f"\n2. I/O-bound: {threads} x {args.waits} sleeps of {args.wait_ms} ms (best of {rounds['io']} rounds, taken in turns)")
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
