// How safe the data is on this device: persistent storage (the browser may otherwise evict it under
// pressure), how much space is used, and which completed assessments have no export since they last changed.
import type { Assessment } from '../domain/types';
import { getDb } from './schema';
import { toStorageError } from './errors';

export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function manager(nav: { storage?: Partial<StorageManagerLike> } | undefined): Partial<StorageManagerLike> | undefined {
  return nav?.storage;
}

/** Asks the browser to keep this site's data under storage pressure. Never throws. */
export async function requestPersistence(nav: { storage?: Partial<StorageManagerLike> } | undefined = globalThis.navigator): Promise<PersistenceResult> {
  const storage = manager(nav);
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

export interface StorageEstimate {
  usage: number;
  quota: number;
}

/** Bytes used and available to this site, or null when the browser does not tell. */
export async function storageEstimate(nav: { storage?: Partial<StorageManagerLike> } | undefined = globalThis.navigator): Promise<StorageEstimate | null> {
  const storage = manager(nav);
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
  } catch {
    return null;
  }
}

const EXPORTED = 'exportedAt:';

/** Records that these assessments were saved to a file (call once the file is written or downloaded). */
export async function markExported(assessmentIds: readonly string[], at = new Date().toISOString()): Promise<void> {
  try {
    await getDb().meta.bulkPut(assessmentIds.map((id) => ({ key: `${EXPORTED}${id}`, value: at })));
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Assessment id → when it was last exported. */
export async function exportTimes(): Promise<Map<string, string>> {
  const rows = await getDb().meta.where('key').startsWith(EXPORTED).toArray();
  return new Map(rows.map((r) => [r.key.slice(EXPORTED.length), r.value]));
}

export async function lastExportAt(assessmentId: string): Promise<string | null> {
  return (await getDb().meta.get(`${EXPORTED}${assessmentId}`))?.value ?? null;
}

/** Completed assessments with no export, or none since they last changed (pure). */
export function needsExport<T extends Pick<Assessment, 'id' | 'status' | 'updatedAt'>>(assessments: readonly T[], times: ReadonlyMap<string, string>): T[] {
  return assessments.filter((a) => {
    if (a.status !== 'completed') return false;
    const at = times.get(a.id);
    return at === undefined || Date.parse(at) < Date.parse(a.updatedAt);
  });
}

/** Completed assessments never exported in their current state: what the app should remind about. */
export async function neverExported<T extends Pick<Assessment, 'id' | 'status' | 'updatedAt'>>(assessments: readonly T[]): Promise<T[]> {
  return needsExport(assessments, await exportTimes());
}
