// Builds the report's input from the results and exports the PDF; the report code and fonts load only here.
import { ref } from 'vue';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';
import resultsText from '../content/results-text.json';
import industries from '../content/reference/industries.json';
import type { Localized } from '../domain/types';
import type { ReportInput } from '../report/types';

type Messages = { report: Record<string, string> };

export function useReportExport() {
  const busy = ref(false);
  /** Characters no font covers, awaiting the user's decision. */
  const missing = ref<string[]>([]);
  let pending: ReportInput | null = null;

  async function labelsFor(locale: 'zh' | 'en'): Promise<ReportInput['labels']> {
    const { REPORT_LABEL_KEYS } = await import('../report');
    const messages = (locale === 'en' ? en : zhCN) as unknown as Messages;
    return Object.fromEntries(REPORT_LABEL_KEYS.map((k) => [k, messages.report[k] ?? k])) as ReportInput['labels'];
  }

  async function prepare(base: Omit<ReportInput, 'labels' | 'resultsText' | 'industryName' | 'generatedAt'>): Promise<ReportInput> {
    const industry = industries.sections.find((s) => s.code === base.firm.industry);
    return {
      ...base,
      labels: await labelsFor(base.locale),
      resultsText: resultsText as Record<string, Localized>,
      industryName: industry ? `${industry.code} ${industry.name[base.locale]}` : '',
      generatedAt: new Date().toISOString(),
    };
  }

  /** Checks the characters first; exports at once when all are covered, else waits for confirm(). */
  async function start(base: Parameters<typeof prepare>[0], save: (blob: Blob) => void): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      // The fonts (21 MB) download while the report code loads.
      void import('../report/load-fonts').then((m) => m.preloadMainFonts());
      const input = await prepare(base);
      const { checkReportCharacters } = await import('../report');
      const uncovered = await checkReportCharacters(input);
      if (uncovered.length > 0) {
        missing.value = uncovered;
        pending = input;
        return;
      }
      await run(input, save);
    } finally {
      busy.value = false;
    }
  }

  async function confirm(save: (blob: Blob) => void): Promise<void> {
    const input = pending;
    pending = null;
    missing.value = [];
    if (!input) return;
    busy.value = true;
    try {
      await run(input, save);
    } finally {
      busy.value = false;
    }
  }

  function cancel(): void {
    pending = null;
    missing.value = [];
  }

  async function run(input: ReportInput, save: (blob: Blob) => void): Promise<void> {
    const { exportReportPdf } = await import('../report');
    save(await exportReportPdf(input));
  }

  return { busy, missing, start, confirm, cancel };
}
