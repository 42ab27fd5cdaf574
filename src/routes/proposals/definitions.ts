import { z } from '@hono/zod-openapi';
import { NullableTimestamp, Timestamp } from '../common';

/** Province facilitation: proposing matches between two parties, their answers, and the facilitator's outcomes. */
export const Answer = z.object({
  answer: z.enum(['pending', 'accepted', 'declined']),
  reason: z.string().nullable(),
  answeredAt: NullableTimestamp,
});

export const ProposalSchema = z
  .object({
    id: z.string(),
    facilitatorTenantId: z.string().nullable(),
    partyA: z.string(),
    partyB: z.string(),
    potentialId: z.string().nullable(),
    note: z.string(),
    status: z.enum(['pending', 'accepted', 'declined', 'expired']),
    answers: z
      .record(z.string(), Answer)
      .openapi({ description: 'Each party’s answer, by tenant id.' }),
    expiresAt: Timestamp,
    reminderSentAt: NullableTimestamp,
    decidedAt: NullableTimestamp,
    createdAt: Timestamp,
  })
  .openapi('Proposal');

export const StatsSchema = z
  .object({
    total: z.number().int(),
    pending: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    expired: z.number().int(),
    acceptedRate: z.number().nullable(),
    medianHoursToAnswer: z.number().nullable(),
  })
  .openapi('ProposalStats');
