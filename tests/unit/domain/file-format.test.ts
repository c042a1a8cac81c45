import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildExportFile, IMPORT_ISSUE_CODES, FILE_FORMAT_VERSION, issueMessageKey, parseExportFile, UPGRADES } from '../../../src/domain/file-format';
import type { AssessmentRecord, ImportIssue } from '../../../src/domain/file-format';
import type { PlanItemState } from '../../../src/domain/result-types';
import type { Firm } from '../../../src/domain/types';
import { answer } from '../fixtures';
import zh from '../../../src/locales/zh-CN.json';
import en from '../../../src/locales/en.json';

const NOW = '2026-11-23T08:00:00.000Z';
const firm: Firm = {
  id: 'f1', name: '天津市曌明精密机械有限公司', creditCode: '91440300708461136T', industry: 'C', sizeClass: 'small',
  district: '滨海新区', employees: 42, contact: '王经理 13800000000', createdAt: NOW, updatedAt: NOW,
};
const assessment: AssessmentRecord = {
  id: 'a1', firmId: 'f1', catalogueVersion: '2026.1.0', assessor: '李顾问', assessedOn: '2026-11-20', status: 'completed',
  previousId: null, createdAt: NOW, updatedAt: NOW, completedAt: NOW,
  answers: [answer('STR-01', 3), answer('PRD-05', 'na')],
};
const decision: PlanItemState = {
  actionId: 'STR-01-L3-1', status: 'inProgress', text: '每季度召开一次质量目标评审会', owner: '王经理', dueDate: '2027-03-31', note: '已排进日程', updatedAt: NOW,
};
const good = () =>
  JSON.parse(
    JSON.stringify(
      buildExportFile([{ ...firm, targets: { modules: { SRV: 4 }, indicators: { 'STR-01': 5 } } }], [{ ...assessment, planStates: [decision] }], {
        appVersion: '0.1.0',
        exportedAt: NOW,
      }),
    ),
  );
const V1_TEXT = readFileSync(new URL('../../fixtures/files/v1-export.json', import.meta.url), 'utf8');
const byPath = (issues: ImportIssue[]) => Object.fromEntries(issues.map((i) => [i.path, i.code]));

describe('parseExportFile', () => {
  it('reads a file it wrote, targets and plan decisions included', () => {
    const r = parseExportFile(JSON.stringify(good()));
    expect(r).toEqual({ ok: true, file: good() });
    if (r.ok) expect(r.file.assessments[0]!.answers).toHaveLength(2);
    expect(good()).toMatchObject({ formatVersion: 2, firms: [{ targets: { modules: { SRV: 4 } } }], assessments: [{ planStates: [decision] }] });
  });
  it('a firm without targets and an assessment without decisions are written as null and []', () => {
    const f = buildExportFile([firm], [assessment], { appVersion: '0.1.0', exportedAt: NOW });
    expect(f.firms[0]!.targets).toBeNull();
    expect(f.assessments[0]!.planStates).toEqual([]);
    expect(parseExportFile(JSON.stringify(f)).ok).toBe(true);
  });
  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseExportFile(`\uFEFF${JSON.stringify(good())}`).ok).toBe(true);
  });
  it.each([
    ['not json', '{"format":', 'notJson', ''],
    ['an array', '[]', 'notObject', ''],
    ['another format', JSON.stringify({ ...good(), format: 'x' }), 'wrongFormat', 'format'],
    ['a newer version', JSON.stringify({ ...good(), formatVersion: FILE_FORMAT_VERSION + 1 }), 'newerVersion', 'formatVersion'],
    ['a version 3 file', JSON.stringify({ ...good(), formatVersion: 3 }), 'newerVersion', 'formatVersion'],
    ['version 0', JSON.stringify({ ...good(), formatVersion: 0 }), 'unknownVersion', 'formatVersion'],
    ['a version that is no number', JSON.stringify({ ...good(), formatVersion: '1' }), 'unknownVersion', 'formatVersion'],
  ])('rejects %s', (_, text, code, path) => {
    const r = parseExportFile(text);
    expect(r).toMatchObject({ ok: false, issues: [{ code, path }] });
  });
  it('names the field and the problem', () => {
    const f = good();
    f.assessments[0].answers[0].level = 7;
    f.firms[0].creditCode = '91440300708461136A';
    delete f.assessments[0].assessor;
    f.firms[0].extra = 1;
    const r = parseExportFile(f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.code]));
    expect(byPath).toMatchObject({
      'assessments[0].answers[0].level': 'invalidValue',
      'firms[0].creditCode': 'invalidCreditCode',
      'assessments[0].assessor': 'required',
      'firms[0].extra': 'unknownKey',
    });
  });
  it('a value of the wrong type is told apart from a missing one', () => {
    const f = good();
    f.firms[0].employees = '42';
    f.assessments[0].answers = {};
    delete f.assessments[0].status;
    expect(parseExportFile(f)).toMatchObject({
      ok: false,
      issues: [
        { path: 'firms[0].employees', code: 'wrongType', params: { expected: 'number' } },
        { path: 'assessments[0].status', code: 'required' },
        { path: 'assessments[0].answers', code: 'wrongType', params: { expected: 'array' } },
      ],
    });
  });
  it('checks references and the not-applicable rules', () => {
    const f = good();
    f.assessments[0].firmId = 'nobody';
    f.assessments[0].answers[1].naReason = ' ';
    f.assessments[0].answers.push(f.assessments[0].answers[0]);
    const r = parseExportFile(f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code).sort()).toEqual(['duplicateAnswer', 'missingFirm', 'naNeedsReason']);
  });
  it('a draft may hold a not-applicable mark whose reason is still to come', () => {
    const f = good();
    f.assessments[0].status = 'draft';
    f.assessments[0].completedAt = null;
    f.assessments[0].answers[1].naReason = '';
    expect(parseExportFile(f).ok).toBe(true);
  });
  it('refuses prototype-pollution keys without touching Object.prototype', () => {
    const r = parseExportFile('{"format":"qm-maturity-export","formatVersion":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"p":1}}}');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('a newer version names both versions for its message', () => {
    expect(parseExportFile({ ...good(), formatVersion: 3 })).toEqual({
      ok: false, issues: [{ path: 'formatVersion', code: 'newerVersion', params: { version: 3, supported: 2 } }],
    });
  });
  it('checks plan decisions strictly', () => {
    const f = good();
    const bad = (fields: Record<string, unknown>) => ({ ...decision, ...fields });
    f.assessments[0].planStates = [
      bad({ actionId: 'STR-01-L5-1' }),
      bad({ actionId: 'STR-01-L1-2', status: 'maybe' }),
      bad({ actionId: 'STR-01-L1-3', text: 'x'.repeat(2001), owner: '王'.repeat(201) }),
      bad({ actionId: 'STR-01-L1-4', dueDate: '2027/03/31' }),
      bad({ actionId: 'STR-01-L1-5', dueDate: '2027-02-3x', updatedAt: 'yesterday' }),
      bad({ actionId: 'STR-01-L1-6', assessmentId: 'a1' }),
      bad({ actionId: 'STR-01-L1-7', note: 'x'.repeat(20_001) }),
    ];
    const r = parseExportFile(f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(byPath(r.issues)).toEqual({
      'assessments[0].planStates[0].actionId': 'invalidValue',
      'assessments[0].planStates[1].status': 'invalidValue',
      'assessments[0].planStates[2].text': 'tooLong',
      'assessments[0].planStates[2].owner': 'tooLong',
      'assessments[0].planStates[3].dueDate': 'invalidValue',
      'assessments[0].planStates[4].dueDate': 'invalidDate',
      'assessments[0].planStates[4].updatedAt': 'invalidDate',
      'assessments[0].planStates[5].assessmentId': 'unknownKey',
      'assessments[0].planStates[6].note': 'tooLong',
    });
  });
  it('an empty due date is allowed; a decision missing a field or the list missing is not', () => {
    const f = good();
    f.assessments[0].planStates[0].dueDate = '';
    expect(parseExportFile(f).ok).toBe(true);
    delete f.assessments[0].planStates[0].owner;
    const r = parseExportFile(f);
    expect(r).toMatchObject({ ok: false, issues: [{ path: 'assessments[0].planStates[0].owner', code: 'required' }] });
    const g = good();
    delete g.assessments[0].planStates;
    delete g.firms[0].targets;
    const r2 = parseExportFile(g);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(byPath(r2.issues)).toEqual({ 'assessments[0].planStates': 'required', 'firms[0].targets': 'required' });
  });
  it('one decision per action: a second one is named', () => {
    const f = good();
    f.assessments[0].planStates.push({ ...decision, status: 'done' });
    expect(parseExportFile(f)).toEqual({
      ok: false, issues: [{ path: 'assessments[0].planStates[1].actionId', code: 'duplicatePlanState', params: { id: 'STR-01-L3-1' } }],
    });
  });
  it('checks targets strictly: ids of the right shape, levels 1 to 5, no other keys', () => {
    const f = good();
    f.firms[0].targets = { modules: { SRV: 6, str: 3 }, indicators: { 'STR-1': 2, 'PRD-05': 0 }, extra: {} };
    const r = parseExportFile(f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(byPath(r.issues)).toEqual({
      'firms[0].targets.modules.SRV': 'invalidValue',
      'firms[0].targets.modules.str': 'invalidValue',
      'firms[0].targets.indicators.STR-1': 'invalidValue',
      'firms[0].targets.indicators.PRD-05': 'invalidValue',
      'firms[0].targets.extra': 'unknownKey',
    });
    for (const targets of [{ modules: {} }, { modules: [], indicators: {} }, 'SRV 4', {}]) {
      expect(parseExportFile({ ...good(), firms: [{ ...good().firms[0], targets }] }).ok, JSON.stringify(targets)).toBe(false);
    }
    expect(parseExportFile({ ...good(), firms: [{ ...good().firms[0], targets: { modules: {}, indicators: {} } }] }).ok).toBe(true);
  });
  it('a __proto__ key in targets is refused, not dropped, and pollutes nothing', () => {
    const text = JSON.stringify(good()).replace('"modules":{"SRV":4}', '"modules":{"SRV":4,"__proto__":{"polluted":1}}');
    expect(text).toContain('__proto__');
    const r = parseExportFile(text);
    expect(r).toMatchObject({ ok: false, issues: [{ path: 'firms[0].targets.modules.__proto__', code: 'invalidValue' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('every issue code has a message in both locales', () => {
    for (const code of IMPORT_ISSUE_CODES) {
      const key = issueMessageKey(code).split('.')[1]!;
      expect((zh.issue as Record<string, string>)[key], code).toBeTruthy();
      expect((en.issue as Record<string, string>)[key], code).toBeTruthy();
    }
  });
});

describe('older versions', () => {
  it('every version before the current one has an upgrade step', () => {
    for (let v = 1; v < FILE_FORMAT_VERSION; v++) expect(typeof UPGRADES[v], `upgrade ${v}`).toBe('function');
  });

  it('a released v1 file is upgraded: no targets, no plan decisions, everything else kept', () => {
    const v1 = JSON.parse(V1_TEXT);
    expect(v1.formatVersion).toBe(1);
    const r = parseExportFile(V1_TEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.formatVersion).toBe(2);
    expect(r.file.firms.map((f) => [f.name, f.targets])).toEqual([
      ['天津市曌明精密机械有限公司', null],
      ['津南区“好味道”食品加工厂', null],
    ]);
    expect(r.file.assessments.map((a) => a.planStates)).toEqual([[], [], []]);
    expect(r.file.firms).toEqual(v1.firms.map((f: object) => ({ ...f, targets: null })));
    expect(r.file.assessments).toEqual(v1.assessments.map((a: object) => ({ ...a, planStates: [] })));
    expect(r.file.assessments[1]!.answers.find((a) => a.indicatorId === 'STR-01')!.evidence).toBe('质量目标文件、季度考核表\n（见共享盘）');
  });

  it('the v1 → v2 step adds only what is missing and leaves the input alone', () => {
    const v1 = JSON.parse(V1_TEXT);
    const before = JSON.stringify(v1);
    const up = UPGRADES[1]!(v1);
    expect(JSON.stringify(v1)).toBe(before);
    expect(up).toMatchObject({ formatVersion: 2, app: 'qm-maturity', exportedAt: '2026-03-05T09:30:00.000Z' });
    // Whatever is not a list of records is left for validation to report.
    expect(UPGRADES[1]!({ firms: 'x', assessments: [1, null, []] })).toEqual({ formatVersion: 2, firms: 'x', assessments: [1, null, []] });
  });

  it('a v1 file is still checked after the upgrade: a stray targets key is an error, not overwritten', () => {
    const v1 = JSON.parse(V1_TEXT);
    v1.firms[0].targets = 5;
    v1.assessments[0].answers[1].level = 7;
    const r = parseExportFile(v1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(byPath(r.issues)).toEqual({ 'firms[0].targets': 'wrongType', 'assessments[0].answers[1].level': 'invalidValue' });
  });
});
