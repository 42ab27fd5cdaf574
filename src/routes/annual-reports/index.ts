import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerDraftAnnualReport } from './draft';
import { registerGetAnnualReport } from './get';
import { registerListAnnualReports } from './list';
import { registerProvinceReporting } from './reporting';
import { registerReviewAnnualReport } from './review';
import { registerSubmitAnnualReport } from './submit';

/** Every operation of this area, one file each. */
export function registerAnnualReports(app: OpenAPIHono<AppEnv>) {
  registerDraftAnnualReport(app);
  registerProvinceReporting(app);
  registerSubmitAnnualReport(app);
  registerListAnnualReports(app);
  registerGetAnnualReport(app);
  registerReviewAnnualReport(app);
}
