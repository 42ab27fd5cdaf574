import { z } from '@hono/zod-openapi';
import { ZONE_NAMES } from '../../forums/time';
import { problemResponses } from '../../platform/errors';
import {
  DateString,
  idParam,
  idPattern,
  Name,
  NullableTimestamp,
  TenantParams,
  Timestamp,
  WebLink,
} from '../common';

/** Forum Kerja Sama Daerah: series, sessions, delegations, minutes, follow-ups, calendars. */
export const ForumParams = TenantParams.extend({
  forumId: idParam('forumId', 'forum', 'The forum (series).'),
});
export const SessionParams = ForumParams.extend({
  sessionId: idParam('sessionId', 'forumSession', 'The session of the forum.'),
});
export const PublicSessionParams = z.object({
  forumId: idParam('forumId', 'forum', 'The forum (series).'),
  sessionId: idParam('sessionId', 'forumSession', 'The session of the forum.'),
});

export const Zone = z.enum(ZONE_NAMES).openapi('TimeZoneName', {
  description:
    'IANA zone of the venue: `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA), `Asia/Jayapura` (WIT).',
});
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time YYYY-MM-DDTHH:mm')
  .openapi({
    description: 'Local date and time at the venue (its zone), `YYYY-MM-DDTHH:mm`.',
    example: '2027-03-10T09:00',
  });
const Clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm')
  .openapi({ example: '09:00' });
const Codes = (max: number, description: string) =>
  z.array(z.string().max(60)).max(max).openapi({ description });

export const VenueInput = z
  .object({
    name: Name(300).nullable().optional(),
    address: z.string().trim().max(1000).nullable().optional(),
    onlineUrl: WebLink().nullable().optional(),
  })
  .strict()
  .openapi({ description: 'A physical place and/or an online link.' });

export const AgendaItemInput = z
  .object({
    start: LocalDateTime,
    end: LocalDateTime,
    title: Name(300),
    speakers: z.array(Name(200)).max(20).optional(),
    potentialIds: z
      .array(z.string().max(40))
      .max(20)
      .optional()
      .openapi({ description: 'Published potentials presented in this item.' }),
  })
  .strict();

export const DayPlan = z
  .object({
    days: z
      .array(
        z
          .object({
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
            start: Clock,
            end: Clock,
            breaks: z
              .array(z.object({ start: Clock, end: Clock }).strict())
              .max(10)
              .default([]),
          })
          .strict(),
      )
      .min(1)
      .max(14),
    slotMinutes: z.number().int().min(10).max(120),
    tables: z.number().int().min(1).max(500),
  })
  .strict()
  .openapi('DayPlan', {
    description: 'The plan for bilateral meetings: days, hours, breaks, slot length and tables.',
  });

export { ReasonSchema as Reason } from '../potentials/definitions';

export const FollowUpSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    title: z.string(),
    responsibleTenantId: z.string(),
    dueDate: DateString,
    status: z.enum(['open', 'done', 'dropped']),
    overdue: z.boolean().openapi({ description: 'Open and past its due date.' }),
    potentialId: z.string().nullable(),
    proposalId: z.string().nullable(),
    agreementId: z.string().nullable(),
    doneAt: NullableTimestamp,
    createdAt: Timestamp,
  })
  .openapi('ForumFollowUp');

export const SessionStatus = z
  .enum([
    'draft',
    'published',
    'registration_open',
    'registration_closed',
    'held',
    'closed',
    'cancelled',
  ])
  .openapi('ForumSessionStatus');

export const SessionSchema = z
  .object({
    id: z.string(),
    forumId: z.string(),
    convener: z.object({ tenantId: z.string(), name: z.string() }),
    title: z.string(),
    description: z.string(),
    status: SessionStatus,
    cancelReason: z.string().nullable(),
    themes: z.object({ issues: z.array(z.string()), affairs: z.array(z.string()) }),
    scope: z.enum(['province', 'national', 'invited']),
    timeZone: Zone,
    zoneLabel: z.enum(['WIB', 'WITA', 'WIT']),
    startsAt: Timestamp,
    endsAt: Timestamp,
    startsLocal: z.string().openapi({ description: 'Start in the venue’s local time.' }),
    endsLocal: z.string(),
    venue: z.object({
      name: z.string().nullable(),
      address: z.string().nullable(),
      onlineUrl: z.string().nullable(),
    }),
    capacity: z.number().int(),
    autoApprove: z.boolean(),
    registration: z.object({
      opensAt: Timestamp,
      closesAt: Timestamp,
      opensLocal: z.string(),
      closesLocal: z.string(),
      open: z.boolean().openapi({ description: 'Whether a registration would be taken now.' }),
      approved: z.number().int(),
      pending: z.number().int(),
      waitlisted: z.number().int(),
    }),
    agenda: z.array(
      z.object({
        start: z.string(),
        end: z.string(),
        title: z.string(),
        speakers: z.array(z.string()),
        potentialIds: z.array(z.string()),
      }),
    ),
    dayPlan: DayPlan.nullable(),
    sequence: z
      .number()
      .int()
      .openapi({ description: 'iCalendar SEQUENCE: rises with every change a calendar shows.' }),
    registered: z.array(z.object({ tenantId: z.string(), name: z.string() })).openapi({
      description: 'Approved delegations, by name only: people’s contacts are never public.',
    }),
    minutes: z
      .object({
        summary: z.string(),
        decisions: z.array(z.string()),
        recordedAt: NullableTimestamp,
        publishedAt: NullableTimestamp,
        attendance: z.array(
          z.object({ tenantId: z.string(), name: z.string(), attended: z.boolean().nullable() }),
        ),
        followUps: z.array(FollowUpSchema),
      })
      .nullable()
      .openapi({
        description:
          'The notulen: for the convener and registered delegations, and for everyone once published.',
      }),
    calendarUrl: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('ForumSession');

export const ForumSchema = z
  .object({
    id: z.string(),
    convenerTenantId: z.string(),
    title: z.string(),
    description: z.string(),
    themes: z.object({ issues: z.array(z.string()), affairs: z.array(z.string()) }),
    scope: z.enum(['province', 'national', 'invited']),
    invitedTenantIds: z.array(z.string()),
    timeZone: Zone,
    venue: z.object({
      name: z.string().nullable(),
      address: z.string().nullable(),
      onlineUrl: z.string().nullable(),
    }),
    recurrence: z
      .string()
      .nullable()
      .openapi({ description: 'The RRULE (RFC 5545), if recurring.' }),
    firstStartLocal: z.string().nullable(),
    durationMinutes: z.number().int(),
    capacity: z.number().int(),
    autoApprove: z.boolean(),
    registrationOpensDays: z.number().int(),
    registrationClosesDays: z.number().int(),
    sessions: z.array(SessionSchema),
    createdAt: Timestamp,
  })
  .openapi('Forum');

export const RegistrationSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    tenantId: z.string(),
    tenantName: z.string(),
    status: z.enum(['pending', 'approved', 'declined', 'waitlisted', 'cancelled']),
    waitlistPosition: z.number().int().nullable(),
    delegates: z.array(
      z.object({
        userId: z.string().nullable(),
        name: z.string(),
        title: z.string(),
        head: z.boolean(),
      }),
    ),
    potentialIds: z.array(z.string()),
    seeks: z.object({ issues: z.array(z.string()), affairs: z.array(z.string()) }),
    note: z.string(),
    decisionReason: z.string().nullable(),
    decidedAt: NullableTimestamp,
    attended: z.boolean().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('ForumRegistration');

const Count = z.number().int();
export const OutcomesSchema = z
  .object({
    registrations: z.object({
      approved: Count,
      pending: Count,
      waitlisted: Count,
      declined: Count,
      cancelled: Count,
    }),
    delegates: Count.openapi({ description: 'People in approved delegations.' }),
    attended: Count,
    absent: Count,
    followUps: z.object({ open: Count, done: Count, dropped: Count, overdue: Count }),
    meetings: z.object({
      requested: Count.openapi({
        description: 'Bilateral meeting requests, whatever became of them.',
      }),
      accepted: Count,
      scheduled: Count,
      held: Count.openapi({ description: 'Marked held by either side.' }),
    }),
    interests: z.object({ expressed: Count, accepted: Count }),
    proposals: z.object({ made: Count, accepted: Count }),
    agreements: z.object({ started: Count, confirmed: Count }),
  })
  .openapi('ForumOutcomes');

export const SessionFieldsInput = {
  title: Name(300).optional(),
  description: z.string().trim().max(10000).optional(),
  venue: VenueInput.optional(),
  capacity: z.number().int().min(1).max(5000).optional(),
  autoApprove: z
    .boolean()
    .optional()
    .openapi({ description: 'Approve registrations as they come.' }),
  registrationOpens: LocalDateTime.optional(),
  registrationCloses: LocalDateTime.optional(),
  agenda: z.array(AgendaItemInput).max(100).optional(),
  dayPlan: DayPlan.nullable().optional(),
  meetingRules: z
    .object({
      requestExpiryHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .optional(),
      maxRequests: z.number().int().min(1).max(500).optional(),
      maxMeetings: z.number().int().min(1).max(500).optional(),
      pairing: z.enum(['any', 'partners_with_regions']).optional(),
    })
    .strict()
    .optional()
    .openapi({
      description:
        'Bilateral meetings: hours a request waits before it expires (default 72), requests open per delegation (20), accepted meetings per delegation (12), and who may meet whom (`any`, or `partners_with_regions`).',
    }),
};

/** A delegation: its people, the potentials it brings, what it seeks. */
export const DelegationFields = {
  delegates: z
    .array(
      z
        .object({
          userId: idPattern('user')
            .optional()
            .openapi({ description: 'A user of the registering tenant; leave out for a guest.' }),
          name: Name(200)
            .optional()
            .openapi({ description: 'A guest’s name (users: taken from the account).' }),
          title: Name(200).openapi({ description: 'Position (jabatan).' }),
          head: z
            .boolean()
            .optional()
            .openapi({ description: 'Head of delegation (default: the first).' }),
        })
        .strict(),
    )
    .min(1)
    .max(30),
  potentialIds: z
    .array(z.string().max(40))
    .max(20)
    .optional()
    .openapi({ description: 'The tenant’s published potentials it brings.' }),
  seeks: z
    .object({
      issues: Codes(9, 'Strategic issues it seeks partners for.').optional(),
      affairs: Codes(32, 'Government affairs it seeks partners for.').optional(),
    })
    .strict()
    .optional(),
  note: z.string().trim().max(4000).optional(),
};

/** How many suggestions to return. */
export const LimitQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'How many, 1–100.' }),
});

export const readErrors = problemResponses(400, 401, 403, 404);
export { Codes };

export const MeetingSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    role: z.enum(['requester', 'recipient']),
    counterpart: z.object({ tenantId: z.string(), name: z.string() }),
    potentialId: z.string().nullable(),
    message: z.string(),
    status: z.enum(['requested', 'accepted', 'declined', 'expired', 'cancelled']),
    mutual: z.boolean().openapi({ description: 'Both sides asked for it.' }),
    score: z.number().int().openapi({ description: 'Match score between the two (tenths).' }),
    declineReason: z.string().nullable(),
    expiresAt: Timestamp,
    slot: z
      .object({
        start: Timestamp,
        startLocal: z.string(),
        zoneLabel: z.enum(['WIB', 'WITA', 'WIT']),
        table: z.number().int().nullable(),
      })
      .nullable()
      .openapi({ description: 'Its slot and table once the schedule is published.' }),
    outcome: z.object({
      requester: z.enum(['held', 'no_show']).nullable(),
      recipient: z.enum(['held', 'no_show']).nullable(),
    }),
    createdAt: Timestamp,
  })
  .openapi('ForumMeeting');

export const ScheduleSchema = z
  .object({
    sessionId: z.string(),
    status: z.enum(['none', 'draft', 'published']),
    publishedAt: NullableTimestamp,
    zoneLabel: z.enum(['WIB', 'WITA', 'WIT']),
    slots: z.array(z.string()).openapi({ description: 'Slot starts, local time.' }),
    tables: z.number().int(),
    lastRun: z
      .object({
        ranAt: z.string(),
        accepted: z.number().int(),
        placed: z.number().int(),
        breaks: z.number().int(),
        moved: z.number().int(),
        unplaced: z.array(
          z.object({ id: z.string(), reason: z.enum(['no_common_slot', 'capacity', 'tables']) }),
        ),
      })
      .nullable(),
    meetings: z.array(
      z.object({
        id: z.string(),
        a: z.object({ tenantId: z.string(), name: z.string() }),
        b: z.object({ tenantId: z.string(), name: z.string() }),
        mutual: z.boolean(),
        score: z.number().int(),
        slotLocal: z.string().nullable(),
        table: z.number().int().nullable(),
        locked: z.boolean(),
        publishedSlotLocal: z.string().nullable(),
        publishedTable: z.number().int().nullable(),
        outcome: z.object({ a: z.string().nullable(), b: z.string().nullable() }),
      }),
    ),
    publication: z
      .object({
        changed: z
          .number()
          .int()
          .openapi({ description: 'Meetings whose published slot or table changed.' }),
        notifiedTenants: z
          .array(z.string())
          .openapi({ description: 'Delegations emailed their agenda.' }),
      })
      .optional()
      .openapi({ description: 'In the answer to publishing: what changed and who was told.' }),
  })
  .openapi('ForumMeetingSchedule');

export const MeetingParams = TenantParams.extend({
  meetingId: idParam('meetingId', 'meeting', 'The bilateral meeting.'),
});
