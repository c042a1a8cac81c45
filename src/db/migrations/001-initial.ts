// Schema version 1. Never edit a released migration: add the next file instead.
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  stores: {
    firms: 'id, name, updatedAt',
    assessments: 'id, firmId, status, assessedOn, updatedAt, previousId',
    answers: '[assessmentId+indicatorId], assessmentId',
  },
};
