import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { getProfile } from '../../profiles/profiles';
import { jsonResponse } from '../common';
import { ProfileSchema } from '../potentials/definitions';
import { tenantRead } from '../tenant-route';
export const getProfileRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/profile',
  description:
    'What the tenant says about itself: issues, affairs, offers, declared neighbours or regions of interest, engagement sizes.',
  operationId: 'getProfile',
  tags: ['Profiles'],
  summary: 'The tenant’s profile',
  responses: {
    200: jsonResponse('The profile (empty fields until filled).', ProfileSchema),
  },
});

export function registerGetProfile(app: OpenAPIHono<AppEnv>) {
  app.openapi(getProfileRoute, async (c) =>
    c.json(
      ProfileSchema.parse(await getProfile({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}
