/**
 * Tells the next page when a run took a page down. A browser gives a worker
 * no memory cap of its own: a worker that fills its heap ends the whole page
 * (Chromium's renderer) with no event the page could catch. So while a run,
 * a search or step mode is under way, the tab keeps a marker in localStorage;
 * a tab that ends normally removes it on `pagehide`. A page that finds
 * another tab's marker asks over a BroadcastChannel whether that tab is
 * alive: one that does not answer ended during its run.
 */
// Outside storage.ts's "interleave:v1:" keys: a mark is this tab's, never part of an exported, imported or reset course.
const PREFIX = "interleave:running:";
const CHANNEL = "interleave:runs";
/** Long enough for a busy or hidden tab to answer a message (timers are throttled there; messages are not). */
const ANSWER_MS = 1000;

/** A run that a tab never finished: the page it ran on ended under it. */
export interface EndedRun {
  /** The lesson's title, or the playground's. */
  readonly title: string;
  readonly startedAt: number;
}

const tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
channel?.addEventListener("message", (event: MessageEvent<{ ask?: string }>) => {
  if (event.data.ask === tab) channel.postMessage({ alive: tab });
});

/** Marks this tab as running `title` until the returned function is called, or the tab ends normally. */
export function markRunning(title: string): () => void {
  const key = PREFIX + tab;
  const clear = () => attempt(() => localStorage.removeItem(key));
  attempt(() => localStorage.setItem(key, JSON.stringify({ title, startedAt: Date.now() } satisfies EndedRun)));
  window.addEventListener("pagehide", clear);
  return () => {
    window.removeEventListener("pagehide", clear);
    clear();
  };
}

/** The runs other tabs left marked and no longer answer for; each is reported once. */
export async function endedRuns(): Promise<EndedRun[]> {
  const marked = markedByOthers();
  if (marked.size === 0 || channel === null) return [];
  const alive = new Set<string>();
  const listen = (event: MessageEvent<{ alive?: string }>) => void (event.data.alive && alive.add(event.data.alive));
  channel.addEventListener("message", listen);
  for (const other of marked.keys()) channel.postMessage({ ask: other });
  await new Promise((resolve) => setTimeout(resolve, ANSWER_MS));
  channel.removeEventListener("message", listen);
  const ended: EndedRun[] = [];
  for (const [other, run] of marked) {
    if (alive.has(other)) continue;
    attempt(() => localStorage.removeItem(PREFIX + other));
    ended.push(run);
  }
  return ended;
}

function markedByOthers(): Map<string, EndedRun> {
  const marked = new Map<string, EndedRun>();
  attempt(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key === null || !key.startsWith(PREFIX) || key === PREFIX + tab) continue;
      const run = JSON.parse(localStorage.getItem(key) ?? "null") as EndedRun | null;
      if (run && typeof run.title === "string") marked.set(key.slice(PREFIX.length), run);
    }
  });
  return marked;
}

/** Storage may be full, blocked or hold a damaged entry: the marker is a courtesy, never a failure. */
function attempt(work: () => void): void {
  try {
    work();
  } catch {
    // Nothing to tell: without storage, a page that ended cannot be reported.
  }
}
