// Schema version 2: a small key-value table for facts about the data, such as when each assessment was
// last exported (see db/storage.ts). Never edit a released migration: add the next file instead.
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'meta',
  stores: {
    meta: 'key',
  },
};
