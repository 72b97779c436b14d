#!/usr/bin/env python3
"""Retries and timeouts: exponential back-off, jitter, per-attempt timeouts and a deadline.

Many clients call one flaky service at the same moment and retry with
exponential back-off. The service holds only a few requests at once and
turns the rest away; of those it takes, some answer 503 and some hang. The
program prints the same figures as the lesson's page:

1. Back-off without jitter: the clients that failed together come back
   together, a retry storm, and the service turns most of each wave away.
   The retry loop here has a bare `except:`, which also catches the
   CancelledError of the overall deadline: clients stuck on a hung request
   swallow it and run on past their deadline.
2. Full jitter (a random pause between 0 and the back-off): the retries
   spread out, the service takes them, and no client gives up.
3. The fix: `except (ServiceError, TimeoutError):` retries only the
   service's failures; the deadline's cancellation passes through and
   asyncio.timeout turns it into TimeoutError, on time.
4. A per-attempt timeout (asyncio.wait_for) cuts the hung requests, which
   are retried: every client succeeds, long before the deadline.
5. The settings of 4 with a 30 s base delay, 8 attempts and a 10-minute
   deadline (the page's exercise 6): minutes of back-off, in a fraction of
   a second of real time.

The event loop runs on a virtual clock (VirtualClockLoop below): when no
task is ready, time jumps to the next timer, as the page's loop does. Which
requests fail, and every jittered pause, are drawn from a seed with the same
hash as the page, so both print the same numbers. (Where two events fall due
at the very same virtual moment, the page lets a completed I/O go before a
timer, and this loop may not: a figure can then differ by an attempt or so.)

    python3 reference.py
    python3 reference.py --jitter full --attempt-timeout-ms 1000
    python3 reference.py --retry-on everything --clients 100 --capacity 20

Standard library only; runs on CPython 3.11 and later.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import itertools
import math
import selectors
import time
from dataclasses import dataclass, field, replace

REFUSED_MS = 10  # an overloaded service turns a request away this fast
ERROR_MS = 50  # a failing request gets its 503 after this long
HANG_S = 3600  # a hung request answers nothing for an hour, then its connection resets
WINDOW_MS = 20  # attempts are counted per window of this many ms
FAILS, HANGS, LATENCY, JITTER = 1, 2, 3, 4  # what each draw from the seed decides
MASK = 0xFFFFFFFF


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
            self._loop.jump(timeout)
        return events


class _FifoTimerHandle(asyncio.TimerHandle):
    """A timer that, due at the same instant as another, fires after the ones set before it."""

    def __init__(self, when, callback, args, loop, context, order: int) -> None:
        super().__init__(when, callback, args, loop, context)
        self._order = order

    def __lt__(self, other):
        return (self._when, self._order) < (other._when, other._order)

    def __le__(self, other):
        return (self._when, self._order) <= (other._when, other._order)


class VirtualClockLoop(asyncio.SelectorEventLoop):
    """An event loop whose time() is virtual, as Trio's MockClock(autojump_threshold=0).

    Timers due at the same instant fire in the order they were set, as on the
    page. CPython's own timer heap leaves such ties in no promised order, and
    a retry storm is made of ties: two dozen clients that sleep the same
    back-off wake at the same instant, and which of them the service takes
    depends on who comes first.
    """

    def __init__(self) -> None:
        self.now = 0.0
        self._deadlines: list[float] = []
        self._timers_set = itertools.count()
        super().__init__(_InstantSelector(self))

    def time(self) -> float:
        return self.now

    def call_at(self, when, callback, *args, context=None):
        heapq.heappush(self._deadlines, when)
        self._check_closed()
        timer = _FifoTimerHandle(when, callback, args, self, context, next(self._timers_set))
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def jump(self, timeout: float) -> None:
        """Moves time to the next deadline: exactly the one a timer was set for, not now + timeout rounded."""
        while self._deadlines and self._deadlines[0] <= self.now:
            heapq.heappop(self._deadlines)
        target = self.now + timeout
        self.now = heapq.heappop(self._deadlines) if self._deadlines and self._deadlines[0] <= target + 1e-9 else target


def _mix(h: int) -> int:
    """Murmur3's finalizer: mixes 32 bits so that nearby inputs give unrelated outputs."""
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & MASK
    h ^= h >> 16
    return h


def draw(*inputs: int) -> float:
    """A number in [0, 1) fixed by its inputs: the same seed gives the same run."""
    h = 0
    for value in inputs:
        h = _mix((h ^ value) & MASK)
    return h / 2**32


def js_round(x: float) -> int:
    """JavaScript's Math.round (halves go up), which the page uses; Python's round() goes to even."""
    return math.floor(x + 0.5)


class ServiceError(ConnectionError):
    """What the service answers when it fails."""


class RetriesExhausted(Exception):
    """Every attempt failed: the last failure is its __cause__."""


@dataclass
class Settings:
    clients: int = 30
    fail_rate: int = 30  # percent of the requests the service takes that fail
    capacity: int = 6  # requests the service holds at once
    base_delay_ms: int = 500
    jitter: str = "none"  # or full
    attempts: int = 5
    attempt_timeout_ms: int = 0  # 0: none
    deadline_ms: int = 10_000  # 0: none
    seed: int = 1
    retry_on: str = "everything"  # a bare except, as the page's starter; or service-errors, the fix


@dataclass
class Run:
    s: Settings
    at_service: int = 0
    attempts_in: dict[int, int] = field(default_factory=dict)
    retries_in: dict[int, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ["attempts", "retries", "refused", "errors", "hangs", "attemptTimeouts", "succeeded", "timedOut", "gaveUp", "overran"], 0))
    success_ms: list[int] = field(default_factory=list)
    elapsed_ms: int = 0

    def now(self) -> int:
        return js_round(asyncio.get_running_loop().time() * 1000)

    def count_in(self, windows: dict[int, int]) -> None:
        window = self.now() // WINDOW_MS
        windows[window] = windows.get(window, 0) + 1

    async def attempt_once(self, client: int, attempt: int) -> None:
        """One request. It holds a place at the service until it ends, however it ends."""
        s = self.s
        self.counts["attempts"] += 1
        self.count_in(self.attempts_in)
        if attempt > 1:
            self.counts["retries"] += 1
            self.count_in(self.retries_in)
        if self.at_service >= s.capacity:
            self.counts["refused"] += 1
            await asyncio.sleep(REFUSED_MS / 1000)
            raise ServiceError("503: overloaded")
        self.at_service += 1
        try:
            if draw(s.seed, client, attempt, FAILS) < s.fail_rate / 100:
                if draw(s.seed, client, attempt, HANGS) < 1 / 3:
                    self.counts["hangs"] += 1
                    await asyncio.sleep(HANG_S)
                    raise ServiceError("connection reset")
                self.counts["errors"] += 1
                await asyncio.sleep(ERROR_MS / 1000)
                raise ServiceError("503: internal error")
            await asyncio.sleep((60 + js_round(120 * draw(s.seed, client, attempt, LATENCY))) / 1000)
        finally:
            self.at_service -= 1

    async def request(self, client: int, attempt: int) -> None:
        if self.s.attempt_timeout_ms > 0:
            await asyncio.wait_for(self.attempt_once(client, attempt), self.s.attempt_timeout_ms / 1000)
        else:
            await self.attempt_once(client, attempt)

    def backoff_seconds(self, client: int, failures: int) -> float:
        """base, 2 x base, 4 x base, ...; with full jitter, a random pause between 0 and that."""
        ceiling_ms = self.s.base_delay_ms * 2 ** (failures - 1)
        pause_ms = ceiling_ms * draw(self.s.seed, client, failures, JITTER) if self.s.jitter == "full" else ceiling_ms
        return pause_ms / 1000

    def retryable(self, error: BaseException) -> bool:
        """The starter retries whatever it caught, as a bare `except:` does; the fix only the service's failures."""
        return self.s.retry_on == "everything" or isinstance(error, (ServiceError, TimeoutError))

    async def call_with_retries(self, client: int) -> None:
        attempt = 1
        while True:
            try:
                return await self.request(client, attempt)
            except BaseException as error:  # what `except:` catches, CancelledError included
                if not self.retryable(error):
                    raise
                if isinstance(error, TimeoutError):
                    self.counts["attemptTimeouts"] += 1
                if attempt >= self.s.attempts:
                    raise RetriesExhausted(f"gave up after {attempt} attempts") from error
            await asyncio.sleep(self.backoff_seconds(client, attempt))
            attempt += 1

    async def client(self, client: int) -> None:
        began = self.now()
        deadline = self.s.deadline_ms / 1000 if self.s.deadline_ms > 0 else None
        try:
            async with asyncio.timeout(deadline):
                await self.call_with_retries(client)
            self.counts["succeeded"] += 1
            self.success_ms.append(self.now() - began)
        except TimeoutError:
            self.counts["timedOut"] += 1
        except RetriesExhausted:
            self.counts["gaveUp"] += 1
        finally:
            if self.s.deadline_ms > 0 and self.now() - began > self.s.deadline_ms:
                self.counts["overran"] += 1

    async def main(self) -> None:
        clients = [asyncio.create_task(self.client(i), name=f"client-{i}") for i in range(1, self.s.clients + 1)]
        await asyncio.gather(*clients)
        self.elapsed_ms = self.now()

    def result(self) -> dict[str, object]:
        ms = sorted(self.success_ms)

        def percentile(p: int) -> int:
            return ms[math.ceil(p / 100 * len(ms)) - 1] if ms else 0

        return {
            **self.counts,
            "retryPeak": max(self.retries_in.values(), default=0),
            "p50Ms": percentile(50),
            "p95Ms": percentile(95),
            "maxMs": ms[-1] if ms else 0,
            "elapsedMs": self.elapsed_ms,
        }

    def busiest_windows(self, n: int = 3) -> str:
        top = sorted(self.retries_in.items(), key=lambda item: (-item[1], item[0]))[:n]
        return ", ".join(f"{count} in {window * WINDOW_MS}-{(window + 1) * WINDOW_MS} ms" for window, count in top)


def run(settings: Settings) -> tuple[Run, float]:
    """One run; returns it and the real seconds it took."""
    started = time.perf_counter()
    state = Run(settings)
    with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
        runner.run(state.main())
    return state, time.perf_counter() - started


OUTCOMES = ["succeeded", "gaveUp", "timedOut", "overran"]
TRAFFIC = ["attempts", "refused", "retryPeak", "hangs", "attemptTimeouts"]
LATENCIES = ["p50Ms", "p95Ms", "maxMs", "elapsedMs"]


def show(title: str, settings: Settings, fields: list[str]) -> Run:
    state, _ = run(settings)
    result = state.result()
    print(title)
    print("   " + ", ".join(f"{name} {result[name]}" for name in fields))
    return state


def tour(base: Settings) -> None:
    storm = show("1. Back-off without jitter, retrying on a bare except:", base, OUTCOMES + TRAFFIC + LATENCIES)
    print(f"   busiest 20 ms windows of retries: {storm.busiest_windows()}")
    spread = show("2. Full jitter: a random pause between 0 and the back-off", replace(base, jitter="full"), OUTCOMES + TRAFFIC + LATENCIES)
    print(f"   busiest 20 ms windows of retries: {spread.busiest_windows()}")
    fixed = replace(base, jitter="full", retry_on="service-errors")
    show("3. The fix: except (ServiceError, TimeoutError), so the deadline's CancelledError passes", fixed, OUTCOMES + ["hangs"] + LATENCIES)
    timed = replace(fixed, attempt_timeout_ms=1000)
    show("4. And wait_for(attempt, 1.0): hung requests are cut after a second and retried", timed, OUTCOMES + ["hangs", "attemptTimeouts"] + LATENCIES)
    slow = replace(timed, base_delay_ms=30_000, attempts=8, deadline_ms=600_000)
    state, seconds = run(slow)
    result = state.result()
    print("5. As 4, with a base delay of 30 s, 8 attempts and a 10-minute deadline (the page's exercise 6): minutes of back-off")
    print(f"   succeeded {result['succeeded']}, maxMs {result['maxMs']} ({result['maxMs'] / 60_000:.1f} virtual minutes), in {seconds * 1000:.0f} ms of real time")


def main() -> None:
    parser = argparse.ArgumentParser(description="Retries with back-off and jitter, per-attempt timeouts and a deadline, on a virtual clock.")
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--fail-rate", type=int, default=30, help="percent of requests that fail (default 30)")
    parser.add_argument("--capacity", type=int, default=6, help="requests the service holds at once (default 6)")
    parser.add_argument("--base-delay-ms", type=int, default=500)
    parser.add_argument("--jitter", choices=["none", "full"])
    parser.add_argument("--attempts", type=int, default=5)
    parser.add_argument("--attempt-timeout-ms", type=int, default=0, help="0: none")
    parser.add_argument("--deadline-ms", type=int, default=10_000, help="0: none")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--retry-on", choices=["everything", "service-errors"], default="everything")
    args = parser.parse_args()

    settings = Settings(args.clients, args.fail_rate, args.capacity, args.base_delay_ms, args.jitter or "none", args.attempts,
                        args.attempt_timeout_ms, args.deadline_ms, args.seed, args.retry_on)
    if args.jitter is None:
        tour(settings)
        return
    state, seconds = run(settings)
    for name, value in state.result().items():
        print(f"{name}: {value}")
    print(f"busiest 20 ms windows of retries: {state.busiest_windows()}")
    print(f"real time: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
