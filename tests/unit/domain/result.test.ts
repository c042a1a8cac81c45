import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import texts from '../../../src/content/results-text.json';
import { catalogue as realCatalogue } from '../../../src/content/index';
import { buildAssessmentResult, catalogueNames } from '../../../src/domain/result';
import { DISCLAIMER_KEY, GUIDANCE_WRITTEN_ON, STEP_TEXT } from '../../../src/domain/certification';
import { renderText, type AssessmentResult, type TargetProfile, type TextRef } from '../../../src/domain/result-types';
import { scoreAssessment } from '../../../src/domain/score';
import { summarizeCatalogue } from '../../../src/domain/summary';
import type { Localized } from '../../../src/domain/types';
import { answersFromProfile, even, MODULE_IDS, type Cell, type Profile } from '../fixtures';

const TEXTS: Record<string, Localized> = texts;
const names = catalogueNames(summarizeCatalogue(realCatalogue));
const NO_TARGETS: TargetProfile = { modules: {}, indicators: {} };

function resultOf(profile: Profile, industry = 'F', targets = NO_TARGETS): AssessmentResult {
  const score = scoreAssessment(realCatalogue, answersFromProfile(profile));
  return buildAssessmentResult({ catalogue: realCatalogue, firm: { industry }, score, targets });
}
const refsOf = (r: AssessmentResult): TextRef[] => [...r.insights.summary, ...r.certification.steps.flatMap((s) => s.reasons)];

describe('renderText', () => {
  const t = { a: { zh: '{modules}落后，整体{stage}，第{n}级', en: '{modules} lag; overall {stage}, level {n}' } };

  it('renders module, indicator and level params with the catalogue names of the locale', () => {
    const ref: TextRef = { key: 'a', params: { modules: 'modules:SRV,MON', stage: 'level:2', n: 2 } };
    expect(renderText(t, ref, 'zh', names)).toBe('售后、监测落后，整体基础级，第2级');
    expect(renderText(t, ref, 'en', names)).toBe('After-sales service and Monitoring and measurement lag; overall Basic, level 2');
    const three = { key: 'a', params: { modules: 'modules:STR,PLN,RES', stage: 'level:3', n: 3 } };
    expect(renderText(t, three, 'en', names)).toBe('Strategy, Planning and Resources lag; overall Defined, level 3');
    expect(renderText(t, three, 'zh', names)).toBe('战略、策划、资源落后，整体规范级，第3级');
    const ind = { key: 'x', params: { i: 'indicator:SRV-01' } };
    expect(renderText({ x: { zh: '“{i}”', en: '"{i}"' } }, ind, 'zh', names)).toBe('“交付后活动与服务承诺”');
  });

  it('renders bare ids without names, keeps plain strings, and leaves a missing param visible', () => {
    const ref: TextRef = { key: 'a', params: { modules: 'modules:SRV,MON', stage: 'level:2' } };
    expect(renderText(t, ref, 'zh')).toBe('SRV、MON落后，整体2，第{n}级');
    expect(renderText({ b: { zh: '{x}', en: '{x}' } }, { key: 'b', params: { x: 'modular: not a name' } }, 'en', names)).toBe('modular: not a name');
    expect(renderText(t, { key: 'missing', params: {} }, 'zh')).toBe('missing');
  });
});

describe('results-text.json', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has both languages for every key, with the same placeholders', () => {
    for (const [key, value] of Object.entries(TEXTS)) {
      expect(value.zh.trim(), key).not.toBe('');
      expect(value.en.trim(), key).not.toBe('');
      expect(placeholders(value.zh), key).toEqual(placeholders(value.en));
    }
  });

  it('holds the date the guidance was written, the same as the code', () => {
    expect(TEXTS['meta.guidance_written_on']).toEqual({ zh: GUIDANCE_WRITTEN_ON, en: GUIDANCE_WRITTEN_ON });
    expect(renderText(TEXTS, { key: DISCLAIMER_KEY, params: { date: GUIDANCE_WRITTEN_ON } }, 'zh')).toContain('2026-11-23');
    expect(TEXTS[DISCLAIMER_KEY]!.zh).toContain('不是');
    expect(TEXTS[DISCLAIMER_KEY]!.en).toContain('not an official determination');
  });

  it('says there is no verified graded or entry-level QMS certification', () => {
    expect(TEXTS['cert.qms.reason.pass_fail']!.zh).toContain('入门级');
    expect(TEXTS['cert.qms.reason.pass_fail']!.en).toMatch(/no official graded or “entry-level” QMS certification/);
  });
});

// Profiles that between them reach every sentence the code can produce.
const PROFILES: [Profile, string, TargetProfile?][] = [
  [{}, 'F'],
  [even(1), 'C'],
  [even(2), ''],
  [even(3), 'C'],
  [even(3), 'F', { modules: Object.fromEntries(MODULE_IDS.map((m) => [m, 3])), indicators: {} }],
  [even(4), 'C'],
  [even(4), 'I'],
  [even(5), 'C'],
  [{ ...even(4), SRV: [1, 1, 1, 1, 1] }, 'C'],
  [{ ...even(3), MON: [2, 2, 2, 2, 2], BUS: [4, 4, 4, 4, 1] }, 'F'],
  [{ ...even(3), MON: [3, 3, 3, null, null], PRD: [3, 3, 3, 3, 'na'] }, 'C'],
  [{ ...even(3), SRV: ['na', 'na', 'na', 'na', 'na'] }, 'F'],
];

describe('every generated sentence', () => {
  const check = (r: AssessmentResult) => {
    for (const ref of refsOf(r)) {
      expect(TEXTS[ref.key], ref.key).toBeDefined();
      for (const locale of ['zh', 'en'] as const) {
        const text = renderText(TEXTS, ref, locale, names);
        expect(text, `${ref.key} ${locale}`).not.toMatch(/\{\w+\}|(modules?|indicators?|level):/);
      }
    }
  };

  it('exists in both languages and has every placeholder filled', () => {
    for (const [profile, industry, targets] of PROFILES) check(resultOf(profile, industry, targets));
  });

  it('holds for any profile and industry (property)', () => {
    const cell = fc.constantFrom<Cell>(1, 2, 3, 4, 5, 'na', null);
    const profileArb = fc.record(Object.fromEntries(MODULE_IDS.map((id) => [id, fc.array(cell, { minLength: 5, maxLength: 5 })])) as Record<string, fc.Arbitrary<Cell[]>>);
    fc.assert(fc.property(profileArb, fc.constantFrom('C', 'F', ''), (profile, industry) => check(resultOf(profile, industry))), { numRuns: 200 });
  });

  it('uses every key of results-text.json: no stale wording', () => {
    const used = new Set<string>(['meta.guidance_written_on', DISCLAIMER_KEY]);
    for (const step of Object.values(STEP_TEXT)) [step.title, step.description, ...step.actions].forEach((k) => used.add(k));
    for (const [profile, industry, targets] of PROFILES) refsOf(resultOf(profile, industry, targets)).forEach((r) => used.add(r.key));
    expect([...used].filter((k) => !(k in TEXTS))).toEqual([]);
    expect(Object.keys(TEXTS).filter((k) => !used.has(k))).toEqual([]);
  });
});

describe('buildAssessmentResult', () => {
  it('assembles score, insights, plan and certification; no comparison without a previous assessment', () => {
    const r = resultOf({ ...even(4), SRV: [1, 1, 1, 1, 1] }, 'C');
    expect(r.score.stage).toMatchObject({ kind: 'given', stage: 2, limitingModules: ['SRV'] });
    expect(r.plan[0]).toMatchObject({ indicatorId: 'SRV-01', rank: 1, stageLimiting: true });
    expect(r.plan.every((i) => i.rank > 0)).toBe(true);
    expect(r.certification.current).toBe('basics');
    expect(r.insights.weakestModules.map((m) => m.moduleId)).toEqual(['SRV']);
    expect(r.comparison).toBeNull();
    // The first step of the summary is the plan's top indicator.
    const first = r.insights.summary.find((s) => s.key === 'summary.first_step')!;
    expect(first.params.indicator).toBe(`indicator:${r.plan[0]!.indicatorId}`);
    expect(renderText(TEXTS, first, 'zh', names)).toContain('“交付后活动与服务承诺”');
  });

  it('compares with the previous assessment when given', () => {
    const beforeAnswers = answersFromProfile(even(2));
    const before = { id: 'a1', score: scoreAssessment(realCatalogue, beforeAnswers), answers: beforeAnswers };
    const answers = answersFromProfile(even(3));
    const score = scoreAssessment(realCatalogue, answers);
    const r = buildAssessmentResult({ catalogue: realCatalogue, firm: { industry: 'F' }, score, targets: NO_TARGETS, previous: { before, current: { id: 'a2', answers } } });
    expect(r.comparison).toMatchObject({ beforeId: 'a1', afterId: 'a2', overallDelta100: 25, stageBefore: 2, stageAfter: 3 });
    expect(r.comparison!.indicators.every((i) => i.kind === 'up' && i.delta === 1)).toBe(true);
  });

  it('plans every indicator of an all-1 firm with the real catalogue (every level below 5 has actions)', () => {
    const r = resultOf(even(1));
    expect(new Set(r.plan.map((i) => i.indicatorId)).size).toBe(40);
    expect(r.plan.every((i) => [30, 90, 180].includes(i.horizon))).toBe(true);
  });
});
