// Firms and their assessments for the home screen, with scores computed from the answers (never stored).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { firmsRepo } from '../db/firms';
import { assessmentsRepo } from '../db/assessments';
import { useLive } from '../composables/live';
import { answersRepo } from '../db/answers';
import type { Assessment, Firm } from '../domain/types';
import type { FirmInput } from '../domain/firm';
import { scoreAssessment, type AssessmentScore } from '../domain/score';
import { useCatalogueStore } from './catalogue';
import type { AnswerRow } from '../db/schema';

export interface AssessmentSummary {
  assessment: Assessment;
  score: AssessmentScore | null;
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
  const data = useLive(
    async () => {
      const [firms, assessments, answers] = await Promise.all([firmsRepo.list(), assessmentsRepo.list(), answersRepo.listAll()]);
      loaded.value = true;
      return { firms, assessments, answers };
    },
    { firms: [] as Firm[], assessments: [] as Assessment[], answers: [] as AnswerRow[] },
    (e) => (error.value = e),
  );

  const summaries = computed<FirmSummary[]>(() => {
    const catalogue = catalogueStore.catalogue;
    const answersBy = new Map<string, AnswerRow[]>();
    for (const a of data.value.answers) {
      const list = answersBy.get(a.assessmentId);
      if (list) list.push(a);
      else answersBy.set(a.assessmentId, [a]);
    }
    const byFirm = new Map<string, AssessmentSummary[]>();
    for (const assessment of data.value.assessments) {
      const summary = { assessment, score: catalogue ? scoreAssessment(catalogue, answersBy.get(assessment.id) ?? []) : null };
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
    const catalogue = await catalogueStore.load();
    rememberAssessor(assessor);
    return assessmentsRepo.create({ firmId, catalogueVersion: catalogue.version, assessor, assessedOn });
  }

  async function startReassessment(fromId: string, assessor: string, assessedOn = today()): Promise<Assessment> {
    const catalogue = await catalogueStore.load();
    rememberAssessor(assessor);
    return assessmentsRepo.startReassessment(fromId, { catalogueVersion: catalogue.version, assessor, assessedOn });
  }

  return {
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
