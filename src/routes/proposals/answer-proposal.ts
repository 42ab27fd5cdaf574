import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { answerProposal } from '../../facilitation/proposals';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { tenantWrite } from '../tenant-route';
import { ProposalSchema } from './definitions';
export const answerProposalRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/proposals/{proposalId}/answer',
  description:
    'A party accepts or declines a proposal (a decline needs a reason). It is accepted when both parties accept.',
  operationId: 'answerProposal',
  tags: ['Facilitation'],
  summary: 'Accept or decline a proposal (a declining party gives a reason)',
  request: {
    params: TenantParams.extend({ proposalId: idParam('proposalId', 'proposal', 'The proposal.') }),
    body: jsonBody(
      z
        .object({
          decision: z.enum(['accept', 'decline']),
          reason: z.string().trim().min(1).max(2000).optional(),
        })
        .strict()
        .openapi('AnswerProposalRequest'),
    ),
  },
  responses: {
    200: jsonResponse('The proposal after the answer.', ProposalSchema),
  },
});

export function registerAnswerProposal(app: OpenAPIHono<AppEnv>) {
  app.openapi(answerProposalRoute, async (c) =>
    c.json(
      ProposalSchema.parse(
        await answerProposal({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
