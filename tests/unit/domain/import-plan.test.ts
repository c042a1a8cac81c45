import { describe, expect, it } from 'vitest';
import { invalidChoices, planImport, resolveImport, type StoredData } from '../../../src/domain/import-plan';
import type { AssessmentRecord } from '../../../src/domain/file-format';
import type { Answer } from '../../../src/domain/types';
import { ans, assessment, CODE_A, CODE_B, file, firm, T1 } from '../../fixtures/records';

function stored(firms = [firm('f1')], assessments: AssessmentRecord[] = []): StoredData {
  return {
    firms,
    assessments: assessments.map(({ answers: _, ...a }) => a),
    answers: new Map<string, Answer[]>(assessments.map((a) => [a.id, a.answers])),
  };
}

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
    expect(w.firms).toEqual([{ firm: f.firms[0], mode: 'add' }]);
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
    expect(resolveImport(f, plan, { 'firm:f1': 'replace' }, ids()).firms).toEqual([{ firm: f.firms[0], mode: 'replace' }]);
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
