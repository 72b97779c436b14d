#!/usr/bin/env python3
"""Semaphore: a pool of N connections shared by M client threads.

Part 1 runs the pool. A BoundedSemaphore with one permit per connection
decides who may take a connection; `with pool.permits:` takes a permit and
gives it back however the block ends, failed queries included. The program
prints the most connections ever in use (never above the pool size) and how
long each client waited for one.

Part 2 releases a semaphore once too often. A plain Semaphore silently gains
a permit; a BoundedSemaphore raises ValueError.

    python3 reference.py
    python3 reference.py --pool 2 --clients 10 --hold-ms 10
    python3 reference.py --fail-every 2

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import threading
import time


class QueryFailed(Exception):
    pass


class ConnectionPool:
    """`size` connections, handed out one per permit."""

    def __init__(self, size: int) -> None:
        self.permits = threading.BoundedSemaphore(size)
        self._free = [f"conn-{i}" for i in range(size)]
        self._books = threading.Lock()  # guards _free and the in-use counts
        self.in_use = 0
        self.most_in_use = 0

    def take(self) -> str:
        # The caller holds a permit, so a free connection is certain to exist.
        with self._books:
            self.in_use += 1
            self.most_in_use = max(self.most_in_use, self.in_use)
            return self._free.pop()

    def give_back(self, connection: str) -> None:
        with self._books:
            self.in_use -= 1
            self._free.append(connection)


def client(pool: ConnectionPool, queries: int, hold: float, fail_every: int, waits: list[float], me: int) -> None:
    for number in range(1, queries + 1):
        asked = time.perf_counter()
        try:
            with pool.permits:  # blocks while every connection is out
                waits[me] += time.perf_counter() - asked
                connection = pool.take()
                try:
                    time.sleep(hold)  # the query; sleeping releases the GIL
                    if fail_every and number % fail_every == 0:
                        raise QueryFailed(f"{connection} reset")
                finally:
                    pool.give_back(connection)
        except QueryFailed:
            pass  # the `with` block has already returned the permit, exactly once


def run_pool(size: int, clients: int, queries: int, hold_ms: int, fail_every: int) -> None:
    pool = ConnectionPool(size)
    waits = [0.0] * clients
    threads = [
        threading.Thread(target=client, args=(pool, queries, hold_ms / 1000, fail_every, waits, i), name=f"client-{i}")
        for i in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    print(f"1. {clients} clients x {queries} queries of {hold_ms} ms on a pool of {size}: {elapsed * 1000:.0f} ms")
    print(f"   most connections in use at once: {pool.most_in_use} (pool size {size})")
    for i, waited in enumerate(waits):
        print(f"   client {i:>2} waited {waited * 1000:6.1f} ms for a connection")


def permits_left(semaphore: threading.Semaphore) -> int:
    """Counts the permits by taking them all without blocking (the semaphore is left empty)."""
    taken = 0
    while semaphore.acquire(blocking=False):
        taken += 1
    return taken


def over_release(size: int) -> None:
    plain = threading.Semaphore(size)
    with plain:
        pass
    plain.release()  # one release too many: nobody notices
    print(f"2. Semaphore({size}) after one extra release: {permits_left(plain)} permits")

    bounded = threading.BoundedSemaphore(size)
    with bounded:
        pass
    try:
        bounded.release()
    except ValueError as error:
        print(f"   BoundedSemaphore({size}) after one extra release: ValueError: {error}")


def positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="A connection pool guarded by a semaphore.")
    parser.add_argument("--pool", type=positive, default=3, help="connections (default 3)")
    parser.add_argument("--clients", type=positive, default=8, help="client threads (default 8)")
    parser.add_argument("--queries", type=positive, default=5, help="queries per client (default 5)")
    parser.add_argument("--hold-ms", type=positive, default=20, help="ms each query holds its connection (default 20)")
    parser.add_argument("--fail-every", type=int, default=0, help="every n-th query of a client fails (default 0: none)")
    args = parser.parse_args()

    run_pool(args.pool, args.clients, args.queries, args.hold_ms, max(0, args.fail_every))
    over_release(args.pool)


if __name__ == "__main__":
    main()
