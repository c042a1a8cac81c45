import { toStorageError, type StorageErrorCode } from '../db/errors';
import { snakeCase } from '../domain/keys';

/** The message key (locales: storage.*) of a storage error code. */
export function storageErrorKeyOf(code: StorageErrorCode): string {
  return `storage.${snakeCase(code)}`;
}

/** The message key (locales: storage.*) for a failed read or write. */
export function storageErrorKey(error: unknown): string {
  return storageErrorKeyOf(toStorageError(error).code);
}
