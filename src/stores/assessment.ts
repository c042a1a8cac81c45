// The assessment being answered: its answers follow the database live; every change is saved as it is made.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { watch as watchDb } from '../db/live';
import { assessmentsRepo } from '../db/assessments';
import { firmsRepo } from '../db/firms';
import { answersRepo, emptyAnswer } from '../db/answers';
import { toStorageError, type StorageErrorCode } from '../db/errors';
import type { AnswerRow } from '../db/schema';
import type { AnswerFields, Assessment, Firm } from '../domain/types';
import { scoreAssessment } from '../domain/score';
import { missingAnswers, moduleProgress } from '../domain/completeness';
import { useCatalogueStore } from './catalogue';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface AnswerConflict {
  indicatorId: string;
  fields: (keyof AnswerFields)[];
  /** What this tab tried to write, so nothing typed is lost. */
  mine: Partial<AnswerFields>;
}

export const useAssessmentStore = defineStore('assessment', () => {
  const catalogueStore = useCatalogueStore();
  const assessmentId = ref<string | null>(null);
  const assessment = shallowRef<Assessment | null>(null);
  const firm = shallowRef<Firm | null>(null);
  const rows = shallowRef<Map<string, AnswerRow>>(new Map());
  const loaded = ref(false);
  const notFound = ref(false);
  const saveState = ref<SaveState>('idle');
  const saveError = ref<StorageErrorCode | null>(null);
  const lastSavedAt = ref<string | null>(null);
  const conflict = ref<AnswerConflict | null>(null);
  let stop: (() => void) | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function open(id: string): Promise<void> {
    if (assessmentId.value === id) return;
    close();
    assessmentId.value = id;
    await catalogueStore.load();
    stop = watchDb(
      async () => {
        const a = await assessmentsRepo.get(id);
        const [f, answers] = a ? await Promise.all([firmsRepo.get(a.firmId), answersRepo.list(id)]) : [undefined, []];
        return { a, f, answers };
      },
      ({ a, f, answers }) => {
        if (assessmentId.value !== id) return;
        assessment.value = a ?? null;
        firm.value = f ?? null;
        notFound.value = !a;
        rows.value = new Map(answers.map((r) => [r.indicatorId, r]));
        loaded.value = true;
      },
      (e) => {
        saveError.value = toStorageError(e).code;
        saveState.value = 'error';
      },
    );
  }

  function close(): void {
    stop?.();
    stop = null;
    assessmentId.value = null;
    assessment.value = null;
    firm.value = null;
    rows.value = new Map();
    loaded.value = false;
    notFound.value = false;
    conflict.value = null;
    saveState.value = 'idle';
  }

  function answer(indicatorId: string): AnswerRow {
    return rows.value.get(indicatorId) ?? emptyAnswer(assessmentId.value ?? '', indicatorId);
  }

  /** Saves a change to one answer. Saves run one after another, each based on what the previous one stored. */
  function save(indicatorId: string, patch: Partial<AnswerFields>): Promise<void> {
    const id = assessmentId.value;
    if (!id) return Promise.resolve();
    saveState.value = 'saving';
    const run = queue.then(async () => {
      const current = answer(indicatorId);
      const base = Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof AnswerFields]]));
      try {
        const result = await answersRepo.save(id, indicatorId, patch, base);
        // The transaction has committed: marked for the benchmark (npm run bench).
        performance.mark('qmm:answer-saved', { detail: indicatorId });
        if (assessmentId.value !== id) return;
        rows.value = new Map(rows.value).set(indicatorId, result.row);
        if (result.status === 'conflict') conflict.value = { indicatorId, fields: result.fields, mine: patch };
        saveState.value = 'saved';
        saveError.value = null;
        lastSavedAt.value = result.row.updatedAt;
      } catch (e) {
        saveState.value = 'error';
        saveError.value = toStorageError(e).code;
      }
    });
    queue = run;
    return run;
  }

  const answers = computed(() => [...rows.value.values()]);
  const score = computed(() => scoreAssessment(catalogueStore.summary, answers.value));
  const progress = computed(() => moduleProgress(catalogueStore.summary, answers.value));
  const missing = computed(() => missingAnswers(catalogueStore.summary, answers.value));
  const doneCount = computed(() => progress.value.reduce((n, p) => n + p.done, 0));
  const totalCount = computed(() => progress.value.reduce((n, p) => n + p.total, 0));

  async function complete(): Promise<boolean> {
    const id = assessmentId.value;
    if (!id || missing.value.length > 0) return false;
    await queue;
    await assessmentsRepo.complete(id);
    return true;
  }

  async function reopen(): Promise<void> {
    if (assessmentId.value) await assessmentsRepo.reopen(assessmentId.value);
  }

  async function updateDetails(patch: Partial<Pick<Assessment, 'assessor' | 'assessedOn'>>): Promise<void> {
    if (assessmentId.value) await assessmentsRepo.update(assessmentId.value, patch);
  }

  return {
    assessmentId, assessment, firm, loaded, notFound, saveState, saveError, lastSavedAt, conflict,
    open, close, answer, save, answers, score, progress, missing, doneCount, totalCount, complete, reopen, updateDetails,
    /** Waits for saves under way (tests, leaving the page). */
    flush: () => queue,
    dismissConflict: () => (conflict.value = null),
  };
});
