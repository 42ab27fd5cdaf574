import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { signAgreement } from '../../agreements/signatures';
import type { AppEnv } from '../../platform/context';
import { jsonBody, Name } from '../common';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';
import { AgreementSchema, ok, Params } from './schemas';

const signer = {
  signatoryName: Name(200).openapi({ description: 'Who signs, e.g. the bupati’s full name.' }),
  signatoryPosition: Name(200).openapi({
    description: 'Their position, e.g. `Bupati Sigi`, `Direktur Utama`.',
  }),
  signatoryCapacity: z.enum(['head', 'delegated']).optional().openapi({
    description:
      '`head` (default): the gubernur, bupati or wali kota (a partner’s leader); `delegated`: an official the head delegated — for a PKS or renewal, not a Kesepakatan Bersama.',
  }),
  delegationRef: Name(200)
    .optional()
    .openapi({ description: 'The delegation (surat kuasa) number: required when delegated.' }),
  signedOn: IsoDate.openapi({ description: 'The date of the signature.' }),
};
const numbered = {
  number: Name(100).openapi({
    description:
      'The number under which the signing party records the document in its own register (each party has its own).',
  }),
  date: IsoDate.openapi({ description: 'The document’s date: the same for every party.' }),
};
const sameForAll =
  'One text signed by every party: its date and period must be the same for all (a different one answers 409 naming the field); `number` is the signing party’s own register number, and a region’s DPRD approval is its own.';

/**
 * One shape per stage, discriminated by `stage`: what each document needs is
 * required by the type (a PKS without its term does not compile in a client).
 */
export const SignAgreementRequest = z
  .discriminatedUnion('stage', [
    z
      .object({
        stage: z.literal('kesepakatan_bersama'),
        ...signer,
        document: z.object(numbered).strict().openapi({ description: sameForAll }),
      })
      .strict()
      .openapi('SignKesepakatanBersama', {
        description: 'The Kesepakatan Bersama, signed by the heads.',
      }),
    z
      .object({
        stage: z.literal('perjanjian_kerja_sama'),
        ...signer,
        document: z
          .object({
            ...numbered,
            start: IsoDate.openapi({ description: 'First day in force.' }),
            end: IsoDate.openapi({ description: 'Last day in force (after start).' }),
            burdensBudget: z.boolean().optional().openapi({
              description:
                'Whether it burdens the signing region’s own budget (APBD): required of a region, not asked of a partner.',
            }),
            burdensPublic: z
              .boolean()
              .optional()
              .openapi({ description: 'Whether it burdens the public (default false).' }),
            budgeted: z.boolean().optional().openapi({
              description: 'Whether it is already budgeted in the APBD (default true).',
            }),
            dprdApprovalRef: Name(200).optional().openapi({
              description:
                'The DPRD approval’s number: required when it burdens both the region (APBD) and the public, or is not yet budgeted in this year’s APBD (PP 28/2018).',
            }),
            dprdApprovalDate: IsoDate.optional().openapi({
              description: 'The DPRD approval’s date: required with its number.',
            }),
          })
          .strict()
          .openapi({ description: sameForAll }),
      })
      .strict()
      .openapi('SignPerjanjianKerjaSama', {
        description: 'The Perjanjian Kerja Sama, the operative contract.',
      }),
    z
      .object({
        stage: z.literal('nota_kesepakatan'),
        ...signer,
        document: z.object(numbered).strict().openapi({ description: sameForAll }),
      })
      .strict()
      .openapi('SignNotaKesepakatan', {
        description:
          'Sinergi: the Nota Kesepakatan (memorandum), signed by the head and the ministry or agency.',
      }),
    z
      .object({
        stage: z.literal('rencana_aksi'),
        ...signer,
        document: z.object(numbered).strict().openapi({ description: sameForAll }),
      })
      .strict()
      .openapi('SignActionPlan', {
        description:
          'Sinergi: the action plan (rencana aksi) with its recorded actions, after the Nota Kesepakatan.',
      }),
    z
      .object({
        stage: z.literal('perpanjangan'),
        ...signer,
        document: z
          .object({
            ...numbered,
            end: IsoDate.openapi({ description: 'The new last day (after the current one).' }),
          })
          .strict()
          .openapi({ description: sameForAll }),
      })
      .strict()
      .openapi('SignRenewal', { description: 'A renewal extending the PKS.' }),
  ])
  .openapi('SignAgreementRequest');
export type SignAgreementRequest = z.infer<typeof SignAgreementRequest>;

export const signAgreementRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/signatures',
  operationId: 'signAgreement',
  tags: ['Agreements'],
  summary: 'Sign the next stage’s document for this party',
  description:
    'Kesepakatan Bersama, Perjanjian Kerja Sama and renewals (and, for sinergi, the Nota Kesepakatan and the action plan) are signed by every party: in a region its head, or an admin recording the head’s signature; in a partner its admin. ' +
    'The stage is reached with the last party’s signature of the same document. Each signature is audited in the signing party’s tenant.',
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
