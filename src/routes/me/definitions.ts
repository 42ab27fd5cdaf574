import { z } from '@hono/zod-openapi';
import { Role, TenantStatus, TenantType, Timestamp } from '../common';

export const MeSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      isPlatformAdmin: z.boolean(),
    }),
    memberships: z.array(
      z.object({
        membershipId: z.string(),
        role: Role,
        agencyId: z.string().nullable(),
        tenant: z.object({
          id: z.string(),
          name: z.string(),
          type: TenantType,
          status: TenantStatus,
          regionCode: z.string().nullable(),
        }),
      }),
    ),
  })
  .openapi('Me');

export const SessionList = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        createdAt: Timestamp,
        lastSeenAt: Timestamp,
        expiresAt: Timestamp,
        userAgent: z.string().nullable(),
        clientAddress: z.string().nullable(),
        current: z.boolean(),
      }),
    ),
  })
  .openapi('SessionList');
