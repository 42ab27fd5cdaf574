import { and, desc, eq } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema';
import { requirePlatformAdmin } from '../identity/access';
import type { Ctx } from '../platform/context';
import { unseal } from '../platform/secrets';
import { SECRET_TEMPLATES } from './outbox';

/** Local runs keep emails in the outbox; the platform admin reads them here (links included). */
export async function listOutbox({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { to?: string; status?: 'queued' | 'sent' | 'failed' | 'held'; limit: number };
}) {
  requirePlatformAdmin(ctx);
  const where = and(
    input.to ? eq(emailOutbox.toAddress, input.to.trim().toLowerCase()) : undefined,
    input.status ? eq(emailOutbox.status, input.status) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(emailOutbox)
    .where(where)
    .orderBy(desc(emailOutbox.id))
    .limit(input.limit);
  // In production a token-bearing body is never returned through the API (it stays only
  // until sent); locally, with no email provider, the outbox is how a developer gets the code.
  // Stored sealed either way (src/email/outbox.ts); opened here only outside production.
  const hide = ctx.config.APP_ENV === 'production';
  return {
    data: await Promise.all(
      rows.map(async (r) =>
        hide && SECRET_TEMPLATES.has(r.template)
          ? { ...r, textBody: null, htmlBody: null, redacted: true }
          : {
              ...r,
              textBody: await unseal(r.textBody),
              htmlBody: await unseal(r.htmlBody),
              redacted: false,
            },
      ),
    ),
  };
}
