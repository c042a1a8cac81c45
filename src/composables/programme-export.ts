// Builds the programme summary's input from the programme view and exports the PDF; the report code and
// fonts load only here (dynamic import), never with the first screen.
import { usePdfExport } from './pdf-export';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';
import programmeText from '../content/programme-text.json';
import industries from '../content/reference/industries.json';
import { averageProfile, type PortfolioRow, type RowFilter } from '../domain/portfolio';
import type { NeedGroup } from '../domain/need-groups';
import type { Catalogue, Localized } from '../domain/types';
import type { ProgrammeLabels, ProgrammeReportInput } from '../report/programme/types';

type Messages = { programme_report: Record<string, string> };

/** What the view hands over: the selection as it shows it, the whole portfolio, the groups and the filter. */
export interface ProgrammeExportBase {
  locale: 'zh' | 'en';
  catalogue: Catalogue;
  /** The visible rows, in the view's order. */
  rows: readonly PortfolioRow[];
  /** Every row on this device. */
  allRows: readonly PortfolioRow[];
  groups: readonly NeedGroup[];
  filter: RowFilter;
}

async function prepare(base: ProgrammeExportBase): Promise<ProgrammeReportInput> {
  const { PROGRAMME_LABEL_KEYS, describeFilter } = await import('../report/programme');
  const loc = base.locale;
  const messages = (loc === 'en' ? en : zhCN) as unknown as Messages;
  const labels = Object.fromEntries(PROGRAMME_LABEL_KEYS.map((k) => [k, messages.programme_report[k] ?? k])) as ProgrammeLabels;
  const industryNames = Object.fromEntries(industries.sections.map((s) => [s.code, s.name[loc]]));
  const filterDescription = describeFilter(base.filter, { labels, locale: loc, levels: base.catalogue.levels, industryNames });
  return {
    locale: loc,
    labels,
    catalogue: base.catalogue,
    // Own arrays: a later change in the view does not alter a pending export.
    rows: [...base.rows],
    groups: [...base.groups],
    portfolio: { firms: base.allRows.length, profile: averageProfile(base.allRows) },
    programmeText: programmeText as Record<string, Localized>,
    filterDescription,
    industryNames,
    industryStandard: industries.standard,
    generatedAt: new Date().toISOString(),
  };
}

export function useProgrammeExport() {
  return usePdfExport<ProgrammeExportBase, ProgrammeReportInput>({
    prepare,
    check: async (input) => (await import('../report/programme')).checkProgrammeCharacters(input),
    render: async (input) => (await import('../report/programme')).exportProgrammePdf(input),
    name: 'Programme summary',
  });
}
