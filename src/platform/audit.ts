import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Ctx } from './context';
import { newId } from './ids';

export type Diff = Record<string, { from?: unknown; to?: unknown }>;

/** What an audit row is about: the kinds of object the API writes. */
export type AuditTarget =
  | 'inbox_item'
  | 'agency'
  | 'agreement'
  | 'agreement_action'
  | 'annual_report'
  | 'api_key'
  | 'board'
  | 'calendar_feed'
  | 'forum'
  | 'forum_follow_up'
  | 'forum_meeting'
  | 'forum_registration'
  | 'forum_session'
  | 'interest'
  | 'invitation'
  | 'mapping_decision'
  | 'mapping_round'
  | 'membership'
  | 'post'
  | 'post_report'
  | 'potential'
  | 'proposal'
  | 'session'
  | 'tenant'
  | 'thread'
  | 'user'
  | 'webhook_endpoint';

type AgreementStage =
  | 'inisiasi'
  | 'kesepakatan_bersama'
  | 'perjanjian_kerja_sama'
  | 'nota_kesepakatan'
  | 'rencana_aksi'
  | 'pelaksanaan'
  | 'evaluasi'
  | 'perpanjangan'
  | 'berakhir';

/** Every action the audit log records, `<area>.<what happened>`: the one list (readers filter by it). */
export type AuditAction =
  | 'inbox.read'
  | `agency.${'created' | 'updated' | 'deleted'}`
  | `agreement.${'created' | 'action_added' | 'action_updated' | 'document_added' | 'evaluated' | 'signed' | 'confirmed' | 'declined'}`
  | `agreement.${AgreementStage}`
  | `annual_report.${'submitted' | 'accepted' | 'returned'}`
  | `api_key.${'created' | 'revoked'}`
  | `calendar_feed.${'created' | 'revoked'}`
  | `digest.${'preferences_set' | 'unsubscribed'}`
  | `discussion.${'board_opened' | 'board_publicity' | 'thread_created' | 'post_created' | 'post_edited' | 'post_deleted' | 'post_reported' | 'report_dismissed' | 'user_muted'}`
  | `discussion.post_${'hidden' | 'shown'}`
  | `discussion.thread_${'pin' | 'unpin' | 'lock' | 'unlock' | 'move'}`
  | `forum.${'created' | 'invited' | 'invitations_sent' | 'session_created' | 'session_updated' | 'session_status' | 'minutes_recorded' | 'follow_up_created' | 'follow_up_updated' | 'availability_set' | 'schedule_run' | 'schedule_published'}`
  | `forum.registration_${'received' | 'updated' | 'cancelled' | 'promoted' | 'approved' | 'declined' | 'waitlisted' | 'pending'}`
  | 'forum.registered'
  | `forum.meeting_${'requested' | 'received' | 'merged' | 'accepted' | 'declined' | 'cancelled' | 'adjusted' | 'outcome'}`
  | `interest.${'expressed' | 'received' | 'accepted' | 'declined'}`
  | `invitation.${'created' | 'accepted' | 'revoked'}`
  | `mapping.${'berita_acara' | 'sk'}`
  | `membership.${'created' | 'updated' | 'removed'}`
  | `potential.${'created' | 'updated' | 'revised'}`
  | `potential.${'submit' | 'prioritise' | 'establish' | 'publish' | 'return' | 'close' | 'archive' | 'reject'}`
  | `profile.updated`
  | `proposal.${'created' | 'received' | 'expired' | 'answered' | 'accepted' | 'declined'}`
  | `round.${'opened' | 'updated' | 'closed' | 'reopened'}`
  | `session.${'created' | 'revoked' | 'revoked_all'}`
  | `tenant.${'created' | 'claimed' | 'verified'}`
  | `user.${'signed_up' | 'email_verified' | 'password_reset' | 'platform_admin_granted' | 'platform_admin_created' | 'sign_in_slowed'}`
  | `webhook.${'created' | 'updated' | 'deleted' | 'secret_rotated' | 'redelivered' | 'pinged' | 'disabled'}`;

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

export type AuditEntry = {
  tenantId: string | null;
  action: AuditAction;
  targetType: AuditTarget;
  targetId: string;
  diff?: Diff;
};

/**
 * The audit row's insert, not yet run: `recordAudit` runs it in the write's
 * transaction; a write made of one statement runs it in the same statement,
 * as a common table expression (`cteOf`), so
 * that the change and its record are one round trip and one atomic act.
 */
export function auditInsert(db: Db | Tx, ctx: Ctx, entry: AuditEntry) {
  const actor = ctx.actor;
  return db.insert(auditLog).values({
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

/**
 * A statement (an insert not yet run) as a common table expression of another:
 * `db.with(cteOf(db, 'audit', auditInsert(…))).update(…)` runs both as one.
 */
export function cteOf<A extends string>(db: Db | Tx, alias: A, statement: { getSQL(): SQL }) {
  return db.$with(alias, {}).as(statement.getSQL());
}

/** Records a write in the same transaction as the write itself: both commit or neither does. */
export async function recordAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await auditInsert(tx, ctx, entry);
}
