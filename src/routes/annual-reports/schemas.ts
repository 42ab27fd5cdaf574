import { z } from '@hono/zod-openapi';
import { problemResponses } from '../../platform/errors';
import { idParam, jsonResponse, NullableTimestamp, TenantParams, Timestamp } from '../common';

/** Annual reports on Kerja Sama Daerah: a kabupaten/kota to its province, a province to the Ministry. */
export const Year = z.coerce.number().int().min(2018).max(9999).openapi({
  description: 'The year reported on (2018, PP 28/2018, up to the current year).',
  example: 2026,
});
export const ReportStatus = z
  .enum(['submitted', 'returned', 'accepted', 'forwarded'])
  .openapi('AnnualReportStatus', {
    description:
      'A kabupaten/kota’s report is `submitted` to its province, which `accepted` or `returned` it (the region then submits a new version); a province’s consolidated report is `forwarded` to the Ministry.',
  });
export const ReportingStatus = z
  .enum(['submitted', 'returned', 'accepted', 'forwarded', 'not_reported'])
  .openapi('ReportingStatus');
export const RegionSummary = z.object({
  skIssued: z.number().int(),
  established: z.number().int(),
  agreements: z.number().int(),
  evaluations: z.number().int(),
});
export const RegionReporting = z.object({
  regionCode: z.string(),
  name: z.string(),
  tenantId: z.string(),
  status: ReportingStatus,
  reportId: z.string().nullable(),
  version: z.number().int().nullable(),
  submittedAt: NullableTimestamp,
  summary: RegionSummary.nullable(),
});
export const ReportContent = z.record(z.string(), z.unknown()).openapi({
  description:
    'Generated from the data and frozen at submission: `region`; `mapping` (Berita Acara and SK of the year, potentials established and published); `agreements` (total, `byStage`, items with KB/Nota Kesepakatan/PKS numbers); `evaluations`; `forumsHeld`; and for a province `regions` (each kabupaten/kota’s report status) and `reporting`.',
});
export const AnnualReport = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    provinceCode: z.string(),
    year: z.number().int(),
    version: z.number().int(),
    scope: z.enum(['region', 'province']),
    status: ReportStatus,
    content: ReportContent,
    submittedAt: Timestamp,
    reviewedAt: NullableTimestamp,
    reviewNote: z.string().nullable(),
  })
  .openapi('AnnualReport');
export const ReportParams = TenantParams.extend({
  reportId: idParam('reportId', 'rpt', 'The annual report.'),
});
export const errors = problemResponses(400, 401, 403, 404, 409);
export const ok = (d: string) => ({ 200: jsonResponse(d, AnnualReport), ...errors });
