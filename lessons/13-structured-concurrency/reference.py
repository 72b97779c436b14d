#!/usr/bin/env python3
"""Structured concurrency: TaskGroup, gather, timeouts and a graceful shutdown.

A server renders dashboard pages one after another. Each page asks three
backend services at once (profile, orders, recommendations), one task per
call, and is ready when all three have answered. A call holds a connection
until it ends, however it ends (its `finally`). After each page the server
writes an audit record in the background. The program counts how every
call and every audit write ended, and prints the same figures as the
lesson's page:

1. asyncio.gather: the first failure reaches the page at once, and the
   page's other calls run on without it (orphaned), some past the end of main.
2. gather(return_exceptions=True): the page waits for every call, so
   nothing is orphaned, but the answers of a failed page are wasted.
3. asyncio.TaskGroup: the first failure cancels the other calls; they see
   CancelledError at their await, and their `finally` blocks run.
4. asyncio.timeout around each page: the calls inside are cancelled, the
   page sees TimeoutError.
5. Fire-and-forget audit tasks against a slow store leak past main; a
   graceful shutdown keeps them in a set and waits with asyncio.wait_for,
   which cancels the stragglers and waits for their cleanup.

The event loop runs on a virtual clock (VirtualClockLoop below): when no
task is ready, time jumps to the next timer. Waits of hundreds of
milliseconds take no real time, and every run prints the same numbers.
(Where two events fall due at the very same virtual moment, the page lets
a completed I/O go before a timer, and this loop may not: pick times that
do not tie exactly when you compare the two.) Pass --real-time for the
ordinary loop: the counts stay the same.

    python3 reference.py
    python3 reference.py --fanout taskgroup --pages 6 --fail-rate 0 --timeout-ms 250
    python3 reference.py --fanout taskgroup --audit-ms 300 --shutdown graceful

Standard library only; runs on CPython 3.11 and later.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import selectors
from dataclasses import dataclass, field

SERVICES = ("profile", "orders", "recs")
FAIL_MS = 40  # a failing call gets its error back this soon


def latency_ms(service: str, page: int) -> int:
    """How long a service takes to answer: recommendations miss their cache on every second page."""
    if service == "profile":
        return 110
    if service == "orders":
        return 230
    return 170 if page % 2 == 1 else 370


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


@dataclass
class Settings:
    pages: int = 4
    fail_rate: int = 20  # percent of backend calls that fail, spread evenly
    fanout: str = "gather"  # gather, gather-exceptions or taskgroup
    timeout_ms: int = 0  # deadline per page; 0: none
    audit_ms: int = 50
    grace_ms: int = 100
    shutdown: str = "fire-and-forget"  # or graceful


@dataclass
class Server:
    settings: Settings
    calls: int = 0
    open: int = 0
    peak_connections: int = 0
    page_open: dict[int, bool] = field(default_factory=dict)
    page_outcome: list[str] = field(default_factory=list)
    page_ms: list[int] = field(default_factory=list)
    ended: dict[str, int] = field(default_factory=lambda: {"done": 0, "failed": 0, "cancelled": 0})
    per_page: dict[str, dict[int, int]] = field(default_factory=lambda: {"done": {}, "failed": {}, "cancelled": {}})
    orphaned: int = 0
    leaked: int = 0
    audits_written: int = 0
    audits_cancelled: int = 0
    background: set[asyncio.Task] = field(default_factory=set)
    returned: bool = False
    elapsed_ms: int = 0
    left_running: list[str] = field(default_factory=list)
    started_at: float = 0.0

    def now(self) -> int:
        """Milliseconds since main began."""
        return round((asyncio.get_running_loop().time() - self.started_at) * 1000)

    def fails(self, k: int) -> bool:
        rate = self.settings.fail_rate
        return k * rate // 100 > (k - 1) * rate // 100

    async def call(self, page: int, service: str) -> None:
        self.calls += 1
        k = self.calls
        self.open += 1
        self.peak_connections = max(self.peak_connections, self.open)
        ended = "done"
        try:
            if self.fails(k):
                await asyncio.sleep(FAIL_MS / 1000)
                raise ConnectionError(f"{service} answered 503")
            await asyncio.sleep(latency_ms(service, page) / 1000)
        except asyncio.CancelledError:
            ended = "cancelled"
            raise
        except Exception:
            ended = "failed"
            raise
        finally:
            self.open -= 1  # the connection goes back to the pool
            self.ended[ended] += 1
            self.per_page[ended][page] = self.per_page[ended].get(page, 0) + 1
            if not self.page_open[page]:
                self.orphaned += 1
            if self.returned:
                self.leaked += 1

    async def fetch_page(self, page: int) -> None:
        fanout = self.settings.fanout

        def calls() -> list[asyncio.Task]:
            return [asyncio.create_task(self.call(page, s), name=f"p{page}-{s}") for s in SERVICES]

        if fanout == "gather":
            await asyncio.gather(*calls())
        elif fanout == "gather-exceptions":
            answers = await asyncio.gather(*calls(), return_exceptions=True)
            error = next((a for a in answers if isinstance(a, Exception)), None)
            if error is not None:
                raise error
        else:
            async with asyncio.TaskGroup() as tg:
                for s in SERVICES:
                    tg.create_task(self.call(page, s), name=f"p{page}-{s}")

    async def audit(self, page: int) -> None:
        written = False
        try:
            await asyncio.sleep(self.settings.audit_ms / 1000)
            written = True
        finally:
            if self.returned:
                self.leaked += 1
            elif written:
                self.audits_written += 1
            else:
                self.audits_cancelled += 1

    async def serve(self, page: int) -> None:
        began = self.now()
        self.page_open[page] = True
        outcome = "ok"
        try:
            if self.settings.timeout_ms > 0:
                async with asyncio.timeout(self.settings.timeout_ms / 1000):
                    await self.fetch_page(page)
            else:
                await self.fetch_page(page)
        except TimeoutError:
            outcome = "timed out"
        except Exception:  # a call's error, or the TaskGroup's ExceptionGroup
            outcome = "failed"
        finally:
            self.page_open[page] = False
        self.page_ms.append(self.now() - began)
        self.page_outcome.append(outcome)

        task = asyncio.create_task(self.audit(page), name=f"audit-{page}")
        if self.settings.shutdown == "graceful":
            # Keep a reference until it is done: the loop itself keeps only a weak one.
            self.background.add(task)
            task.add_done_callback(self.background.discard)

    async def main(self) -> None:
        self.started_at = asyncio.get_running_loop().time()
        for page in range(1, self.settings.pages + 1):
            await self.serve(page)

        if self.settings.shutdown == "graceful":
            try:
                await asyncio.wait_for(asyncio.gather(*self.background, return_exceptions=True), self.settings.grace_ms / 1000)
            except TimeoutError:
                pass  # wait_for cancelled the stragglers and waited for their cleanup
        else:
            await asyncio.sleep(self.settings.grace_ms / 1000)  # and hope

        self.elapsed_ms = self.now()
        me = asyncio.current_task()
        self.left_running = sorted(t.get_name() for t in asyncio.all_tasks() if t is not me)
        self.returned = True  # a task that ends after this line outlived main

    def result(self) -> dict[str, object]:
        pages = range(1, self.settings.pages + 1)
        done = [self.per_page["done"].get(p, 0) for p in pages]
        return {
            "pagesOk": self.page_outcome.count("ok"),
            "pagesFailed": self.page_outcome.count("failed"),
            "pagesTimedOut": self.page_outcome.count("timed out"),
            "started": self.calls,
            "done": self.ended["done"],
            "failed": self.ended["failed"],
            "cancelled": self.ended["cancelled"],
            "orphaned": self.orphaned,
            "wasted": sum(d for d, outcome in zip(done, self.page_outcome) if outcome != "ok"),
            "leaked": self.leaked,
            "auditsWritten": self.audits_written,
            "auditsCancelled": self.audits_cancelled,
            "peakConnections": self.peak_connections,
            "elapsedMs": self.elapsed_ms,
            "pageMs": self.page_ms,
            "callsDone": done,
            "callsFailed": [self.per_page["failed"].get(p, 0) for p in pages],
            "callsCancelled": [self.per_page["cancelled"].get(p, 0) for p in pages],
        }


def run(settings: Settings, real_time: bool = False) -> tuple[dict[str, object], list[str]]:
    """One run, as asyncio.run does it: main, then every task left is cancelled and run to its end."""
    server = Server(settings)
    with asyncio.Runner(loop_factory=None if real_time else VirtualClockLoop) as runner:
        runner.run(server.main())
    return server.result(), server.left_running


def show(title: str, settings: Settings, fields: list[str], real_time: bool) -> None:
    result, left = run(settings, real_time)
    print(title)
    print("   " + ", ".join(f"{name} {result[name]}" for name in fields))
    if left:
        print(f"   still running when main returned, then cancelled by asyncio.run: {', '.join(left)}")


def tour(base: Settings, real_time: bool) -> None:
    from dataclasses import replace

    calls = ["pagesOk", "pagesFailed", "done", "failed", "cancelled", "orphaned", "wasted", "leaked", "peakConnections", "pageMs"]
    show("1. gather: the first failure fails the page, and its other calls run on", base, calls, real_time)
    show("2. gather(return_exceptions=True): every call is waited for", replace(base, fanout="gather-exceptions"), calls, real_time)
    show("3. TaskGroup: the first failure cancels the other calls", replace(base, fanout="taskgroup"), calls, real_time)
    deadline = replace(base, fanout="taskgroup", fail_rate=0, timeout_ms=250)
    show("4. TaskGroup inside asyncio.timeout(0.25), no failures: the slow pages time out", deadline, ["pagesOk", "pagesTimedOut", "done", "cancelled", "orphaned", "pageMs"], real_time)
    audits = ["auditsWritten", "auditsCancelled", "leaked", "elapsedMs"]
    slow = replace(base, fanout="taskgroup", audit_ms=300)
    show("5. Audit writes of 0.3 s, fire and forget, then sleep(0.1) at shutdown", slow, audits, real_time)
    show("   The same with a graceful shutdown: wait_for(gather(*background), 0.1)", replace(slow, shutdown="graceful"), audits, real_time)


def main() -> None:
    parser = argparse.ArgumentParser(description="TaskGroup vs gather, timeouts, and a graceful shutdown, on a virtual clock.")
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--fail-rate", type=int, default=20, help="percent of backend calls that fail (default 20)")
    parser.add_argument("--fanout", choices=["gather", "gather-exceptions", "taskgroup"])
    parser.add_argument("--timeout-ms", type=int, default=0, help="deadline per page (default 0: none)")
    parser.add_argument("--audit-ms", type=int, default=50)
    parser.add_argument("--grace-ms", type=int, default=100)
    parser.add_argument("--shutdown", choices=["fire-and-forget", "graceful"], default="fire-and-forget")
    parser.add_argument("--real-time", action="store_true", help="the ordinary event loop: real sleeps, the same counts")
    args = parser.parse_args()

    settings = Settings(args.pages, args.fail_rate, args.fanout or "gather", args.timeout_ms, args.audit_ms, args.grace_ms, args.shutdown)
    if args.fanout is None:
        tour(settings, args.real_time)
    else:
        result, left = run(settings, args.real_time)
        for name, value in result.items():
            print(f"{name}: {value}")
        if left:
            print(f"still running when main returned, then cancelled by asyncio.run: {', '.join(left)}")


if __name__ == "__main__":
    main()
