#!/usr/bin/env python3
"""Thread-local state and thread pools, on concurrent.futures.ThreadPoolExecutor.

Requests are submitted to a pool. Each fetch remembers which request it is
serving, waits for a (pretend) server, then tags its response with the id it
remembers. The script runs the pool twice:

1. the id kept in a module-level variable: one for all threads, so a thread
   waiting on its server can find another thread's id there afterwards;
2. the id kept in threading.local(): one per thread, never mixed up. This run
   also chains each request fetch -> parse -> store with add_done_callback.

Both runs read the fetches with as_completed: fastest first, not in the order
they were submitted. executor.map, for contrast, keeps the input order.

    python3 reference.py                     # 3 threads, 8 requests, mixed durations
    python3 reference.py --pool 1            # one thread: submission order, no mixups
    python3 reference.py --durations equal   # ties: the order changes from run to run

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, as_completed

# How long request n's fetch takes, as a share of the longest.
MIXED = [1, 0.25, 0.6, 0.1, 0.85, 0.4, 0.7, 0.2, 0.95, 0.3, 0.55, 0.15]
STORE_SECONDS = 0.005

current_request: int | None = None  # module level: every thread sees the same one
context = threading.local()  # attributes set here are seen only by the thread that set them


def fetch_shared(n: int, seconds: float) -> tuple[int, int | None]:
    global current_request
    current_request = n
    time.sleep(seconds)  # waiting for the server; other threads run meanwhile
    return n, current_request  # the id this handler believes it is serving


def fetch_local(n: int, seconds: float) -> tuple[int, int | None, bool]:
    # A pool thread outlives its tasks, and so do its locals: whatever the
    # previous task left here is still here. Set them at the start of a task.
    stale = getattr(context, "request_id", None) is not None
    context.request_id = n
    time.sleep(seconds)
    return n, context.request_id, stale


def parse(n: int) -> int:
    sum(i * i for i in range(30_000))  # a couple of ms of computing, holding the GIL
    return n


def store(n: int) -> int:
    time.sleep(STORE_SECONDS)  # a database write
    return n


def serve(pool: int, durations: list[float], keep_id: str) -> None:
    start = time.perf_counter()
    stored: queue.SimpleQueue = queue.SimpleQueue()  # where the last link of each chain reports
    stage_ends: dict[str, dict[int, float]] = {"fetch": {}, "parse": {}, "store": {}}

    with ThreadPoolExecutor(max_workers=pool, thread_name_prefix="pool") as executor:

        def on_stored(future: Future) -> None:
            try:
                n = future.result()
                stage_ends["store"][n] = time.perf_counter() - start
                stored.put(n)
            except Exception as error:  # an exception escaping a callback is only logged
                stored.put(error)

        def on_parsed(future: Future) -> None:
            try:
                n = future.result()
                stage_ends["parse"][n] = time.perf_counter() - start
                executor.submit(store, n).add_done_callback(on_stored)
            except Exception as error:
                stored.put(error)

        def on_fetched(future: Future) -> None:
            # Runs in the pool thread that finished the fetch (or right away in
            # the main thread, if the fetch was already done when it was added).
            try:
                n = future.result()[0]
                stage_ends["fetch"][n] = time.perf_counter() - start
                executor.submit(parse, n).add_done_callback(on_parsed)
            except Exception as error:
                stored.put(error)

        fetch = fetch_shared if keep_id == "shared" else fetch_local
        futures = [executor.submit(fetch, n, seconds) for n, seconds in enumerate(durations)]
        chain = keep_id == "local"
        if chain:
            for future in futures:
                future.add_done_callback(on_fetched)

        order, mixups, stale = [], 0, 0
        for future in as_completed(futures):
            n, tag, *rest = future.result()
            order.append(n)
            mixups += tag != n
            stale += bool(rest and rest[0])

        if chain:
            # Every chain must reach its store before the with block shuts the
            # pool down: a submit after shutdown raises RuntimeError.
            results = [stored.get(timeout=10) for _ in durations]
            errors = [r for r in results if isinstance(r, Exception)]
            if errors:
                raise errors[0]
        map_order = [n for n, *_ in executor.map(fetch, range(len(durations)), [0.001] * len(durations))]
    elapsed = time.perf_counter() - start

    where = "a module-level variable" if keep_id == "shared" else "threading.local()"
    print(f"\nRequest id kept in {where}:")
    print(f"  submitted:          {' '.join(str(n) for n in range(len(durations)))}")
    print(f"  as_completed order: {' '.join(str(n) for n in order)}")
    print(f"  executor.map order: {' '.join(str(n) for n in map_order)}")
    print(f"  responses tagged with another request's id: {mixups} of {len(durations)}")
    if keep_id == "local":
        print(f"  tasks that found a previous task's id in threading.local: {stale}")
        print("  when each stage finished (ms):")
        for n in range(len(durations)):
            ends = "  ".join(f"{stage} {stage_ends[stage][n] * 1000:6.1f}" for stage in ("fetch", "parse", "store"))
            print(f"    request {n:2}: {ends}")
    print(f"  total: {elapsed * 1000:.0f} ms")


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="Thread-local state, as_completed and a callback chain.")
    parser.add_argument("--pool", type=positive_int, default=3, help="max_workers (default 3)")
    parser.add_argument("--requests", type=positive_int, default=8, help="requests to submit (default 8)")
    parser.add_argument("--fetch-ms", type=positive_int, default=80, help="the longest fetch, in ms (default 80)")
    parser.add_argument("--durations", choices=["mixed", "equal"], default="mixed", help="fetch durations (default mixed)")
    args = parser.parse_args()

    longest = args.fetch_ms / 1000
    durations = [
        longest if args.durations == "equal" else longest * MIXED[n % len(MIXED)] for n in range(args.requests)
    ]
    version = ".".join(str(part) for part in sys.version_info[:3])
    print(f"Python {version}: a pool of {args.pool}, {args.requests} requests, {args.durations} fetch durations")
    serve(args.pool, durations, "shared")
    serve(args.pool, durations, "local")


if __name__ == "__main__":
    main()
