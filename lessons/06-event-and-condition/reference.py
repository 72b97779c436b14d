#!/usr/bin/env python3
"""Event and Condition: producers and consumers around a bounded buffer.

The main thread opens the shop with a `ready` Event, lets producers and
consumers work for a while, then sets a `shutdown` Event. The buffer is a
deque guarded by one Lock with two Conditions on it, `not_full` and
`not_empty`, the way queue.Queue is built (queue.Queue has a third,
`all_tasks_done`, for its join()).

Each experiment varies two things:
  style  how a thread waits: `while` re-checks after every wake-up, `if`
         checks once (the bug), `wait_for` lets the Condition loop for you
  wake   how puts and takes wake sleepers: notify() wakes one,
         notify_all() wakes every sleeper on that Condition
and whether the shutdown wakes one sleeper or all of them.

    python3 reference.py                      # four experiments, 0.4 s each
    python3 reference.py --consumers 6 --seconds 1

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import collections
import threading
import time
from dataclasses import dataclass

RUSH_ITEM = 0.001  # seconds to make an item during the first half (a rush)
CALM_ITEM = 0.010  # ...and during the second half
HANDLE = 0.004  # seconds a consumer spends on one item


@dataclass
class Stats:
    made: int = 0
    taken: int = 0
    empty_pops: int = 0  # popleft() on an empty deque: IndexError
    overfills: int = 0  # append() while already at capacity
    waits: int = 0
    futile: int = 0  # woke up to find the condition still false


class BoundedBuffer:
    def __init__(self, capacity: int, style: str, wake: str, shutdown: threading.Event) -> None:
        self.items: collections.deque[int] = collections.deque()
        self.capacity = capacity
        self.style = style
        self.wake = wake
        self.shutdown = shutdown
        self.lock = threading.Lock()
        # Two waiting rooms sharing one lock: producers wait for room,
        # consumers wait for items, and each side wakes only the other.
        self.not_full = threading.Condition(self.lock)
        self.not_empty = threading.Condition(self.lock)
        self.stats = Stats()

    def _wake(self, cond: threading.Condition) -> None:
        if self.wake == "notify":
            cond.notify()
        else:
            cond.notify_all()

    def _wait_until(self, cond: threading.Condition, ok) -> None:
        """Called holding the lock. Returns once ok() holds (or, for `if`, after one wait)."""
        if self.style == "wait_for":
            checks = 0

            def counted() -> bool:
                nonlocal checks
                checks += 1
                result = ok()
                if not result:
                    self.stats.waits += 1  # wait_for will sleep again
                    self.stats.futile += checks > 1
                return result

            cond.wait_for(counted)  # loops internally, re-checking after every wake-up
            return
        if self.style == "while":
            while not ok():
                self.stats.waits += 1
                cond.wait()
                if not ok():
                    self.stats.futile += 1
            return
        if not ok():  # style == "if": checked once, then we go ahead regardless
            self.stats.waits += 1
            cond.wait()
            if not ok():
                self.stats.futile += 1

    def put(self, item: int) -> bool:
        with self.lock:
            self._wait_until(self.not_full, lambda: len(self.items) < self.capacity or self.shutdown.is_set())
            if self.shutdown.is_set():
                return False  # closed: the item is dropped
            if len(self.items) >= self.capacity:
                self.stats.overfills += 1  # a deque grows happily past our limit
            self.items.append(item)
            self.stats.made += 1
            self._wake(self.not_empty)
            return True

    def get(self) -> int | None:
        """An item, or None once the buffer is closed and empty."""
        with self.lock:
            while True:
                self._wait_until(self.not_empty, lambda: bool(self.items) or self.shutdown.is_set())
                if not self.items and self.shutdown.is_set():
                    return None
                try:
                    item = self.items.popleft()
                except IndexError:
                    # Woken, but another consumer got the item first. Left
                    # uncaught, this exception would kill the thread.
                    self.stats.empty_pops += 1
                    continue
                self.stats.taken += 1
                self._wake(self.not_full)
                return item


def experiment(style: str, wake: str, shutdown_wake: str, args: argparse.Namespace) -> tuple[Stats, int]:
    ready = threading.Event()
    shutdown = threading.Event()
    buffer = BoundedBuffer(args.capacity, style, wake, shutdown)

    def producer() -> None:
        ready.wait()  # nothing happens before the main thread says so
        rush_ends = time.monotonic() + args.seconds / 2
        n = 0
        while not shutdown.is_set():
            time.sleep(RUSH_ITEM if time.monotonic() < rush_ends else CALM_ITEM)
            n += 1
            buffer.put(n)

    def consumer() -> None:
        ready.wait()
        while buffer.get() is not None:
            time.sleep(HANDLE)

    # Daemon threads, so a consumer left asleep forever cannot keep the program alive.
    producers = [threading.Thread(target=producer, daemon=True) for _ in range(args.producers)]
    consumers = [threading.Thread(target=consumer, daemon=True) for _ in range(args.consumers)]
    for thread in producers + consumers:
        thread.start()

    time.sleep(0.01)  # open the shop
    ready.set()
    time.sleep(args.seconds)
    shutdown.set()
    # Set the flag first, then notify holding the lock: a sleeper either saw
    # the flag before it slept, or is asleep now and gets this wake-up.
    with buffer.lock:
        if shutdown_wake == "notify":
            buffer.not_empty.notify()
            buffer.not_full.notify()
        else:
            buffer.not_empty.notify_all()
            buffer.not_full.notify_all()

    deadline = time.monotonic() + 0.5
    for thread in producers + consumers:
        thread.join(max(0.0, deadline - time.monotonic()))
    stuck = sum(thread.is_alive() for thread in consumers)
    return buffer.stats, stuck


def main() -> None:
    parser = argparse.ArgumentParser(description="A bounded buffer on Conditions, with its two classic bugs.")
    parser.add_argument("--producers", type=int, default=2)
    parser.add_argument("--consumers", type=int, default=4)
    parser.add_argument("--capacity", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.4, help="how long the shop stays open (default 0.4)")
    args = parser.parse_args()

    print(f"{args.producers} producers, {args.consumers} consumers, capacity {args.capacity}, open {args.seconds} s\n")
    print(f"{'style':9}{'wake':12}{'shutdown':12}{'made':>6}{'taken':>7}{'waits':>7}{'futile':>8}"
          f"{'empty pops':>12}{'overfills':>11}{'stuck':>7}")
    for style, wake, shutdown_wake in [
        ("while", "notify_all", "notify_all"),
        ("if", "notify_all", "notify_all"),
        ("while", "notify", "notify"),
        ("while", "notify", "notify_all"),
        ("wait_for", "notify", "notify_all"),
    ]:
        stats, stuck = experiment(style, wake, shutdown_wake, args)
        print(f"{style:9}{wake:12}{shutdown_wake:12}{stats.made:>6}{stats.taken:>7}{stats.waits:>7}{stats.futile:>8}"
              f"{stats.empty_pops:>12}{stats.overfills:>11}{stuck:>7}")
    print("\nempty pops, overfills: the `if` bug (a wake-up is a hint, not a promise)")
    print("stuck: consumers still asleep after shutdown, because notify() woke only one")


if __name__ == "__main__":
    main()
