import { migration001 } from './001-initial';
import { migration002 } from './002-meta';
import { migration003 } from './003-plans-targets';
import { migration004 } from './004-portfolio-snapshots';
import { migration005 } from './005-data-revision';
import type { Migration } from './types';

/** Every schema version, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
