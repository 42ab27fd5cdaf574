import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { updateProfile } from '../../profiles/profiles';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonBody, jsonResponse, TenantParams } from '../common';
import { writeErrors, ProfileBody, ProfileSchema } from './definitions';

export const putProfileRoute = createRoute({
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

export function registerPutProfile(app: OpenAPIHono<AppEnv>) {
  app.openapi(putProfileRoute, async (c) =>
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
