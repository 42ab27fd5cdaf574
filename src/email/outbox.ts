import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { emailOutbox } from '../../db/schema';
import type { Ctx } from '../platform/context';
import type { Lang } from '../platform/i18n';
import { newId } from '../platform/ids';
import { hashSecret, seal, unseal } from '../platform/secrets';
import { type Attachment, BATCH_LIMIT } from './client';
import { type TemplateName, templates } from './templates';

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
  extra?: { headers?: Record<string, string>; idempotencyKey?: string; dispatch?: 'later' },
): Promise<void> {
  await tx
    .insert(emailOutbox)
    .values(await outboxRow(ctx, { to, lang, template, params, attachments, ...extra }));
  // 'later': the caller dispatches once for many (the digests send their batch together)
  if (extra?.dispatch !== 'later') ctx.defer(() => dispatchOutbox(ctx));
}

type Outgoing<T extends TemplateName> = {
  to: string;
  lang: Lang;
  template: T;
  params: Parameters<(typeof templates)[T]>[1];
  attachments?: Attachment[] | undefined;
  headers?: Record<string, string> | undefined;
  idempotencyKey?: string | undefined;
};

/** Many emails in one statement (a digest batch's); the caller dispatches them. */
export async function enqueueEmails<T extends TemplateName>(
  tx: Tx,
  ctx: Ctx,
  emails: Outgoing<T>[],
): Promise<void> {
  if (emails.length === 0) return;
  await tx.insert(emailOutbox).values(await Promise.all(emails.map((e) => outboxRow(ctx, e))));
}

async function outboxRow<T extends TemplateName>(ctx: Ctx, e: Outgoing<T>) {
  const rendered = (
    templates[e.template] as (
      l: Lang,
      p: typeof e.params,
    ) => { subject: string; text: string; html: string }
  )(e.lang, e.params);
  // a body carrying a live secret is kept sealed until it leaves (then dropped): a reader of
  // the database cannot use it
  const secret = SECRET_TEMPLATES.has(e.template);
  return {
    id: newId('email', ctx.now().getTime()),
    toAddress: e.to,
    template: e.template,
    lang: e.lang,
    subject: rendered.subject,
    textBody: secret ? await seal(rendered.text) : rendered.text,
    htmlBody: secret ? await seal(rendered.html) : rendered.html,
    attachments: e.attachments?.length ? e.attachments : null,
    headers: e.headers ?? null,
    idempotencyKey: e.idempotencyKey ?? null,
    createdAt: ctx.now(),
  };
}

const MAX_ATTEMPTS = 5;
/** After the n-th failed attempt the next waits 1, 5, 25, 125 minutes: a failing provider is not hammered. */
export const retryDelayMs = (attempts: number) => 60_000 * 5 ** Math.max(0, attempts - 1);

/** Templates whose body carries a secret (a sign-in link or code). */
export const SECRET_TEMPLATES: ReadonlySet<string> = new Set([
  'verify_email',
  'reset_password',
  'invitation',
]);
/** What stays of a secret-bearing body once the email has left: nothing usable. */
export const REDACTED_BODY = '[isi dihapus setelah terkirim karena memuat kode rahasia]';

type Row = typeof emailOutbox.$inferSelect;
const messageOf = async (row: Row) => ({
  to: row.toAddress,
  subject: row.subject,
  text: (await unseal(row.textBody)) ?? '',
  html: (await unseal(row.htmlBody)) ?? '',
  ...(row.attachments?.length ? { attachments: row.attachments } : {}),
  ...(row.headers ? { headers: row.headers } : {}),
  ...(row.idempotencyKey ? { idempotencyKey: row.idempotencyKey } : {}),
});

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
        or(isNull(emailOutbox.nextAttemptAt), lte(emailOutbox.nextAttemptAt, ctx.now())),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt))
    .limit(limit);
  const result = { sent: 0, failed: 0, held: 0 };
  if (!ctx.email) {
    for (const row of pending)
      await db.update(emailOutbox).set({ status: 'held' }).where(eq(emailOutbox.id, row.id));
    result.held = pending.length;
    return result;
  }
  const email = ctx.email;
  // Claim the rows (each at the attempt count read) so a concurrent dispatcher does not send them twice.
  const won = pending.length
    ? new Set(
        (
          await db
            .update(emailOutbox)
            .set({ attempts: sql`${emailOutbox.attempts} + 1` })
            .where(
              sql`(${emailOutbox.id}, ${emailOutbox.attempts}) in (${sql.join(
                pending.map((r) => sql`(${r.id}, ${r.attempts})`),
                sql`, `,
              )})`,
            )
            .returning({ id: emailOutbox.id })
        ).map((r) => r.id),
      )
    : new Set<string>();
  const claimed = pending.filter((r) => won.has(r.id));
  const delivered = async (row: Row, id: string) => {
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
  };
  const failed = async (rows: Row[], err: unknown) => {
    const message = err instanceof Error ? err.message.slice(0, 500) : String(err);
    for (const row of rows) {
      await db
        .update(emailOutbox)
        .set({
          status: 'failed',
          lastError: message,
          // `attempts` counts this one (claimed above)
          nextAttemptAt: new Date(ctx.now().getTime() + retryDelayMs(row.attempts + 1)),
        })
        .where(eq(emailOutbox.id, row.id));
      ctx.logger.warn('email.send_failed', {
        emailId: row.id,
        template: row.template,
        error: message,
      });
      result.failed++;
    }
  };
  // digests go in batches of up to 100 per call where the provider has a batch endpoint
  const batchable = email.sendBatch
    ? claimed.filter((r) => r.template === 'digest' && !r.attachments?.length)
    : [];
  for (let i = 0; i < batchable.length; i += BATCH_LIMIT) {
    const rows = batchable.slice(i, i + BATCH_LIMIT);
    try {
      const { ids } = await email.sendBatch!(
        await Promise.all(rows.map(messageOf)),
        // the same rows make the same key: a retried call is not delivered twice
        `batch-${hashSecret(rows.map((r) => r.idempotencyKey ?? r.id).join(',')).slice(0, 48)}`,
      );
      // one statement for the batch (digests carry no secret to drop)
      await db.execute(sql`
        update ${emailOutbox} set status = 'sent', provider_id = v.pid, sent_at = ${ctx.now()}, last_error = null
        from (values ${sql.join(
          rows.map((r, j) => sql`(${r.id}, ${ids[j] ?? ''})`),
          sql`, `,
        )}) as v(id, pid)
        where ${emailOutbox.id} = v.id`);
      result.sent += rows.length;
    } catch (err) {
      await failed(rows, err);
    }
  }
  for (const row of claimed.filter((r) => !batchable.includes(r))) {
    try {
      const { id } = await email.send(await messageOf(row));
      await delivered(row, id);
    } catch (err) {
      await failed([row], err);
    }
  }
  return result;
}
