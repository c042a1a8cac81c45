// Every earlier schema version: a database it wrote opens with the current AppDatabase and every record survives.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDatabase, useDatabase } from '../../../src/db/schema';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/db/migrations';
import { NewerDatabaseError } from '../../../src/db/migrations/guard';
import { answersRepo } from '../../../src/db/answers';
import { assessmentsRepo } from '../../../src/db/assessments';
import { markExported, lastExportAt } from '../../../src/db/storage';
import {
  createDatabaseAt, dumpDatabase, expectedAfterUpgrade, fixtureRecords, FIXTURE_STEPS, UPGRADE_EXPECTATIONS, type Dump,
} from '../../fixtures/db/generate';

const sorted = (d: Dump): Dump =>
  Object.fromEntries(Object.entries(d).sort(([a], [b]) => a.localeCompare(b)).map(([t, rows]) => [t, [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))]));

describe('migrations', () => {
  it('are numbered 1, 2, 3… and each has a fixture step and an upgrade expectation', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) {
      expect(FIXTURE_STEPS[m.version], `fixture step for ${m.version}`).toBeTypeOf('function');
      expect(UPGRADE_EXPECTATIONS[m.version], `upgrade expectation for ${m.version}`).toBeTypeOf('function');
    }
  });

  it.each(MIGRATIONS.map((m) => m.version))('a database written by schema version %i opens with every record intact', async (version) => {
    const name = `migrate-${version}-${crypto.randomUUID()}`;
    await createDatabaseAt(name, version);
    const raw = new Dexie(name);
    await raw.open();
    expect(raw.verno).toBe(version);
    const written = await dumpDatabase(raw);
    raw.close();
    // The generator really wrote the fixture through that version's schema.
    expect(sorted(written)).toEqual(sorted(fixtureRecords(version)));
    expect(written.answers!.length).toBeGreaterThan(0);

    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(sorted(await dumpDatabase(db))).toEqual(sorted(expectedAfterUpgrade(version)));

    // The repositories work on the upgraded data.
    useDatabase(db);
    expect((await answersRepo.list('a-2')).map((a) => a.indicatorId).sort()).toEqual(['IMP-05', 'STR-01']);
    expect((await assessmentsRepo.listByFirm('f-1')).map((a) => a.id)).toEqual(['a-1', 'a-2']);
    await markExported(['a-2'], '2026-12-01T00:00:00.000Z');
    expect(await lastExportAt('a-2')).toBe('2026-12-01T00:00:00.000Z');
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it as it was', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const future = new Dexie(name);
    for (const m of MIGRATIONS) future.version(m.version).stores(m.stores);
    future.version(SCHEMA_VERSION + 1).stores({ firms: 'id, name, updatedAt, region', extra: 'id' });
    await future.open();
    await future.table('firms').add({ id: 'f-9', name: '未来', region: 'x' });
    await future.table('extra').add({ id: 1 });
    future.close();

    const db = new AppDatabase(name);
    const error = await db.open().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect(error).toMatchObject({ code: 'newerDatabase', storedVersion: SCHEMA_VERSION + 1, knownVersion: SCHEMA_VERSION });
    // Queries fail the same way instead of reading a schema this version does not know.
    await expect(db.firms.toArray()).rejects.toMatchObject({ inner: { code: 'newerDatabase' } });

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(SCHEMA_VERSION + 1);
    expect(await again.table('firms').toArray()).toEqual([{ id: 'f-9', name: '未来', region: 'x' }]);
    expect(await again.table('extra').count()).toBe(1);
    again.close();
  });
});
