import { z } from '@hono/zod-openapi';
import { type TemplateName, templates } from '../../email/templates';
import { NullableTimestamp, Timestamp } from '../common';

/** Platform-admin operations: verifying partners, the national tenant list, the local email outbox. */

export const OutboxEntry = z
  .object({
    id: z.string(),
    toAddress: z.string(),
    template: z.enum(Object.keys(templates) as [TemplateName, ...TemplateName[]]),
    lang: z.enum(['id', 'en']),
    subject: z.string(),
    textBody: z.string().nullable(),
    htmlBody: z.string().nullable(),
    redacted: z.boolean().openapi({
      description:
        'In production the body of an email carrying a secret (verification, reset, invitation) is never returned.',
    }),
    status: z.enum(['queued', 'sent', 'failed', 'held']),
    attempts: z.number().int(),
    providerId: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: Timestamp,
    sentAt: NullableTimestamp,
  })
  .openapi('OutboxEmail');
