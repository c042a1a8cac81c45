import { describe, expect, it } from 'vitest';
import { certificationPath, GUIDANCE_WRITTEN_ON } from '../../../src/domain/certification';
import { scoreAssessment } from '../../../src/domain/score';
import { summarizeCatalogue } from '../../../src/domain/summary';
import type { CertificationPath } from '../../../src/domain/result-types';
import { answersFromProfile, even, makeCatalogue, type Profile } from '../fixtures';

const catalogue = makeCatalogue();
const summary = summarizeCatalogue(catalogue);
const pathOf = (profile: Profile, industry = 'F') => certificationPath(summary, scoreAssessment(catalogue, answersFromProfile(profile)), { industry });
const statuses = (p: CertificationPath) => Object.fromEntries(p.steps.map((s) => [s.id, s.status]));
const reasonKeys = (p: CertificationPath, id: string) => p.steps.find((s) => s.id === id)!.reasons.map((r) => r.key);

describe('certificationPath', () => {
  it('all level 1: build the basics with the campaign support', () => {
    const p = pathOf(even(1));
    expect(p.current).toBe('basics');
    expect(statuses(p)).toEqual({ basics: 'current', qmsCertification: 'next', financing: 'later', manufacturingCapability: 'notRelevant', excellence: 'later' });
    expect(p.steps[0]!.reasons).toEqual([{ key: 'cert.basics.reason.stage_low', params: { stage: 'level:1' } }]);
    expect(reasonKeys(p, 'qmsCertification')).toEqual(['cert.qms.reason.not_yet', 'cert.qms.reason.pass_fail']);
    expect(p.writtenOn).toBe('2026-11-23');
    expect(GUIDANCE_WRITTEN_ON).toBe('2026-11-23');
  });

  it('lists the steps in order: basics, QMS, financing, manufacturing, excellence', () => {
    expect(pathOf(even(2)).steps.map((s) => s.id)).toEqual(['basics', 'qmsCertification', 'financing', 'manufacturingCapability', 'excellence']);
  });

  it('all level 3 with 策划, 业务, 监测 at 3: QMS certification is current', () => {
    const p = pathOf(even(3));
    expect(p.current).toBe('qmsCertification');
    expect(statuses(p)).toEqual({ basics: 'reached', qmsCertification: 'current', financing: 'next', manufacturingCapability: 'notRelevant', excellence: 'later' });
    expect(p.steps[1]!.reasons).toEqual([
      { key: 'cert.qms.reason.ready', params: { modules: 'modules:PLN,BUS,MON', level: 'level:3' } },
      { key: 'cert.qms.reason.pass_fail', params: {} },
    ]);
    expect(reasonKeys(p, 'financing')).toEqual(['cert.financing.reason.after_cert', 'cert.financing.reason.may_count']);
  });

  it('stage 3 but 监测 at 2: not ready, basics stay current and name 监测', () => {
    const profile = { ...even(3), MON: [2, 2, 2, 2, 2] } as Profile;
    const score = scoreAssessment(catalogue, answersFromProfile(profile));
    expect(score.stage).toMatchObject({ kind: 'given', stage: 3 });
    const p = certificationPath(summary, score, { industry: 'F' });
    expect(p.current).toBe('basics');
    expect(statuses(p)).toMatchObject({ basics: 'current', qmsCertification: 'next', financing: 'later' });
    expect(p.steps[0]!.reasons).toEqual([{ key: 'cert.basics.reason.key_lag', params: { stage: 'level:3', modules: 'module:MON', level: 'level:3' } }]);
    expect(p.steps[1]!.reasons[0]).toEqual({ key: 'cert.qms.reason.key_lag', params: { modules: 'module:MON', level: 'level:3' } });
  });

  it('a key module with no value (all not applicable) is not ready either', () => {
    const p = pathOf({ ...even(3), PLN: ['na', 'na', 'na', 'na', 'na'] });
    expect(p.current).toBe('basics');
    expect(p.steps[1]!.reasons[0]!.params.modules).toBe('module:PLN');
  });

  it('all level 5: excellence is current, certification reached (with a word for the uncertified)', () => {
    const p = pathOf(even(5));
    expect(p.current).toBe('excellence');
    expect(statuses(p)).toEqual({ basics: 'reached', qmsCertification: 'reached', financing: 'next', manufacturingCapability: 'notRelevant', excellence: 'current' });
    expect(reasonKeys(p, 'qmsCertification')).toEqual(['cert.qms.reason.beyond', 'cert.qms.reason.pass_fail']);
    expect(reasonKeys(p, 'excellence')).toEqual(['cert.excellence.reason.fits', 'cert.excellence.reason.awards']);
  });

  it('manufacturer vs service firm', () => {
    // Stage 3, ready: the MIIT capability assessment is next for a manufacturer, not relevant for a service firm.
    expect(statuses(pathOf(even(3), 'C')).manufacturingCapability).toBe('next');
    expect(reasonKeys(pathOf(even(3), 'C'), 'manufacturingCapability')).toEqual(['cert.mfg.reason.fits', 'cert.mfg.reason.not_equal']);
    expect(reasonKeys(pathOf(even(3), 'I'), 'manufacturingCapability')).toEqual(['cert.mfg.reason.not_manufacturer']);
    expect(reasonKeys(pathOf(even(3), ''), 'manufacturingCapability')).toEqual(['cert.mfg.reason.industry_unknown']);
    // Stage 4: the manufacturer's current step is the capability assessment, excellence next; a service firm goes to excellence.
    const mfg4 = pathOf(even(4), 'C');
    expect(mfg4.current).toBe('manufacturingCapability');
    expect(statuses(mfg4)).toEqual({ basics: 'reached', qmsCertification: 'reached', financing: 'next', manufacturingCapability: 'current', excellence: 'next' });
    const srv4 = pathOf(even(4), 'H');
    expect(srv4.current).toBe('excellence');
    expect(statuses(srv4).manufacturingCapability).toBe('notRelevant');
    // Stage 5 manufacturer: excellence current, the capability assessment still a useful external check.
    const mfg5 = pathOf(even(5), 'C');
    expect(mfg5.current).toBe('excellence');
    expect(statuses(mfg5).manufacturingCapability).toBe('next');
    expect(reasonKeys(mfg5, 'manufacturingCapability')[0]).toBe('cert.mfg.reason.beyond');
    // Stage 1 manufacturer: later.
    expect(statuses(pathOf(even(1), 'C')).manufacturingCapability).toBe('later');
    expect(reasonKeys(pathOf(even(1), 'C'), 'manufacturingCapability')[0]).toBe('cert.mfg.reason.too_early');
  });

  it('spiky profile (stage 2 held by 售后): basics, although most modules are at 4', () => {
    const p = pathOf({ ...even(4), SRV: [1, 1, 1, 1, 1] });
    expect(p.current).toBe('basics');
    expect(p.steps[0]!.reasons[0]).toEqual({ key: 'cert.basics.reason.stage_low', params: { stage: 'level:2' } });
  });

  it('insufficient answers: no stage, basics current, naming the modules to finish', () => {
    const p = pathOf({ ...even(4), MON: [4, 4, null, null, null] }, 'C');
    expect(p.current).toBe('basics');
    expect(p.steps[0]!.reasons).toEqual([{ key: 'cert.reason.no_stage', params: { modules: 'module:MON' } }]);
    expect(statuses(p)).toEqual({ basics: 'current', qmsCertification: 'next', financing: 'later', manufacturingCapability: 'later', excellence: 'later' });
  });

  it('no answers: basics, with a reason saying so', () => {
    expect(pathOf({}).steps[0]!.reasons[0]!.key).toBe('cert.reason.no_answers');
  });

  it('has exactly one current step, and it is the one named current', () => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      for (const industry of ['C', 'F']) {
        const p = pathOf(even(level), industry);
        expect(p.steps.filter((s) => s.status === 'current').map((s) => s.id)).toEqual([p.current]);
      }
    }
  });
});
