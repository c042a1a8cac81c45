// Firms and their assessments for the home screen, with scores computed from the answers (never stored).
import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import { firmsRepo } from '../db/firms';
import { assessmentsRepo } from '../db/assessments';
import { watch as watchDb } from '../db/live';
import { answersRepo } from '../db/answers';
import type { Assessment, Firm } from '../domain/types';
import type { FirmInput } from '../domain/firm';
import { scoreAssessment, type AssessmentScore } from '../domain/score';
import { useCatalogueStore } from './catalogue';
import type { AnswerRow } from '../db/schema';

export interface AssessmentSummary {
  assessment: Assessment;
  score: AssessmentScore;
}

export interface FirmSummary {
  firm: Firm;
  /** Oldest first. */
  assessments: AssessmentSummary[];
  latest: AssessmentSummary | null;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const ASSESSOR_KEY = 'qmm.assessor';

export const useFirmsStore = defineStore('firms', () => {
  const catalogueStore = useCatalogueStore();
  const loaded = ref(false);
  const error = ref<unknown>(null);
  const data = shallowRef({ firms: [] as Firm[], assessments: [] as Assessment[], answers: [] as AnswerRow[] });
  let users = 0;
  let stop: (() => void) | null = null;

  /** Follows the database while a view that shows firms is mounted; the last data stays for the next one. */
  function use(): void {
    users++;
    stop ??= watchDb(
      async () => {
        const [firms, assessments, answers] = await Promise.all([firmsRepo.list(), assessmentsRepo.list(), answersRepo.listAll()]);
        return { firms, assessments, answers };
      },
      (value) => {
        data.value = value;
        loaded.value = true;
      },
      (e) => (error.value = e),
    );
    onScopeDispose(() => {
      users--;
      if (users === 0) {
        stop?.();
        stop = null;
      }
    });
  }

  const summaries = computed<FirmSummary[]>(() => {
    const catalogue = catalogueStore.summary;
    const answersBy = new Map<string, AnswerRow[]>();
    for (const a of data.value.answers) {
      const list = answersBy.get(a.assessmentId);
      if (list) list.push(a);
      else answersBy.set(a.assessmentId, [a]);
    }
    const byFirm = new Map<string, AssessmentSummary[]>();
    for (const assessment of data.value.assessments) {
      const summary = { assessment, score: scoreAssessment(catalogue, answersBy.get(assessment.id) ?? []) };
      const list = byFirm.get(assessment.firmId);
      if (list) list.push(summary);
      else byFirm.set(assessment.firmId, [summary]);
    }
    return data.value.firms.map((firm) => {
      const assessments = (byFirm.get(firm.id) ?? []).sort(
        (a, b) => a.assessment.assessedOn.localeCompare(b.assessment.assessedOn) || a.assessment.createdAt.localeCompare(b.assessment.createdAt),
      );
      return { firm, assessments, latest: assessments[assessments.length - 1] ?? null };
    });
  });

  function firm(id: string): FirmSummary | undefined {
    return summaries.value.find((s) => s.firm.id === id);
  }

  function rememberedAssessor(): string {
    try {
      return localStorage.getItem(ASSESSOR_KEY) ?? '';
    } catch {
      return '';
    }
  }

  function rememberAssessor(name: string): void {
    try {
      localStorage.setItem(ASSESSOR_KEY, name);
    } catch {
      // not remembered
    }
  }

  async function startAssessment(firmId: string, assessor: string, assessedOn = today()): Promise<Assessment> {
    rememberAssessor(assessor);
    return assessmentsRepo.create({ firmId, catalogueVersion: catalogueStore.summary.version, assessor, assessedOn });
  }

  async function startReassessment(fromId: string, assessor: string, assessedOn = today()): Promise<Assessment> {
    rememberAssessor(assessor);
    return assessmentsRepo.startReassessment(fromId, { catalogueVersion: catalogueStore.summary.version, assessor, assessedOn });
  }

  return {
    use,
    loaded,
    error,
    summaries,
    firm,
    today,
    rememberedAssessor,
    loadFirm: (id: string) => firmsRepo.get(id),
    createFirm: (input: FirmInput) => firmsRepo.create(input),
    updateFirm: (id: string, input: FirmInput) => firmsRepo.update(id, input),
    removeFirm: (id: string) => firmsRepo.remove(id),
    removeAssessment: (id: string) => assessmentsRepo.remove(id),
    startAssessment,
    startReassessment,
  };
});
