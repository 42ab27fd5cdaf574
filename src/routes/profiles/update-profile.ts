import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { updateProfile } from '../../profiles/profiles';
import { authSecurity, jsonBody, jsonResponse, TenantParams } from '../common';
import { ProfileBody, ProfileSchema, writeErrors } from '../potentials/definitions';

export const updateProfileRoute = createRoute({
  method: 'put',
  path: '/v1/tenants/{tenantId}/profile',
  operationId: 'updateProfile',
  tags: ['Profiles'],
  summary: 'Describe the tenant',
  description:
    'Partners: kind of work, sectors, issues, affairs, regions of interest, offers, typical engagement size. Regions: summary, flagship sectors, contacts by role. Fields left out stay as they are.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(ProfileBody) },
  responses: { 200: jsonResponse('The profile.', ProfileSchema), ...writeErrors },
});

export function registerUpdateProfile(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateProfileRoute, async (c) =>
    c.json(
      ProfileSchema.parse(
        await updateProfile({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
