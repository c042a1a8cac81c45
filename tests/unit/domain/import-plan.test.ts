import { describe, expect, it } from 'vitest';
import { invalidChoices, planImport, resolveImport, type StoredData } from '../../../src/domain/import-plan';
import { buildExportFile, type AssessmentRecord } from '../../../src/domain/file-format';
import type { PlanItemState, TargetProfile } from '../../../src/domain/result-types';
import type { Answer, Firm } from '../../../src/domain/types';
import { ans, assessment, CODE_A, CODE_B, file, firm, T0, T1 } from '../../fixtures/records';

type WithPlan = AssessmentRecord & { planStates?: PlanItemState[] };

function stored(firms = [firm('f1')], assessments: WithPlan[] = [], targets: Record<string, TargetProfile> = {}): StoredData {
  return {
    firms,
    assessments: assessments.map(({ answers: _, planStates: _p, ...a }) => a),
    answers: new Map<string, Answer[]>(assessments.map((a) => [a.id, a.answers])),
    planStates: new Map(assessments.map((a) => [a.id, a.planStates ?? []])),
    targets: new Map(Object.entries(targets)),
  };
}

/** A file whose firms may carry targets and whose assessments may carry plan decisions. */
const file2 = (firms: (Firm & { targets?: TargetProfile | null })[], assessments: WithPlan[]) =>
  buildExportFile(firms, assessments, { appVersion: '0.1.0', exportedAt: T1 });

function state(actionId: string, fields: Partial<PlanItemState> = {}): PlanItemState {
  return { actionId, status: 'accepted', text: '', owner: '张三', dueDate: '2026-12-31', note: '', updatedAt: T0, ...fields };
}

const targets = (modules: TargetProfile['modules'], indicators: TargetProfile['indicators'] = {}): TargetProfile => ({ modules, indicators });

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('planImport', () => {
  it('everything new into an empty store: written under its own ids', () => {
    const f = file([firm('f1')], [assessment('a1', 'f1'), assessment('a2', 'f1', { previousId: 'a1' })]);
    const plan = planImport(f, stored([]));
    expect(plan.firms.map((p) => p.kind)).toEqual(['new']);
    expect(plan.assessments.map((p) => p.kind)).toEqual(['new', 'new']);
    expect(plan.conflicts).toEqual([]);
    const w = resolveImport(f, plan, {}, ids());
    expect(w.firms).toEqual([{ firm: firm('f1'), mode: 'add' }]);
    expect(w.targets).toEqual(new Map());
    expect(w.assessments.map((x) => [x.assessment.id, x.assessment.previousId, x.mode])).toEqual([['a1', null, 'add'], ['a2', 'a1', 'add']]);
  });

  it('identical records are skipped; a different updatedAt or an empty stored answer is no difference', () => {
    const a = assessment('a1', 'f1');
    const s = stored([firm('f1')], [{ ...a, answers: [...a.answers, ans('IMP-01', null)] }]);
    const f = file([firm('f1', { updatedAt: T1 })], [{ ...a, updatedAt: T1 }]);
    const plan = planImport(f, s);
    expect(plan.firms[0]!.kind).toBe('identical');
    expect(plan.assessments[0]!.kind).toBe('identical');
    const w = resolveImport(f, plan, {}, ids());
    expect(w.firms).toEqual([]);
    expect(w.assessments).toEqual([]);
    expect(w.assessmentIds.get('a1')).toBe('a1');
  });

  it('a conflicting assessment is described, kept twice by default, and references follow the copy', () => {
    const a1 = assessment('a1', 'f1');
    const changed = assessment('a1', 'f1', { assessor: '王', updatedAt: T1, answers: [ans('STR-01', 4), ans('MON-02', 2)] });
    const a2 = assessment('a2', 'f1', { previousId: 'a1', assessedOn: '2026-12-01' });
    const f = file([firm('f1')], [changed, a2]);
    const plan = planImport(f, stored([firm('f1')], [a1]));
    expect(plan.conflicts).toEqual([
      {
        key: 'assessment:a1', type: 'assessment', id: 'a1', firmName: '企业f1', assessedOn: '2026-11-20', assessor: '王', newer: 'incoming',
        defaultChoice: 'keepBoth',
        differences: [
          { field: 'assessor', stored: '李顾问', incoming: '王' },
          { field: 'answers', changed: ['STR-01'], onlyIncoming: ['MON-02'], onlyStored: ['PRD-05'] },
        ],
      },
    ]);
    const w = resolveImport(f, plan, {}, ids());
    expect(w.assessments.map((x) => [x.assessment.id, x.assessment.previousId, x.mode])).toEqual([['new-1', null, 'add'], ['a2', 'new-1', 'add']]);

    const replaced = resolveImport(f, plan, { 'assessment:a1': 'replace' }, ids());
    expect(replaced.assessments.map((x) => [x.assessment.id, x.assessment.previousId, x.mode])).toEqual([['a1', null, 'replace'], ['a2', 'a1', 'add']]);
    const skipped = resolveImport(f, plan, { 'assessment:a1': 'skip' }, ids());
    expect(skipped.assessments.map((x) => [x.assessment.id, x.assessment.previousId, x.mode])).toEqual([['a2', 'a1', 'add']]);
  });

  it('a firm stored under another id with the same credit code receives the assessments; its profile is kept', () => {
    const f = file(
      [firm('tablet-f', { creditCode: CODE_A, name: '天津某某公司', contact: '新电话' })],
      [assessment('a1', 'tablet-f'), assessment('a2', 'tablet-f', { previousId: 'a1' }), assessment('a3', 'tablet-f', { previousId: 'gone' })],
    );
    const s = stored([firm('other', { creditCode: CODE_B }), firm('home-f', { creditCode: CODE_A, name: '天津某某有限公司' })]);
    const plan = planImport(f, s);
    expect(plan.firms[0]).toMatchObject({ kind: 'matched', storedId: 'home-f', matchedBy: 'creditCode' });
    const w = resolveImport(f, plan, {}, ids());
    expect(w.firms).toEqual([]);
    expect(w.assessments.map((x) => [x.assessment.id, x.assessment.firmId, x.assessment.previousId])).toEqual([
      ['a1', 'home-f', null], ['a2', 'home-f', 'a1'], ['a3', 'home-f', 'gone'],
    ]);
  });

  it('matches by name (full-width brackets, spaces) only when a side has no code', () => {
    const stored1 = stored([firm('s', { name: '天津（滨海）机械 有限公司' })]);
    expect(planImport(file([firm('x', { name: '天津(滨海)机械有限公司' })], []), stored1).firms[0]).toMatchObject({ kind: 'matched', matchedBy: 'name', storedId: 's' });
    expect(planImport(file([firm('x', { name: '天津(滨海)机械有限公司', creditCode: CODE_A })], []), stored1).firms[0]!.kind).toBe('matched');
    const coded = stored([firm('s', { name: '同名公司', creditCode: CODE_B })]);
    expect(planImport(file([firm('x', { name: '同名公司', creditCode: CODE_A })], []), coded).firms[0]!.kind).toBe('new');
  });

  it('the same firm edited on two devices: one record, stored profile kept unless replaced', () => {
    const a1 = assessment('a1', 'f1');
    const f = file([firm('f1', { contact: '新电话', updatedAt: T1 })], [a1, assessment('a2', 'f1')]);
    const plan = planImport(f, stored([firm('f1', { contact: '旧电话' })], [a1]));
    expect(plan.conflicts).toMatchObject([
      { key: 'firm:f1', type: 'firm', defaultChoice: 'skip', newer: 'incoming', differences: [{ field: 'contact', stored: '旧电话', incoming: '新电话' }] },
    ]);
    expect(plan.assessments.map((p) => p.kind)).toEqual(['identical', 'new']);
    const w = resolveImport(f, plan, {}, ids());
    expect(w.firms).toEqual([]);
    expect(w.assessments.map((x) => [x.assessment.id, x.assessment.firmId])).toEqual([['a2', 'f1']]);
    expect(resolveImport(f, plan, { 'firm:f1': 'replace' }, ids()).firms).toEqual([{ firm: firm('f1', { contact: '新电话', updatedAt: T1 }), mode: 'replace' }]);
  });

  it('a different firm under the same id: kept twice by default, with all its assessments of the file', () => {
    const a1 = assessment('a1', 'f1');
    const f = file([firm('f1', { name: '另一家公司', creditCode: CODE_A })], [a1, assessment('a2', 'f1')]);
    const plan = planImport(f, stored([firm('f1', { creditCode: CODE_B })], [a1]));
    expect(plan.conflicts.map((c) => [c.key, c.defaultChoice])).toEqual([['firm:f1', 'keepBoth']]);
    const w = resolveImport(f, plan, {}, ids());
    expect(w.firms.map((x) => [x.firm.id, x.firm.name, x.mode])).toEqual([['new-1', '另一家公司', 'add']]);
    expect(w.assessments.map((x) => [x.assessment.id, x.assessment.firmId, x.mode])).toEqual([['new-2', 'new-1', 'add'], ['a2', 'new-1', 'add']]);
  });

  it('ids such as __proto__ and constructor are ordinary ids', () => {
    const f = file([firm('__proto__'), firm('constructor')], [assessment('__proto__', 'constructor'), assessment('prototype', '__proto__')]);
    const plan = planImport(f, stored([firm('__proto__', { name: '别家', creditCode: CODE_A })], [assessment('prototype', '__proto__')]));
    expect(plan.firms.map((p) => p.kind)).toEqual(['conflict', 'new']);
    const w = resolveImport(f, plan, { 'firm:__proto__': 'keepBoth' }, ids());
    expect(w.assessments.map((x) => [x.assessment.id, x.assessment.firmId])).toEqual([['__proto__', 'constructor'], ['new-2', 'new-1']]);
  });

  it('rejects unknown choice keys and values', () => {
    const a1 = assessment('a1', 'f1');
    const plan = planImport(file([firm('f1')], [{ ...a1, assessor: 'x' }]), stored([firm('f1')], [a1]));
    expect(invalidChoices(plan, { 'assessment:a1': 'replace' })).toEqual([]);
    expect(invalidChoices(plan, { 'assessment:a2': 'replace', 'assessment:a1': 'merge' as never })).toEqual(['assessment:a2', 'assessment:a1']);
  });
});

describe('plan decisions', () => {
  const decided = [state('STR-01-L3-1'), state('PRD-05-L2-2', { status: 'done', note: '已完成' })];

  it('travel with their assessment: new, kept twice under the new id, replaced, or left alone on skip', () => {
    const a1 = assessment('a1', 'f1');
    const fresh = file2([firm('f1')], [{ ...assessment('a2', 'f1'), planStates: decided }]);
    const w = resolveImport(fresh, planImport(fresh, stored([firm('f1')])), {}, ids());
    expect(w.assessments.map((x) => [x.assessment.id, x.assessment.planStates])).toEqual([['a2', decided]]);

    const f = file2([firm('f1')], [{ ...a1, assessor: '王', planStates: decided }]);
    const plan = planImport(f, stored([firm('f1')], [{ ...a1, planStates: [state('STR-01-L3-1', { owner: '李四' })] }]));
    expect(plan.assessments[0]!.kind).toBe('conflict');
    expect(resolveImport(f, plan, {}, ids()).assessments.map((x) => [x.assessment.id, x.mode, x.assessment.planStates])).toEqual([['new-1', 'add', decided]]);
    expect(resolveImport(f, plan, { 'assessment:a1': 'replace' }, ids()).assessments.map((x) => [x.assessment.id, x.mode, x.assessment.planStates])).toEqual([['a1', 'replace', decided]]);
    expect(resolveImport(f, plan, { 'assessment:a1': 'skip' }, ids()).assessments).toEqual([]);
  });

  it('an otherwise identical assessment whose plan differs is a conflict that says so', () => {
    const a1 = assessment('a1', 'f1');
    const s = stored([firm('f1')], [{ ...a1, planStates: [state('STR-01-L3-1', { owner: '李四' }), state('IMP-01-L1-1')] }]);
    const f = file2([firm('f1')], [{ ...a1, updatedAt: T1, planStates: decided }]);
    const plan = planImport(f, s);
    expect(plan.conflicts).toEqual([
      expect.objectContaining({
        key: 'assessment:a1', defaultChoice: 'keepBoth', newer: 'incoming',
        differences: [
          {
            field: 'planStates', stored: 'IMP-01-L1-1, STR-01-L3-1', incoming: 'PRD-05-L2-2, STR-01-L3-1',
            actions: { changed: ['STR-01-L3-1'], onlyIncoming: ['PRD-05-L2-2'], onlyStored: ['IMP-01-L1-1'] },
          },
        ],
      }),
    ]);
  });

  it('a decision still at its default is the same as none, and updatedAt is no difference', () => {
    const a1 = assessment('a1', 'f1');
    const untouched = state('STR-01-L3-1', { status: 'proposed', owner: '', dueDate: '' });
    const s = stored([firm('f1')], [{ ...a1, planStates: [untouched, state('IMP-01-L1-1')] }]);
    const f = file2([firm('f1')], [{ ...a1, planStates: [state('IMP-01-L1-1', { updatedAt: T1 })] }]);
    expect(planImport(f, s).assessments[0]!.kind).toBe('identical');
  });

  it('names many differing actions briefly', () => {
    const a1 = assessment('a1', 'f1');
    const many = [1, 2, 3, 4, 5, 6, 7].map((n) => state(`STR-01-L3-${n}`));
    const plan = planImport(file2([firm('f1')], [{ ...a1, planStates: many }]), stored([firm('f1')], [a1]));
    expect(plan.conflicts[0]!.differences).toEqual([
      expect.objectContaining({ field: 'planStates', stored: '', incoming: 'STR-01-L3-1, STR-01-L3-2, STR-01-L3-3, STR-01-L3-4, STR-01-L3-5 (+2)' }),
    ]);
  });
});

describe('targets', () => {
  const mine = targets({ SRV: 4 }, { 'STR-01': 5 });
  const theirs = targets({ PRD: 3 });

  it('a new firm gets the file\'s targets; none, or an empty profile, writes nothing', () => {
    const f = file2([{ ...firm('f1'), targets: mine }, { ...firm('f2'), targets: null }, { ...firm('f3'), targets: targets({}) }], []);
    const plan = planImport(f, stored([]));
    expect(plan.firms.map((p) => p.storedTargets)).toEqual([false, false, false]);
    const w = resolveImport(f, plan, {}, ids());
    expect(w.targets).toEqual(new Map([['f1', mine]]));
    expect(w.firms.map((x) => Object.keys(x.firm))).not.toContainEqual(expect.arrayContaining(['targets']));
  });

  it('a matched firm keeps its stored targets, and takes the file\'s when it has none', () => {
    const f = file2([{ ...firm('tablet', { creditCode: CODE_A }), targets: theirs }], []);
    const withTargets = planImport(f, stored([firm('home', { creditCode: CODE_A })], [], { home: mine }));
    expect(withTargets.firms[0]).toMatchObject({ kind: 'matched', storedId: 'home', storedTargets: true });
    expect(resolveImport(f, withTargets, {}, ids()).targets).toEqual(new Map());
    const without = planImport(f, stored([firm('home', { creditCode: CODE_A })], [], { home: targets({}) }));
    expect(without.firms[0]!.storedTargets).toBe(false);
    expect(resolveImport(f, without, {}, ids()).targets).toEqual(new Map([['home', theirs]]));
  });

  it('the same firm with other targets is a conflict: skip keeps them, replace overwrites, keepBoth gives the copy the file\'s', () => {
    const f = file2([{ ...firm('f1'), targets: theirs }], []);
    const plan = planImport(f, stored([firm('f1')], [], { f1: mine }));
    expect(plan.conflicts).toEqual([
      expect.objectContaining({ key: 'firm:f1', defaultChoice: 'skip', differences: [{ field: 'targets', stored: 'SRV 4, STR-01 5', incoming: 'PRD 3' }] }),
    ]);
    expect(resolveImport(f, plan, {}, ids()).targets).toEqual(new Map());
    expect(resolveImport(f, plan, { 'firm:f1': 'replace' }, ids()).targets).toEqual(new Map([['f1', theirs]]));
    expect(resolveImport(f, plan, { 'firm:f1': 'keepBoth' }, ids()).targets).toEqual(new Map([['new-1', theirs]]));
  });

  it('targets on one side only: no conflict by themselves, the side without takes them', () => {
    const fileWith = file2([{ ...firm('f1'), targets: theirs }], []);
    const plan = planImport(fileWith, stored([firm('f1')]));
    expect(plan.firms[0]!.kind).toBe('identical');
    expect(resolveImport(fileWith, plan, {}, ids()).targets).toEqual(new Map([['f1', theirs]]));
    const fileWithout = file2([firm('f1')], []);
    const kept = planImport(fileWithout, stored([firm('f1')], [], { f1: mine }));
    expect(kept.firms[0]).toMatchObject({ kind: 'identical', storedTargets: true });
    expect(resolveImport(fileWithout, kept, {}, ids()).targets).toEqual(new Map());
  });

  it('replacing a firm with one that has no targets removes the stored ones; the difference shows it', () => {
    const f = file2([{ ...firm('f1', { contact: '新电话' }), targets: null }], []);
    const plan = planImport(f, stored([firm('f1')], [], { f1: mine }));
    expect(plan.conflicts[0]!.differences).toEqual([
      { field: 'contact', stored: '', incoming: '新电话' },
      { field: 'targets', stored: 'SRV 4, STR-01 5', incoming: '' },
    ]);
    expect(resolveImport(f, plan, { 'firm:f1': 'replace' }, ids()).targets).toEqual(new Map([['f1', null]]));
    expect(resolveImport(f, plan, { 'firm:f1': 'skip' }, ids()).targets).toEqual(new Map());
  });

  it('two firms of the file landing on one stored firm without targets: the first gives them', () => {
    const f = file2([{ ...firm('x', { creditCode: CODE_A }), targets: theirs }, { ...firm('y', { creditCode: CODE_A }), targets: mine }], []);
    const plan = planImport(f, stored([firm('home', { creditCode: CODE_A })]));
    expect(plan.firms.map((p) => p.storedId)).toEqual(['home', 'home']);
    expect(resolveImport(f, plan, {}, ids()).targets).toEqual(new Map([['home', theirs]]));
  });
});
