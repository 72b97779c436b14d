/**
 * The CPU work of the speedup figures' raw side. The engine-speedup figure
 * also runs it in the engine as scenario source (via `toString`), so both of
 * its sides measure the very same computation. It must stay self-contained.
 *
 * Worker `id` of `workers` mixes its share of the integers below `total`;
 * the sum over all workers is the same however the work is split, which lets
 * the page check every run's result.
 */
export function cpuShare(id: number, workers: number, total: number): number {
  const share = Math.floor(total / workers);
  const end = id === workers - 1 ? total : (id + 1) * share;
  let sum = 0;
  for (let i = id * share; i < end; i++) {
    // The murmur3 finaliser's constants, written as int32 so no double ever enters the loop.
    let h = Math.imul(i ^ -1640531527, -2048144789);
    h ^= h >>> 13;
    h = Math.imul(h, -1028477387);
    h ^= h >>> 16;
    sum = (sum + h) | 0;
  }
  return sum;
}
