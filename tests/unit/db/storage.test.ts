import { beforeEach, describe, expect, it } from 'vitest';
import { AppDatabase, useDatabase } from '../../../src/db/schema';
import { exportTimes, lastExportAt, markExported, needsExport, neverExported, requestPersistence, storageEstimate } from '../../../src/db/storage';
import type { Assessment } from '../../../src/domain/types';

beforeEach(() => {
  useDatabase(new AppDatabase(`storage-${crypto.randomUUID()}`));
});

describe('persistence and quota', () => {
  it('reports granted, denied or unsupported, never throws', async () => {
    expect(await requestPersistence({ storage: { persisted: async () => false, persist: async () => true } })).toBe('granted');
    expect(await requestPersistence({ storage: { persisted: async () => true, persist: async () => false } })).toBe('granted');
    expect(await requestPersistence({ storage: { persisted: async () => false, persist: async () => false } })).toBe('denied');
    expect(await requestPersistence({ storage: { persist: () => Promise.reject(new Error('x')) } })).toBe('unsupported');
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence(undefined)).toBe('unsupported');
  });
  it('tells usage and quota when the browser does', async () => {
    expect(await storageEstimate({ storage: { estimate: async () => ({ usage: 1200, quota: 1e9 }) } })).toEqual({ usage: 1200, quota: 1e9 });
    expect(await storageEstimate({ storage: { estimate: async () => ({}) } })).toBeNull();
    expect(await storageEstimate({ storage: { estimate: () => Promise.reject(new Error('x')) } })).toBeNull();
    expect(await storageEstimate({})).toBeNull();
  });
});

describe('export reminders', () => {
  const a = (id: string, status: Assessment['status'], updatedAt: string) => ({ id, status, updatedAt });
  const list = [
    a('never', 'completed', '2026-11-20T00:00:00.000Z'),
    a('draft', 'draft', '2026-11-20T00:00:00.000Z'),
    a('saved', 'completed', '2026-11-20T00:00:00.000Z'),
    a('changed', 'completed', '2026-11-25T00:00:00.000Z'),
  ];

  it('remembers when each assessment was exported', async () => {
    expect(await lastExportAt('saved')).toBeNull();
    await markExported(['saved', 'changed'], '2026-11-21T00:00:00.000Z');
    expect(await lastExportAt('saved')).toBe('2026-11-21T00:00:00.000Z');
    await markExported(['saved'], '2026-11-22T00:00:00.000Z');
    expect(await exportTimes()).toEqual(new Map([['changed', '2026-11-21T00:00:00.000Z'], ['saved', '2026-11-22T00:00:00.000Z']]));
  });

  it('names completed assessments with no export since their last change', async () => {
    await markExported(['saved', 'changed', 'draft'], '2026-11-21T00:00:00.000Z');
    expect((await neverExported(list)).map((x) => x.id)).toEqual(['never', 'changed']);
    expect(needsExport(list, new Map()).map((x) => x.id)).toEqual(['never', 'saved', 'changed']);
  });
});
