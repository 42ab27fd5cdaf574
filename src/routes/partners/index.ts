import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { createPartnerTenant } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, Name } from '../common';
import { WebLink } from '../common';
import { TenantSchema } from '../tenants/schemas';

const CreatePartnerBody = z
  .object({
    name: Name(200).openapi({ example: 'PT Wisata Nusantara' }),
    kind: z
      .string()
      .max(40)
      .openapi({ description: 'A code of the `partner-kinds` vocabulary.', example: 'company' }),
    website: WebLink(300).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .optional()
      .openapi({ example: 'ID' }),
  })
  .strict()
  .openapi('CreatePartnerRequest');

const createPartnerRoute = createRoute({
  method: 'post',
  path: '/v1/partners',
  operationId: 'createPartner',
  tags: ['Tenants'],
  summary: 'Register a partner organisation',
  description:
    'A signed-in user registers a company, BUMN/BUMD, university, NGO, foreign region or central institution and becomes its admin. It starts `unverified` until a platform admin verifies it.',
  security: authSecurity,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreatePartnerBody } } },
  },
  responses: {
    201: {
      description: 'The new partner tenant.',
      content: { 'application/json': { schema: TenantSchema } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerPartners(app: OpenAPIHono<AppEnv>) {
  app.openapi(createPartnerRoute, async (c) =>
    c.json(
      TenantSchema.parse(
        await createPartnerTenant({ ctx: c.get('ctx'), input: c.req.valid('json') }),
      ),
      201,
    ),
  );
}
