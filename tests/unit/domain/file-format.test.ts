import { describe, expect, it } from 'vitest';
import { buildExportFile, IMPORT_ISSUE_CODES, FILE_FORMAT_VERSION, issueMessageKey, parseExportFile } from '../../../src/domain/file-format';
import type { AssessmentRecord } from '../../../src/domain/file-format';
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
const good = () => JSON.parse(JSON.stringify(buildExportFile([firm], [assessment], { appVersion: '0.1.0', exportedAt: NOW })));

describe('parseExportFile', () => {
  it('reads a file it wrote', () => {
    const r = parseExportFile(JSON.stringify(good()));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file.assessments[0]!.answers).toHaveLength(2);
  });
  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseExportFile(`\uFEFF${JSON.stringify(good())}`).ok).toBe(true);
  });
  it.each([
    ['not json', '{"format":', 'notJson', ''],
    ['an array', '[]', 'notObject', ''],
    ['another format', JSON.stringify({ ...good(), format: 'x' }), 'wrongFormat', 'format'],
    ['a newer version', JSON.stringify({ ...good(), formatVersion: FILE_FORMAT_VERSION + 1 }), 'newerVersion', 'formatVersion'],
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
  it('every issue code has a message in both locales', () => {
    for (const code of IMPORT_ISSUE_CODES) {
      const key = issueMessageKey(code).split('.')[1]!;
      expect((zh.issue as Record<string, string>)[key], code).toBeTruthy();
      expect((en.issue as Record<string, string>)[key], code).toBeTruthy();
    }
  });
});
