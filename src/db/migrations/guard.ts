// A database written by a newer version of the app is refused: this version does not know its
// schema and could damage it. Dexie 4 would otherwise open it silently at the stored version.
import type Dexie from 'dexie';

export class NewerDatabaseError extends Error {
  readonly code = 'newerDatabase';
  constructor(
    readonly storedVersion: number,
    readonly knownVersion: number,
  ) {
    super(`database schema version ${storedVersion} is newer than this app knows (${knownVersion})`);
    this.name = 'NewerDatabaseError';
  }
}

/** Dexie stores version n as IndexedDB version n × 10. */
export function storedSchemaVersion(db: Dexie): number {
  return db.backendDB().version / 10;
}

/** Subscribes a check that fails every open of a database newer than `knownVersion`. */
export function refuseNewerDatabase(db: Dexie, knownVersion: number): void {
  db.on(
    'ready',
    () => {
      const stored = storedSchemaVersion(db);
      if (stored > knownVersion) throw new NewerDatabaseError(stored, knownVersion);
    },
    true,
  );
}
