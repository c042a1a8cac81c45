// Schema version 3: what the user decided about each improvement action (per assessment), and the
// firm's target profile. Never edit a released migration: add the next file instead.
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'plans-targets',
  stores: {
    planStates: '[assessmentId+actionId], assessmentId',
    targets: 'firmId',
  },
};
