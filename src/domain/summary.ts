// The part of the catalogue that scoring and overviews need, without the indicator text.
import type { Catalogue, CatalogueModule, Indicator } from './types';

export interface CatalogueSummary extends Pick<Catalogue, 'version' | 'title' | 'source' | 'levels' | 'rules'> {
  modules: (Pick<CatalogueModule, 'id' | 'order' | 'name' | 'description'> & { indicators: Pick<Indicator, 'id' | 'name' | 'weight'>[] })[];
}

export function summarizeCatalogue(c: Catalogue): CatalogueSummary {
  return {
    version: c.version,
    title: c.title,
    source: c.source,
    levels: c.levels,
    rules: c.rules,
    modules: c.modules.map((m) => ({
      id: m.id,
      order: m.order,
      name: m.name,
      description: m.description,
      indicators: m.indicators.map((i) => ({ id: i.id, name: i.name, weight: i.weight })),
    })),
  };
}
