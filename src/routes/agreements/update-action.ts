import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateAction } from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { AgreementAction, errors, Params } from './schemas';
import { IsoDate } from '../potentials/schemas';
import { authSecurity, idParam, jsonBody, jsonResponse } from '../common';

export const updateActionDef = createRoute({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/actions/{actionId}',
  description: 'Updates an action-plan item’s status or due date.',
  operationId: 'updateAgreementAction',
  tags: ['Agreements'],
  summary: 'Update an action-plan item',
  security: authSecurity,
  request: {
    params: Params.extend({ actionId: idParam('actionId', 'act', 'The action.') }),
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
    ...errors,
  },
});

export function registerUpdateAction(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateActionDef, async (c) =>
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
