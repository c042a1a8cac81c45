// Schema version 4: the programme view's scored summary of each assessment, kept so that a later visit
// does not read and score every answer again (db/portfolio.ts). A cache: it may be cleared at any time.
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: 'portfolio-snapshots',
  stores: {
    portfolioSnapshots: 'assessmentId',
  },
};
