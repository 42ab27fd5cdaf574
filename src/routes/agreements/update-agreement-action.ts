import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateAction } from '../../agreements/implementation';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse } from '../common';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';
import { AgreementAction, Params } from './schemas';
export const updateAgreementActionRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/actions/{actionId}',
  description: 'Updates an action-plan item’s status or due date.',
  operationId: 'updateAgreementAction',
  tags: ['Agreements'],
  summary: 'Update an action-plan item',
  request: {
    params: Params.extend({ actionId: idParam('actionId', 'action', 'The action.') }),
    body: jsonBody(
      z
        .object({
          status: z.enum(['planned', 'in_progress', 'done']).optional(),
          dueDate: IsoDate.optional(),
        })
        .strict(),
    ),
  },
  responses: {
    200: jsonResponse('The action-plan item, as adding one returns it.', AgreementAction),
  },
});

export function registerUpdateAgreementAction(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateAgreementActionRoute, async (c) =>
    c.json(
      AgreementAction.parse(
        await updateAction({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
