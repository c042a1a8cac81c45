// Builds the programme summary's input from the programme view and exports the PDF; the report code and
// fonts load only here (dynamic import), never with the first screen.
import { ref } from 'vue';
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

export function useProgrammeExport() {
  const busy = ref(false);
  /** Characters no font covers, awaiting the user's decision. */
  const missing = ref<string[]>([]);
  /** The last export failed (fonts could not be loaded, layout error): the view shows programme_report.export_failed. */
  const failed = ref(false);
  let pending: ProgrammeReportInput | null = null;

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

  async function guarded(work: () => Promise<void>): Promise<void> {
    busy.value = true;
    failed.value = false;
    try {
      await work();
    } catch (error) {
      console.error('Programme summary export failed:', error);
      failed.value = true;
    } finally {
      busy.value = false;
    }
  }

  /** Checks the characters first; exports at once when all are covered, else waits for confirm(). */
  async function start(base: ProgrammeExportBase, save: (blob: Blob) => void): Promise<void> {
    if (busy.value) return;
    await guarded(async () => {
      // The fonts (21 MB) download while the report code loads.
      void import('../report/load-fonts').then((m) => m.preloadMainFonts());
      const input = await prepare(base);
      const { checkProgrammeCharacters } = await import('../report/programme');
      const uncovered = await checkProgrammeCharacters(input);
      if (uncovered.length > 0) {
        missing.value = uncovered;
        pending = input;
        return;
      }
      await run(input, save);
    });
  }

  async function confirm(save: (blob: Blob) => void): Promise<void> {
    const input = pending;
    pending = null;
    missing.value = [];
    if (!input || busy.value) return;
    await guarded(() => run(input, save));
  }

  function cancel(): void {
    pending = null;
    missing.value = [];
  }

  async function run(input: ProgrammeReportInput, save: (blob: Blob) => void): Promise<void> {
    const { exportProgrammePdf } = await import('../report/programme');
    save(await exportProgrammePdf(input));
  }

  return { busy, missing, failed, start, confirm, cancel };
}
