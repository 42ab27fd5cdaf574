import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createForum } from '../../forums/series';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody, Name } from '../common';
import { tenantWrite } from '../tenant-route';
import { Codes, ForumSchema, LocalDateTime, VenueInput, Zone } from './schemas';
export const CreateForumRequest = z
  .object({
    title: Name(300),
    description: z.string().trim().max(10000).optional(),
    issues: Codes(9, 'Strategic issues among its themes.').min(1),
    affairs: Codes(32, 'Government affairs among its themes.').optional(),
    scope: z.enum(['province', 'national', 'invited']).openapi({
      description:
        '`province`: the province’s kabupaten/kota and invitees (a province convenes); `national`: any active region or verified partner (platform admin); `invited`: invitees only.',
    }),
    invitedTenantIds: z.array(z.string().max(40)).max(600).optional().openapi({
      description:
        'Tenants invited to every session of the series: at most 25 when a kabupaten/kota convenes, 100 for a province, 600 for the platform. Their admins are emailed when a session is published, within the convener’s 300 invitation emails a day.',
    }),
    timeZone: Zone.optional().openapi({ description: 'Default: the convener’s own zone.' }),
    venue: VenueInput.optional(),
    recurrence: z.string().max(300).optional().openapi({
      description: 'RFC 5545 RRULE, without DTSTART (the first start is `firstStart`).',
      example: 'FREQ=MONTHLY;INTERVAL=6',
    }),
    firstStart: LocalDateTime,
    durationMinutes: z
      .number()
      .int()
      .min(30)
      .max(14 * 24 * 60),
    capacity: z
      .number()
      .int()
      .min(1)
      .max(5000)
      .openapi({ description: 'Delegations per session.' }),
    autoApprove: z.boolean().optional(),
    registrationOpensDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .optional()
      .openapi({ description: 'Days before a session that registration opens (default 60).' }),
    registrationClosesDays: z
      .number()
      .int()
      .min(0)
      .max(364)
      .optional()
      .openapi({ description: 'Days before a session that registration closes (default 3).' }),
  })
  .strict()
  .openapi('CreateForumRequest');

export const createForumRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums',
  operationId: 'createForum',
  tags: ['Forums'],
  summary: 'Define a forum (a series of sessions)',
  description:
    'By a region’s admin or liaison (a province for a province-wide forum; a platform admin for a national one). With a recurrence, the next two sessions are created as drafts and kept ahead by the hourly job; without one, the single session at `firstStart`.',
  request: { body: jsonBody(CreateForumRequest) },
  responses: { 201: createdResponse('The forum with its sessions.', ForumSchema) },
});

export function registerCreateForum(app: OpenAPIHono<AppEnv>) {
  app.openapi(createForumRoute, async (c) => {
    const p = c.req.valid('param');
    const created = ForumSchema.parse(
      await createForum({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/forums/${created.id}`);
    return c.json(created, 201);
  });
}
