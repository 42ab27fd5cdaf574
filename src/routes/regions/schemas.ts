import { z } from '@hono/zod-openapi';
import { ZONE_NAMES } from '../../forums/time';
import { pageMeta } from '../../platform/pagination';
import { TenantStatus } from '../common';

export const RegionCodeSchema = z
  .string()
  .regex(/^\d{2}(\.\d{2})?$/, 'must be a Kemendagri region code such as 32 or 32.73')
  .openapi({
    description: 'Kemendagri region code: `32` (province) or `32.73` (kabupaten/kota).',
    example: '32.73',
  });

export const RegionSchema = z
  .object({
    code: z.string().openapi({ example: '32.73' }),
    name: z.string().openapi({ description: 'Name as people write it.', example: 'Kota Bandung' }),
    officialName: z
      .string()
      .openapi({ description: 'Name as in the Kemendagri source list.', example: 'KOTA BANDUNG' }),
    kind: z.enum(['provinsi', 'kabupaten', 'kota']),
    provinceCode: z.string().nullable().openapi({ example: '32' }),
    autonomous: z.boolean().openapi({
      description:
        'False for DKI Jakarta’s administrative kabupaten/kota: the province acts for them.',
    }),
    timeZone: z.enum(['WIB', 'WITA', 'WIT']).openapi({
      description: 'Local time follows the province: WIB UTC+7, WITA UTC+8, WIT UTC+9.',
    }),
    ianaTimeZone: z.enum(ZONE_NAMES).openapi({
      description: 'The same zone by its IANA name, for programs and calendars.',
      example: 'Asia/Jakarta',
    }),
    islandGroup: z.enum([
      'sumatera',
      'jawa',
      'bali_nusa_tenggara',
      'kalimantan',
      'sulawesi',
      'maluku',
      'papua',
    ]),
    tenant: z
      .object({
        id: z.string().openapi({ example: 'ten_01jd2x6v0m8kq3b7e5y4w9c1ta' }),
        status: TenantStatus,
      })
      .nullable()
      .openapi({
        description: 'The region’s tenant in Sinergi. `unclaimed` until its first admin joins.',
      }),
  })
  .openapi('Region');

export const RegionDetailSchema = RegionSchema.extend({
  parent: z
    .object({ code: z.string(), name: z.string() })
    .nullable()
    .openapi({ description: 'The province of a kabupaten/kota; null for a province.' }),
  children: z
    .object({
      total: z.number().int(),
      kabupaten: z.number().int(),
      kota: z.number().int(),
      administrative: z.number().int(),
    })
    .nullable()
    .openapi({ description: 'For a province: how many kabupaten/kota it has. Null otherwise.' }),
}).openapi('RegionDetail');

export const RegionPageSchema = z
  .object({ data: z.array(RegionSchema), ...pageMeta })
  .openapi('RegionPage');
