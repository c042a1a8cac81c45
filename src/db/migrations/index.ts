import { migration001 } from './001-initial';
import type { Migration } from './types';

/** Every schema version, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration001];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
