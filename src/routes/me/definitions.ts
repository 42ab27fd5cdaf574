import { z } from '@hono/zod-openapi';
import { EVENT_TYPE_NAMES } from '../../events/types';
import { NullableTimestamp, Role, TenantStatus, TenantType, Timestamp } from '../common';

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

/** One thing for the signed-in person: an action item or a notification. */
export const InboxItem = z
  .object({
    id: z.string(),
    tenantId: z.string().openapi({ description: 'The tenant in which it concerns you.' }),
    type: z.enum(EVENT_TYPE_NAMES).openapi({ description: 'The domain event it comes from.' }),
    kind: z.enum(['action', 'info']).openapi({
      description:
        '`action`: it asks something of you, until the state it asks about changes (then `closed`, by itself); `info`: it tells you something.',
    }),
    objectType: z.string(),
    objectId: z.string(),
    operation: z.string().nullable().openapi({
      description: 'The API operation (operationId) that answers an action item.',
    }),
    text: z.string().openapi({ description: 'What happened and what is asked, in your language.' }),
    texts: z.object({ id: z.string(), en: z.string() }),
    dueAt: NullableTimestamp,
    read: z.boolean(),
    closed: z.boolean(),
    createdAt: Timestamp,
  })
  .openapi('InboxItem');
