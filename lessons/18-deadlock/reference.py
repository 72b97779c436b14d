#!/usr/bin/env python3
"""Deadlock: two locks taken in opposite orders, and two ways out.

Five parts, each printed as it runs:

1. Two clerks transfer money between two accounts, each account with its
   own Lock. Clerk A locks account 0 then 1, clerk B locks 1 then 0, and a
   rendezvous makes both hold their first lock before either asks for the
   second, so they deadlock every time. The second acquire has a timeout,
   so each clerk reports the lock it could not get instead of hanging.
2. The same transfers with one global order: lower account number first.
   A short sleep between the two acquires (a slow lookup) gives the other
   clerk every chance to get in between, and still nothing hangs.
3. The opposite orders again, with acquire(timeout=...), give the first
   lock back on a timeout, sleep a random while, retry. Counts back-offs.
4. Dining philosophers, all picking up the left fork first: with every left
   fork taken, nobody gets a right one (again reported through a timeout).
5. The philosophers with the lower-numbered fork first: all meals eaten.

    python3 reference.py
    python3 reference.py --philosophers 7 --meals 20

Standard library only; runs on CPython 3.11 and later, in a few seconds.
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from dataclasses import dataclass, field

DETECT_AFTER = 0.3  # seconds a thread waits for its second lock before it reports a deadlock
BACK_OFF = 0.02  # the timeout in part 3, and the longest random sleep after one


@dataclass
class Account:
    number: int
    balance: int = 100
    lock: threading.Lock = field(default_factory=threading.Lock)


def opposite_orders_deadlock() -> None:
    accounts = [Account(0), Account(1)]
    both_hold_first = threading.Barrier(2, timeout=5)
    both_tried = threading.Barrier(2, timeout=5)
    report: dict[str, str] = {}

    def clerk(name: str, source: Account, target: Account) -> None:
        with source.lock:
            both_hold_first.wait()  # the rendezvous: now each holds its first lock
            got = target.lock.acquire(timeout=DETECT_AFTER)
            if got:
                target.lock.release()
                report[name] = f"got account {target.number}"
            else:
                report[name] = f"holds account {source.number}, waited {DETECT_AFTER} s for account {target.number}: gave up"
            both_tried.wait()  # keep the first lock until both have tried, so both see the cycle

    threads = [
        threading.Thread(target=clerk, args=("A", accounts[0], accounts[1])),
        threading.Thread(target=clerk, args=("B", accounts[1], accounts[0])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("1. Opposite orders, both holding their first lock:")
    for name in sorted(report):
        print(f"   clerk {name} {report[name]}")
    print("   A waits for B and B waits for A: a cycle. Without the timeout both would wait forever.")


def look_up() -> None:
    """A short wait between the two acquires (reading the account, say): it lets the other clerk in."""
    time.sleep(0.001)


def transfer_ordered(source: Account, target: Account, amount: int) -> None:
    """Both locks, lower account number first, whichever way the money goes."""
    first, second = sorted((source, target), key=lambda account: account.number)
    with first.lock:
        look_up()
        with second.lock:
            source.balance -= amount
            target.balance += amount


def transfer_with_back_off(source: Account, target: Account, amount: int) -> int:
    """Both locks in the caller's order; on a timeout, give back and retry. Returns the back-offs."""
    backoffs = 0
    while True:
        source.lock.acquire()
        look_up()
        if target.lock.acquire(timeout=BACK_OFF):
            break
        source.lock.release()  # give the first lock back, so the other clerk can finish
        backoffs += 1
        time.sleep(random.uniform(0, BACK_OFF))
    try:
        source.balance -= amount
        target.balance += amount
    finally:
        target.lock.release()
        source.lock.release()
    return backoffs


def run_clerks(transfers: int, ordered: bool) -> tuple[int, int]:
    """A pays 0 -> 1 and B pays 1 -> 0, `transfers` times each. Returns (money, back-offs)."""
    accounts = [Account(0), Account(1)]
    start_line = threading.Barrier(2, timeout=5)
    backoffs = [0, 0]

    def clerk(index: int, source: Account, target: Account) -> None:
        start_line.wait()
        for _ in range(transfers):
            if ordered:
                transfer_ordered(source, target, 1)
            else:
                backoffs[index] += transfer_with_back_off(source, target, 1)
            time.sleep(0)  # let the other clerk in between transfers

    threads = [
        threading.Thread(target=clerk, args=(0, accounts[0], accounts[1])),
        threading.Thread(target=clerk, args=(1, accounts[1], accounts[0])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(account.balance for account in accounts), sum(backoffs)


def left_handed_dinner(philosophers: int) -> None:
    forks = [threading.Lock() for _ in range(philosophers)]
    all_hold_left = threading.Barrier(philosophers, timeout=5)
    all_tried = threading.Barrier(philosophers, timeout=5)
    stuck = 0
    count_lock = threading.Lock()

    def philosopher(i: int) -> None:
        nonlocal stuck
        left, right = forks[i], forks[(i + 1) % philosophers]
        with left:
            all_hold_left.wait()  # every left fork is now taken
            if right.acquire(timeout=DETECT_AFTER):
                right.release()
            else:
                with count_lock:
                    stuck += 1
            all_tried.wait()  # keep the left fork until everyone has tried for the right one

    threads = [threading.Thread(target=philosopher, args=(i,)) for i in range(philosophers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"4. {philosophers} philosophers, left fork first, all holding it: {stuck} of them gave up on the right fork")
    print("   after waiting", DETECT_AFTER, "s. Each waited for a neighbour who waited for the next: a cycle round the table.")


def ordered_dinner(philosophers: int, meals: int) -> list[int]:
    forks = [threading.Lock() for _ in range(philosophers)]
    eaten = [0] * philosophers
    start_line = threading.Barrier(philosophers, timeout=5)

    def philosopher(i: int) -> None:
        needs = (i, (i + 1) % philosophers)
        low, high = min(needs), max(needs)  # the last philosopher takes fork 0 first
        start_line.wait()
        for _ in range(meals):
            with forks[low], forks[high]:
                eaten[i] += 1
                time.sleep(0.001)  # eat
            time.sleep(0.001)  # think

    threads = [threading.Thread(target=philosopher, args=(i,)) for i in range(philosophers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return eaten


def count(low: int):
    def parse(text: str) -> int:
        number = int(text)
        if not low <= number <= 1000:
            raise argparse.ArgumentTypeError(f"must be between {low} and 1000, got {number}")
        return number

    return parse


def main() -> None:
    parser = argparse.ArgumentParser(description="Deadlock with two locks and at the philosophers' table, and two fixes.")
    parser.add_argument("--transfers", type=count(1), default=100, help="transfers per clerk (default 100)")
    parser.add_argument("--philosophers", type=count(2), default=5, help="philosophers at the table (default 5)")
    parser.add_argument("--meals", type=count(1), default=10, help="meals per philosopher (default 10)")
    args = parser.parse_args()

    opposite_orders_deadlock()

    money, _ = run_clerks(args.transfers, ordered=True)
    print(f"2. Global order (lower account first): {2 * args.transfers} transfers done, money {money} of 200")

    money, backoffs = run_clerks(args.transfers, ordered=False)
    print(f"3. Opposite orders with acquire(timeout={BACK_OFF}) and a random back-off: {2 * args.transfers} transfers done,")
    print(f"   money {money} of 200, {backoffs} back-offs")

    left_handed_dinner(args.philosophers)

    eaten = ordered_dinner(args.philosophers, args.meals)
    print(f"5. Lower-numbered fork first: meals eaten per philosopher {eaten} (all {args.meals} each: {all(e == args.meals for e in eaten)})")


if __name__ == "__main__":
    main()
