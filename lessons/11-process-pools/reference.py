#!/usr/bin/env python3
"""Process pools: counting primes on ProcessPoolExecutor.

Every number below `--range` is tested by trial division, using a table of
the primes below 65,536. Four experiments:

  1. sequential   the whole range in this process: the baseline
  2. pool size    the range split into tasks of `--chunk` numbers, on pools of
                  1, 2, 4 ... processes, up to twice the core count: speedup
                  grows until the pool has as many processes as cores
  3. chunksize    map(is_prime, numbers, chunksize=c) for a few values of c:
                  one message per chunk, so tiny chunks are mostly overhead
  4. initializer  the prime table built by every task, or once per process
                  by the pool's initializer

    python3 reference.py
    python3 reference.py --range 1000000 --chunk 20000

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor

TABLE_LIMIT = 1 << 16  # every prime below 65,536: enough to test any 32-bit number


def prime_table(limit: int = TABLE_LIMIT) -> list[int]:
    """The primes below `limit`, by the sieve of Eratosthenes."""
    sieve = bytearray([1]) * limit
    sieve[:2] = b"\x00\x00"
    for i in range(2, int(limit**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytes(len(range(i * i, limit, i)))
    return [i for i, flag in enumerate(sieve) if flag]


def is_prime_with(n: int, table: list[int]) -> bool:
    if n < 2:
        return False
    for p in table:
        if p * p > n:
            return True
        if n % p == 0:
            return False
    return True


def count_with(bounds: tuple[int, int], table: list[int]) -> int:
    lo, hi = bounds
    return sum(1 for n in range(lo, hi) if is_prime_with(n, table))


# What the pool's processes run. They live at module level: a task reaches a
# process as the pickled name of its function, plus its pickled arguments.

_table: list[int] = []  # filled in each pool process by its initializer


def load_table() -> None:
    """The initializer: runs once in every pool process, before its first task."""
    global _table
    _table = prime_table()


def count_range(bounds: tuple[int, int]) -> int:
    """A task that uses the table its process loaded once."""
    return count_with(bounds, _table)


def count_range_rebuilding(bounds: tuple[int, int]) -> int:
    """A task that builds the table again, every time."""
    return count_with(bounds, prime_table())


def is_prime(n: int) -> bool:
    return is_prime_with(n, _table)


def ready(_: int) -> int:
    time.sleep(0.05)  # long enough that every process gets one
    return os.getpid()


def chunks(stop: int, size: int) -> list[tuple[int, int]]:
    return [(lo, min(stop, lo + size)) for lo in range(0, stop, size)]


def on_pool(
    workers: int, task: Callable, jobs: Iterable, chunksize: int = 1, initializer: Callable | None = load_table
) -> tuple[int, float]:
    """Sum of task over jobs on a fresh pool, and the seconds it took, start-up excluded."""
    with ProcessPoolExecutor(max_workers=workers, initializer=initializer) as pool:
        list(pool.map(ready, range(workers)))  # start every process (and run its initializer) first
        start = time.perf_counter()
        total = sum(pool.map(task, jobs, chunksize=chunksize))
        return total, time.perf_counter() - start


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="Count primes on a process pool: pool size, chunk size, initializer.")
    parser.add_argument("--range", type=positive_int, default=300_000, help="count the primes below this (default 300,000)")
    parser.add_argument("--chunk", type=positive_int, default=10_000, help="numbers per task in experiment 2 (default 10,000)")
    args = parser.parse_args()

    # os.process_cpu_count() (3.13+) counts only the cores this process may use.
    cores = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    print(f"{cores} cores; counting the primes below {args.range:,}")

    start = time.perf_counter()
    expected = count_with((0, args.range), prime_table())
    sequential = time.perf_counter() - start
    print(f"\n1. Sequential: {expected:,} primes in {sequential * 1000:,.0f} ms")

    print(f"\n2. Pool size, tasks of {args.chunk:,} numbers (initializer on)")
    sizes = sorted({1, 2, 4, cores, 2 * cores})
    for size in sizes:
        found, seconds = on_pool(size, count_range, chunks(args.range, args.chunk))
        assert found == expected, (found, expected)
        print(f"   {size:>2} processes  {seconds * 1000:7,.0f} ms   speedup {sequential / seconds:5.2f}x   ideal {min(size, cores)}x")

    numbers = 2_000
    workers = min(cores, 4)
    print(f"\n3. map(is_prime, range({numbers:,}), chunksize=c) on {workers} processes")
    for chunksize in (1, 20, numbers // (4 * workers)):
        found, seconds = on_pool(workers, is_prime, range(numbers), chunksize)
        messages = -(-numbers // chunksize)
        print(f"   chunksize {chunksize:>5,}: {messages:>6,} tasks  {seconds * 1000:7,.0f} ms   {seconds * 1e6 / numbers:6.1f} us per number")

    small = 3_000
    tasks = chunks(args.range, small)
    print(f"\n4. The prime table, {len(tasks)} tasks of {small:,} numbers on {workers} processes")
    for label, task, initializer in (
        ("built by every task", count_range_rebuilding, None),
        ("loaded by initializer", count_range, load_table),
    ):
        found, seconds = on_pool(workers, task, tasks, initializer=initializer)
        assert found == expected, (found, expected)
        print(f"   {label:<22} {seconds * 1000:7,.0f} ms   speedup {sequential / seconds:5.2f}x")


if __name__ == "__main__":
    main()
