import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerSearch } from './search';
import { registerFacets } from './facets';
import { registerExportCsv } from './export-csv';
import { registerExportJson } from './export-json';
import { registerGet } from './get';
import { registerPartners } from './partners';
import { registerRegionProfile } from './region-profile';
import { registerExpress } from './express';

export * from './definitions';

/** Every operation of this area, one file each. */
export function registerCatalog(app: OpenAPIHono<AppEnv>) {
  registerSearch(app);
  registerFacets(app);
  registerExportCsv(app);
  registerExportJson(app);
  registerGet(app);
  registerPartners(app);
  registerRegionProfile(app);
  registerExpress(app);
}
