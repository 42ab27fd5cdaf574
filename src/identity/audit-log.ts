import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { auditLog, emailOutbox } from '../../db/schema';
import { SECRET_TEMPLATES } from '../email/outbox';
import type { Ctx } from '../platform/context';
import { decodeCursor, pageOf } from '../platform/pagination';
import { authorize, requirePlatformAdmin } from './access';

export type AuditFilters = {
  action?: string;
  actorUserId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
};

/** A tenant's audit log, newest first (ids are time-ordered), filterable, cursor-paginated. */
export async function listAuditLog({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AuditFilters & { tenantId: string; limit: number; cursor?: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'audit.read');
  const { limit, cursor, tenantId: _t, ...filters } = input;
  const fingerprintable = {
    ...filters,
    from: filters.from?.toISOString(),
    to: filters.to?.toISOString(),
  };
  const before = decodeCursor(cursor, fingerprintable);
  const where: (SQL | undefined)[] = [
    eq(auditLog.tenantId, tenant.id),
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.actorUserId ? eq(auditLog.actorUserId, filters.actorUserId) : undefined,
    filters.targetType ? eq(auditLog.targetType, filters.targetType) : undefined,
    filters.targetId ? eq(auditLog.targetId, filters.targetId) : undefined,
    filters.from ? gte(auditLog.createdAt, filters.from) : undefined,
    filters.to ? lte(auditLog.createdAt, filters.to) : undefined,
    before ? lt(auditLog.id, before[0]!) : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const { page, nextCursor } = pageOf(rows, limit, (r) => r.id, fingerprintable);
  return { data: page, nextCursor };
}

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
  const hide = ctx.config.APP_ENV === 'production';
  return {
    data: rows.map((r) =>
      hide && SECRET_TEMPLATES.has(r.template)
        ? { ...r, textBody: null, htmlBody: null, redacted: true }
        : { ...r, redacted: false },
    ),
  };
}
