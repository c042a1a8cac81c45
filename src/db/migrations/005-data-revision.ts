// Schema version 5: no store changes. Writes now also write the data revision (revision.ts); opening version 5
// closes tabs still running an older app, which would write without it and leave the programme view's kept
// summary looking current.
import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: 'data-revision',
  stores: {},
};
