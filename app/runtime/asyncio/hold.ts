/** `async with resource:` for the loop's locks and semaphores: acquire, run `body`, release however it ends. */
export async function hold<T>(resource: { acquire(): Promise<unknown>; release(): void }, body: () => Promise<T>): Promise<T> {
  await resource.acquire();
  try {
    return await body();
  } finally {
    resource.release();
  }
}
