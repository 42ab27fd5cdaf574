import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createAgreement } from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { OBJECTS } from '../../reference/regulations';
import { CooperationKind, createdResponse, jsonBody, Name, TenantParams } from '../common';
import { MandatoryGroundSchema } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';
import { AgreementSchema } from './schemas';
export const createAgreementRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements',
  operationId: 'createAgreement',
  tags: ['Agreements'],
  summary: 'Start an agreement',
  description:
    'From an accepted interest or proposal, or for a cooperation that already exists. Parties: two or more tenants, yours included.',
  request: {
    params: TenantParams,
    body: jsonBody(
      z
        .object({
          title: Name(300),
          parties: z.array(z.string().max(40)).min(2).max(20),
          kind: CooperationKind.openapi({
            description:
              'Checked against the parties: KSDD regions only; KSDPK a region and a domestic partner; KSDPL a region and a foreign regional government; KSDLL a region and a foreign institution; SINERGI a region and a central ministry or agency (400 naming the rule).',
          }),
          mandatory: z.boolean().optional().openapi({
            default: false,
            description:
              'Mandatory cooperation (wajib, UU 23/2014 art. 363): only KSDD between bordering regions (declared neighbours); elsewhere 400 naming the rule.',
          }),
          mandatoryGround: MandatoryGroundSchema.optional(),
          model: z.string().max(40).optional(),
          object: z.enum(OBJECTS).optional().openapi({
            description:
              'What it concerns (goods/services, regional assets, investment, infrastructure, public service, other): the agreement lists the regulations that apply.',
          }),
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
              type: z.enum(['interest', 'proposal', 'existing', 'follow_up']).openapi({
                description:
                  '`follow_up`: a follow-up of a forum session (its id); the agreement then records the session as its origin.',
              }),
              id: z.string().max(40).optional(),
            })
            .strict()
            .optional(),
        })
        .strict()
        .openapi('CreateAgreementRequest'),
    ),
  },
  responses: { 201: createdResponse('The agreement, initiated.', AgreementSchema) },
});

export function registerCreateAgreement(app: OpenAPIHono<AppEnv>) {
  app.openapi(createAgreementRoute, async (c) => {
    const p = c.req.valid('param');
    const created = AgreementSchema.parse(
      await createAgreement({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/agreements/${created.id}`);
    return c.json(created, 201);
  });
}
