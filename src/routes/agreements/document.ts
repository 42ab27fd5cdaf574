import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { addDocument } from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { AgreementDocument, created, Params } from './schemas';
import { IsoDate } from '../potentials/schemas';
import { authSecurity, jsonBody, Name, WebLink } from '../common';

export const documentDef = createRoute({
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

export function registerDocument(app: OpenAPIHono<AppEnv>) {
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
