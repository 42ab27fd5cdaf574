import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { unsubscribeDigest } from '../../digests/preferences';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { jsonResponse } from '../common';

export const UnsubscribeQuery = z.object({
  token: z
    .string()
    .min(1)
    .max(300)
    .openapi({ description: 'The signed token from the digest’s link.' }),
});
export const Unsubscribed = z
  .object({ tenantId: z.string(), frequency: z.literal('off') })
  .openapi('Unsubscribed');

export const unsubscribeDigestRoute = createRoute({
  method: 'post',
  path: '/v1/digest/unsubscribe',
  operationId: 'unsubscribeDigest',
  tags: ['Me'],
  summary: 'Turn a digest off with one click (RFC 8058), without signing in',
  description:
    'What mail clients POST for `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (body `List-Unsubscribe=One-Click`, any or none accepted). The token is signed for one account and tenant; a forged or altered one answers 404.',
  security: [],
  request: {
    query: UnsubscribeQuery,
    body: {
      required: false,
      description:
        'RFC 8058: mail clients send `List-Unsubscribe=One-Click`; any or none is accepted.',
      content: {
        'application/x-www-form-urlencoded': {
          schema: z
            .object({ 'List-Unsubscribe': z.literal('One-Click').optional() })
            .openapi('OneClickUnsubscribe'),
        },
      },
    },
  },
  responses: { 200: jsonResponse('Turned off.', Unsubscribed), ...problemResponses(400, 404) },
});

export function registerUnsubscribeDigest(app: OpenAPIHono<AppEnv>) {
  app.openapi(unsubscribeDigestRoute, async (c) =>
    c.json(
      Unsubscribed.parse(
        await unsubscribeDigest({ ctx: c.get('ctx'), input: c.req.valid('query') }),
      ),
      200,
    ),
  );
}
