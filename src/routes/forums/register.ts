import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { registerDelegation } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { authSecurity, idPattern, jsonBody, jsonResponse, Name, TenantParams } from '../common';
import { Codes, RegistrationSchema, writeErrors } from './schemas';

export const RegisterRequest = z
  .object({
    sessionId: idPattern('fss'),
    delegates: z
      .array(
        z
          .object({
            userId: idPattern('usr')
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
  })
  .strict()
  .openapi('RegisterDelegationRequest');

export const registerRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-registrations',
  operationId: 'registerForumDelegation',
  tags: ['Forums'],
  summary: 'Register this tenant’s delegation for a session',
  description:
    'An active region or a verified partner, within the forum’s scope or invited (403 naming the scope), during the registration window (409 naming it). Approved at once when the session auto-approves, else pending; over capacity, waitlisted and promoted in order.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(RegisterRequest) },
  responses: { 201: jsonResponse('The registration.', RegistrationSchema), ...writeErrors },
});

export function registerRegister(app: OpenAPIHono<AppEnv>) {
  app.openapi(registerRoute, async (c) =>
    c.json(
      RegistrationSchema.parse(
        await registerDelegation({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
}
