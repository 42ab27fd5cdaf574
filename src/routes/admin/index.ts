import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type TemplateName, templates } from '../../email/templates';
import { listOutbox } from '../../email/admin';
import { listTenantsForAdmin, verifyPartnerTenant } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { cursorParam, limitParam, pageMeta } from '../../platform/pagination';
import { authSecurity, jsonResponse, NullableTimestamp, TenantParams, Timestamp } from '../common';
import { TenantSchema } from '../tenants/schemas';

/** Platform-admin operations: verifying partners, the national tenant list, the local email outbox. */

const listTenantsRoute = createRoute({
  method: 'get',
  path: '/v1/admin/tenants',
  description:
    'For the platform admin: every tenant, filtered by type and status, with cursor pagination.',
  operationId: 'adminListTenants',
  tags: ['Platform admin'],
  summary: 'All tenants (platform admin)',
  security: authSecurity,
  request: {
    query: z.object({
      type: z
        .enum(['region', 'partner'])
        .optional()
        .openapi({ param: { name: 'type', in: 'query' }, description: '`region` or `partner`.' }),
      status: z
        .enum(['unclaimed', 'active', 'unverified', 'suspended'])
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: '`unverified` lists partners awaiting verification.',
        }),
      limit: limitParam(100),
      cursor: cursorParam,
    }),
  },
  responses: {
    200: jsonResponse('A page of tenants.', z.object({ data: z.array(TenantSchema), ...pageMeta })),
    ...problemResponses(400, 401, 403),
  },
});

const verifyRoute = createRoute({
  method: 'post',
  path: '/v1/admin/tenants/{tenantId}/verify',
  description:
    'Verifies a partner organisation: from then on it appears in the catalogue and may express interest and enter agreements.',
  operationId: 'adminVerifyPartner',
  tags: ['Platform admin'],
  summary: 'Verify a partner organisation',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('The verified partner.', TenantSchema),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const OutboxEntry = z
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

const outboxRoute = createRoute({
  method: 'get',
  path: '/v1/admin/outbox',
  operationId: 'adminListOutbox',
  tags: ['Platform admin'],
  summary: 'Emails in the outbox (platform admin)',
  description:
    'Without RESEND_API_KEY (local runs) emails are kept here with status `held`, links included.',
  security: authSecurity,
  request: {
    query: z.object({
      to: z
        .string()
        .max(254)
        .optional()
        .openapi({
          param: { name: 'to', in: 'query' },
          description: 'Only emails to this address.',
        }),
      status: z
        .enum(['queued', 'sent', 'failed', 'held'])
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: 'Only tenants (or emails) in this state.',
        }),
      limit: limitParam(50),
    }),
  },
  responses: {
    200: jsonResponse('Newest first.', z.object({ data: z.array(OutboxEntry) })),
    ...problemResponses(400, 401, 403),
  },
});

export function registerAdmin(app: OpenAPIHono<AppEnv>) {
  app.openapi(listTenantsRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(TenantSchema), ...pageMeta })
        .parse(await listTenantsForAdmin({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
  app.openapi(verifyRoute, async (c) =>
    c.json(
      TenantSchema.parse(
        await verifyPartnerTenant({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
  app.openapi(outboxRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(OutboxEntry) })
        .parse(await listOutbox({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
}
