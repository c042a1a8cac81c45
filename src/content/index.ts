// The active indicator catalogue, assembled from data files. Validated by CatalogueSchema in tests and the CLI.
import type { Catalogue, CatalogueModule } from '../domain/types';
import meta from './catalogue.meta.json';
import strategy from './modules/01-strategy.json';
import planning from './modules/02-planning.json';
import resources from './modules/03-resources.json';
import business from './modules/04-business.json';
import product from './modules/05-product.json';
import service from './modules/06-service.json';
import monitoring from './modules/07-monitoring.json';
import improvement from './modules/08-improvement.json';

const modules = [strategy, planning, resources, business, product, service, monitoring, improvement] as CatalogueModule[];

export const catalogue = { ...meta, modules } as Catalogue;
