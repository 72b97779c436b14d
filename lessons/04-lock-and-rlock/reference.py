#!/usr/bin/env python3
"""Lock and RLock: a recursive walk that takes the same lock at every level.

Three parts, each printed as it runs:

1. A thread holding a plain Lock asks for it again. With a timeout, the
   second acquire gives up and returns False; without one, it would wait
   forever (a self-deadlock).
2. A folder tree guarded by an RLock. Walker threads measure the tree with
   a recursive function that takes the lock at every folder, while mover
   threads shift files between folders. Every walk should see the same total.
3. The same walk with a plain Lock: the public method takes it once and a
   private helper does the recursion without taking it.

    python3 reference.py
    python3 reference.py --depth 6 --walkers 3

Standard library only; runs on CPython 3.11 and 3.12.
"""

from __future__ import annotations

import argparse
import threading
from dataclasses import dataclass, field

FILE_BYTES = 100
FILES_PER_FOLDER = 5


@dataclass
class Folder:
    name: str
    size: int = FILES_PER_FOLDER * FILE_BYTES
    subfolders: list[Folder] = field(default_factory=list)


def build(depth: int, name: str = "root") -> Folder:
    """A full binary tree of folders, `depth` levels deep."""
    folder = Folder(name)
    if depth > 1:
        folder.subfolders = [build(depth - 1, f"{name}/{side}") for side in ("a", "b")]
    return folder


def all_folders(folder: Folder) -> list[Folder]:
    found = [folder]
    for sub in folder.subfolders:
        found.extend(all_folders(sub))
    return found


class ReentrantTree:
    """Every method takes the RLock, and size_of calls itself while holding it."""

    def __init__(self, root: Folder) -> None:
        self.root = root
        self.folders = all_folders(root)
        self.lock = threading.RLock()
        self.deepest_repr = ""

    def size_of(self, folder: Folder) -> int:
        with self.lock:  # the owner taking it again only raises the count
            if not folder.subfolders and not self.deepest_repr:
                # The RLock's repr shows its owner and how many holds it has.
                self.deepest_repr = repr(self.lock)
            total = folder.size
            for sub in folder.subfolders:
                total += self.size_of(sub)
            return total

    def move_file(self, source: Folder, target: Folder) -> None:
        with self.lock:
            source.size -= FILE_BYTES
            target.size += FILE_BYTES


class HelperTree(ReentrantTree):
    """The same tree with a plain Lock: take it once, recurse in a helper."""

    def __init__(self, root: Folder) -> None:
        super().__init__(root)
        self.lock = threading.Lock()

    def size_of(self, folder: Folder) -> int:
        with self.lock:
            return self._size_locked(folder)

    def _size_locked(self, folder: Folder) -> int:
        # The caller holds self.lock. Calling self.size_of here would deadlock.
        return folder.size + sum(self._size_locked(sub) for sub in folder.subfolders)


def second_acquire() -> None:
    lock = threading.Lock()
    with lock:
        again = lock.acquire(timeout=0.5)
        print(f"1. Lock held by this thread, acquire(timeout=0.5) again -> {again}")
        print("   Without the timeout this thread would wait forever: nothing else can release the lock.")

    rlock = threading.RLock()
    with rlock:
        again = rlock.acquire(timeout=0.5)
        print(f"   RLock held by this thread, acquire(timeout=0.5) again -> {again}: {rlock!r}")
        rlock.release()  # one release for each acquire


def walk_and_move(tree: ReentrantTree, walkers: int, movers: int, walks: int) -> tuple[int, int]:
    """Walkers measure the tree while movers shift files. Returns (walks, wrong totals)."""
    expected = len(tree.folders) * FILES_PER_FOLDER * FILE_BYTES
    wrong = 0
    done = 0
    count_lock = threading.Lock()
    start_line = threading.Barrier(walkers + movers)

    def walker() -> None:
        nonlocal wrong, done
        start_line.wait()
        for _ in range(walks):
            total = tree.size_of(tree.root)
            with count_lock:
                done += 1
                wrong += total != expected

    def mover(offset: int) -> None:
        start_line.wait()
        folders = tree.folders
        for i in range(walks * 10):
            source = folders[(offset + 3 * i) % len(folders)]
            target = folders[(offset + 3 * i + 1) % len(folders)]
            tree.move_file(source, target)

    threads = [threading.Thread(target=walker) for _ in range(walkers)]
    threads += [threading.Thread(target=mover, args=(m,)) for m in range(movers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done, wrong


def count(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="A recursive tree walk under a Lock and an RLock.")
    parser.add_argument("--depth", type=int, default=4, choices=range(1, 13), metavar="1..12", help="tree levels (default 4)")
    parser.add_argument("--walkers", type=count, default=2, help="threads measuring the tree (default 2)")
    parser.add_argument("--movers", type=count, default=2, help="threads moving files (default 2)")
    parser.add_argument("--walks", type=count, default=50, help="walks per walker (default 50)")
    args = parser.parse_args()

    second_acquire()

    tree = ReentrantTree(build(args.depth))
    done, wrong = walk_and_move(tree, args.walkers, args.movers, args.walks)
    print(f"2. RLock, {args.depth} levels, {len(tree.folders)} folders: {done} walks, {wrong} with a wrong total")
    print(f"   at the first leaf folder: {tree.deepest_repr}")
    print(f"   after the walks: {tree.lock!r}")

    helper = HelperTree(build(args.depth))
    done, wrong = walk_and_move(helper, args.walkers, args.movers, args.walks)
    print(f"3. Lock + _size_locked helper: {done} walks, {wrong} with a wrong total")


if __name__ == "__main__":
    main()
