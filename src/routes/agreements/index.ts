import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { DateString } from '../common';
import { CooperationKind } from '../common';
import {
  addAction,
  addDocument,
  addEvaluation,
  createAgreement,
  getAgreement,
  listAgreements,
  transitionAgreement,
  updateAction,
} from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { registerAnswerAgreement } from './answer';
import { registerSignAgreement } from './sign';
import {
  AgreementAction,
  AgreementDocument,
  AgreementEvaluation,
  created,
  AgreementSchema,
  Consent,
  errors,
  Flags,
  ok,
  Params,
  Party,
  Stage,
} from './schemas';
import { IsoDate } from '../potentials/schemas';
import {
  authSecurity,
  idParam,
  jsonBody,
  jsonResponse,
  Name,
  TenantParams,
  WebLink,
} from '../common';

const createDef = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements',
  operationId: 'createAgreement',
  tags: ['Agreements'],
  summary: 'Start an agreement',
  description:
    'From an accepted interest or proposal, or for a cooperation that already exists. Parties: two or more tenants, yours included.',
  security: authSecurity,
  request: {
    params: TenantParams,
    body: jsonBody(
      z
        .object({
          title: Name(300),
          parties: z.array(z.string().max(40)).min(2).max(20),
          kind: CooperationKind,
          model: z.string().max(40).optional(),
          affairs: z
            .array(z.string().max(60))
            .max(32)
            .optional()
            .openapi({ default: [], description: 'Government affairs (urusan) it concerns.' }),
          issues: z
            .array(z.string().max(60))
            .max(9)
            .optional()
            .openapi({ default: [], description: 'Strategic issues it addresses.' }),
          source: z
            .object({
              type: z.enum(['interest', 'proposal', 'existing']),
              id: z.string().max(40).optional(),
            })
            .strict()
            .optional(),
        })
        .strict()
        .openapi('CreateAgreementRequest'),
    ),
  },
  responses: { 201: jsonResponse('The agreement, initiated.', AgreementSchema), ...errors },
});
const listDef = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/agreements',
  description:
    'The tenant’s agreements (invited ones too, to decide on) with their consent and flags; a province also sees its regions’ confirmed ones.',
  operationId: 'listAgreements',
  tags: ['Agreements'],
  summary: 'Agreements of this tenant (for a province: of its regions too), with flags',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse(
      'Newest first.',
      z.object({
        data: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            stage: Stage,
            kind: CooperationKind,
            parties: z.array(Party),
            consent: Consent,
            pksEnd: DateString.nullable(),
            flags: Flags,
          }),
        ),
      }),
    ),
    ...problemResponses(401, 403, 404),
  },
});
const getDef = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}',
  description:
    'An agreement with its parties and their consent, signatures, action plan, evaluations, documents, history and flags.',
  operationId: 'getAgreement',
  tags: ['Agreements'],
  summary: 'An agreement with its plan, evaluations, documents and history',
  security: authSecurity,
  request: { params: Params },
  responses: ok('The agreement.'),
});
const transitionDef = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/transitions',
  operationId: 'transitionAgreement',
  tags: ['Agreements'],
  summary: 'Move to the next stage',
  description:
    'For the stages one party may take: implementing (after the PKS), evaluated (after an evaluation is recorded) and ended. ' +
    'Kesepakatan Bersama, Perjanjian Kerja Sama and renewal are reached by every party’s signature (`POST …/signatures`); asking for them here answers 409 naming that rule, as does a skipped stage or an agreement not yet confirmed by every party.',
  security: authSecurity,
  request: {
    params: Params,
    body: jsonBody(z.object({ stage: Stage }).strict().openapi('AgreementTransition')),
  },
  responses: ok('The agreement.'),
});
const actionDef = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/actions',
  description:
    'Adds an action-plan item with the responsible party and a due date. Needs every party’s confirmation.',
  operationId: 'addAgreementAction',
  tags: ['Agreements'],
  summary: 'Add an action-plan item',
  security: authSecurity,
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
const updateActionDef = createRoute({
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
  responses: ok('The agreement.'),
});
const evaluationDef = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/evaluations',
  description:
    'Records a periodic evaluation (findings, rating 1–5, next date); needed before the `evaluated` stage.',
  operationId: 'addAgreementEvaluation',
  tags: ['Agreements'],
  summary: 'Record a periodic evaluation',
  security: authSecurity,
  request: {
    params: Params,
    body: jsonBody(
      z
        .object({
          date: IsoDate,
          findings: z.string().trim().min(1).max(8000),
          rating: z.number().int().min(1).max(5),
          nextEvaluationDate: IsoDate.optional(),
        })
        .strict(),
    ),
  },
  responses: created('The evaluation.', AgreementEvaluation),
});
const documentDef = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/documents',
  description: 'References a document of the agreement (title, number, date, an https link).',
  operationId: 'addAgreementDocument',
  tags: ['Agreements'],
  summary: 'Reference a document',
  security: authSecurity,
  request: {
    params: Params,
    body: jsonBody(
      z
        .object({
          title: Name(300),
          number: z.string().max(100).optional(),
          date: IsoDate.optional(),
          link: WebLink(1000).optional(),
        })
        .strict(),
    ),
  },
  responses: created('The document reference.', AgreementDocument),
});

export function registerAgreements(app: OpenAPIHono<AppEnv>) {
  registerAnswerAgreement(app);
  registerSignAgreement(app);
  app.openapi(createDef, async (c) =>
    c.json(
      AgreementSchema.parse(
        await createAgreement({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
  app.openapi(listDef, async (c) =>
    c.json(await listAgreements({ ctx: c.get('ctx'), input: c.req.valid('param') }), 200),
  );
  app.openapi(getDef, async (c) =>
    c.json(
      AgreementSchema.parse(await getAgreement({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
  app.openapi(transitionDef, async (c) =>
    c.json(
      AgreementSchema.parse(
        await transitionAgreement({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
  app.openapi(actionDef, async (c) => {
    const params = c.req.valid('param');
    const item = await addAction({
      ctx: c.get('ctx'),
      input: { ...params, ...c.req.valid('json') },
    });
    c.header('location', `/v1/tenants/${params.tenantId}/agreements/${params.agreementId}`);
    return c.json(AgreementAction.parse(item), 201);
  });
  app.openapi(updateActionDef, async (c) =>
    c.json(
      AgreementSchema.parse(
        await updateAction({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
  app.openapi(evaluationDef, async (c) => {
    const params = c.req.valid('param');
    const item = await addEvaluation({
      ctx: c.get('ctx'),
      input: { ...params, ...c.req.valid('json') },
    });
    c.header('location', `/v1/tenants/${params.tenantId}/agreements/${params.agreementId}`);
    return c.json(AgreementEvaluation.parse(item), 201);
  });
  app.openapi(documentDef, async (c) => {
    const params = c.req.valid('param');
    const item = await addDocument({
      ctx: c.get('ctx'),
      input: { ...params, ...c.req.valid('json') },
    });
    c.header('location', `/v1/tenants/${params.tenantId}/agreements/${params.agreementId}`);
    return c.json(AgreementDocument.parse(item), 201);
  });
}
