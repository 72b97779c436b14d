#!/usr/bin/env python3
"""Processes and IPC: isolated memory, then four ways to get data across.

1. Isolation. A child process changes a module-level dict and a
   multiprocessing.Value. Back in the parent, only the Value has changed.

2. The cost of each mechanism. Two children each report `--items` finished
   items to the parent, which needs the tally:

     queue    one multiprocessing.Queue shared by both children
     pipe     one Pipe() per child
     value    one multiprocessing.Value, += under its lock
     racy     the same Value, += without the lock (updates get lost)
     manager  a tally object living in a manager's server process

   and the script prints microseconds per item for each.

    python3 reference.py
    python3 reference.py --items 5000 --size 4096

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.managers import BaseManager
from multiprocessing.queues import Queue
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Barrier

# --- 1. Isolation -----------------------------------------------------------

# Module-level state: every process has its own copy. Under "spawn" a child
# imports this module afresh; under "fork" it gets a copy of the parent's memory.
settings = {"tally": 0}


def change_both(shared: Synchronized) -> None:
    settings["tally"] = 42  # changes this child's copy only
    shared.value = 42  # lives in shared memory: the parent sees it
    print(f"   child  (pid {mp.current_process().pid}): settings['tally'] = {settings['tally']}, shared.value = {shared.value}")


def show_isolation() -> None:
    shared = mp.Value("i", 0)
    child = mp.Process(target=change_both, args=(shared,))
    child.start()
    child.join()
    print(f"   parent (pid {mp.current_process().pid}): settings['tally'] = {settings['tally']}, shared.value = {shared.value}")


# --- 2. The mechanisms --------------------------------------------------------
# Each child function runs in a child process, so it must live at module level:
# Process pickles the function by name.


def queue_child(start: Barrier, results: Queue, items: int, payload: str) -> None:
    start.wait()
    for _ in range(items):
        results.put((1, payload))


def pipe_child(start: Barrier, conn: Connection, payload: str) -> None:
    start.wait()
    items = conn.recv()  # a Pipe is two-way: the parent sends the job first
    for _ in range(items):
        conn.send((1, payload))
    conn.close()


def value_child(start: Barrier, total: Synchronized, items: int) -> None:
    start.wait()
    for _ in range(items):
        with total.get_lock():  # Value's own lock (an RLock) around the read and the write
            total.value += 1


def racy_child(start: Barrier, total: Synchronized, items: int) -> None:
    start.wait()
    for _ in range(items):
        total.value += 1  # a locked read, then a locked write: another child can get in between


class Tally:
    """Lives in the manager's server process. The server runs one thread per
    client connection, so the method still needs a lock of its own."""

    def __init__(self) -> None:
        self._total = 0
        self._lock = threading.Lock()

    def add(self, n: int, payload: str) -> None:
        with self._lock:  # the payload came along as the call's argument; a real job would keep it
            self._total += n

    def total(self) -> int:
        return self._total


class TallyManager(BaseManager):
    pass


TallyManager.register("Tally", Tally)


def manager_child(start: Barrier, tally, items: int, payload: str) -> None:
    start.wait()
    for _ in range(items):
        tally.add(1, payload)  # pickles the arguments, sends them to the server, waits for the reply


def start_children(target: Callable, args_per_child: list[tuple]) -> tuple[list[mp.Process], float]:
    """Starts the children, waits until all are running, and returns them with the start time.

    Starting a process takes milliseconds (far more under "spawn"), the same
    for every mechanism: a barrier keeps it out of the measurement, and lets
    the children begin together.
    """
    start = mp.Barrier(len(args_per_child) + 1)
    children = [mp.Process(target=target, args=(start, *args)) for args in args_per_child]
    for child in children:
        child.start()
    start.wait()
    return children, time.perf_counter()


def measure(mechanism: str, children: int, items: int, payload: str) -> tuple[int, float]:
    """Returns (tally the parent got, seconds from the children's start to the parent having it)."""
    if mechanism == "queue":
        results: Queue = mp.Queue()
        procs, started = start_children(queue_child, [(results, items, payload)] * children)
        # Get every item before joining: a child's feeder thread is still writing
        # what it put into the pipe, and the child cannot exit until it has.
        tally = sum(results.get()[0] for _ in range(children * items))
    elif mechanism == "pipe":
        pipes = [mp.Pipe() for _ in range(children)]
        procs, started = start_children(pipe_child, [(child_end, payload) for _, child_end in pipes])
        for parent_end, _ in pipes:
            parent_end.send(items)
        tally = 0
        for _ in range(items):
            for parent_end, _ in pipes:
                tally += parent_end.recv()[0]
    elif mechanism in ("value", "racy"):
        total = mp.Value("i", 0)
        procs, started = start_children(value_child if mechanism == "value" else racy_child, [(total, items)] * children)
        for proc in procs:
            proc.join()
        tally = total.value
    else:
        with TallyManager() as manager:
            tally_proxy = manager.Tally()
            procs, started = start_children(manager_child, [(tally_proxy, items, payload)] * children)
            for proc in procs:
                proc.join()
            tally = tally_proxy.total()
    for proc in procs:
        proc.join()
    return tally, time.perf_counter() - started


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="Isolated memory, and the cost of queue, pipe, Value and manager.")
    parser.add_argument("--children", type=positive_int, default=2, help="child processes (default 2)")
    parser.add_argument("--items", type=positive_int, default=20_000, help="items each child reports (default 20,000)")
    parser.add_argument("--size", type=int, default=64, help="bytes of payload per message (default 64)")
    args = parser.parse_args()

    print(f"Start method: {mp.get_start_method()} (spawn on Windows and macOS; fork on Linux before 3.14, forkserver from 3.14)")
    print("\n1. Isolation: a child sets both to 42")
    show_isolation()

    payload = "x" * args.size
    expected = args.children * args.items
    print(f"\n2. {args.children} children x {args.items:,} items, {args.size}-byte payloads (expected tally {expected:,})")
    print(f"   {'mechanism':<9} {'tally':>8} {'lost':>7} {'us/item':>8}")
    for mechanism in ("queue", "pipe", "value", "racy", "manager"):
        tally, seconds = measure(mechanism, args.children, args.items, payload)
        print(f"   {mechanism:<9} {tally:>8,} {expected - tally:>7,} {seconds * 1e6 / expected:>8.2f}")
    print("\n   queue and pipe pickle every message and copy it through the kernel;")
    print("   value copies nothing but takes a lock per item; racy skips the lock and can lose updates;")
    print("   manager pickles each call's arguments too, and then waits for the server's reply.")


if __name__ == "__main__":
    main()
