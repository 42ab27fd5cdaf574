import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { addAction } from '../../agreements/implementation';
import type { AppEnv } from '../../platform/context';
import { jsonBody, Name } from '../common';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';
import { AgreementAction, created, Params } from './schemas';

export const addAgreementActionRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/actions',
  description:
    'Adds an action-plan item with the responsible party and a due date. Needs every party’s confirmation.',
  operationId: 'addAgreementAction',
  tags: ['Agreements'],
  summary: 'Add an action-plan item',
  request: {
    params: Params,
    body: jsonBody(
      z
        .object({ title: Name(300), responsibleTenantId: z.string().max(40), dueDate: IsoDate })
        .strict(),
    ),
  },
  responses: created('The action-plan item.', AgreementAction),
});

export function registerAddAgreementAction(app: OpenAPIHono<AppEnv>) {
  app.openapi(addAgreementActionRoute, async (c) => {
    const params = c.req.valid('param');
    const item = await addAction({
      ctx: c.get('ctx'),
      input: { ...params, ...c.req.valid('json') },
    });
    c.header('location', `/v1/tenants/${params.tenantId}/agreements/${params.agreementId}`);
    return c.json(AgreementAction.parse(item), 201);
  });
}
