/**
 * Runs `start` once the page has shown its first content (the browser's first
 * contentful paint): what it asks the network for is then received and
 * compiled after that paint, not while it waits its turn. On two cores, a
 * lesson's first frame waited up to half a second behind the editor's
 * megabytes otherwise, though they were asked for after it was drawn. A page
 * that painted long ago starts at once; a hidden one, which paints nothing,
 * and a browser that does not report paints start without waiting, and none
 * waits longer than `timeoutMs`. Returns a function that cancels a start
 * still to come.
 */
export function afterFirstPaint(start: () => void, timeoutMs = 1_000): () => void {
  if (document.visibilityState !== "visible" || !PerformanceObserver.supportedEntryTypes?.includes("paint") || painted()) {
    start();
    return () => {};
  }
  let pending = true;
  const go = () => {
    if (!pending) return;
    pending = false;
    observer.disconnect();
    clearTimeout(timer);
    start();
  };
  const observer = new PerformanceObserver(() => painted() && go());
  observer.observe({ type: "paint", buffered: true });
  const timer = setTimeout(go, timeoutMs);
  return () => {
    pending = false;
    observer.disconnect();
    clearTimeout(timer);
  };
}

const painted = () => performance.getEntriesByName("first-contentful-paint").length > 0;
