// The active catalogue, loaded on first use so its text stays out of the first screen's JavaScript.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { Catalogue, CatalogueModule, Indicator } from '../domain/types';

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

  return { catalogue, load, indicators, moduleOfIndicator };
});
