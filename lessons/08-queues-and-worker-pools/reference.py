#!/usr/bin/env python3
"""Queues and worker pools: producers hand numbered jobs to consumer threads.

The producers put jobs into one bounded queue; the consumers take them out,
"handle" each one (a short sleep, like waiting on a network call) and call
task_done(). When the producers have finished, the main thread waits for
q.join() (every job done), then puts one poison pill per consumer.

Every item is a tuple (priority, job number, time put). All three queue
classes accept it; only PriorityQueue looks at the priority (0 = urgent).
The job number is unique, so two items never compare further than that.

    python3 reference.py                        # FIFO, 1 producer, 3 consumers
    python3 reference.py --order priority       # urgent jobs wait less
    python3 reference.py --order lifo           # newest first
    python3 reference.py --order lifo --early-pills   # pills before join(): jobs stranded
    python3 reference.py --produce-ms 12 --consumers 4 --work-ms 10   # consumers keep up

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
import time

PILL_PRIORITY = 10  # after every real job's priority (0 to 9)
ORDERS = {"fifo": queue.Queue, "priority": queue.PriorityQueue, "lifo": queue.LifoQueue}


def priority_of(n: int) -> int:
    """Job n's priority: 0, 7, 4, 1, 8, 5, 2, 9, 6, 3, and again."""
    return n * 7 % 10


def produce(jobs: queue.Queue, numbers: range, produce_s: float, sizes: list[int]) -> None:
    for n in numbers:
        time.sleep(produce_s)  # making a job takes a moment
        jobs.put((priority_of(n), n, time.perf_counter()))  # blocks while the queue is full
        sizes.append(jobs.qsize())  # only this producer touches its own list


def consume(jobs: queue.Queue, log: queue.SimpleQueue, work_s: float) -> None:
    while True:
        priority, n, put_at = jobs.get()  # blocks while the queue is empty
        if put_at is None:  # a poison pill: stop
            jobs.task_done()
            return
        got_at = time.perf_counter()
        try:
            time.sleep(work_s)  # handling the job: waiting releases the GIL
            log.put((got_at, n, priority, got_at - put_at))
        finally:
            jobs.task_done()  # once per get, even if handling failed


def run(args: argparse.Namespace) -> None:
    jobs = ORDERS[args.order](maxsize=args.maxsize)
    log: queue.SimpleQueue = queue.SimpleQueue()  # a queue is also a safe place to collect results

    consumers = [
        threading.Thread(target=consume, args=(jobs, log, args.work_ms / 1000), name=f"consumer-{i}")
        for i in range(args.consumers)
    ]
    sizes: list[list[int]] = [[] for _ in range(args.producers)]
    producers = [
        threading.Thread(
            target=produce,
            args=(jobs, range(i, args.jobs, args.producers), args.produce_ms / 1000, sizes[i]),
            name=f"producer-{i}",
        )
        for i in range(args.producers)
    ]

    start = time.perf_counter()
    for thread in consumers + producers:
        thread.start()
    for thread in producers:
        thread.join()
    if not args.early_pills:
        jobs.join()  # every job put has been marked done: no pill can overtake one
    for i in range(args.consumers):
        jobs.put((PILL_PRIORITY, args.jobs + i, None))  # one pill per consumer
    for thread in consumers:
        thread.join()
    elapsed = time.perf_counter() - start

    lines = sorted(log.get() for _ in range(log.qsize()))  # in the order the jobs were taken
    handled = [n for _, n, _, _ in lines]
    waits = {n: wait for _, n, _, wait in lines}

    def mean_wait_ms(low: int, high: int) -> float:
        chosen = [waits[n] for n in handled if low <= priority_of(n) <= high]
        return 1000 * sum(chosen) / len(chosen) if chosen else 0.0

    version = ".".join(str(part) for part in sys.version_info[:3])
    pills = "sent early, without join()" if args.early_pills else "sent after join()"
    print(
        f"Python {version}: order={args.order}, {args.producers} producer(s), {args.consumers} consumer(s), "
        f"maxsize {args.maxsize}, {args.jobs} jobs ({args.produce_ms:g} ms to make, {args.work_ms:g} ms to handle), "
        f"pills {pills}"
    )
    print("jobs in the order taken:", " ".join(str(n) for n in handled))
    print("their priorities:       ", " ".join(str(priority_of(n)) for n in handled))
    print(
        f"handled {len(handled)} of {args.jobs}, each once: {'yes' if len(set(handled)) == len(handled) else 'NO'}; "
        f"left in the queue: {jobs.qsize()}"
    )
    print(f"most jobs in the queue right after a put: {max((s for sub in sizes for s in sub), default=0)}")
    print(f"throughput: {len(handled) / elapsed:.0f} jobs/s over {elapsed * 1000:.0f} ms")
    print(
        f"mean wait in the queue: all {mean_wait_ms(0, 9):.1f} ms, "
        f"urgent (0-2) {mean_wait_ms(0, 2):.1f} ms, relaxed (7-9) {mean_wait_ms(7, 9):.1f} ms"
    )


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="Producers and consumers on a bounded queue.")
    parser.add_argument("--order", choices=sorted(ORDERS), default="fifo", help="queue class (default fifo)")
    parser.add_argument("--producers", type=positive_int, default=1, help="producer threads (default 1)")
    parser.add_argument("--consumers", type=positive_int, default=3, help="consumer threads (default 3)")
    parser.add_argument("--maxsize", type=positive_int, default=4, help="the queue's maxsize (default 4)")
    parser.add_argument("--jobs", type=positive_int, default=30, help="jobs in all (default 30)")
    parser.add_argument("--produce-ms", type=float, default=2, help="ms to make one job (default 2)")
    parser.add_argument("--work-ms", type=float, default=15, help="ms to handle one job (default 15)")
    parser.add_argument(
        "--early-pills", action="store_true", help="send the pills as soon as the producers finish, without join()"
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
