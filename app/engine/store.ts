/**
 * A value the page subscribes to through React's useSyncExternalStore:
 * every change replaces it (so a subscriber can compare by identity) and
 * tells the listeners. Explore and step mode keep their state in one.
 */
export class Store<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  getSnapshot = (): T => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected set(value: T): void {
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}
