import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { decodeCursor, pageOf } from '../platform/pagination';
import { authorize } from './access';

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
