import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { escapeHtml } from '../../platform/text';
import { UnsubscribeQuery } from './unsubscribe-digest';

export const unsubscribeDigestPageRoute = createRoute({
  method: 'get',
  path: '/v1/digest/unsubscribe',
  operationId: 'unsubscribeDigestPage',
  tags: ['Me'],
  summary: 'The page the digest’s link opens: one button that turns it off',
  description:
    'Opening the link changes nothing (mail scanners open links); the button POSTs the same address.',
  security: [],
  request: { query: UnsubscribeQuery },
  responses: {
    200: {
      description: 'A small page in Indonesian with the button.',
      content: { 'text/html': { schema: { type: 'string' } } },
    },
    ...problemResponses(400),
  },
});

export function registerUnsubscribeDigestPage(app: OpenAPIHono<AppEnv>) {
  app.openapi(unsubscribeDigestPageRoute, (c) => {
    const { token } = c.req.valid('query');
    return c.html(
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Berhenti menerima ringkasan</title></head><body style="font-family:Arial,sans-serif;max-width:480px;margin:40px auto">
<h1 style="font-size:20px">Berhenti menerima ringkasan Sinergi</h1>
<p>Bapak/Ibu tidak akan lagi menerima ringkasan email untuk daerah atau organisasi ini. Pengaturan dapat diubah kembali kapan saja setelah masuk.</p>
<form method="post" action="/v1/digest/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit" style="padding:10px 16px">Berhenti berlangganan</button></form>
</body></html>`,
      200,
    );
  });
}
