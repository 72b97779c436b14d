#!/usr/bin/env python3
"""Pipelines in asyncio: stages joined by queues, an error channel, statistics,
a CPU stage on a process pool, and a crawler.

1. pipeline: a reader puts records in an inbox (at most 4 waiting), processors
   call a slow service for each and put the answers in an outbox (at most 4),
   writers store them. A record that fails goes to an error channel, a queue
   that one task reports. Each stage counts what it finished and the time
   its tasks spent on it: its rate is what it can manage while it has work.
2. hybrid: the same, with the processing done as CPU work on a
   ProcessPoolExecutor, through loop.run_in_executor.
3. crawler: crawler tasks walk a simulated site of 30 pages from page 0,
   following links to a depth limit, each page fetched once (a `seen` set),
   never more fetches at once than there are crawlers.

Two shutdowns: "grace" waits until the first queue is empty, sleeps 0.1 s and
cancels the stages, dropping what is still in flight; "join" joins every queue
from the first to the last, then cancels the stages, idle by then.

The pipeline and the crawler run on an event loop with a virtual clock
(VirtualClockLoop below): when no task is ready, time jumps to the next
timer, so waits take no real time and every run prints the same figures as
the lesson's page. The hybrid pipeline computes for real, on the ordinary
loop, so its times are real and vary with the machine's load.

    python3 reference.py
    python3 reference.py --mode pipeline --process-ms 150 --shutdown grace
    python3 reference.py --mode crawler --depth 3 --processors 2
    python3 reference.py --mode hybrid --processors 2

Standard library only; runs on CPython 3.11 and later.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import selectors
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

READ_MS = 10  # the reader fetches a record from the source
WRITE_MS = 10  # a writer stores one record
POLL_S = 0.01  # how often the grace shutdown looks at the first queue
GRACE_S = 0.1  # how long the grace shutdown lets the last records finish
PAGES = 30  # the simulated site's size
STAGES = ("read", "process", "write")


def links_of(page: int) -> list[int]:
    """Page p links to three others; page 0 is the home page."""
    return [(2 * page + 1) % PAGES, (3 * page + 2) % PAGES, (5 * page + 3) % PAGES]


def fails(k: int, rate: int) -> bool:
    """The k-th record (from 1) fails when its share of `rate` percent comes due: the failures are spread evenly."""
    return k * rate // 100 > (k - 1) * rate // 100


def crunch(item: int, ms: int) -> int:
    """The hybrid pipeline's CPU stage: about `ms` of pure-Python computing, in a pool's process."""
    until = time.perf_counter() + ms / 1000
    while time.perf_counter() < until:
        pass  # pure-Python computing holds this process's GIL, as real parsing code would
    return item * item


class _InstantSelector(selectors.DefaultSelector):
    """Never sleeps: with no I/O ready, it moves the loop's clock on to the next timer."""

    def __init__(self, loop: VirtualClockLoop) -> None:
        super().__init__()
        self._loop = loop

    def select(self, timeout: float | None = None):
        events = super().select(0)
        if not events and timeout is None:
            raise RuntimeError("deadlock: no task is ready and no timer is pending")
        if not events and timeout > 0:
            self._loop.advance(timeout)
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

    def advance(self, timeout: float) -> None:
        """Moves time to the next timer's own deadline, not to now + timeout rounded."""
        while self._deadlines and self._deadlines[0] <= self.now:
            heapq.heappop(self._deadlines)
        target = self.now + timeout
        self.now = heapq.heappop(self._deadlines) if self._deadlines and self._deadlines[0] <= target + 1e-9 else target


@dataclass
class Settings:
    mode: str = "pipeline"  # pipeline, hybrid or crawler
    items: int = 12
    processors: int = 3
    writers: int = 1
    process_ms: int = 40
    error_rate: int = 10
    depth: int = 2
    shutdown: str = "join"  # or grace


@dataclass
class Stats:
    produced: int = 0
    written: int = 0
    failed: int = 0
    failed_ids: list[int] = field(default_factory=list)
    fetches: dict[int, int] = field(default_factory=dict)
    busy: int = 0
    peak_busy: int = 0
    inbox_peak: int = 0
    done: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    work_ms: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))  # time spent on records, added up
    cpu_ms: float = 0.0
    elapsed_ms: float = 0.0


class Pipeline:
    def __init__(self, settings: Settings, pool: ProcessPoolExecutor | None = None) -> None:
        self.s = settings
        self.pool = pool
        self.stats = Stats()
        self.inbox: asyncio.Queue[int] = asyncio.Queue(4)
        self.outbox: asyncio.Queue[int] = asyncio.Queue(4)
        self.errors: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
        self.frontier: asyncio.Queue[tuple[int, int]] = asyncio.Queue()
        self.seen: set[int] = set()
        self.t0 = asyncio.get_running_loop().time()

    def now(self) -> float:
        return (asyncio.get_running_loop().time() - self.t0) * 1000

    def watch_queues(self) -> None:
        self.stats.inbox_peak = max(self.stats.inbox_peak, self.inbox.qsize() + self.frontier.qsize())

    def enter(self) -> float:
        self.watch_queues()
        return self.now()

    def leave(self, stage: str, started: float) -> None:
        """A record done: its time counts as the stage's work, and the waits between records do not."""
        self.stats.done[stage] += 1
        self.stats.work_ms[stage] += self.now() - started
        self.watch_queues()

    async def report_errors(self) -> None:
        while True:
            item, _error = await self.errors.get()
            self.stats.failed += 1
            self.stats.failed_ids.append(item)
            self.errors.task_done()

    async def read(self) -> None:
        for item in range(1, self.s.items + 1):
            started = self.enter()
            await asyncio.sleep(READ_MS / 1000)
            self.stats.produced += 1
            self.leave("read", started)
            await self.inbox.put(item)
            self.watch_queues()

    async def process_one(self, item: int) -> int:
        if self.s.mode == "hybrid":
            started = time.perf_counter()
            answer = await asyncio.get_running_loop().run_in_executor(self.pool, crunch, item, self.s.process_ms)
            self.stats.cpu_ms += (time.perf_counter() - started) * 1000
        else:
            await asyncio.sleep(self.s.process_ms / 1000)
            answer = item * item
        if fails(item, self.s.error_rate):
            raise ValueError(f"record {item}: the service refused it")
        return answer

    async def process_records(self) -> None:
        while True:
            item = await self.inbox.get()
            started = self.enter()
            self.stats.busy += 1
            self.stats.peak_busy = max(self.stats.peak_busy, self.stats.busy)
            try:
                try:
                    answer = await self.process_one(item)
                except Exception as error:  # a CancelledError is not an Exception: it goes through
                    self.stats.busy -= 1
                    self.leave("process", started)
                    await self.errors.put((item, str(error)))
                else:
                    self.stats.busy -= 1
                    self.leave("process", started)
                    await self.outbox.put(answer)
                    self.watch_queues()
            finally:
                self.inbox.task_done()

    async def write_records(self) -> None:
        while True:
            await self.outbox.get()
            started = self.enter()
            await asyncio.sleep(WRITE_MS / 1000)
            self.stats.written += 1
            self.leave("write", started)
            self.outbox.task_done()

    def discover(self, page: int, depth: int) -> None:
        if page in self.seen:
            return
        self.seen.add(page)  # no await between the check and the update: no other crawler can slip in
        self.stats.produced += 1
        self.frontier.put_nowait((page, depth))
        self.watch_queues()

    async def crawl(self) -> None:
        while True:
            page, depth = await self.frontier.get()
            started = self.enter()
            self.stats.busy += 1
            self.stats.peak_busy = max(self.stats.peak_busy, self.stats.busy)
            try:
                self.stats.fetches[page] = self.stats.fetches.get(page, 0) + 1
                await asyncio.sleep(self.s.process_ms / 1000)
                self.leave("process", started)
                if fails(page + 1, self.s.error_rate):
                    await self.errors.put((page, f"page {page}: 503 from the server"))
                else:
                    self.stats.written += 1
                    if depth < self.s.depth:
                        for link in links_of(page):
                            self.discover(link, depth + 1)
            finally:
                self.stats.busy -= 1
                self.frontier.task_done()

    async def shutdown(self, stages: list[asyncio.Task], queues: list[asyncio.Queue]) -> None:
        if self.s.shutdown == "grace":
            while not queues[0].empty():  # every record taken: not every record finished
                await asyncio.sleep(POLL_S)
            await asyncio.sleep(GRACE_S)  # and hope the last ones are through by then
        else:
            for queue in queues:
                await queue.join()  # every item put in it taken and marked done
        for task in stages:
            task.cancel()
        await asyncio.gather(*stages, return_exceptions=True)

    async def run(self) -> None:
        stages = [asyncio.create_task(self.report_errors(), name="errors")]
        if self.s.mode == "crawler":
            stages += [asyncio.create_task(self.crawl(), name=f"crawler {i}") for i in range(1, self.s.processors + 1)]
            self.discover(0, 0)
            await self.shutdown(stages, [self.frontier, self.errors])
        else:
            stages += [asyncio.create_task(self.process_records(), name=f"processor {i}") for i in range(1, self.s.processors + 1)]
            stages += [asyncio.create_task(self.write_records(), name=f"writer {i}") for i in range(1, self.s.writers + 1)]
            await self.read()
            await self.shutdown(stages, [self.inbox, self.outbox, self.errors])
        self.stats.elapsed_ms = self.now()

    def result(self) -> dict[str, object]:
        st = self.stats

        width = {"read": 1, "process": self.s.processors, "write": self.s.writers}

        def rate(stage: str) -> int:
            """Records a second the stage manages while it has work: each task's pace, times its tasks."""
            work = st.work_ms[stage]
            return round(st.done[stage] * width[stage] * 1000 / work) if work > 0 else 0

        figures: dict[str, object] = {
            "produced": st.produced,
            "written": st.written,
            "failed": st.failed,
            "lost": st.produced - st.written - st.failed,
            "failedIds": st.failed_ids,
            "stageRate": [rate("process")] if self.s.mode == "crawler" else [rate(s) for s in STAGES],
            "inboxPeak": st.inbox_peak,
            "peakBusy": st.peak_busy,
            "elapsedMs": round(st.elapsed_ms),
            "itemsPerS": round(st.written * 1000 / st.elapsed_ms) if st.elapsed_ms > 0 else 0,
        }
        if self.s.mode == "crawler":
            figures["reachable"] = reachable_pages(self.s.depth, self.s.error_rate)
            figures["duplicates"] = sum(n - 1 for n in st.fetches.values())
        if self.s.mode == "hybrid":
            figures["cpuMs"] = round(st.cpu_ms)
        return figures


def reachable_pages(depth: int, error_rate: int) -> int:
    """How many pages a complete crawl finds: breadth first from page 0, not following a failed page's links."""
    found, level = {0}, [0]
    for _ in range(depth):
        nxt = []
        for page in level:
            if fails(page + 1, error_rate):
                continue
            for link in links_of(page):
                if link not in found:
                    found.add(link)
                    nxt.append(link)
        level = nxt
    return len(found)


def run(settings: Settings) -> dict[str, object]:
    async def main(pool: ProcessPoolExecutor | None) -> dict[str, object]:
        pipeline = Pipeline(settings, pool)
        await pipeline.run()
        return pipeline.result()

    if settings.mode == "hybrid":
        with ProcessPoolExecutor(max_workers=settings.processors) as pool:
            return asyncio.run(main(pool))
    with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
        return runner.run(main(None))


def show(title: str, settings: Settings, fields: list[str]) -> None:
    result = run(settings)
    print(title)
    print("   " + ", ".join(f"{name} {result[name]}" for name in fields if name in result))


def tour(base: Settings) -> None:
    counts = ["produced", "written", "failed", "failedIds", "lost", "stageRate", "inboxPeak", "elapsedMs", "itemsPerS"]
    show("1. The defaults, shutdown by join: 3 processors (75 a second) are the slowest stage", base, counts)
    show("   4 processors: the process stage keeps up with the reader and the writer", replace(base, processors=4), counts)
    show("   5 processors: the reader and the writer are the slowest now, and itemsPerS does not move", replace(base, processors=5), counts)
    slow = replace(base, process_ms=150)
    show("2. Processing 150 ms a record, shutdown after a grace period: records in flight are lost", replace(slow, shutdown="grace"), counts)
    show("   The same, shutdown by join: none lost", slow, counts)
    crawl = ["produced", "written", "failed", "lost", "reachable", "duplicates", "peakBusy", "elapsedMs"]
    show("3. Crawler at depth 2, grace shutdown: the frontier is empty while the crawlers fetch", replace(base, mode="crawler", shutdown="grace"), crawl)
    show("   The same, shutdown by join", replace(base, mode="crawler"), crawl)
    show("   Depth 3, 2 crawlers", replace(base, mode="crawler", depth=3, processors=2), crawl)
    show("4. Hybrid: the CPU stage on a ProcessPoolExecutor (real time)", replace(base, mode="hybrid"), counts + ["cpuMs"])


def main() -> None:
    parser = argparse.ArgumentParser(description="asyncio pipelines, a process-pool stage and a crawler; a virtual clock except for hybrid.")
    parser.add_argument("--mode", choices=["pipeline", "hybrid", "crawler"])
    parser.add_argument("--items", type=int, default=12)
    parser.add_argument("--processors", type=int, default=3)
    parser.add_argument("--writers", type=int, default=1)
    parser.add_argument("--process-ms", type=int, default=40)
    parser.add_argument("--error-rate", type=int, default=10, help="percent of records or pages that fail (default 10)")
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--shutdown", choices=["join", "grace"], default="join")
    args = parser.parse_args()

    settings = Settings(args.mode or "pipeline", args.items, args.processors, args.writers, args.process_ms, args.error_rate, args.depth, args.shutdown)
    if args.mode is None:
        tour(settings)
    else:
        for name, value in run(settings).items():
            print(f"{name}: {value}")


if __name__ == "__main__":
    main()
