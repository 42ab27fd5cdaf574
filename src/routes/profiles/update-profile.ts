import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { updateProfile } from '../../profiles/profiles';
import { jsonBody, jsonResponse } from '../common';
import { ProfileBody, ProfileSchema } from '../potentials/definitions';
import { tenantWrite } from '../tenant-route';
export const updateProfileRoute = tenantWrite({
  method: 'put',
  path: '/v1/tenants/{tenantId}/profile',
  operationId: 'updateProfile',
  tags: ['Profiles'],
  summary: 'Describe the tenant',
  description:
    'Partners: kind of work, sectors, issues, affairs, regions of interest, offers, typical engagement size. Regions: summary, flagship sectors, contacts by role. Fields left out stay as they are.',
  request: { body: jsonBody(ProfileBody) },
  responses: { 200: jsonResponse('The profile.', ProfileSchema) },
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
