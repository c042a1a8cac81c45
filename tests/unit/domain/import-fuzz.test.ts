// Thousands of damaged, hostile and random import files through parseExportFile → planImport → applyImport
// on fake-indexeddb: nothing throws unexpectedly, every bad file gets issues the user can read in both
// languages, and the database is exactly as it was after every refused file.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppDatabase, useDatabase } from '../../../src/db/schema';
import { applyImport, ImportError, previewImport } from '../../../src/db/transfer';
import { buildExportFile, IMPORT_ISSUE_CODES, issueMessageKey, parseExportFile, type ExportFile, type ImportIssue } from '../../../src/domain/file-format';
import type { ConflictChoice, ImportChoices } from '../../../src/domain/import-plan';
import type { PlanItemState, PlanStatus, TargetProfile } from '../../../src/domain/result-types';
import type { MaturityLevel } from '../../../src/domain/types';
import { dumpDatabase, type Dump } from '../../fixtures/db/generate';
import { ans, assessment, CODE_A, firm, T0, T1 } from '../../fixtures/records';
import zh from '../../../src/locales/zh-CN.json';
import en from '../../../src/locales/en.json';

const state = (actionId: string, fields: Partial<PlanItemState> = {}): PlanItemState => ({
  actionId, status: 'accepted', text: '', owner: '张三', dueDate: '2026-12-31', note: '', updatedAt: T0, ...fields,
});
const build = (firms: Parameters<typeof buildExportFile>[0], assessments: Parameters<typeof buildExportFile>[1]) =>
  buildExportFile(firms, assessments, { appVersion: '0.1.0', exportedAt: T1 });

const base: ExportFile = build(
  [
    { ...firm('f1', { creditCode: CODE_A, name: '天津市曌明精密机械有限公司' }), targets: { modules: { SRV: 4, STR: 3 }, indicators: { 'STR-01': 5 } } },
    firm('f2', { employees: null }),
  ],
  [
    { ...assessment('a1', 'f1', { status: 'completed', completedAt: '2026-11-23T08:00:00.000Z' }), planStates: [state('STR-01-L3-1', { status: 'done', note: '已完成' })] },
    {
      ...assessment('a2', 'f1', { previousId: 'a1', answers: [ans('STR-01', 4, { note: '纪要' }), ans('IMP-05', null, { evidence: '照片' })] }),
      planStates: [state('STR-01-L4-1', { text: '改写的措施', dueDate: '' }), state('IMP-05-L1-2', { status: 'inProgress' })],
    },
    assessment('a3', 'f2', { answers: [] }),
  ],
);
const baseText = JSON.stringify(base);

type Path = (string | number)[];
function paths(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
}
const ALL_PATHS = paths(base).filter((p) => p.length > 0);

/** Sets an own property, even `__proto__`. */
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Op =
  | { kind: 'replace'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'addKey'; key: string; value: unknown }
  | { kind: 'numberAsString' }
  | { kind: 'wrapInArray' };

function mutate(op: Op, path: Path): unknown {
  const copy = JSON.parse(baseText) as Record<string, unknown>;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
  const key = path[path.length - 1]!;
  const current = parent[key];
  switch (op.kind) {
    case 'replace':
      define(parent, key, op.value);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'addKey':
      if (typeof current === 'object' && current !== null && !Array.isArray(current)) define(current, op.key, op.value);
      else define(parent, key, { [op.key]: op.value });
      break;
    case 'numberAsString':
      define(parent, key, typeof current === 'number' ? String(current) : typeof current === 'boolean' ? String(current) : [current]);
      break;
    case 'wrapInArray':
      define(parent, key, [current]);
      break;
  }
  return copy;
}

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'firms', '\u0000', '😀');
const hugeString = fc.constantFrom('x'.repeat(20_001), '曌'.repeat(100_000), '\uD83D'.repeat(30_000), '='.repeat(200_001));
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  hugeString,
  fc.constantFrom(null, true, 0, -1, 1.5, 6, 1e308, '3', '', ' ', '2026-13-45', '0000-00-00', 'NaN', [], {}),
  fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: oddValue.map((value): Op => ({ kind: 'replace', value })) },
  { weight: 3, arbitrary: fc.constant<Op>({ kind: 'delete' }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addKey' as const), key: fc.oneof(hostileKey, fc.string({ maxLength: 8 })), value: oddValue }) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'numberAsString' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'wrapInArray' }) },
);
const mutationArb = fc.tuple(opArb, fc.nat(ALL_PATHS.length - 1), fc.nat(4)).map(([op, i, extra]) => {
  // A few mutations together now and then.
  let value = mutate(op, ALL_PATHS[i]!);
  if (extra === 0) value = mutateValue(value, ALL_PATHS[(i * 7 + 3) % ALL_PATHS.length]!);
  return value;
});
function mutateValue(value: unknown, path: Path): unknown {
  try {
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, value as Record<string, unknown>);
    if (typeof parent === 'object' && parent !== null) define(parent, path[path.length - 1]!, 'mutated');
  } catch {
    // The first mutation removed this path; one mutation is enough then.
  }
  return value;
}

const truncatedArb = fc.nat(baseText.length - 1).map((n) => baseText.slice(0, n));
const deepArb = fc.tuple(fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom('"note":"纪要"', '"firms":', '"answers":[')).map(([depth, at]) => {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return at.endsWith('"纪要"') ? baseText.replace(at, `"note":${nested}`) : baseText.replace(at, `${at}${nested},`);
});
const randomTextArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v)));
const envelopeArb = fc.record({
  format: fc.constantFrom('qm-maturity-export', 'qm-maturity-encrypted', 'x'),
  formatVersion: fc.constantFrom(1, 0, 2, 3, '1', 1.5, -1, null),
  app: fc.oneof(fc.string(), fc.integer()),
  appVersion: fc.string(),
  exportedAt: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  firms: fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(base.firms[0])), { maxLength: 3 }),
  assessments: fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(base.assessments[1])), { maxLength: 3 }),
}, { requiredKeys: [] });

const messages = [zh, en] as const;
function message(locale: (typeof messages)[number], key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined), locale);
}

function checkIssues(issues: ImportIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.path).toBe('string');
    expect(IMPORT_ISSUE_CODES).toContain(issue.code);
    for (const locale of messages) {
      const text = message(locale, issueMessageKey(issue.code));
      expect(typeof text, `${issueMessageKey(issue.code)}`).toBe('string');
      // Every placeholder of the message is filled by the issue's params.
      for (const [, name] of (text as string).matchAll(/\{(\w+)\}/g)) expect(Object.hasOwn(issue.params, name!), `${issue.code} {${name}}`).toBe(true);
    }
  }
}

let db: AppDatabase;
let seeded: Dump;
let goodPlan: Awaited<ReturnType<typeof previewImport>>;

beforeAll(async () => {
  db = new AppDatabase(`fuzz-${crypto.randomUUID()}`);
  useDatabase(db);
  // Stored: f1 under another id with the same credit code, and a1 with other answers (a conflict).
  const { answers, ...a1 } = assessment('a1', 'home', { assessor: '另一位' });
  await db.transaction('rw', db.tables, async () => {
    await db.firms.add(firm('home', { creditCode: CODE_A }));
    await db.assessments.add(a1);
    await db.answers.bulkAdd(answers.map((a) => ({ ...a, assessmentId: 'a1', rev: 3 })));
    // ... with plan decisions of its own, and targets for the firm.
    await db.planStates.bulkAdd([state('STR-01-L3-1', { owner: '李四' }), state('PRD-05-L2-1')].map((s) => ({ ...s, assessmentId: 'a1' })));
    await db.targets.add({ firmId: 'home', modules: { PRD: 2 }, indicators: {}, updatedAt: T0 });
  });
  seeded = await dumpDatabase(db);
  goodPlan = await previewImport(base);
});

/** A refused file: issues for the user, and applying it anyway writes nothing. */
async function refused(input: unknown): Promise<void> {
  const parsed = parseExportFile(input);
  if (parsed.ok) return; // Some mutations keep a file valid (e.g. another string in a note); checked below.
  checkIssues(parsed.issues);
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return; // Nothing to hand to applyImport.
    }
  }
  const error = await applyImport(value as ExportFile, goodPlan).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe('invalidFile');
  checkIssues((error as ImportError).issues);
  expect(await dumpDatabase(db)).toEqual(seeded);
}

describe('import fuzz', { timeout: 60_000 }, () => {
  it('mutated files (as text and as parsed objects)', async () => {
    await fc.assert(
      fc.asyncProperty(mutationArb, fc.boolean(), async (value, asText) => {
        await refused(asText ? JSON.stringify(value) : value);
      }),
      { numRuns: 2500 },
    );
  });

  it('truncated, deeply nested and random text', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(truncatedArb, deepArb, randomTextArb), refused), { numRuns: 1500 });
  });

  it('random envelopes', async () => {
    await fc.assert(fc.asyncProperty(envelopeArb, refused), { numRuns: 1000 });
  });

  it('valid files with random text, ids, decisions, targets and choices: stored records change only where replace was chosen', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    const idArb = fc.constantFrom('a1', 'a2', '__proto__', 'constructor', 'x');
    const levelArb = fc.constantFrom<MaturityLevel>(1, 2, 3, 4, 5);
    const targetsArb: fc.Arbitrary<TargetProfile | null> = fc.option(
      fc.record({
        modules: fc.dictionary(fc.constantFrom('STR', 'PRD', 'SRV'), levelArb, { maxKeys: 3 }),
        indicators: fc.dictionary(fc.constantFrom('STR-01', 'IMP-05'), levelArb, { maxKeys: 2 }),
      }),
    );
    const stateArb = fc.record({
      actionId: fc.constantFrom('STR-01-L3-1', 'PRD-05-L2-1', 'IMP-05-L1-2'),
      status: fc.constantFrom<PlanStatus>('proposed', 'accepted', 'rejected', 'inProgress', 'done'),
      text,
      owner: fc.constantFrom('', '李四', '张三'),
    });
    const statesArb = fc.uniqueArray(stateArb, { maxLength: 3, selector: (s) => s.actionId }).map((list) => list.map((s) => state(s.actionId, s)));
    const validArb = fc.record({
      note: text,
      name: text.filter((s) => s.trim() !== '' && s.trim().length <= 200),
      firmId: fc.constantFrom('f1', 'home', '__proto__'),
      ids: fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }),
      level: fc.constantFrom(1, 2, 3, 4, 5, null),
      targets: targetsArb,
      states: statesArb,
      choice: fc.constantFrom<ConflictChoice | undefined>('keepBoth', 'replace', 'skip', undefined),
    });
    const key = (table: string, row: Record<string, unknown>) => String(table === 'targets' ? row.firmId : table === 'planStates' ? `${String(row.assessmentId)}\u0000${String(row.actionId)}` : row.id);
    const owner = (table: string, row: Record<string, unknown>) =>
      table === 'firms' ? `firm:${String(row.id)}` : table === 'targets' ? `firm:${String(row.firmId)}` : `assessment:${String(table === 'planStates' ? row.assessmentId : row.id)}`;
    await fc.assert(
      fc.asyncProperty(validArb, async ({ note, name, firmId, ids, level, targets, states, choice }) => {
        const incoming = build(
          [{ ...firm(firmId, { name, creditCode: firmId === 'f1' ? CODE_A : '' }), targets }],
          ids.map((id) => ({ ...assessment(id, firmId, { answers: [ans('STR-01', level as never, { note })] }), planStates: states })),
        );
        const parsed = parseExportFile(JSON.stringify(incoming));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const before = await dumpDatabase(db);
        const plan = await previewImport(parsed.file);
        const choices: ImportChoices = choice ? Object.fromEntries(plan.conflicts.map((c) => [c.key, choice])) : {};
        const result = await applyImport(parsed.file, plan, choices);
        const after = await dumpDatabase(db);
        const replaced = new Set(plan.conflicts.filter((c) => (choices[c.key] ?? c.defaultChoice) === 'replace').map((c) => c.key));
        // Every record stored before is still there, unchanged unless its replacement was chosen (a replaced firm
        // may lose its targets; a replaced assessment its decisions).
        for (const table of ['firms', 'assessments', 'targets', 'planStates']) {
          for (const row of before[table]!) {
            const now = after[table]!.find((r) => key(table, r) === key(table, row));
            if (replaced.has(owner(table, row))) continue;
            expect(now, `${table} ${key(table, row)}`).toEqual(row);
          }
        }
        // Every assessment of the file is stored under the id the result names; one written by this import
        // carries the file's decisions.
        for (const a of parsed.file.assessments) {
          const id = result.assessmentIds.get(a.id)!;
          expect(after.assessments!.some((r) => r.id === id)).toBe(true);
          const written = !before.assessments!.some((r) => r.id === id) || replaced.has(`assessment:${id}`);
          const stored = after.planStates!.filter((r) => r.assessmentId === id).map(({ assessmentId: _, ...r }) => r);
          if (written) expect(stored).toEqual([...a.planStates].sort((x, y) => x.actionId.localeCompare(y.actionId)));
        }
        // A firm that had no targets before has the file's now, if the file has any.
        const landed = result.firmIds.get(parsed.file.firms[0]!.id)!;
        const hadTargets = before.targets!.some((r) => r.firmId === landed);
        const set = targets && Object.keys(targets.modules).length + Object.keys(targets.indicators).length > 0;
        if (!hadTargets && set) expect(after.targets!.find((r) => r.firmId === landed)).toMatchObject(targets);
        // Back to the seed for the next run.
        await db.transaction('rw', db.tables, async () => {
          await Promise.all([db.firms.clear(), db.assessments.clear(), db.answers.clear(), db.planStates.clear(), db.targets.clear()]);
          await db.firms.bulkAdd(seeded.firms as never);
          await db.assessments.bulkAdd(seeded.assessments as never);
          await db.answers.bulkAdd(seeded.answers as never);
          await db.planStates.bulkAdd(seeded.planStates as never);
          await db.targets.bulkAdd(seeded.targets as never);
        });
      }),
      { numRuns: 150 },
    );
  });
});
