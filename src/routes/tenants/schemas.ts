import { z } from '@hono/zod-openapi';
import { NullableTimestamp, PartnerKind, Timestamp } from '../common';

export const TenantSchema = z
  .object({
    id: z.string(),
    type: z.enum(['region', 'partner']),
    name: z.string(),
    status: z.enum(['unclaimed', 'active', 'unverified', 'suspended']),
    regionCode: z.string().nullable(),
    partnerKind: PartnerKind.nullable(),
    website: z.string().nullable(),
    country: z.string().nullable(),
    claimedAt: NullableTimestamp,
    verifiedAt: NullableTimestamp,
    createdAt: Timestamp,
  })
  .openapi('Tenant');
