#!/usr/bin/env python3
"""Barrier: phased work where nobody starts phase k + 1 before all finish phase k.

Every thread runs the same phases. A phase takes a fixed 20 ms plus a share
of the jitter: in each phase one thread gets none of it, one gets all of it,
and the rest are spread between, shuffled from phase to phase.

Four experiments:
  no barrier      fast threads run ahead into the next phase
  Barrier(n)      every phase starts only after all have finished the last one
  wrong parties   Barrier(n + 1) never fills: with a timeout, it breaks
  short timeout   a wait shorter than the jitter breaks the barrier for everyone

    python3 reference.py
    python3 reference.py --threads 6 --phases 8 --jitter 0.05

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import random
import threading
import time

WORK = 0.020  # seconds of work in every phase


def extra(thread: int, phase: int, threads: int, jitter: float) -> float:
    """This thread's extra seconds in this phase: ranks shuffled the same way in every thread."""
    ranks = list(range(threads))
    random.Random(phase).shuffle(ranks)
    return jitter * ranks[thread] / (threads - 1)


def experiment(args: argparse.Namespace, parties: int | None, timeout: float | None = None) -> str:
    """Runs the phases, with a barrier of `parties` (None: no barrier). Returns a summary line."""
    starts: list[tuple[float, int]] = []  # (time, phase) as each thread begins a phase
    ends: list[tuple[float, int]] = []
    record = threading.Lock()  # list.append is safe under the GIL; the lock keeps (time, phase) pairs in order
    completed = 0
    broken = 0

    def phase_done() -> None:
        # The barrier's action: run once per phase, by one thread, before any is released.
        nonlocal completed
        completed += 1

    barrier = threading.Barrier(parties, action=phase_done, timeout=timeout) if parties else None

    def work(me: int) -> None:
        nonlocal broken
        try:
            for phase in range(args.phases):
                with record:
                    starts.append((time.perf_counter(), phase))
                time.sleep(WORK + extra(me, phase, args.threads, args.jitter))
                with record:
                    ends.append((time.perf_counter(), phase))
                if barrier is not None:
                    barrier.wait()  # returns 0 .. parties - 1, a different number for each thread
        except threading.BrokenBarrierError:
            with record:
                broken += 1  # a wait timed out somewhere: every waiter, now and later, gets this

    threads = [threading.Thread(target=work, args=(i,)) for i in range(args.threads)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = time.perf_counter() - began

    last_end: dict[int, float] = {}
    for at, phase in ends:
        last_end[phase] = max(last_end.get(phase, at), at)
    early = sum(1 for at, phase in starts if phase > 0 and phase - 1 in last_end and at < last_end[phase - 1])
    return (f"early starts {early:>3}   phases completed {completed:>2}   "
            f"BrokenBarrierError {broken}/{args.threads}   total {total * 1000:5.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description="Phased threads with and without a Barrier.")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--phases", type=int, default=5)
    parser.add_argument("--jitter", type=float, default=0.040, help="seconds of spread per phase (default 0.04)")
    args = parser.parse_args()
    if args.threads < 2:
        parser.error("--threads must be at least 2")

    n = args.threads
    print(f"{n} threads, {args.phases} phases of {WORK * 1000:.0f} ms + up to {args.jitter * 1000:.0f} ms\n")
    print(f"{'no barrier':28}", experiment(args, parties=None))
    print(f"{f'Barrier({n})':28}", experiment(args, parties=n))
    print(f"{f'Barrier({n + 1}, timeout=0.2)':28}", experiment(args, parties=n + 1, timeout=0.2))
    short = args.jitter / 4
    print(f"{f'Barrier({n}, timeout={short:g})':28}", experiment(args, parties=n, timeout=short))


if __name__ == "__main__":
    main()
