#!/usr/bin/env python3
"""Measuring concurrency: benchmark statistics, a profiler, and pool sizing.

A batch of `jobs` jobs runs on a pool of p workers (an asyncio.Semaphore of
p in front of the executor: at most p jobs at once, the rest wait their
turn), for every p from 1 to `max_pool`, `repeats` times each. Each batch's
time is one sample. The samples of a pool size are summarized with the
statistics module (mean, median, stdev, and the p95 from
statistics.quantiles), and its throughput is jobs per second at the median.
A profiling decorator times each job from inside it.

A job computes for `cpu_ms` (pure Python, so it holds a core), after waiting
`wait_ms` for I/O when the workload is io (time.sleep, which holds none).

With no options it runs the lesson's two experiments on a simulated machine
of 2 cores, on an event loop with a virtual clock (VirtualClockLoop below):
a job holds one of the cores while it computes and none while it waits, and
every figure is exact, the same as the page's on its virtual clock. Then it
runs the CPU-bound batch for real, on a ProcessPoolExecutor, timed with
time.perf_counter, briefly (pool sizes 1 to 4, 3 batches each; --real runs
the whole sweep): those figures move with the machine's load.

    python3 reference.py
    python3 reference.py --real --workload io --max-pool 6 --repeats 3
    python3 reference.py --virtual --workload io --cores 4 --max-pool 16
    python3 reference.py --virtual --await-profiler   # the starter's profiler

Standard library only; CPython 3.11 or later.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import heapq
import os
import selectors
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field


# ---- A virtual clock for asyncio ---------------------------------------------


class _InstantSelector(selectors.DefaultSelector):
    """Never sleeps: with no I/O ready, it moves the loop's clock to the next timer instead."""

    def __init__(self, loop: VirtualClockLoop) -> None:
        super().__init__()
        self._loop = loop

    def select(self, timeout: float | None = None):
        events = super().select(0)
        if not events and timeout is None:
            raise RuntimeError("deadlock: no task is ready and no timer is pending")
        if not events and timeout > 0:
            self._loop.jump()
        return events


class VirtualClockLoop(asyncio.SelectorEventLoop):
    """An event loop whose time() is virtual, as Trio's MockClock(autojump_threshold=0)."""

    def __init__(self) -> None:
        self.now = 0.0
        self._deadlines: list[float] = []
        super().__init__(_InstantSelector(self))

    def time(self) -> float:
        return self.now

    def call_at(self, when, callback, *args, context=None):
        heapq.heappush(self._deadlines, when)
        return super().call_at(when, callback, *args, context=context)

    def jump(self) -> None:
        """Moves time to the next deadline still ahead."""
        while self._deadlines and self._deadlines[0] <= self.now:
            heapq.heappop(self._deadlines)
        if self._deadlines:
            self.now = heapq.heappop(self._deadlines)


# ---- The jobs --------------------------------------------------------------


def spin(iterations: int) -> int:
    """Pure-Python computing: it holds a core (and the GIL) for as long as it runs."""
    total = 0
    for i in range(iterations):
        total ^= i
    return total


def calibrate() -> int:
    """How many iterations of `spin` this core runs in a millisecond (the best of several tries)."""
    best = 0.0
    for _ in range(5):
        started = time.perf_counter()
        spin(100_000)
        best = max(best, 100_000 / ((time.perf_counter() - started) * 1000))
    return int(best)


def work(cpu_ms: int, wait_ms: int, per_ms: int) -> int:
    """One job on a pool process: wait for the I/O (no core held), then compute."""
    if wait_ms:
        time.sleep(wait_ms / 1000)
    return spin(cpu_ms * per_ms)


@dataclass
class Machine:
    workload: str
    cores: int
    cpu_ms: int
    wait_ms: int
    real: bool
    per_ms: int = 0
    pool: ProcessPoolExecutor | None = None
    simulated_cores: asyncio.Semaphore | None = None

    async def run_job(self) -> None:
        wait_ms = self.wait_ms if self.workload == "io" else 0
        if self.real:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(self.pool, work, self.cpu_ms, wait_ms, self.per_ms)
            return
        if wait_ms:
            await asyncio.sleep(wait_ms / 1000)
        async with self.simulated_cores:  # the run queue: wait for a free core
            await asyncio.sleep(self.cpu_ms / 1000)


# ---- The profiler ----------------------------------------------------------


@dataclass
class Profile:
    now: Callable[[], float]
    times: dict[str, float] = field(default_factory=dict)
    records: int = 0

    def record(self, name: str, seconds: float) -> None:
        self.records += 1
        self.times[name] = seconds * 1000

    def profiled(self, name: str):
        """A decorator: the job times itself, from the moment it starts working to the moment it ends."""

        def wrap(job):
            @functools.wraps(job)
            async def timed(*args):
                started = self.now()
                try:
                    return await job(*args)
                finally:
                    self.record(name, self.now() - started)

            return timed

        return wrap


# ---- One sweep over the pool sizes -----------------------------------------


@dataclass
class Sweep:
    batch_ms: list[list[float]] = field(default_factory=list)
    queued_ms: list[list[float]] = field(default_factory=list)
    job_ms: list[list[float]] = field(default_factory=list)
    profiled_once: bool = True
    timed_at_zero: int = 0


async def sweep(machine: Machine, jobs: int, max_pool: int, repeats: int, await_profiler: bool) -> Sweep:
    loop = asyncio.get_running_loop()
    now = time.perf_counter if machine.real else loop.time
    if not machine.real:
        machine.simulated_cores = asyncio.Semaphore(machine.cores)
    result = Sweep()

    async def batch(size: int, repeat: int, queued: list[float], profile: Profile) -> float:
        pool = asyncio.Semaphore(size)

        async def in_pool(job) -> None:
            submitted = now()
            async with pool:
                queued.append((now() - submitted) * 1000)
                await job()

        names = [f"p{size} r{repeat} job {i + 1}" for i in range(jobs)]
        started = now()
        if await_profiler:
            # The starter's profiler: it times main's await of a task created earlier.
            tasks = [asyncio.create_task(in_pool(machine.run_job)) for _ in names]
            for name, task in zip(names, tasks):
                since = now()
                await task
                profile.record(name, now() - since)
        else:
            await asyncio.gather(*(in_pool(profile.profiled(name)(machine.run_job)) for name in names))
        return (now() - started) * 1000

    for size in range(1, max_pool + 1):
        samples: list[float] = []
        queued: list[float] = []
        profile = Profile(now)
        for repeat in range(1, repeats + 1):
            samples.append(await batch(size, repeat, queued, profile))
        result.batch_ms.append(samples)
        result.queued_ms.append(queued)
        result.job_ms.append(list(profile.times.values()))
        result.profiled_once &= profile.records == len(profile.times) == jobs * repeats
        result.timed_at_zero += sum(1 for ms in profile.times.values() if ms <= 0)
    return result


# ---- Statistics and the rules of thumb -------------------------------------


def summarize(samples: list[float]) -> dict[str, float]:
    return {
        "mean": statistics.mean(samples),
        "median": statistics.median(samples),
        "stdev": statistics.stdev(samples) if len(samples) > 1 else 0.0,
        # inclusive: between the samples around 95%, never beyond the slowest (exclusive extrapolates from few samples)
        "p95": statistics.quantiles(samples, n=20, method="inclusive")[-1] if len(samples) > 1 else samples[0],
        "min": min(samples),
        "max": max(samples),
    }


def predict_optimum(workload: str, cores: int, cpu_ms: int, wait_ms: int, cores_only: bool) -> int:
    """One worker per core for computing; for jobs that wait, cores * (1 + wait/compute)."""
    if workload == "cpu" or cores_only:
        return cores
    return round(cores * (1 + wait_ms / cpu_ms))


def ideal(workload: str, cores: int, cpu_ms: int, wait_ms: int, p: int) -> float:
    """Jobs per second the machine could do at best with p workers: limited by the workers, or by the cores."""
    job_ms = cpu_ms + (wait_ms if workload == "io" else 0)
    return min(p * 1000 / job_ms, cores * 1000 / cpu_ms)


def measured_optimum(throughput: list[float]) -> int:
    """The smallest pool within 5% of the best throughput measured."""
    best = max(throughput)
    return next(i + 1 for i, t in enumerate(throughput) if t >= 0.95 * best)


def report(title: str, args: argparse.Namespace, machine: Machine, result: Sweep) -> None:
    print(f"\n{title}")
    print(f"{'pool':>4} {'mean':>7} {'median':>7} {'stdev':>6} {'p95':>7} {'min':>7} {'max':>7} {'jobs/s':>7} {'ideal':>7} {'jobMs':>6} {'queuedMs':>8}")
    throughput = []
    for i, samples in enumerate(result.batch_ms):
        s = summarize(samples)
        throughput.append(args.jobs * 1000 / s["median"])
        print(
            f"{i + 1:>4} {s['mean']:>7.2f} {s['median']:>7.2f} {s['stdev']:>6.2f} {s['p95']:>7.2f} {s['min']:>7.2f} {s['max']:>7.2f}"
            f" {throughput[-1]:>7.1f} {ideal(machine.workload, machine.cores, machine.cpu_ms, machine.wait_ms, i + 1):>7.1f}"
            f" {statistics.mean(result.job_ms[i]):>6.2f} {statistics.mean(result.queued_ms[i]):>8.2f}"
        )
    predicted = predict_optimum(machine.workload, machine.cores, machine.cpu_ms, machine.wait_ms, args.cores_only)
    print(f"measured optimum {measured_optimum(throughput)}, predicted {predicted} ({machine.cores} cores)")
    print(f"every job profiled exactly once: {result.profiled_once}; jobs timed at 0 ms: {result.timed_at_zero}")


def run_virtual(args: argparse.Namespace, workload: str) -> None:
    machine = Machine(workload, args.cores or 2, args.cpu_ms, args.wait_ms, real=False)
    loop = VirtualClockLoop()
    try:
        result = loop.run_until_complete(sweep(machine, args.jobs, args.max_pool, args.repeats, args.await_profiler))
    finally:
        loop.close()
    report(f"{workload} workload, simulated machine of {machine.cores} cores, virtual clock (ms):", args, machine, result)


def run_real(args: argparse.Namespace, workload: str) -> None:
    cores = args.cores or os.cpu_count() or 1  # os.process_cpu_count() from 3.13: the cores this process may use
    machine = Machine(workload, cores, args.cpu_ms, args.wait_ms, real=True, per_ms=calibrate())
    with ProcessPoolExecutor(max_workers=args.max_pool) as pool:
        # Start every process before timing anything: a benchmark should not time the pool's start-up.
        list(pool.map(time.sleep, [0.05] * args.max_pool))
        machine.pool = pool
        result = asyncio.run(sweep(machine, args.jobs, args.max_pool, args.repeats, args.await_profiler))
    report(f"{workload} workload, a ProcessPoolExecutor on this machine's {cores} cores, time.perf_counter (ms):", args, machine, result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workload", choices=["cpu", "io"])
    parser.add_argument("--real", action="store_true", help="only the real run")
    parser.add_argument("--virtual", action="store_true", help="only the simulated machine")
    parser.add_argument("--cores", type=int, default=0, help="0: 2 simulated; os.cpu_count() for real")
    parser.add_argument("--max-pool", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=12)
    parser.add_argument("--cpu-ms", type=int, default=5)
    parser.add_argument("--wait-ms", type=int, default=15)
    parser.add_argument("--await-profiler", action="store_true", help="the starter's profiler: time main's await of each task")
    parser.add_argument("--cores-only", action="store_true", help="the starter's prediction: one worker per core, whatever the workload")
    args = parser.parse_args()

    print(f"{args.jobs} jobs a batch, {args.cpu_ms} ms of computing each, after {args.wait_ms} ms of I/O in the io workload;")
    print(f"pool sizes 1 to {args.max_pool}, {args.repeats} batches each. Per pool size: the batch times, throughput at the median,")
    print("the machine's best (ideal), and per job the profiler's time and the wait for a worker.")
    if not args.real:
        for workload in [args.workload] if args.workload else ["cpu", "io"]:
            run_virtual(args, workload)
    if not args.virtual:
        if not args.real:
            # A short real run by default, to stay quick on a busy machine: --real runs the whole sweep.
            args.max_pool, args.repeats = min(args.max_pool, 4), min(args.repeats, 3)
        run_real(args, args.workload or "cpu")


if __name__ == "__main__":
    main()
