import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/content/index';
import { CatalogueSchema } from '../../../src/domain/catalogue-schema';

const indicators = catalogue.modules.flatMap((m) => m.indicators);

describe('the catalogue', () => {
  it('passes its schema', () => {
    const r = CatalogueSchema.safeParse(catalogue);
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('has the 8 modules of the method in order, 5 indicators each', () => {
    expect(catalogue.modules.map((m) => m.name.zh)).toEqual(['战略', '策划', '资源', '业务', '产品', '售后', '监测', '改进']);
    expect(catalogue.modules.map((m) => m.indicators.length)).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
    expect(indicators).toHaveLength(40);
  });

  it('names the 5 levels in zh and en', () => {
    expect(catalogue.levels.map((l) => l.name.zh)).toEqual(['初始级', '基础级', '规范级', '精细级', '卓越级']);
    expect(catalogue.levels.map((l) => l.name.en)).toEqual(['Initial', 'Basic', 'Defined', 'Managed', 'Excellent']);
  });

  it('has 5 levels per indicator in zh and en, actions below level 5 and none at 5', () => {
    for (const ind of indicators) {
      expect(ind.levels.map((l) => l.level), ind.id).toEqual([1, 2, 3, 4, 5]);
      for (const l of ind.levels) {
        expect(l.descriptor.zh.length, `${ind.id} L${l.level}`).toBeGreaterThanOrEqual(15);
        expect(l.descriptor.en.length, `${ind.id} L${l.level}`).toBeGreaterThanOrEqual(20);
        if (l.level < 5) expect(l.actions.length, `${ind.id} L${l.level}`).toBeGreaterThanOrEqual(2);
        else expect(l.actions, ind.id).toEqual([]);
      }
      expect(ind.evidence.length, ind.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('no two descriptors, explanations or actions are alike', () => {
    for (const lang of ['zh', 'en'] as const) {
      const texts = indicators.flatMap((i) => [i.explanation[lang], i.question[lang], ...i.levels.flatMap((l) => [l.descriptor[lang], ...l.actions.map((a) => a.text[lang])])]);
      const normalised = texts.map((s) => s.replace(/\s+/g, '').toLowerCase());
      const dupes = normalised.filter((s, i) => normalised.indexOf(s) !== i);
      expect(dupes, lang).toEqual([]);
    }
  });

  it('descriptors are observable, not bare comparatives', () => {
    const vague = /^(更好|较好|进一步|加强|更加|Better|More|Further|Improved)/;
    for (const ind of indicators) for (const l of ind.levels) expect(vague.test(l.descriptor.zh) || vague.test(l.descriptor.en), `${ind.id} L${l.level}`).toBe(false);
  });

  it('references every ISO 9001 clause group of 4–10', () => {
    const clauses = new Set(indicators.flatMap((i) => i.clauses));
    const groups = ['4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', '6.2', '6.3', '7.1', '7.2', '7.3', '7.4', '7.5',
      '8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7', '9.1', '9.2', '9.3', '10.1', '10.2', '10.3'];
    const missing = groups.filter((g) => ![...clauses].some((c) => c === g || c.startsWith(`${g}.`)));
    expect(missing).toEqual([]);
  });

  it('writes Chinese text in Chinese (Latin only for accepted abbreviations)', () => {
    const allowed = /ISO|GB\/T|GB|PDCA|ERP|QC|5S|FMEA|SPC|KPI|CNAS|MES|SOP|FIFO|8D|QR|APP|BOM|CCC|SC|Excel|Word|PPT/g;
    for (const ind of indicators) {
      const zh = [ind.name.zh, ind.explanation.zh, ind.question.zh, ...ind.levels.map((l) => l.descriptor.zh)].join(' ');
      expect(zh.replace(allowed, '').match(/[A-Za-z]{4,}/g), ind.id).toBeNull();
    }
  });

  it('has equal default weights', () => {
    expect(new Set(indicators.map((i) => i.weight))).toEqual(new Set([1]));
  });
});

describe('the catalogue summary of the first screen', () => {
  it('is derived from the same files as the catalogue', async () => {
    const { default: summary } = await import('virtual:catalogue-summary');
    const { summarizeCatalogue } = await import('../../../src/domain/summary');
    expect(summary).toEqual(summarizeCatalogue(catalogue));
  });
});
