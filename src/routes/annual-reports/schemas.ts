import { z } from '@hono/zod-openapi';
import { Stage } from '../agreements/schemas';
import {
  DateString,
  idParam,
  jsonResponse,
  NullableTimestamp,
  RegionKind,
  TenantParams,
  Timestamp,
} from '../common';

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
const count = z.number().int();
export const ReportContent = z
  .object({
    scope: z.enum(['region', 'province']),
    region: z.object({ code: z.string(), name: z.string(), kind: RegionKind }),
    mapping: z
      .object({
        decisions: z.array(
          z.object({
            kind: z.enum(['berita_acara', 'sk']),
            number: z.string(),
            date: DateString,
            potentials: count,
          }),
        ),
        established: count,
        published: count,
      })
      .openapi({
        description: 'The year’s Berita Acara and SK, potentials established and published.',
      }),
    agreements: z.object({
      total: count,
      byStage: z.record(Stage, count).openapi({ description: 'Agreements per stage.' }),
      items: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          kind: z.string(),
          stage: Stage,
          kbNumber: z.string().nullable(),
          memorandumNumber: z.string().nullable(),
          pksNumber: z.string().nullable(),
          pksStart: DateString.nullable(),
          pksEnd: DateString.nullable(),
          // what a ministry asks of each agreement; absent from reports frozen before they were asked
          stageLabel: z.object({ id: z.string(), en: z.string() }).optional(),
          lapsed: z.boolean().optional().openapi({
            description:
              'Its PKS ended without renewal by the year’s end (berakhir tanpa perpanjangan).',
          }),
          actions: z.object({ total: count, done: count }).optional().openapi({
            description: 'The action plan’s realisation: actions due by the year’s end, and done.',
          }),
          evaluation: z
            .object({
              date: DateString,
              rating: count,
              findings: z.string(),
              benefits: z.string().nullable(),
              obstacles: z.string().nullable(),
              followUp: z.string().nullable(),
              budgetPlannedIdr: z.number().int().nullable(),
              budgetRealisedIdr: z.number().int().nullable(),
            })
            .nullable()
            .optional()
            .openapi({
              description:
                'The year’s last evaluation: realisation and benefits, obstacles, follow-up, budget realisation where recorded.',
            }),
        }),
      ),
      lapsed: count.optional().openapi({ description: 'Agreements whose PKS lapsed unrenewed.' }),
      budget: z
        .object({ agreements: count, plannedIdr: z.number().int(), realisedIdr: z.number().int() })
        .nullable()
        .optional()
        .openapi({ description: 'Budget realisation over the agreements that recorded it.' }),
    }),
    evaluations: z.array(
      z.object({
        agreementId: z.string(),
        date: DateString,
        rating: count,
        findings: z.string(),
      }),
    ),
    forumsHeld: count.openapi({
      description: 'Forum Kerja Sama Daerah sessions held in the year.',
    }),
    regions: z
      .array(RegionReporting)
      .optional()
      .openapi({ description: 'A province: each kabupaten/kota’s report status.' }),
    reporting: z
      .object({
        regions: count,
        reported: count,
        accepted: count,
        notReported: z.array(z.string()).openapi({ description: 'Region codes.' }),
      })
      .optional()
      .openapi({ description: 'A province: who has reported.' }),
  })
  .openapi('AnnualReportContent', {
    description:
      'Generated from the data and frozen at submission: the region, its mapping, agreements, evaluations and forums of the year; a province adds its kabupaten/kota’s reporting.',
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
    interim: z.boolean().openapi({
      description: 'An interim report (laporan sementara) submitted before the year ended.',
    }),
    stale: z
      .object({
        since: Timestamp,
        regionCode: z.string(),
        message: z.object({ id: z.string(), en: z.string() }),
      })
      .nullable()
      .openapi({
        description:
          'A forwarded consolidated report one of whose kabupaten/kota reports changed afterwards: it says so until the province submits a new version.',
      }),
    content: ReportContent,
    submittedAt: Timestamp,
    reviewedAt: NullableTimestamp,
    reviewNote: z.string().nullable(),
  })
  .openapi('AnnualReport');
export const ReportParams = TenantParams.extend({
  reportId: idParam('reportId', 'report', 'The annual report.'),
});
export const ok = (d: string) => ({ 200: jsonResponse(d, AnnualReport) });
