#!/usr/bin/env python3
"""Race conditions: several threads add 1 to one shared counter.

Each thread adds 1 to the same counter, `--increments` times. With no fix,
every add is a read followed by a separate write, so two threads can both
read 41 and both write 42: one update is lost. The program prints how many
adds should have landed (expected) and how many did (actual).

It shortens the switch interval to 10 microseconds, and says why. With
`--fix lock` it also times the same adds unlocked, and locked by one thread
alone, and prints how often the lock changed hands: most of the lock run's
time goes to contention, not to taking and releasing the lock.

    python3 reference.py                              # 4 threads, no fix
    python3 reference.py --fix lock                   # hold a Lock around read + write
    python3 reference.py --fix atomic                 # one indivisible step (see below)
    python3 reference.py --threads 8 --increments 20000
    python3 reference.py --switch-interval 0.005      # CPython's default interval

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import threading
import time
from collections.abc import Iterator


class SharedCounter:
    """A plain Python int that every thread can see and change."""

    def __init__(self) -> None:
        self.value = 0
        # For the report only, kept under the lock: who added last, and how
        # many times the lock went to a different thread than the last one.
        self.last_adder = -1
        self.handovers = 0


def next_value(seen: int) -> int:
    """Work done between the read and the write.

    It could be validation, logging, a lookup: anything. What matters is that
    it is a function call. Since Python 3.10, CPython checks whether another
    thread is waiting for the GIL only at calls and when a loop jumps back to
    its top, so this call is the one place a thread switch can land after the
    read and before the write. Without it, `counter.value += 1` on an int
    never loses an update on a build with a GIL (3.10 to 3.13 here): not
    luck, and not a promise either.
    """
    return seen + 1


def add_unlocked(counter: SharedCounter, increments: int) -> None:
    for _ in range(increments):
        seen = counter.value  # 1. read the shared value
        new = next_value(seen)  # another thread may run here...
        counter.value = new  # 2. ...and this write then erases its updates


def add_locked(counter: SharedCounter, lock: threading.Lock, increments: int, me: int) -> None:
    for _ in range(increments):
        # Same read, same call, same write. A switch can still happen in the
        # middle, but no other thread can enter this block until we leave it,
        # so nobody else writes between our read and our write.
        with lock:
            seen = counter.value
            new = next_value(seen)
            counter.value = new
            if counter.last_adder != me:  # the report's count of hand-overs
                counter.handovers += 1
                counter.last_adder = me


def add_with_count(ticket: Iterator[int], increments: int) -> None:
    # Python has no atomic integer type: there is nothing like `counter.add(1)`
    # that the language promises is indivisible. The stand-in used here is
    # `next()` on an itertools.count object. Its increment happens inside a
    # single C function that never releases the GIL, so on a regular CPython
    # build no other thread can run in the middle of it.
    #
    # That is an implementation detail, not a documented guarantee. Do not
    # build on it in real code (free-threaded builds have no GIL to lean on);
    # the portable fix is the lock above.
    for _ in range(increments):
        next(ticket)


def run(threads: int, increments: int, fix: str) -> tuple[int, float, int]:
    """Start the threads, wait for all of them, return (final count, seconds, lock hand-overs)."""
    counter = SharedCounter()
    lock = threading.Lock()
    ticket = itertools.count()

    def target(me: int) -> None:
        if fix == "lock":
            add_locked(counter, lock, increments, me)
        elif fix == "atomic":
            add_with_count(ticket, increments)
        else:
            add_unlocked(counter, increments)

    # Starting a thread takes a moment; without a common start line, a short
    # run could finish in the first thread before the second one exists.
    start_line = threading.Barrier(threads + 1)

    def work(me: int) -> None:
        start_line.wait()
        target(me)

    workers = [threading.Thread(target=work, args=(i,), name=f"adder-{i}") for i in range(threads)]
    for worker in workers:
        worker.start()
    start_line.wait()  # the main thread is the last one to arrive: all go at once
    start = time.perf_counter()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - start

    # count() hands out 0, 1, 2, ...; the next number equals how many were taken.
    actual = next(ticket) if fix == "atomic" else counter.value
    # The first thread to take the lock counts as a hand-over; the rest are real ones.
    return actual, elapsed, max(counter.handovers - 1, 0)


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Threads adding to a shared counter, with and without a fix."
    )
    parser.add_argument("--threads", type=positive_int, default=4, help="number of threads (default 4)")
    parser.add_argument(
        "--increments", type=positive_int, default=100_000, help="adds per thread (default 100000)"
    )
    parser.add_argument(
        "--fix", choices=["none", "lock", "atomic"], default="none", help="how to protect the counter (default none)"
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=1e-5,
        help=(
            "seconds a thread may hold the GIL before it is asked to let another "
            "thread run (default 0.00001; CPython's own default is 0.005, which "
            "still loses updates, only less often in short runs)"
        ),
    )
    args = parser.parse_args()

    # The GIL lets only one thread run Python code at a time, and changes
    # hands about once a switch interval. Updates are lost only when a switch
    # lands between a thread's read and its write, so the more switches, the
    # surer the race shows, even in a short run.
    default_interval = sys.getswitchinterval()
    sys.setswitchinterval(args.switch_interval)

    expected = args.threads * args.increments
    actual, elapsed, handovers = run(args.threads, args.increments, args.fix)
    lost = expected - actual

    version = ".".join(str(part) for part in sys.version_info[:3])
    print(f"Python {version}: {args.threads} threads x {args.increments:,} increments, fix={args.fix}")
    print(f"Switch interval: sys.setswitchinterval({args.switch_interval:g}); CPython's default is {default_interval:g} s.")
    if args.switch_interval < default_interval:
        print("  Updates are lost only when the GIL switches between a thread's read and its write, here")
        print("  at the call to next_value(). At the default, a run this short sees a few switches: most")
        print("  runs lose nothing, and the others lose tens of thousands of adds at once. The shorter")
        print("  interval asks for a switch far more often, so that a run without a fix almost always")
        print("  loses updates.")
        print(f"  Try --switch-interval {default_interval:g}.")
    print(f"expected  {expected:>12,}")
    print(f"actual    {actual:>12,}")
    print(f"lost      {lost:>12,}  ({lost / expected:.1%})")
    print(f"time      {elapsed * 1000:>9,.0f} ms")
    if args.fix == "lock":
        report_contention(args.threads, args.increments, elapsed, handovers)


def report_contention(threads: int, increments: int, elapsed: float, handovers: int) -> None:
    """Times the same adds unlocked, and locked in one thread alone, to show what the lock run paid for."""
    unlocked = run(threads, increments, "none")[1]
    alone = run(1, threads * increments, "lock")[1]
    print()
    print(f"The same {threads * increments:,} adds again, for comparison:")
    print(f"  unlocked, {threads} threads    {unlocked * 1000:>7,.0f} ms   the lock run took {elapsed / unlocked:,.1f}x as long")
    print(f"  locked, 1 thread alone {alone * 1000:>7,.0f} ms   the lock run took {elapsed / alone:,.1f}x as long")
    print(f"  In the lock run, the lock went to a different thread {handovers:,} times.")
    print("  Taking and releasing the lock costs the gap between those two lines. The rest is")
    print("  contention: when the GIL switches while a thread holds the lock, the threads that run")
    print("  next block on it, and they stay piled up there, a lock convoy. From then on every")
    print("  release must wake one of them (a system call), and each time the lock does change")
    print("  hands, its new holder must also wait for the GIL.")

if __name__ == "__main__":
    main()
