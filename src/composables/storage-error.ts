import { toStorageError } from '../db/errors';
import { snakeCase } from '../domain/keys';

/** The message key (locales: storage.*) for a failed read or write. */
export function storageErrorKey(error: unknown): string {
  return `storage.${snakeCase(toStorageError(error).code)}`;
}
