#!/usr/bin/env python3
"""Pools, caches and gateways with asyncio: a connection pool, a worker pool, a TTL cache.

Two bursts of requests, 25 ms apart, with a quiet spell between them. In
pool mode every request is a task that borrows a connection from the pool
for a 100 ms query; in gateway mode a worker pool of handler tasks takes
the requests from an asyncio.Queue and answers each from a TTL cache, or
on a miss fetches its key from the backend (80 ms) over a pooled
connection. The pool keeps min_size connections open, opens more up to
max_size (50 ms each), reaps those idle for idle_ms, and answers 503 when a
request waits longer than the acquire timeout. A health check looks every
100 ms.

Two caches: check-then-fetch (the lesson's starter), where every request
that misses a key while it is being fetched fetches it again (a cache
stampede), and single-flight, where such a request awaits the fetch under
way instead.

The event loop runs on a virtual clock (VirtualClockLoop below): when no
task is ready, time jumps to the next timer, so the bursts take no real
time and every run prints the same figures. Where two events fall due at
the very same moment the page and this loop may order them differently, so
a figure can differ a little from the page's.

    python3 reference.py
    python3 reference.py --mode gateway --ttl-ms 1000 --cache single-flight
    python3 reference.py --mode pool --max-size 2 --acquire-timeout-ms 2000

Standard library only; runs on CPython 3.11 and later.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import math
import selectors
from dataclasses import dataclass, field, replace

CONNECT_MS = 50  # opening a new connection
QUERY_MS = 100  # one query, in pool mode
BACKEND_MS = 80  # one fetch from the backend, in gateway mode
ARRIVAL_MS = 25  # between two requests of a burst
HEALTH_MS = 100  # how often the health check looks
REAP_EVERY_MS = 100  # how often the reaper looks for idle connections


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


def clock() -> float:
    return asyncio.get_running_loop().time()


def arrivals(requests: int, quiet_ms: int) -> list[int]:
    """When each request arrives, in ms: half of them in a first burst, the rest after the quiet spell."""
    first = math.ceil(requests / 2)
    second_start = (first - 1) * ARRIVAL_MS + quiet_ms
    return [i * ARRIVAL_MS if i < first else second_start + (i - first) * ARRIVAL_MS for i in range(requests)]


def requested_keys(requests: int, keys: int) -> list[int]:
    """A fixed pseudo-random mix (the MINSTD generator, as on the page) in which key 0 is hot and each next key rarer."""
    seed, mix = 17, []
    for _ in range(requests):
        seed = seed * 48271 % 2147483647
        mix.append(math.floor(keys * (seed / 2147483647) ** 2))
    return mix


def percentile(values: list[float], percent: float) -> float:
    """Nearest rank; 0 for none."""
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


class PoolTimeout(Exception):
    """No connection came free within the acquire timeout: the request is answered 503."""


class Pool:
    """An async connection pool: a semaphore bounds the connections lent out, idle ones wait in a list, a reaper closes the surplus."""

    def __init__(self, min_size: int, max_size: int, idle_ms: int, acquire_timeout_ms: int) -> None:
        if min_size > max_size:
            raise ValueError(f"min_size ({min_size}) is larger than max_size ({max_size})")
        self.min_size, self.idle_ms, self.acquire_timeout_ms = min_size, idle_ms, acquire_timeout_ms
        self.permits = asyncio.Semaphore(max_size)
        self.idle: list[tuple[int, float]] = []  # (connection, returned at), most recently returned last
        self.open = self.in_use = self.waiting = self.opened = self.reaped = 0
        self.peak_open = self.peak_in_use = self.peak_waiting = 0

    def _watch(self) -> None:
        self.peak_open = max(self.peak_open, self.open)
        self.peak_in_use = max(self.peak_in_use, self.in_use)
        self.peak_waiting = max(self.peak_waiting, self.waiting)

    async def _connect(self) -> int:
        self.open += 1
        self.opened += 1
        connection = self.opened
        self._watch()
        await asyncio.sleep(CONNECT_MS / 1000)
        return connection

    async def start(self) -> None:
        connections = await asyncio.gather(*(self._connect() for _ in range(self.min_size)))
        self.idle.extend((connection, clock()) for connection in connections)

    async def acquire(self) -> int:
        queued = self.permits.locked()  # every connection is lent out: this borrower waits its turn
        if queued:
            self.waiting += 1
            self._watch()
        try:
            async with asyncio.timeout(self.acquire_timeout_ms / 1000):
                await self.permits.acquire()
        except TimeoutError:
            raise PoolTimeout(f"no connection free within {self.acquire_timeout_ms} ms") from None
        finally:
            if queued:
                self.waiting -= 1
        self.in_use += 1
        self._watch()
        # The most recently returned first: a burst's surplus stays idle together, where the reaper finds it.
        return self.idle.pop()[0] if self.idle else await self._connect()

    def release(self, connection: int) -> None:
        self.idle.append((connection, clock()))
        self.in_use -= 1
        self.permits.release()

    def reap(self) -> None:
        cutoff = clock() - self.idle_ms / 1000
        while self.open > self.min_size and self.idle and self.idle[0][1] <= cutoff + 1e-9:
            self.idle.pop(0)  # the oldest: close it
            self.open -= 1
            self.reaped += 1


async def every(every_ms: int, stop: asyncio.Event, body) -> None:
    """Runs `body` every `every_ms` until `stop` is set."""
    while not stop.is_set():
        try:
            async with asyncio.timeout(every_ms / 1000):
                await stop.wait()
        except TimeoutError:
            body()


@dataclass
class Entry:
    value: str
    expires: float


class CheckThenFetchCache:
    """The lesson's starter: a request that misses while its key is being fetched fetches it again."""

    def __init__(self, ttl_ms: int, fetch) -> None:
        self.ttl_ms, self.fetch = ttl_ms, fetch
        self.entries: dict[int, Entry] = {}
        self.hits = self.misses = self.joined = 0

    def fresh(self, key: int) -> str | None:
        entry = self.entries.get(key)
        return entry.value if entry and clock() < entry.expires - 1e-9 else None

    async def _fetch_and_store(self, key: int) -> str:
        value = await self.fetch(key)
        self.entries[key] = Entry(value, clock() + self.ttl_ms / 1000)
        return value

    async def get(self, key: int) -> str:
        if (cached := self.fresh(key)) is not None:
            self.hits += 1
            return cached
        self.misses += 1
        return await self._fetch_and_store(key)  # other requests for this key run here, miss, and fetch too


class SingleFlightCache(CheckThenFetchCache):
    """One fetch per key at a time: a request that misses while one is under way awaits it."""

    def __init__(self, ttl_ms: int, fetch) -> None:
        super().__init__(ttl_ms, fetch)
        self.in_flight: dict[int, asyncio.Task[str]] = {}

    async def _fetch_once(self, key: int) -> str:
        try:
            return await self._fetch_and_store(key)
        finally:
            del self.in_flight[key]

    async def get(self, key: int) -> str:
        if (cached := self.fresh(key)) is not None:
            self.hits += 1
            return cached
        if key in self.in_flight:
            self.joined += 1
            return await self.in_flight[key]
        self.misses += 1
        # Stored before the first await: a request that misses a moment later finds it.
        self.in_flight[key] = asyncio.create_task(self._fetch_once(key), name=f"fetch key {key}")
        return await self.in_flight[key]


CACHES = {"check-then-fetch": CheckThenFetchCache, "single-flight": SingleFlightCache}


@dataclass
class Settings:
    mode: str = "pool"
    requests: int = 40
    min_size: int = 2
    max_size: int = 5
    idle_ms: int = 500
    acquire_timeout_ms: int = 300
    quiet_ms: int = 1500
    handlers: int = 4
    keys: int = 4
    ttl_ms: int = 500
    cache: str = "check-then-fetch"


@dataclass
class Service:
    s: Settings
    latencies_ms: list[float] = field(default_factory=list)
    timeouts: int = 0
    backend_calls: int = 0
    duplicate_fetches: int = 0
    fetching: dict[int, int] = field(default_factory=dict)
    open_at_second_burst: int = -1
    health_checks: int = 0
    degraded_checks: int = 0
    failed_since_check: int = 0

    async def main(self) -> dict[str, object]:
        s = self.s
        pool = Pool(s.min_size, s.max_size, s.idle_ms, s.acquire_timeout_ms)
        cache = CACHES[s.cache](s.ttl_ms, lambda key: self.fetch(pool, key))
        schedule = arrivals(s.requests, s.quiet_ms)
        keys = requested_keys(s.requests, s.keys)
        second_burst_ms = schedule[math.ceil(s.requests / 2)] if s.requests > 1 else math.inf

        await pool.start()
        started = clock()

        def check_health() -> None:
            # Degraded: a request is waiting for a connection, or one was refused since the last look.
            healthy = pool.waiting == 0 and self.failed_since_check == 0
            self.failed_since_check = 0
            self.health_checks += 1
            self.degraded_checks += not healthy

        async def handle(i: int) -> None:
            try:
                if s.mode == "pool":
                    connection = await pool.acquire()
                    try:
                        await asyncio.sleep(QUERY_MS / 1000)
                    finally:
                        pool.release(connection)
                else:
                    await cache.get(keys[i])
                self.latencies_ms.append((clock() - started) * 1000 - schedule[i])
            except PoolTimeout:
                self.timeouts += 1  # 503 Service Unavailable
                self.failed_since_check += 1

        async def arrive(at_ms: int) -> None:
            wait = at_ms / 1000 - (clock() - started)
            if wait > 0:
                await asyncio.sleep(wait)
            if at_ms == second_burst_ms:
                self.open_at_second_burst = pool.open

        stop = asyncio.Event()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(every(REAP_EVERY_MS, stop, pool.reap), name="reaper")
            tg.create_task(every(HEALTH_MS, stop, check_health), name="health")
            if s.mode == "pool":
                async with asyncio.TaskGroup() as requests:  # each request a task: nothing but the pool limits them
                    for i, at_ms in enumerate(schedule):
                        await arrive(at_ms)
                        requests.create_task(handle(i), name=f"request {i + 1}")
            else:
                queue: asyncio.Queue[int | None] = asyncio.Queue()

                async def handler() -> None:  # the worker pool: handlers take requests from one queue
                    while (i := await queue.get()) is not None:
                        await handle(i)

                async with asyncio.TaskGroup() as workers:
                    for n in range(s.handlers):
                        workers.create_task(handler(), name=f"handler {n + 1}")
                    for i, at_ms in enumerate(schedule):
                        await arrive(at_ms)
                        queue.put_nowait(i)
                    for _ in range(s.handlers):
                        queue.put_nowait(None)  # one "no more work" for each handler
            stop.set()

        answered = len(self.latencies_ms)
        return {
            "served": answered,
            "timeouts": self.timeouts,
            "p50Ms": round(percentile(self.latencies_ms, 50)),
            "p95Ms": round(percentile(self.latencies_ms, 95)),
            "peakOpen": pool.peak_open,
            "peakWaiting": pool.peak_waiting,
            "opened": pool.opened,
            "reaped": pool.reaped,
            "openAt2nd": self.open_at_second_burst,
            "health": f"{self.health_checks - self.degraded_checks}/{self.health_checks}",
            "hitRatio": round(100 * cache.hits / (answered + self.timeouts)) if s.mode == "gateway" else 0,
            "joined": cache.joined,
            "backendCalls": self.backend_calls,
            "duplicates": self.duplicate_fetches,
        }

    async def fetch(self, pool: Pool, key: int) -> str:
        """One call to the backend over a pooled connection; counts a fetch of a key already being fetched."""
        self.backend_calls += 1
        already = self.fetching.get(key, 0)
        self.duplicate_fetches += already > 0
        self.fetching[key] = already + 1
        try:
            connection = await pool.acquire()
            try:
                await asyncio.sleep(BACKEND_MS / 1000)
                return f"value of key {key}"
            finally:
                pool.release(connection)
        finally:
            self.fetching[key] -= 1


def run(settings: Settings) -> dict[str, object]:
    with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
        return runner.run(Service(settings).main())


COLUMNS = ["served", "timeouts", "p50Ms", "p95Ms", "peakOpen", "peakWaiting", "opened", "reaped", "openAt2nd", "health", "hitRatio", "joined", "backendCalls", "duplicates"]


def table(rows: list[tuple[str, Settings]]) -> None:
    print(f"{'':<40}" + " ".join(f"{name:>{max(len(name), 5)}}" for name in COLUMNS))
    for title, settings in rows:
        figures = run(settings)
        print(f"{title:<40}" + " ".join(f"{figures[name]!s:>{max(len(name), 5)}}" for name in COLUMNS))


def main() -> None:
    parser = argparse.ArgumentParser(description="An async connection pool, a worker pool and a TTL cache, on a virtual clock.")
    parser.add_argument("--mode", choices=["pool", "gateway"])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--min-size", type=int, default=2)
    parser.add_argument("--max-size", type=int, default=5)
    parser.add_argument("--idle-ms", type=int, default=500)
    parser.add_argument("--acquire-timeout-ms", type=int, default=300)
    parser.add_argument("--quiet-ms", type=int, default=1500)
    parser.add_argument("--handlers", type=int, default=4)
    parser.add_argument("--keys", type=int, default=4)
    parser.add_argument("--ttl-ms", type=int, default=500)
    parser.add_argument("--cache", choices=list(CACHES), default="check-then-fetch")
    args = parser.parse_args()
    base = Settings(
        args.mode or "pool", args.requests, args.min_size, args.max_size, args.idle_ms,
        args.acquire_timeout_ms, args.quiet_ms, args.handlers, args.keys, args.ttl_ms, args.cache,
    )

    if args.mode is not None:
        table([(f"{base.mode}" + (f", {base.cache}, ttl {base.ttl_ms} ms" if base.mode == "gateway" else ""), base)])
        return
    print(f"The pool: {base.requests} requests in two bursts, a {QUERY_MS} ms query each (health: ok looks / looks):")
    table(
        [
            (f"min {base.min_size}, max {base.max_size} (the defaults)", base),
            (f"min 5, max 5 (warm)", replace(base, min_size=5, max_size=5)),
            (f"min {base.min_size}, max 2 (exhausted)", replace(base, max_size=2)),
            (f"min {base.min_size}, max 2, acquire timeout 2 s", replace(base, max_size=2, acquire_timeout_ms=2000)),
        ]
    )
    print(f"\nThe gateway: {base.handlers} handlers, {base.keys} keys, a {BACKEND_MS} ms fetch per miss, with each cache:")
    table(
        [
            (f"{cache}, ttl {ttl} ms", replace(base, mode="gateway", cache=cache, ttl_ms=ttl))
            for ttl in [base.ttl_ms, 3000, 0]
            for cache in CACHES
        ]
    )


if __name__ == "__main__":
    main()
