import DataLoader from 'dataloader';
import type { PrmRequest } from './ctx.decorator';

/**
 * Per-request DataLoader registry: one loader per relation, created on first use and dropped
 * with the request, so batching never leaks data between callers.
 */
export function loaderFor<K, V>(
  req: PrmRequest,
  key: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  req.loaders ??= new Map();
  let loader = req.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    req.loaders.set(key, loader);
  }
  return loader;
}

/** Orders batch results by the requested keys (DataLoader's contract). */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, missing: V | null = null): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? missing);
}

export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
