import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { emailOutbox } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { newId } from '../platform/ids';
import type { Lang } from '../platform/i18n';
import type { Attachment } from './client';
import { templates, type TemplateName } from './templates';

/**
 * Transactional outbox: enqueue() writes the email in the caller's transaction,
 * so an email exists only if the change that caused it committed. dispatch()
 * sends queued rows after the response; the hourly job retries failures.
 */
export async function enqueueEmail<T extends TemplateName>(
  tx: Tx,
  ctx: Ctx,
  to: string,
  lang: Lang,
  template: T,
  params: Parameters<(typeof templates)[T]>[1],
  attachments?: Attachment[],
  extra?: { headers?: Record<string, string>; idempotencyKey?: string },
): Promise<void> {
  const rendered = (
    templates[template] as (
      l: Lang,
      p: typeof params,
    ) => { subject: string; text: string; html: string }
  )(lang, params);
  await tx.insert(emailOutbox).values({
    id: newId('email', ctx.now().getTime()),
    toAddress: to,
    template,
    lang,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    attachments: attachments?.length ? attachments : null,
    headers: extra?.headers ?? null,
    idempotencyKey: extra?.idempotencyKey ?? null,
    createdAt: ctx.now(),
  });
  ctx.defer(() => dispatchOutbox(ctx));
}

const MAX_ATTEMPTS = 5;

/** Templates whose body carries a secret (a sign-in link or code). */
export const SECRET_TEMPLATES: ReadonlySet<string> = new Set([
  'verify_email',
  'reset_password',
  'invitation',
]);
/** What stays of a secret-bearing body once the email has left: nothing usable. */
export const REDACTED_BODY = '[isi dihapus setelah terkirim karena memuat kode rahasia]';

export async function dispatchOutbox(
  ctx: Pick<Ctx, 'db' | 'email' | 'logger' | 'now'>,
  limit = 20,
): Promise<{ sent: number; failed: number; held: number }> {
  const db: Db = ctx.db;
  const pending = await db
    .select()
    .from(emailOutbox)
    .where(
      and(
        inArray(emailOutbox.status, ['queued', 'failed']),
        lt(emailOutbox.attempts, MAX_ATTEMPTS),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt))
    .limit(limit);
  const result = { sent: 0, failed: 0, held: 0 };
  for (const row of pending) {
    if (!ctx.email) {
      await db.update(emailOutbox).set({ status: 'held' }).where(eq(emailOutbox.id, row.id));
      result.held++;
      continue;
    }
    // Claim the row so a concurrent dispatcher does not send it twice.
    const claimed = await db
      .update(emailOutbox)
      .set({ attempts: row.attempts + 1 })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.attempts, row.attempts)))
      .returning({ id: emailOutbox.id });
    if (claimed.length === 0) continue;
    try {
      const { id } = await ctx.email.send({
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        ...(row.attachments?.length ? { attachments: row.attachments } : {}),
        ...(row.headers ? { headers: row.headers } : {}),
        ...(row.idempotencyKey ? { idempotencyKey: row.idempotencyKey } : {}),
      });
      await db
        .update(emailOutbox)
        .set({
          status: 'sent',
          providerId: id,
          sentAt: ctx.now(),
          lastError: null,
          // the recipient has the secret now; the outbox need not keep it
          ...(SECRET_TEMPLATES.has(row.template)
            ? { textBody: REDACTED_BODY, htmlBody: REDACTED_BODY }
            : {}),
        })
        .where(eq(emailOutbox.id, row.id));
      result.sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message.slice(0, 500) : String(err);
      await db
        .update(emailOutbox)
        .set({ status: 'failed', lastError: message })
        .where(eq(emailOutbox.id, row.id));
      ctx.logger.warn('email.send_failed', {
        emailId: row.id,
        template: row.template,
        error: message,
      });
      result.failed++;
    }
  }
  return result;
}
