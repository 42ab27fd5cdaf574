import { and, desc, eq, isNull, lte, or } from 'drizzle-orm';
import { potentials, proposals, regions, tenants } from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { recordEvent } from '../events/events';
import { checkOrigin } from '../forums/access';
import { authorize, getTenantOr404, provinceOf, requireUser } from '../identity/access';
import { adminsOf } from '../identity/members';
import { recordAudit } from '../platform/audit';
import { type Ctx, today } from '../platform/context';
import { wibDate } from '../platform/date-rules';
import { badRequest, conflict, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { type Lang, t } from '../platform/i18n';
import { newId } from '../platform/ids';
import { linkOf } from '../platform/links';
import { governmentOf, officeOf, placeOf } from '../platform/offices';

export const DEFAULT_VALIDITY_DAYS = 14;
type ProposalRow = typeof proposals.$inferSelect;

const view = (p: ProposalRow) => ({
  id: p.id,
  facilitatorTenantId: p.facilitatorTenantId,
  partyA: p.partyA,
  partyB: p.partyB,
  potentialId: p.potentialId,
  note: p.note,
  status: p.status,
  answers: {
    [p.partyA]: { answer: p.answerA, reason: p.reasonA, answeredAt: p.answeredAtA },
    [p.partyB]: { answer: p.answerB, reason: p.reasonB, answeredAt: p.answeredAtB },
  },
  expiresAt: p.expiresAt,
  reminderSentAt: p.reminderSentAt,
  decidedAt: p.decidedAt,
  createdAt: p.createdAt,
});

/** A province proposes a match among its kabupaten/kota and partners; a platform admin may facilitate anywhere. */
export async function createProposal({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    partyA: string;
    partyB: string;
    potentialId?: string;
    note: string;
    validityDays?: number;
    originSessionId?: string;
  };
}) {
  const access = await authorize(ctx, input.tenantId, 'proposals.create');
  const actor = requireUser(ctx);
  const facilitator = access.tenant;
  const province = provinceOf(facilitator);
  if (!province && access.via !== 'platform_admin') throw notFound({ key: 'tenant.not_found' });
  if (input.partyA === input.partyB)
    throw badRequest({ key: 'proposal.same_party' }, [
      { location: 'body.partyB', message: t(ctx.lang, 'proposal.same_party') },
    ]);

  const parties: (typeof tenants.$inferSelect)[] = [];
  for (const [field, id] of [
    ['partyA', input.partyA],
    ['partyB', input.partyB],
  ] as const) {
    const [row] = await ctx.db
      .select({ tenant: tenants, autonomous: regions.autonomous })
      .from(tenants)
      .leftJoin(regions, eq(regions.code, tenants.regionCode))
      .where(eq(tenants.id, id));
    if (!row)
      throw badRequest({ key: 'tenant.not_found' }, [
        { location: `body.${field}`, message: t(ctx.lang, 'tenant.not_found') },
      ]);
    const p = row.tenant;
    const inProvince =
      p.type === 'region' &&
      row.autonomous === true &&
      !!p.regionCode?.includes('.') &&
      (!province || p.regionCode!.startsWith(`${province}.`));
    const partner = p.type === 'partner' && p.status === 'active';
    if (
      !inProvince &&
      !partner &&
      !(access.via === 'platform_admin' && p.type === 'region' && row.autonomous)
    ) {
      throw badRequest({ key: 'proposal.not_in_province', params: { party: p.name } }, [
        {
          location: `body.${field}`,
          message: t(ctx.lang, 'proposal.not_in_province', { party: p.name }),
        },
      ]);
    }
    parties.push(p);
  }
  if (input.potentialId) {
    const [pot] = await ctx.db
      .select()
      .from(potentials)
      .where(eq(potentials.id, input.potentialId));
    if (!pot || (pot.tenantId !== input.partyA && pot.tenantId !== input.partyB))
      throw badRequest({ key: 'potential.not_found' }, [
        { location: 'body.potentialId', message: t(ctx.lang, 'potential.not_found') },
      ]);
    if (pot.status !== 'published' || pot.expiresOn < today(ctx))
      throw conflict({ key: 'proposal.potential_closed' });
  }

  await checkOrigin(ctx, input.originSessionId, facilitator.id);
  const now = ctx.now();
  const days = input.validityDays ?? DEFAULT_VALIDITY_DAYS;
  const id = newId('proposal', now.getTime());
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(proposals)
      .values({
        id,
        facilitatorTenantId: facilitator.id,
        proposedBy: actor.user.id,
        partyA: input.partyA,
        partyB: input.partyB,
        potentialId: input.potentialId ?? null,
        note: input.note,
        validityDays: days,
        originSessionId: input.originSessionId ?? null,
        expiresAt: new Date(now.getTime() + days * 86400_000),
        createdAt: now,
      })
      .returning();
    const [first, second] = [parties[0]!, parties[1]!];
    for (const [party, other] of [
      [first, second],
      [second, first],
    ] as const) {
      for (const admin of await adminsOf(tx, [party.id])) {
        const lang = admin.locale as Lang;
        await enqueueEmail(tx, ctx, admin.email, lang, 'proposal', {
          office: officeOf(admin.tenant, 'admin', lang),
          facilitator: governmentOf(facilitator, lang),
          party: placeOf(party),
          other: placeOf(other),
          note: input.note,
          answerBy: wibDate(new Date(now.getTime() + days * 86400_000)),
          url: linkOf(ctx.config, 'proposal', { tenantId: admin.tenantId, proposalId: id }),
        });
      }
      await recordEvent(tx, ctx, {
        type: 'proposal.received',
        tenantIds: [party.id],
        objectId: id,
        payload: { facilitator: governmentOf(facilitator), other: placeOf(other) },
        dueAt: new Date(now.getTime() + days * 86400_000),
      });
      await recordAudit(tx, ctx, {
        tenantId: party.id,
        action: 'proposal.received',
        targetType: 'proposal',
        targetId: id,
        diff: { other: { to: other.id } },
      });
    }
    await recordAudit(tx, ctx, {
      tenantId: facilitator.id,
      action: 'proposal.created',
      targetType: 'proposal',
      targetId: id,
      diff: {
        partyA: { to: input.partyA },
        partyB: { to: input.partyB },
        validityDays: { to: days },
      },
    });
    return view(row!);
  });
}

export async function listProposals({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; as: 'facilitator' | 'party' };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'proposals.read');
  const where =
    input.as === 'facilitator'
      ? eq(proposals.facilitatorTenantId, tenant.id)
      : or(eq(proposals.partyA, tenant.id), eq(proposals.partyB, tenant.id));
  const rows = await ctx.db.select().from(proposals).where(where).orderBy(desc(proposals.id));
  return { data: rows.map(view) };
}

/** One proposal, to its facilitator or either party; else 404. */
export async function getProposal({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; proposalId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'proposals.read');
  const [row] = await ctx.db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.id, input.proposalId),
        or(
          eq(proposals.facilitatorTenantId, tenant.id),
          eq(proposals.partyA, tenant.id),
          eq(proposals.partyB, tenant.id),
        ),
      ),
    );
  if (!row) throw notFound({ key: 'proposal.not_found' });
  return view(row);
}

export async function answerProposal({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; proposalId: string; decision: 'accept' | 'decline'; reason?: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'proposals.answer');
  const [p] = await ctx.db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.id, input.proposalId),
        or(eq(proposals.partyA, tenant.id), eq(proposals.partyB, tenant.id)),
      ),
    );
  if (!p) throw notFound({ key: 'proposal.not_found' });
  if (p.status !== 'pending' || p.expiresAt <= ctx.now())
    throw conflict({ key: 'proposal.not_pending' });
  if (input.decision === 'decline' && !input.reason)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.reason',
        message: fieldMessage('facilitation.required_decline'),
      },
    ]);
  const side = p.partyA === tenant.id ? 'A' : 'B';
  if ((side === 'A' ? p.answerA : p.answerB) !== 'pending')
    throw conflict({ key: 'proposal.already_answered' });
  const answer = input.decision === 'accept' ? ('accepted' as const) : ('declined' as const);
  const now = ctx.now();
  const other = side === 'A' ? p.answerB : p.answerA;
  const status = answer === 'declined' ? 'declined' : other === 'accepted' ? 'accepted' : 'pending';
  return ctx.db.transaction(async (tx) => {
    const set =
      side === 'A'
        ? { answerA: answer, reasonA: input.reason ?? null, answeredAtA: now }
        : { answerB: answer, reasonB: input.reason ?? null, answeredAtB: now };
    const [row] = await tx
      .update(proposals)
      .set({ ...set, status, decidedAt: status === 'pending' ? null : now })
      .where(
        and(
          eq(proposals.id, p.id),
          eq(proposals.status, 'pending'),
          side === 'A' ? eq(proposals.answerA, 'pending') : eq(proposals.answerB, 'pending'),
        ),
      )
      .returning();
    if (!row) throw conflict({ key: 'proposal.already_answered' });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: `proposal.${answer}`,
      targetType: 'proposal',
      targetId: p.id,
      diff: { answer: { from: 'pending', to: answer } },
    });
    if (p.facilitatorTenantId)
      await recordAudit(tx, ctx, {
        tenantId: p.facilitatorTenantId,
        action: `proposal.answered`,
        targetType: 'proposal',
        targetId: p.id,
        diff: { [tenant.id]: { to: answer }, status: { from: 'pending', to: status } },
      });
    // the facilitator hears of it; the answering party's open item closes
    await recordEvent(tx, ctx, {
      type: 'proposal.answered',
      tenantIds: p.facilitatorTenantId ? [p.facilitatorTenantId] : [],
      closeTenantIds: [tenant.id],
      objectId: p.id,
      payload: { party: placeOf(tenant), decision: answer },
    });
    return view(row);
  });
}

/** For a facilitator: how its proposals fared — accepted rate and time to answer. */
export async function proposalStats({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'proposals.read');
  const rows = await ctx.db
    .select()
    .from(proposals)
    .where(eq(proposals.facilitatorTenantId, tenant.id));
  const by = (s: string) => rows.filter((r) => r.status === s).length;
  const decided = rows.filter((r) => r.status !== 'pending');
  const hours = rows
    .flatMap((r) =>
      [r.answeredAtA, r.answeredAtB]
        .filter((d): d is Date => !!d)
        .map((d) => (d.getTime() - r.createdAt.getTime()) / 3600_000),
    )
    .sort((a, b) => a - b);
  return {
    total: rows.length,
    pending: by('pending'),
    accepted: by('accepted'),
    declined: by('declined'),
    expired: by('expired'),
    acceptedRate: decided.length
      ? Math.round((by('accepted') / decided.length) * 1000) / 1000
      : null,
    medianHoursToAnswer: hours.length
      ? Math.round(hours[Math.floor(hours.length / 2)]! * 10) / 10
      : null,
  };
}

/** Hourly: one reminder halfway through, then expiry for proposals still unanswered. */
export async function remindAndExpireProposals({ ctx }: { ctx: Ctx }) {
  const now = ctx.now();
  const pending = await ctx.db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.status, 'pending'),
        or(isNull(proposals.reminderSentAt), lte(proposals.expiresAt, now)),
      ),
    );
  let reminded = 0;
  let expired = 0;
  for (const p of pending) {
    if (p.expiresAt <= now) {
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(proposals)
          .set({ status: 'expired', decidedAt: now })
          .where(and(eq(proposals.id, p.id), eq(proposals.status, 'pending')));
        // nobody is asked any more: both parties' open items close, the facilitator is told
        const named = await tx
          .select({ type: tenants.type, name: tenants.name, regionCode: tenants.regionCode })
          .from(tenants)
          .where(or(eq(tenants.id, p.partyA), eq(tenants.id, p.partyB)));
        await recordEvent(tx, ctx, {
          type: 'proposal.expired',
          tenantIds: p.facilitatorTenantId ? [p.facilitatorTenantId] : [],
          closeTenantIds: [p.partyA, p.partyB],
          objectId: p.id,
          payload: { parties: named.map(placeOf).join(' dan ') },
        });
        if (p.facilitatorTenantId)
          await recordAudit(tx, ctx, {
            tenantId: p.facilitatorTenantId,
            action: 'proposal.expired',
            targetType: 'proposal',
            targetId: p.id,
            diff: { status: { from: 'pending', to: 'expired' } },
          });
      });
      expired++;
      continue;
    }
    const halfway = p.createdAt.getTime() + (p.expiresAt.getTime() - p.createdAt.getTime()) / 2;
    if (p.reminderSentAt || now.getTime() < halfway) continue;
    // read before the transaction: the embedded database has a single connection
    const facilitator = p.facilitatorTenantId
      ? await getTenantOr404(ctx, p.facilitatorTenantId)
      : null;
    await ctx.db.transaction(async (tx) => {
      for (const [party, otherId, answer] of [
        [p.partyA, p.partyB, p.answerA],
        [p.partyB, p.partyA, p.answerB],
      ] as const) {
        if (answer !== 'pending') continue;
        const [other] = await tx
          .select({ type: tenants.type, name: tenants.name, regionCode: tenants.regionCode })
          .from(tenants)
          .where(eq(tenants.id, otherId));
        for (const admin of await adminsOf(tx, [party])) {
          const lang = admin.locale as Lang;
          await enqueueEmail(tx, ctx, admin.email, lang, 'proposal_reminder', {
            office: officeOf(admin.tenant, 'admin', lang),
            facilitator: facilitator ? governmentOf(facilitator, lang) : 'Sinergi',
            party: placeOf(admin.tenant),
            other: other ? placeOf(other) : '',
            expiresOn: wibDate(p.expiresAt),
            url: linkOf(ctx.config, 'proposal', { tenantId: admin.tenantId, proposalId: p.id }),
          });
        }
      }
      await tx.update(proposals).set({ reminderSentAt: now }).where(eq(proposals.id, p.id));
    });
    reminded++;
  }
  return { reminded, expired };
}
