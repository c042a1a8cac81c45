// The catalogue: its summary (ids, weights, names) is in the first screen; the full text loads on first use.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import summary from 'virtual:catalogue-summary';
import type { Catalogue, CatalogueModule, ImprovementAction, Indicator } from '../domain/types';

let loading: Promise<Catalogue> | null = null;

export const useCatalogueStore = defineStore('catalogue', () => {
  const catalogue = shallowRef<Catalogue | null>(null);

  async function load(): Promise<Catalogue> {
    if (catalogue.value) return catalogue.value;
    loading ??= import('../content/index').then((m) => m.catalogue);
    catalogue.value = await loading;
    return catalogue.value;
  }

  const indicators = computed<Indicator[]>(() => catalogue.value?.modules.flatMap((m) => m.indicators) ?? []);
  const moduleOfIndicator = computed(() => {
    const map = new Map<string, CatalogueModule>();
    for (const m of catalogue.value?.modules ?? []) for (const ind of m.indicators) map.set(ind.id, m);
    return map;
  });

  /** Every improvement action by its id (plan items, need groups and comparisons name actions by id). */
  const actionById = computed(() => new Map<string, ImprovementAction>(indicators.value.flatMap((i) => i.levels.flatMap((l) => l.actions.map((a) => [a.id, a] as const)))));

  return { summary, catalogue, load, indicators, moduleOfIndicator, actionById };
});
