import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { signAgreement } from '../../agreements/signatures';
import type { AppEnv } from '../../platform/context';
import { IsoDate } from '../potentials/schemas';
import { authSecurity, jsonBody, Name } from '../common';
import { AgreementSchema, ok, Params } from './schemas';

export const SignAgreementRequest = z
  .object({
    stage: z.enum(['kesepakatan_bersama', 'perjanjian_kerja_sama', 'renewed']).openapi({
      description: 'The stage whose document is signed: the agreement’s next stage.',
    }),
    signatoryName: Name(200).openapi({ description: 'Who signs, e.g. the bupati’s full name.' }),
    signatoryPosition: Name(200).openapi({
      description: 'Their position, e.g. `Bupati Sigi`, `Direktur Utama`.',
    }),
    signedOn: IsoDate.openapi({ description: 'The date of the signature.' }),
    document: z
      .object({
        number: Name(100).openapi({ description: 'The document’s number.' }),
        date: IsoDate.openapi({ description: 'The document’s date.' }),
        start: IsoDate.optional().openapi({ description: 'PKS: first day in force.' }),
        end: IsoDate.optional().openapi({ description: 'PKS and renewal: last day in force.' }),
        burdensBudget: z
          .boolean()
          .optional()
          .openapi({ description: 'PKS: whether it burdens the regional budget (APBD).' }),
        dprdApprovalRef: Name(200)
          .optional()
          .openapi({ description: 'PKS: the DPRD approval, required when it burdens the budget.' }),
      })
      .strict()
      .openapi({
        description: 'The same for every party: a different one answers 409 naming the field.',
      }),
  })
  .strict()
  .openapi('SignAgreementRequest');
export type SignAgreementRequest = z.infer<typeof SignAgreementRequest>;

export const signAgreementRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/signatures',
  operationId: 'signAgreement',
  tags: ['Agreements'],
  summary: 'Sign the next stage’s document for this party',
  description:
    'Kesepakatan Bersama, Perjanjian Kerja Sama and renewals are signed by every party: in a region its head, or an admin recording the head’s signature; in a partner its admin. ' +
    'The stage is reached with the last party’s signature of the same document. Each signature is audited in the signing party’s tenant.',
  security: authSecurity,
  request: { params: Params, body: jsonBody(SignAgreementRequest) },
  responses: ok('The agreement, with its signatures.'),
});

export function registerSignAgreement(app: OpenAPIHono<AppEnv>) {
  app.openapi(signAgreementRoute, async (c) =>
    c.json(
      AgreementSchema.parse(
        await signAgreement({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
