// Results of one assessment: scores, insights, plan, certification path, comparison and trend,
// all computed from stored answers, plan decisions and targets (never stored themselves).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { watch as watchDb } from '../db/live';
import { assessmentsRepo } from '../db/assessments';
import { firmsRepo } from '../db/firms';
import { answersRepo } from '../db/answers';
import { plansRepo, type PlanStatePatch } from '../db/plans';
import { targetsRepo } from '../db/targets';
import { toStorageError, type StorageErrorCode } from '../db/errors';
import type { Answer, Assessment, Firm } from '../domain/types';
import type { PlanItemState, TargetProfile } from '../domain/result-types';
import { scoreAssessment, type AssessmentScore } from '../domain/score';
import { buildAssessmentResult } from '../domain/result';
import { compareAssessments, trend } from '../domain/compare';
import { mergePlanState } from '../domain/plan';
import { NO_TARGETS } from '../domain/targets';
import { useCatalogueStore } from './catalogue';

interface Loaded {
  assessment: Assessment;
  firm: Firm | null;
  /** All assessments of the firm with their answers and plan decisions, oldest first. */
  history: { assessment: Assessment; answers: Answer[]; planStates: PlanItemState[] }[];
  targets: TargetProfile;
}

export const useResultsStore = defineStore('results', () => {
  const catalogueStore = useCatalogueStore();
  const assessmentId = ref<string | null>(null);
  const data = shallowRef<Loaded | null>(null);
  const notFound = ref(false);
  const error = ref<StorageErrorCode | null>(null);
  const compareWithId = ref<string | null>(null);
  let stop: (() => void) | null = null;

  async function open(id: string): Promise<void> {
    if (assessmentId.value === id) return;
    stop?.();
    assessmentId.value = id;
    data.value = null;
    notFound.value = false;
    compareWithId.value = null;
    await catalogueStore.load();
    stop = watchDb(
      async (): Promise<Loaded | null> => {
        const assessment = await assessmentsRepo.get(id);
        if (!assessment) return null;
        const [firm, list, targets] = await Promise.all([firmsRepo.get(assessment.firmId), assessmentsRepo.listByFirm(assessment.firmId), targetsRepo.get(assessment.firmId)]);
        const history = await Promise.all(
          list.map(async (a) => ({ assessment: a, answers: await answersRepo.list(a.id), planStates: await plansRepo.list(a.id) })),
        );
        return { assessment, firm: firm ?? null, history, targets };
      },
      (value) => {
        if (assessmentId.value !== id) return;
        data.value = value;
        notFound.value = value === null;
      },
      (e) => (error.value = toStorageError(e).code),
    );
  }

  const scored = computed(() =>
    (data.value?.history ?? []).map((h) => ({ ...h, score: scoreAssessment(catalogueStore.summary, h.answers) as AssessmentScore })),
  );
  const current = computed(() => scored.value.find((h) => h.assessment.id === assessmentId.value) ?? null);
  const previous = computed(() => {
    const c = current.value;
    if (!c) return null;
    return scored.value.find((h) => h.assessment.id === c.assessment.previousId) ?? null;
  });
  const targets = computed(() => data.value?.targets ?? NO_TARGETS);

  const result = computed(() => {
    const c = current.value;
    const catalogue = catalogueStore.catalogue;
    if (!c || !catalogue) return null;
    const p = previous.value;
    return buildAssessmentResult({
      catalogue,
      firm: { industry: data.value?.firm?.industry ?? '' },
      score: c.score,
      targets: targets.value,
      previous: p
        ? { before: { id: p.assessment.id, score: p.score, answers: p.answers, planStates: p.planStates }, current: { id: c.assessment.id, answers: c.answers } }
        : undefined,
    });
  });

  const planEntries = computed(() => (result.value && current.value ? mergePlanState(result.value.plan, current.value.planStates) : []));
  const trendPoints = computed(() => trend(scored.value.filter((h) => h.answers.length > 0)));

  /** Another assessment of the firm to compare with: chosen, or the previous one. */
  const comparison = computed(() => {
    const c = current.value;
    if (!c) return null;
    const otherId = compareWithId.value ?? c.assessment.previousId;
    const other = scored.value.find((h) => h.assessment.id === otherId && h.assessment.id !== c.assessment.id);
    if (!other) return null;
    const [before, after] = other.assessment.assessedOn <= c.assessment.assessedOn ? [other, c] : [c, other];
    return {
      before: before.assessment,
      after: after.assessment,
      comparison: compareAssessments(
        { id: before.assessment.id, score: before.score, answers: before.answers, planStates: before.planStates },
        { id: after.assessment.id, score: after.score, answers: after.answers, planStates: after.planStates },
      ),
    };
  });

  async function savePlanState(actionId: string, patch: PlanStatePatch): Promise<void> {
    if (!assessmentId.value) return;
    try {
      await plansRepo.save(assessmentId.value, actionId, patch);
      error.value = null;
    } catch (e) {
      error.value = toStorageError(e).code;
    }
  }

  async function saveTargets(next: TargetProfile): Promise<void> {
    const firmId = data.value?.assessment.firmId;
    if (!firmId) return;
    try {
      await targetsRepo.save(firmId, next);
      error.value = null;
    } catch (e) {
      error.value = toStorageError(e).code;
    }
  }

  return {
    assessmentId, data, notFound, error, compareWithId, open, scored, current, previous, targets, result, planEntries,
    trendPoints, comparison, savePlanState, saveTargets,
  };
});
