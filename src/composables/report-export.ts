// Builds the report's input from the results and exports the PDF; the report code and fonts load only here.
import { usePdfExport } from './pdf-export';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';
import resultsText from '../content/results-text.json';
import industries from '../content/reference/industries.json';
import type { Localized } from '../domain/types';
import type { ReportInput } from '../report/types';

type Messages = { report: Record<string, string> };

type ReportExportBase = Omit<ReportInput, 'labels' | 'resultsText' | 'industryName' | 'generatedAt'>;

async function labelsFor(locale: 'zh' | 'en'): Promise<ReportInput['labels']> {
  const { REPORT_LABEL_KEYS } = await import('../report');
  const messages = (locale === 'en' ? en : zhCN) as unknown as Messages;
  return Object.fromEntries(REPORT_LABEL_KEYS.map((k) => [k, messages.report[k] ?? k])) as ReportInput['labels'];
}

async function prepare(base: ReportExportBase): Promise<ReportInput> {
  const industry = industries.sections.find((s) => s.code === base.firm.industry);
  return {
    ...base,
    labels: await labelsFor(base.locale),
    resultsText: resultsText as Record<string, Localized>,
    industryName: industry ? `${industry.code} ${industry.name[base.locale]}` : '',
    generatedAt: new Date().toISOString(),
  };
}

export function useReportExport() {
  return usePdfExport<ReportExportBase, ReportInput>({
    prepare,
    check: async (input) => (await import('../report')).checkReportCharacters(input),
    render: async (input) => (await import('../report')).exportReportPdf(input),
    name: 'Report',
  });
}
