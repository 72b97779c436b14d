#!/usr/bin/env python3
"""Rate limiting and backpressure with asyncio: a spike met by no limiter, then four ways.

An API's backend takes 0.2 s per request. Clients offer requests on a
schedule of three equal parts: quiet (a quarter of the peak rate), a spike
(the peak rate), quiet again. In front of the backend stands one of:

  none            every request goes straight in
  semaphore       asyncio.Semaphore(limit): at most `limit` at the backend at once
  token-bucket    `rate` tokens a second, at most `burst` kept; no token: 429
  sliding-window  at most `limit` admissions in any `window` ms; one more: 429
  bounded-queue   asyncio.Queue(maxsize=limit), emptied by 4 workers; a full
                  queue makes the client wait at `await queue.put(...)`

The token bucket writes every admission to an audit ledger (an await of
20 ms). Written check, await, take, it lets two requests spend one token
when the next one arrives during the write; taking the token before the
await, or holding an asyncio.Lock from the check to the take, fixes it.

The event loop runs on a virtual clock (VirtualClockLoop below): when no
task is ready, time jumps to the next timer, so six seconds of traffic take
no real time and every run prints the same figures. Where two events fall
due at the very same moment the page and this loop may order them
differently, so a figure can differ by one from the page's.

    python3 reference.py
    python3 reference.py --limiter token-bucket --bucket check-then-act --offered 500
    python3 reference.py --limiter semaphore --limit 8

Standard library only; runs on CPython 3.11 and later.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import math
import selectors
from dataclasses import dataclass, field, replace

SERVICE_MS = 200  # the backend's time per request
LEDGER_MS = 20  # writing one admission to the audit ledger
CONSUMERS = 4  # the workers that empty the bounded queue
ROUNDING = 1e-9  # clock sums in floating point land a hair short of a whole token


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


class VirtualClockLoop(asyncio.SelectorEventLoop):
    """An event loop whose time() is virtual, as Trio's MockClock(autojump_threshold=0)."""

    def __init__(self) -> None:
        self.now = 0.0
        self._deadlines: list[float] = []
        super().__init__(_InstantSelector(self))

    def time(self) -> float:
        return self.now

    def call_at(self, when, callback, *args, context=None):
        heapq.heappush(self._deadlines, when)
        return super().call_at(when, callback, *args, context=context)

    def jump(self, timeout: float) -> None:
        """Moves time to the next deadline: exactly the one a timer was set for, not now + timeout rounded."""
        while self._deadlines and self._deadlines[0] <= self.now:
            heapq.heappop(self._deadlines)
        target = self.now + timeout
        self.now = heapq.heappop(self._deadlines) if self._deadlines and self._deadlines[0] <= target + 1e-9 else target


def now_ms() -> float:
    return asyncio.get_running_loop().time() * 1000


def offered_schedule(offered: int, seconds: int) -> list[int]:
    """When each request is offered, in ms: a quiet third, a spike, a quiet third."""
    third = seconds * 1000 / 3
    times = []
    for start, end, per_second in [(0, third, offered / 4), (third, 2 * third, offered), (2 * third, 3 * third, offered / 4)]:
        k = 0
        while start + k * 1000 / per_second < end - ROUNDING:
            times.append(round(start + k * 1000 / per_second))
            k += 1
    return times


async def write_ledger() -> None:
    await asyncio.sleep(LEDGER_MS / 1000)


class TokenBucket:
    """`rate` tokens a second drip in, at most `burst` are kept. The token is taken before the ledger's await."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = float(burst)
        self.updated = asyncio.get_running_loop().time()
        self.lowest = self.tokens

    def _refill(self) -> None:
        now = asyncio.get_running_loop().time()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def _take(self) -> None:
        self.tokens -= 1
        self.lowest = min(self.lowest, self.tokens)

    async def allow(self) -> bool:
        self._refill()
        if self.tokens < 1 - ROUNDING:
            return False
        self._take()  # no await between the check and the take
        await write_ledger()
        return True


class CheckThenActBucket(TokenBucket):
    """The lesson's starter: check, await the ledger, then take. Another request can pass the same check meanwhile."""

    async def allow(self) -> bool:
        self._refill()
        if self.tokens < 1 - ROUNDING:
            return False
        await write_ledger()
        self._take()
        return True


class LockedBucket(TokenBucket):
    """The other fix: keep the await between check and take, but hold a lock across all three."""

    def __init__(self, rate: float, burst: float) -> None:
        super().__init__(rate, burst)
        self.lock = asyncio.Lock()

    async def allow(self) -> bool:
        async with self.lock:  # requests pass one at a time, each waiting for the ledger
            self._refill()
            if self.tokens < 1 - ROUNDING:
                return False
            await write_ledger()
            self._take()
            return True


BUCKETS = {"take-first": TokenBucket, "check-then-act": CheckThenActBucket, "locked": LockedBucket}


class SlidingWindow:
    """A sliding-window log: admits a request when fewer than `limit` were admitted in the last `window_ms`."""

    def __init__(self, limit: int, window_ms: float) -> None:
        self.limit = limit
        self.window_ms = window_ms
        self.admitted_at: list[float] = []

    def allow(self) -> bool:
        now = now_ms()
        while self.admitted_at and self.admitted_at[0] <= now - self.window_ms + ROUNDING:
            self.admitted_at.pop(0)
        if len(self.admitted_at) >= self.limit:
            return False
        self.admitted_at.append(now)
        return True


@dataclass
class Settings:
    limiter: str = "none"
    offered: int = 40  # requests a second at the spike; a quarter before and after
    seconds: int = 6
    limit: int = 4
    rate: int = 16
    burst: int = 8
    window: int = 250  # ms
    bucket: str = "take-first"


@dataclass
class Api:
    settings: Settings
    admitted_ms: list[float] = field(default_factory=list)
    rejected: int = 0
    served: int = 0
    in_flight: int = 0
    waiting: int = 0
    peak_in_flight: int = 0
    peak_waiting: int = 0
    max_latency_ms: float = 0.0
    producer_lag_ms: float = 0.0
    lowest_tokens: float | None = None

    def set_waiting(self, count: int) -> None:
        self.waiting = count
        self.peak_waiting = max(self.peak_waiting, count)

    async def serve(self, offered_ms: float) -> None:
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        await asyncio.sleep(SERVICE_MS / 1000)
        self.in_flight -= 1
        self.served += 1
        self.max_latency_ms = max(self.max_latency_ms, now_ms() - offered_ms)

    async def handle(self, offered_ms: float, backend: asyncio.Semaphore, bucket: TokenBucket, window: SlidingWindow) -> None:
        limiter = self.settings.limiter
        if limiter == "semaphore":
            in_line = backend.locked()  # every permit is taken: this request waits its turn
            if in_line:
                self.set_waiting(self.waiting + 1)
            async with backend:
                if in_line:
                    self.set_waiting(self.waiting - 1)
                self.admitted_ms.append(now_ms())
                await self.serve(offered_ms)
            return
        if limiter == "token-bucket":
            allowed = await bucket.allow()
        elif limiter == "sliding-window":
            allowed = window.allow()
        else:
            allowed = True
        if not allowed:
            self.rejected += 1  # 429 Too Many Requests
            return
        self.admitted_ms.append(now_ms())
        await self.serve(offered_ms)

    async def main(self) -> None:
        s = self.settings
        schedule = offered_schedule(s.offered, s.seconds)
        backend = asyncio.Semaphore(s.limit)
        bucket = BUCKETS[s.bucket](s.rate, s.burst)
        window = SlidingWindow(s.limit, s.window)

        async def sleep_until(ms: float) -> None:
            wait = ms / 1000 - asyncio.get_running_loop().time()
            if wait > 0:
                await asyncio.sleep(wait)

        if s.limiter == "bounded-queue":
            queue: asyncio.Queue[float | None] = asyncio.Queue(maxsize=s.limit)

            async def consume() -> None:
                while (offered_ms := await queue.get()) is not None:
                    self.set_waiting(queue.qsize())
                    await self.serve(offered_ms)

            async with asyncio.TaskGroup() as tg:
                for i in range(CONSUMERS):
                    tg.create_task(consume(), name=f"worker {i + 1}")
                for offered_ms in schedule:
                    await sleep_until(offered_ms)
                    await queue.put(offered_ms)  # backpressure: waits while the queue is full
                    self.admitted_ms.append(now_ms())
                    self.set_waiting(queue.qsize())
                    self.producer_lag_ms = max(self.producer_lag_ms, now_ms() - offered_ms)
                for _ in range(CONSUMERS):
                    await queue.put(None)  # one "no more work" for each worker
        else:
            async with asyncio.TaskGroup() as tg:
                for i, offered_ms in enumerate(schedule):
                    await sleep_until(offered_ms)
                    tg.create_task(self.handle(offered_ms, backend, bucket, window), name=f"request {i + 1}")
        if s.limiter == "token-bucket":
            self.lowest_tokens = bucket.lowest

    def over_limit(self) -> int:
        """Admissions beyond what the limiter promises (0: the promise held)."""
        s, times = self.settings, self.admitted_ms
        if s.limiter == "token-bucket":
            # Tokens spent that the bucket did not have: how far below zero its count went.
            return max(0, math.ceil(-(self.lowest_tokens or 0.0) - 1e-6))
        if s.limiter == "sliding-window":
            return max(0, most_in_window(times, s.window) - s.limit)
        if s.limiter == "semaphore":
            return max(0, self.peak_in_flight - s.limit)
        if s.limiter == "bounded-queue":
            return max(0, self.peak_waiting - s.limit)
        return 0

    def figures(self) -> dict[str, object]:
        return {
            "offered": len(offered_schedule(self.settings.offered, self.settings.seconds)),
            "admitted": len(self.admitted_ms),
            "rejected": self.rejected,
            "served": self.served,
            "overLimit": self.over_limit(),
            "peakAdmittedPerSec": most_in_window(self.admitted_ms, 1000),
            "peakInFlight": self.peak_in_flight,
            "peakWaiting": self.peak_waiting,
            "maxLatencyMs": round(self.max_latency_ms),
            "producerLagMs": round(self.producer_lag_ms),
            "lowestTokens": "" if self.lowest_tokens is None else f"{self.lowest_tokens:.2f}",
        }


def most_in_window(times: list[float], window_ms: float) -> int:
    """The most of `times` in one window of `window_ms` (a half-open span ending at one of them)."""
    most, first = 0, 0
    for j, ms in enumerate(times):
        while times[first] <= ms - window_ms + ROUNDING:
            first += 1
        most = max(most, j - first + 1)
    return most


def run(settings: Settings) -> dict[str, object]:
    api = Api(settings)
    with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
        runner.run(api.main())
    return api.figures()


COLUMNS = ["offered", "admitted", "rejected", "served", "overLimit", "peakAdmittedPerSec", "peakInFlight", "peakWaiting", "maxLatencyMs", "producerLagMs", "lowestTokens"]


def table(rows: list[tuple[str, Settings]]) -> None:
    print(f"{'':<34}" + " ".join(f"{name:>{max(len(name), 6)}}" for name in COLUMNS))
    for title, settings in rows:
        figures = run(settings)
        print(f"{title:<34}" + " ".join(f"{figures[name]!s:>{max(len(name), 6)}}" for name in COLUMNS))


def main() -> None:
    parser = argparse.ArgumentParser(description="Semaphores, token buckets, sliding windows and bounded queues on asyncio, on a virtual clock.")
    parser.add_argument("--limiter", choices=["none", "semaphore", "token-bucket", "sliding-window", "bounded-queue"])
    parser.add_argument("--offered", type=int, default=40, help="requests a second at the spike (default 40)")
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--limit", type=int, default=4, help="semaphore permits, admissions per window, queue places (default 4)")
    parser.add_argument("--rate", type=int, default=16, help="token bucket: tokens a second (default 16)")
    parser.add_argument("--burst", type=int, default=8, help="token bucket: tokens kept (default 8)")
    parser.add_argument("--window", type=int, default=250, help="sliding window, ms (default 250)")
    parser.add_argument("--bucket", choices=list(BUCKETS), default="take-first", help="which token bucket (default take-first)")
    args = parser.parse_args()
    base = Settings(args.limiter or "none", args.offered, args.seconds, args.limit, args.rate, args.burst, args.window, args.bucket)

    if args.limiter is not None:
        table([(f"{base.limiter} ({base.offered}/s at the spike)", base)])
        return
    print(f"Every limiter at {base.offered} requests/s at the spike, {base.offered / 4:g}/s before and after:")
    table([(limiter, replace(base, limiter=limiter)) for limiter in ["none", "semaphore", "token-bucket", "sliding-window", "bounded-queue"]])
    print("\nThe token bucket under heavier spikes, with the await between check and take, and the two fixes:")
    table(
        [
            (f"{bucket} at {offered}/s", replace(base, limiter="token-bucket", bucket=bucket, offered=offered))
            for offered in [40, 200, 500]
            for bucket in BUCKETS
        ]
    )


if __name__ == "__main__":
    main()
