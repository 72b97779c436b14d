import { defineScenario, param } from "interleave";

// A folder tree in shared memory: a full binary tree, `depth` levels deep.
// Folder i has subfolders 2i+1 and 2i+2, and holds some bytes. Each worker,
// `rounds` times, measures the whole tree and then moves a file from one
// folder to another. Both take the tree's lock, so no walk ever sees a file
// halfway through a move, and every walk should count the same total.
//
// sizeOf(folder) takes the lock itself, so it is safe to call from anywhere.
// But it also calls itself for each subfolder, while it holds the lock.
// Solution: with a plain Lock, the walk takes the lock once, in measure(),
// and recurses in sizeHeld(), which expects its caller to hold the lock.
// The RLock keeps the recursive sizeOf, to show its count.
const FILE_BYTES = 100;
const FILES_PER_FOLDER = 5;

export default defineScenario({
  params: {
    kind: param.choice(["lock", "rlock"], { default: "lock", label: "Lock kind" }),
    depth: param.int({ default: 4, min: 1, max: 8, label: "Tree depth (levels)" }),
    workers: param.int({ default: 2, min: 1, max: 4, label: "Workers" }),
    rounds: param.int({ default: 3, min: 1, max: 10, label: "Walks per worker" }),
  },

  // Python threads, under one GIL.
  interpreter: () => ({ mode: "gil" }),

  setup: (shared, params) => ({
    // Python: threading.Lock() or threading.RLock()
    lock: params.kind === "rlock" ? shared.rlock("tree") : shared.lock("tree"),
    bytes: Array.from({ length: 2 ** params.depth - 1 }, (_, i) => shared.int(`folder ${i}`, FILES_PER_FOLDER * FILE_BYTES)),
    holds: shared.series("hold count", 25_000),
    mostHolds: shared.int("most holds at once"),
    holdsLeft: shared.int("holds left at the end"),
    walks: shared.int("walks finished"),
    wrongTotals: shared.int("walks with a wrong total"),
  }),

  worker: ({ lock, bytes, holds, mostHolds, holdsLeft, walks, wrongTotals }, ctx) => {
    // How many times this worker holds the lock right now. An RLock keeps
    // this count inside itself; we keep a copy so that we can chart it.
    let held = 0;

    // take() and give() are acquire() and release(), plus the bookkeeping.
    // Used as take(); try { ... } finally { give(); } they do what Python's
    // `with lock:` does: the lock is given back however the block ends.
    const take = () => {
      lock.acquire(); // a plain Lock held by this very worker: waits forever
      held++;
      holds.record(held);
      if (held > mostHolds.get()) mostHolds.set(held); // safe: we hold the lock
    };
    const give = () => {
      held--;
      holds.record(held);
      lock.release();
    };

    // Bytes in `folder` and in every folder below it.
    const sizeOf = (folder: number): number => {
      take();
      try {
        ctx.cpu(0.3); // read the folder's entry
        let total = bytes[folder]!.get();
        for (const sub of [2 * folder + 1, 2 * folder + 2]) {
          if (sub < bytes.length) total += sizeOf(sub); // takes the lock again
        }
        return total;
      } finally {
        give();
      }
    };

    // Moves one file between two folders: bytes leave one, then arrive in the other.
    const moveFile = (from: number, to: number) => {
      take();
      try {
        bytes[from]!.add(-FILE_BYTES);
        ctx.cpu(0.3); // the file is in neither folder for a moment
        bytes[to]!.add(FILE_BYTES);
      } finally {
        give();
      }
    };

    // Bytes in `folder` and below; the caller must hold the lock.
    // (Python: a `_size_locked` helper, called only inside `with lock:`.)
    const sizeHeld = (folder: number): number => {
      ctx.cpu(0.3); // read the folder's entry
      let total = bytes[folder]!.get();
      for (const sub of [2 * folder + 1, 2 * folder + 2]) {
        if (sub < bytes.length) total += sizeHeld(sub); // no second acquire
      }
      return total;
    };

    // The whole tree, under one hold of the lock.
    const measure = (): number => {
      take();
      try {
        return sizeHeld(0);
      } finally {
        give();
      }
    };

    const expected = bytes.length * FILES_PER_FOLDER * FILE_BYTES;
    for (let round = 0; round < ctx.params.rounds; round++) {
      const total = ctx.params.kind === "lock" ? measure() : sizeOf(0);
      walks.add(1);
      if (total !== expected) wrongTotals.add(1);
      const from = (ctx.id + 3 * round) % bytes.length;
      moveFile(from, (from + 1) % bytes.length);
    }
    holdsLeft.add(held);
  },

  result: ({ holds, mostHolds, holdsLeft, walks, wrongTotals }) => ({
    holds: holds.points(),
    mostHolds: mostHolds.get(),
    holdsLeft: holdsLeft.get(),
    walks: walks.get(),
    wrongTotals: wrongTotals.get(),
  }),
});
