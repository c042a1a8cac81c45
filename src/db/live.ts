import { liveQuery } from 'dexie';

/** Runs a query now and again whenever what it read changes, in this tab or another. Returns unsubscribe. */
export function watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}
