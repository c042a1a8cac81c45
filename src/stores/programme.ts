// The programme view: every firm on this device, and the files brought in from others (in memory only, never
// written), as portfolio rows classified into need groups.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { version as APP_VERSION } from '../../package.json';
import { watch as watchDb } from '../db/live';
import { readPortfolio, saveSnapshots, type PortfolioReading } from '../db/portfolio';
import { firmsRepo } from '../db/firms';
import { toStorageError, type StorageErrorCode } from '../db/errors';
import { SNAPSHOT_FORMAT, scoreAssessments, stageDistribution, type SortColumn } from '../domain/portfolio';
import {
  EMPTY_SOURCES, filterProgrammeRows, isSourceName, programmeRows, sortProgrammeRows, tooLarge,
  type BadSource, type GoodSource, type LocalData, type ProgrammeFilter, type ProgrammeRow, type SourceSet,
} from '../domain/portfolio-sources';
import { needGroups } from '../domain/need-groups';
import { useCatalogueStore } from './catalogue';

/** What the store needs of a chosen file (a File; tests pass plain objects). */
export interface ChosenFile {
  name: string;
  webkitRelativePath?: string;
  size: number;
  lastModified: number;
  text(): Promise<string>;
}

/** Files read at the same time. */
const READ_AHEAD = 16;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const useProgrammeStore = defineStore('programme', () => {
  const catalogueStore = useCatalogueStore();
  /** This device's firms and scored assessments (null until read once). */
  const local = shallowRef<LocalData | null>(null);
  const error = ref<StorageErrorCode | null>(null);
  const filter = ref<ProgrammeFilter>({});
  const sort = ref<{ column: SortColumn; direction: 'asc' | 'desc' }>({ column: 'name', direction: 'asc' });
  let stop: (() => void) | null = null;
  let users = 0;

  /** Follows the database while the programme view is mounted. */
  async function use(): Promise<() => void> {
    users++;
    const stamp = `${APP_VERSION}|${catalogueStore.summary.version}|${SNAPSHOT_FORMAT}`;
    stop ??= watchDb(() => readPortfolio(stamp), (r) => void apply(r), (e) => (error.value = toStorageError(e).code));
    return () => {
      users--;
      if (users === 0) {
        stop?.();
        stop = null;
      }
    };
  }

  let readings = 0;
  /** The data revision of the rows shown: keeping the view (saveSnapshots) reads it again, unchanged. */
  let shown: string | null = null;
  /** Scores what the reading found changed, shows the rows, and keeps the new snapshots for next time. */
  async function apply(reading: PortfolioReading): Promise<void> {
    if (reading.fromView && reading.revision === shown && local.value) return;
    const n = ++readings;
    try {
      // The full catalogue (≈360 KB) is needed to score changed assessments; with none, it loads after the table shows.
      const scored = reading.stale.length > 0 ? scoreAssessments(await catalogueStore.load(), reading.firms, reading.stale.map((s) => s.assessment)) : [];
      if (n !== readings) return; // a newer reading arrived meanwhile
      local.value = { firms: reading.firms, scored: [...reading.kept, ...scored] };
      shown = reading.revision;
      if (!catalogueStore.catalogue) setTimeout(() => void catalogueStore.load(), 0); // action texts of the need groups
      // If keeping them fails, the next reading scores those assessments again: nothing is lost.
      saveSnapshots(reading, scored).catch((e: unknown) => console.warn('Programme snapshots not kept:', e));
    } catch (e) {
      error.value = toStorageError(e).code;
    }
  }

  // Files brought in from others.
  const sources = shallowRef<SourceSet>(EMPTY_SOURCES);
  /** Files of the current reading: how many are done. */
  const reading = ref<{ done: number; total: number } | null>(null);
  /** Files chosen again (same path, size and date) in the last reading, not read twice. */
  const repeated = ref(0);
  const seen = new Set<string>();
  const sourceFiles = computed(() => sources.value.good.map((g) => g.file));
  /** Reading and merging files need the file schema (zod): loaded with the first files chosen, not with the screen. */
  const files = shallowRef<typeof import('../domain/portfolio-files') | null>(null);
  const merged = computed(() => (sourceFiles.value.length > 0 && files.value ? files.value.mergeSources(sourceFiles.value, APP_VERSION) : null));
  const sourceSummary = computed(() => ({
    files: sources.value.good.length + sources.value.bad.length,
    good: sources.value.good.length,
    bad: sources.value.bad.length,
    skipped: sources.value.skipped,
    firms: merged.value?.firms.length ?? 0,
    assessments: merged.value?.assessments.length ?? 0,
  }));

  /** Reads and validates chosen files one by one; bad ones are listed with their reasons, non-JSON ones counted. */
  async function readFiles(list: readonly ChosenFile[]): Promise<void> {
    if (reading.value) return;
    reading.value = { done: 0, total: list.length };
    await catalogueStore.load();
    files.value ??= await import('../domain/portfolio-files');
    const { readSource } = files.value;
    repeated.value = 0;
    const good: GoodSource[] = [];
    const bad: BadSource[] = [];
    let skipped = 0;
    let paused = performance.now();
    try {
      // Files are read a few at a time (reading waits on the disk) and validated in the order chosen.
      for (let start = 0; start < list.length; start += READ_AHEAD) {
        const batch = list.slice(start, start + READ_AHEAD).map((f) => {
          const name = f.webkitRelativePath || f.name;
          const size = f.size;
          const key = `${name}\u0000${size}\u0000${f.lastModified}`;
          if (seen.has(key)) return null;
          seen.add(key);
          const text = isSourceName(name) && !tooLarge(size) ? f.text().catch(() => null) : Promise.resolve(null);
          return { name, size, text };
        });
        for (const item of batch) {
          if (!item) repeated.value += 1;
          else {
            const r = readSource({ name: item.name, size: item.size, text: await item.text });
            if (r.kind === 'good') good.push(r.source);
            else if (r.kind === 'bad') bad.push(r.source);
            else skipped += 1;
          }
          reading.value.done += 1;
          // Let the page show the progress now and then.
          if (performance.now() - paused > 50) {
            await nextTask();
            paused = performance.now();
          }
        }
      }
    } finally {
      // A file read again after a change replaces what was read of it before.
      const names = new Set([...good, ...bad].map((s) => s.name));
      const before = sources.value;
      sources.value = {
        good: [...before.good.filter((s) => !names.has(s.name)), ...good],
        bad: [...before.bad.filter((s) => !names.has(s.name)), ...bad],
        skipped: before.skipped + skipped,
      };
      reading.value = null;
    }
  }

  function clearFiles(): void {
    sources.value = EMPTY_SOURCES;
    seen.clear();
    repeated.value = 0;
    if (filter.value.source !== undefined) {
      const { source: _source, ...rest } = filter.value;
      filter.value = rest;
    }
  }

  /** Opens the import preview of the good files, merged into one (the data screen shows it; nothing written yet). */
  async function importFiles(label: string): Promise<void> {
    if (!merged.value) return;
    const { useDataStore } = await import('./data');
    await useDataStore().previewFile(merged.value, label);
  }

  /** True until this device's data has been read once (the first visit with many firms takes a moment). */
  const loading = computed(() => local.value === null && error.value === null);

  const rows = computed<ProgrammeRow[]>(() => {
    const c = catalogueStore.catalogue;
    // Files are scored here, with the full catalogue (read before any file is); this device's rows come scored.
    if (sourceFiles.value.length > 0 && !c) return [];
    return local.value || sourceFiles.value.length > 0 ? programmeRows(c, local.value, sourceFiles.value) : [];
  });
  const visible = computed(() => sortProgrammeRows(filterProgrammeRows(rows.value, filter.value), sort.value.column, sort.value.direction));
  const distribution = computed(() => stageDistribution(visible.value));
  const groups = computed(() => needGroups(visible.value, catalogueStore.summary.modules.map((m) => m.id)));
  const options = computed(() => ({
    districts: [...new Set(rows.value.map((r) => r.district).filter(Boolean))].sort(),
    industries: [...new Set(rows.value.map((r) => r.industry).filter(Boolean))].sort(),
    sources: sources.value.good.length > 0,
  }));

  function sortBy(column: SortColumn): void {
    sort.value = { column, direction: sort.value.column === column && sort.value.direction === 'asc' ? 'desc' : 'asc' };
  }

  /** Deletes the firms of the sample portfolio (and nothing else). */
  async function removeFirms(ids: readonly string[]): Promise<void> {
    for (const id of ids) await firmsRepo.remove(id);
  }

  return {
    use, local, loading, rows, visible, distribution, groups, options, filter, sort, sortBy, error, removeFirms,
    sources, reading, repeated, sourceSummary, readFiles, clearFiles, importFiles,
  };
});
