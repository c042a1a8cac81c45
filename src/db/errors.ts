// Errors the repositories raise, with a code the interface translates (locales: storage.*).
export type StorageErrorCode = 'notFound' | 'invalidInput' | 'assessmentCompleted' | 'quotaExceeded' | 'newerDatabase' | 'unavailable';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Turns an IndexedDB or Dexie failure into a StorageError the user can be told about. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const e = error as { name?: string; inner?: { name?: string }; message?: string };
  const name = e?.inner?.name ?? e?.name;
  if (name === 'NewerDatabaseError') return new StorageError('newerDatabase', e.message ?? 'newer database');
  if (name === 'QuotaExceededError') return new StorageError('quotaExceeded', e.message ?? 'quota exceeded');
  return new StorageError('unavailable', e?.message ?? String(error));
}
