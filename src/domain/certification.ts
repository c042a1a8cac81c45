// The certification and support path: which programme fits the firm now, and why.
// Only programmes we could verify (/work/shared/method-notes.md); mapping and sources: docs/results.md#certification.
import type { AssessmentScore } from './score';
import type { CatalogueSummary } from './summary';
import type { CertificationPath, CertificationStep, CertificationStepId, StepStatus, TextRef } from './result-types';
import type { MaturityLevel } from './types';
import { levelParam, moduleParam } from './insights';

/** The date this guidance was written; review it when the programmes change. Also in results-text.json (meta.guidance_written_on). */
export const GUIDANCE_WRITTEN_ON = '2026-11-23';
/** Modules that QMS certification leans on most: planning (6, 8.1), operations (8.2–8.5), monitoring (9). */
export const QMS_KEY_MODULES = ['PLN', 'BUS', 'MON'] as const;
export const QMS_READY_LEVEL: MaturityLevel = 3;
/** GB/T 4754-2017 section C. */
export const MANUFACTURING = 'C';

export const STEP_ORDER: readonly CertificationStepId[] = ['basics', 'qmsCertification', 'financing', 'manufacturingCapability', 'excellence'];

/** Fixed wording keys of each step in results-text.json: title, what it is, what to do next. */
export const STEP_TEXT: Record<CertificationStepId, { title: string; description: string; actions: string[] }> = {
  basics: { title: 'cert.basics.title', description: 'cert.basics.description', actions: ['cert.basics.action_1', 'cert.basics.action_2', 'cert.basics.action_3'] },
  qmsCertification: { title: 'cert.qms.title', description: 'cert.qms.description', actions: ['cert.qms.action_1', 'cert.qms.action_2', 'cert.qms.action_3'] },
  financing: { title: 'cert.financing.title', description: 'cert.financing.description', actions: ['cert.financing.action_1', 'cert.financing.action_2'] },
  manufacturingCapability: { title: 'cert.mfg.title', description: 'cert.mfg.description', actions: ['cert.mfg.action_1', 'cert.mfg.action_2'] },
  excellence: { title: 'cert.excellence.title', description: 'cert.excellence.description', actions: ['cert.excellence.action_1', 'cert.excellence.action_2'] },
};
export const DISCLAIMER_KEY = 'cert.disclaimer';

const ref = (key: string, params: TextRef['params'] = {}): TextRef => ({ key, params });

export function certificationPath(_summary: CatalogueSummary, score: AssessmentScore, firm: { industry: string }): CertificationPath {
  const stage = score.stage.kind === 'given' ? score.stage.stage : null;
  const levels = new Map(score.modules.map((m) => [m.moduleId, m.level]));
  const lagging = QMS_KEY_MODULES.filter((id) => (levels.get(id) ?? 0) < QMS_READY_LEVEL);
  const keys = moduleParam(QMS_KEY_MODULES);
  const ready = QMS_READY_LEVEL;
  const manufacturer = firm.industry === MANUFACTURING;
  const qmsReady = stage !== null && stage >= 3 && lagging.length === 0;

  const current: CertificationStepId =
    !qmsReady ? 'basics' : stage === 3 ? 'qmsCertification' : stage === 4 && manufacturer ? 'manufacturingCapability' : 'excellence';

  // basics
  const basics: TextRef[] = [];
  if (score.stage.kind === 'none') basics.push(ref('cert.reason.no_answers'));
  else if (score.stage.kind === 'insufficient') basics.push(ref('cert.reason.no_stage', { modules: moduleParam(score.stage.modulesLackingAnswers) }));
  else if (stage! <= 2) basics.push(ref('cert.basics.reason.stage_low', { stage: levelParam(stage!) }));
  else if (lagging.length) basics.push(ref('cert.basics.reason.key_lag', { stage: levelParam(stage!), modules: moduleParam(lagging), level: levelParam(ready) }));
  else basics.push(ref('cert.basics.reason.reached', { stage: levelParam(stage!) }));

  // QMS certification (pass or fail; no verified graded scheme for small firms)
  const qms: TextRef[] = [];
  if (stage === null || stage < 3) qms.push(ref('cert.qms.reason.not_yet', { level: levelParam(ready), modules: keys }));
  else if (lagging.length) qms.push(ref('cert.qms.reason.key_lag', { modules: moduleParam(lagging), level: levelParam(ready) }));
  else if (stage === 3) qms.push(ref('cert.qms.reason.ready', { modules: keys, level: levelParam(ready) }));
  else qms.push(ref('cert.qms.reason.beyond', { stage: levelParam(stage), modules: keys }));
  qms.push(ref('cert.qms.reason.pass_fail'));

  // financing, after certification
  const financing = [ref(qmsReady ? 'cert.financing.reason.after_cert' : 'cert.financing.reason.needs_cert'), ref('cert.financing.reason.may_count')];

  // manufacturing capability (MIIT), manufacturers only
  const mfg: TextRef[] = [];
  if (!manufacturer) mfg.push(ref(firm.industry === '' ? 'cert.mfg.reason.industry_unknown' : 'cert.mfg.reason.not_manufacturer'));
  else if (stage !== null && stage >= 3 && stage <= 4) mfg.push(ref('cert.mfg.reason.fits', { stage: levelParam(stage) }));
  else if (stage === 5) mfg.push(ref('cert.mfg.reason.beyond', { stage: levelParam(stage) }));
  else mfg.push(ref('cert.mfg.reason.too_early', { level: levelParam(3) }));
  if (manufacturer) mfg.push(ref('cert.mfg.reason.not_equal'));

  // excellence: GB/T 19580 self-assessment, then quality awards
  const excellence: TextRef[] = [];
  if (stage !== null && stage >= 4) excellence.push(ref('cert.excellence.reason.fits', { stage: levelParam(stage) }));
  else excellence.push(ref('cert.excellence.reason.later', { level: levelParam(4) }));
  excellence.push(ref('cert.excellence.reason.awards'));

  const reasons: Record<CertificationStepId, TextRef[]> = { basics, qmsCertification: qms, financing, manufacturingCapability: mfg, excellence };
  const steps: CertificationStep[] = STEP_ORDER.map((id) => ({
    id,
    status: statusOf(id, current, stage, qmsReady, manufacturer),
    reasons: reasons[id],
  }));
  return { current, steps, writtenOn: GUIDANCE_WRITTEN_ON };
}

function statusOf(id: CertificationStepId, current: CertificationStepId, stage: number | null, qmsReady: boolean, manufacturer: boolean): StepStatus {
  if (id === current) return 'current';
  const s = stage ?? 0;
  switch (id) {
    case 'basics':
      return 'reached'; // basics is current unless the firm is ready for certification
    case 'qmsCertification':
      return qmsReady ? 'reached' : 'next';
    case 'financing':
      return qmsReady ? 'next' : 'later';
    case 'manufacturingCapability':
      if (!manufacturer) return 'notRelevant';
      return qmsReady ? 'next' : 'later';
    case 'excellence':
      return s >= 4 ? 'next' : 'later';
  }
}
