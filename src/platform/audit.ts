import type { Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Ctx } from './context';
import { newId } from './ids';

export type Diff = Record<string, { from?: unknown; to?: unknown }>;

/** The fields that changed between two versions of a row (secrets never belong in either). */
export function diffOf<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: (keyof T)[],
): Diff {
  const out: Diff = {};
  for (const f of fields) {
    const from = before?.[f];
    const to = after?.[f];
    const same = JSON.stringify(from ?? null) === JSON.stringify(to ?? null);
    if (!same)
      out[f as string] = {
        ...(before ? { from: from ?? null } : {}),
        ...(after ? { to: to ?? null } : {}),
      };
  }
  return out;
}

/** Records a write in the same transaction as the write itself: both commit or neither does. */
export async function recordAudit(
  tx: Tx,
  ctx: Ctx,
  entry: {
    tenantId: string | null;
    action: string;
    targetType: string;
    targetId: string;
    diff?: Diff;
  },
): Promise<void> {
  const actor = ctx.actor;
  await tx.insert(auditLog).values({
    id: newId('audit', ctx.now().getTime()),
    tenantId: entry.tenantId,
    actorUserId:
      actor?.type === 'user' ? actor.user.id : actor?.type === 'api_key' ? actor.createdBy : null,
    actorApiKeyId: actor?.type === 'api_key' ? actor.keyId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    diff: entry.diff ?? {},
    requestId: ctx.requestId,
    createdAt: ctx.now(),
  });
}
