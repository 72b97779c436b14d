/**
 * How the loop notices a task awaiting something it does not own: a message
 * to itself, which is delivered only once the microtask queue is empty. If
 * a task's step is still open then, nothing the loop owns will end it.
 *
 * One channel serves every loop of a worker, since only one runs at a time:
 * creating a MessageChannel costs more than a whole small schedule, and
 * Explore runs thousands. A message armed by an earlier loop is harmless:
 * whichever loop hears it looks at its own open step.
 */
let channel: MessageChannel | null = null;
let pending = false;
let listener: (() => void) | null = null;

/** Calls `heard` once every microtask queued so far has run (unless another loop arms it meanwhile). */
export function armSentinel(heard: () => void): void {
  listener = heard;
  if (pending) return;
  pending = true;
  sentinelChannel().port2.postMessage(0);
}

function sentinelChannel(): MessageChannel {
  if (channel === null) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      pending = false;
      listener?.();
    };
    // In Node, an open port would keep a thread alive after its work is done.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  return channel;
}
