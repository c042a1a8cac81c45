// Composables may reach db/ only to follow live queries; writes go through stores.
import { onScopeDispose, shallowRef, type ShallowRef } from 'vue';
import { watch as watchDb } from '../db/live';

/** A ref that follows a database query live (this tab and others) until the current scope ends. */
export function useLive<T>(query: () => Promise<T>, initial: T, onError?: (e: unknown) => void): ShallowRef<T> {
  const value = shallowRef(initial) as ShallowRef<T>;
  const stop = watchDb(query, (v) => (value.value = v), onError ?? ((e) => console.error(e)));
  onScopeDispose(stop);
  return value;
}
