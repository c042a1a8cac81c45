// The programme view: every firm on this device as a portfolio row, classified into need groups.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { watch as watchDb } from '../db/live';
import { exportAll } from '../db/transfer';
import { firmsRepo } from '../db/firms';
import { toStorageError, type StorageErrorCode } from '../db/errors';
import { filterRows, portfolioRows, sortRows, stageDistribution, type PortfolioRow, type RowFilter, type SortColumn } from '../domain/portfolio';
import { needGroups } from '../domain/need-groups';
import type { ExportFile } from '../domain/file-format';
import { useCatalogueStore } from './catalogue';

export const useProgrammeStore = defineStore('programme', () => {
  const catalogueStore = useCatalogueStore();
  const file = shallowRef<ExportFile | null>(null);
  const error = ref<StorageErrorCode | null>(null);
  const filter = ref<RowFilter>({});
  const sort = ref<{ column: SortColumn; direction: 'asc' | 'desc' }>({ column: 'name', direction: 'asc' });
  let stop: (() => void) | null = null;
  let users = 0;

  /** Follows the database while the programme view is mounted. */
  async function use(): Promise<() => void> {
    users++;
    await catalogueStore.load();
    stop ??= watchDb(() => exportAll(), (f) => (file.value = f), (e) => (error.value = toStorageError(e).code));
    return () => {
      users--;
      if (users === 0) {
        stop?.();
        stop = null;
      }
    };
  }

  const rows = computed<PortfolioRow[]>(() => {
    const c = catalogueStore.catalogue;
    return c && file.value ? portfolioRows(c, file.value.firms, file.value.assessments) : [];
  });
  const visible = computed(() => sortRows(filterRows(rows.value, filter.value), sort.value.column, sort.value.direction));
  const distribution = computed(() => stageDistribution(visible.value));
  const groups = computed(() => needGroups(visible.value, catalogueStore.summary.modules.map((m) => m.id)));
  const options = computed(() => ({
    districts: [...new Set(rows.value.map((r) => r.district).filter(Boolean))].sort(),
    industries: [...new Set(rows.value.map((r) => r.industry).filter(Boolean))].sort(),
  }));

  function sortBy(column: SortColumn): void {
    sort.value = { column, direction: sort.value.column === column && sort.value.direction === 'asc' ? 'desc' : 'asc' };
  }

  /** Deletes the firms of the sample portfolio (and nothing else). */
  async function removeFirms(ids: readonly string[]): Promise<void> {
    for (const id of ids) await firmsRepo.remove(id);
  }

  return { use, file, rows, visible, distribution, groups, options, filter, sort, sortBy, error, removeFirms };
});
