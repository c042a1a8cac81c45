import { describe, expect, it } from 'vitest';
import { canonicalJson, reportNumber } from '../../../src/domain/report-number';
import type { Answer } from '../../../src/domain/types';
import { assessment, firm } from '../../fixtures/report/input';

const a = assessment('a-1', '2026-11-23', null);
const answers: Answer[] = [
  { indicatorId: 'STR-02', level: 3, notApplicable: false, naReason: '', note: '有记录', evidence: '手册', updatedAt: '2026-11-23T09:00:00.000Z' },
  { indicatorId: 'PRD-05', level: null, notApplicable: true, naReason: '不做设计', note: '', evidence: '', updatedAt: '2026-11-23T09:00:00.000Z' },
  { indicatorId: 'STR-01', level: 2, notApplicable: false, naReason: '', note: '', evidence: '', updatedAt: '2026-11-23T09:00:00.000Z' },
];
const number = (over: { answers?: Answer[]; firm?: Partial<typeof firm>; assessment?: Partial<typeof a>; version?: string } = {}) =>
  reportNumber({ ...firm, ...over.firm }, { ...a, ...over.assessment }, over.answers ?? answers, over.version ?? '2026.1.0');

describe('reportNumber', () => {
  it('has the form QMM-<assessment date>-XXXX-XXXX-XXXX', async () => {
    expect(await number()).toMatch(/^QMM-20261123-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  });

  it('gives the same number for the same content, whatever the order, timestamps or ids', async () => {
    const reordered = [...answers].reverse().map((x) => ({ ...x, updatedAt: '2030-01-01T00:00:00.000Z' }));
    const same = await number({
      answers: reordered,
      firm: { id: 'other-id', updatedAt: '2031-01-01T00:00:00.000Z', contact: '另一位联系人', employees: 99 },
      assessment: { id: 'a-9', updatedAt: '2031-01-01T00:00:00.000Z', status: 'draft', completedAt: null },
    });
    expect(same).toBe(await number());
  });

  it('changes when an answer changes', async () => {
    const base = await number();
    const changed = async (patch: Partial<Answer>) => number({ answers: answers.map((x) => (x.indicatorId === 'STR-02' ? { ...x, ...patch } : x)) });
    expect(await changed({ level: 4 })).not.toBe(base);
    expect(await changed({ note: '有记录，已检查' })).not.toBe(base);
    expect(await changed({ evidence: '手册第2版' })).not.toBe(base);
    expect(await changed({ notApplicable: true, level: null, naReason: '不涉及' })).not.toBe(base);
    expect(await number({ answers: answers.map((x) => (x.indicatorId === 'PRD-05' ? { ...x, naReason: '只做来料加工' } : x)) })).not.toBe(base);
  });

  it('changes when what the cover shows changes', async () => {
    const base = await number();
    expect(await number({ firm: { name: '天津市另一家机械有限公司' } })).not.toBe(base);
    expect(await number({ firm: { creditCode: '91120116MA05K8XQ4T' } })).not.toBe(base);
    expect(await number({ assessment: { assessor: '张三' } })).not.toBe(base);
    expect(await number({ version: '2027.1.0' })).not.toBe(base);
    const other = await number({ assessment: { assessedOn: '2026-12-01' } });
    expect(other.startsWith('QMM-20261201-')).toBe(true);
  });

  it('ignores empty answer records and surrounding whitespace', async () => {
    const empty: Answer = { indicatorId: 'MON-01', level: null, notApplicable: false, naReason: '', note: '  ', evidence: '', updatedAt: '2026-11-23T09:00:00.000Z' };
    expect(await number({ answers: [...answers, empty] })).toBe(await number());
    expect(await number({ firm: { name: ` ${firm.name} ` } })).toBe(await number());
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});
