import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { addDocument } from '../../agreements/implementation';
import type { AppEnv } from '../../platform/context';
import { jsonBody, Name, WebLink } from '../common';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';
import { AgreementDocument, created, Params } from './schemas';

export const addAgreementDocumentRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/documents',
  description: 'References a document of the agreement (title, number, date, an https link).',
  operationId: 'addAgreementDocument',
  tags: ['Agreements'],
  summary: 'Reference a document',
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

export function registerAddAgreementDocument(app: OpenAPIHono<AppEnv>) {
  app.openapi(addAgreementDocumentRoute, async (c) => {
    const params = c.req.valid('param');
    const item = await addDocument({
      ctx: c.get('ctx'),
      input: { ...params, ...c.req.valid('json') },
    });
    c.header('location', `/v1/tenants/${params.tenantId}/agreements/${params.agreementId}`);
    return c.json(AgreementDocument.parse(item), 201);
  });
}
