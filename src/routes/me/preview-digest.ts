import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { previewDigest } from '../../digests/preferences';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, jsonResponse } from '../common';
import { DigestSection } from './list-notification-settings';

export const DigestPreview = z
  .object({
    frequency: z.enum(['off', 'daily', 'weekly']),
    wouldSend: z
      .boolean()
      .openapi({ description: 'False when there is nothing to say: no digest is sent empty.' }),
    items: z.array(
      z.object({
        section: DigestSection,
        key: z.string(),
        title: z.string(),
        reason: z.string(),
        url: z.string(),
        stillWaiting: z.boolean(),
      }),
    ),
    subject: z.string(),
    unsubscribeUrl: z.string().openapi({
      format: 'uri',
      description:
        'The one-click link the email carries (`List-Unsubscribe`): a POST to it turns this digest off (RFC 8058), a GET shows a confirmation page.',
    }),
    html: z.string(),
    text: z.string(),
  })
  .openapi('DigestPreview');

export const previewDigestRoute = createRoute({
  method: 'get',
  path: '/v1/me/digest/preview',
  operationId: 'previewDigest',
  tags: ['Me'],
  summary: 'What your digest would say now',
  description:
    'The items (without those already sent in the same state) and the rendered email, for one of your tenants. Nothing is recorded or sent.',
  security: authSecurity,
  request: {
    query: z.object({
      tenantId: z.string().min(1).max(40).openapi({ description: 'One of your tenants.' }),
    }),
  },
  responses: {
    200: jsonResponse('The preview.', DigestPreview),
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerPreviewDigest(app: OpenAPIHono<AppEnv>) {
  app.openapi(previewDigestRoute, async (c) =>
    c.json(
      DigestPreview.parse(await previewDigest({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
}
