import { sql } from 'drizzle-orm';
import { matchCandidates } from '../../db/schema';
import { authorize } from '../identity/access';
import { type Ctx, today } from '../platform/context';
import { notFound } from '../platform/errors';
import { decodeOffsetCursor, encodeCursor } from '../platform/pagination';
import { textArray } from '../platform/pg-arrays';
import { rowsOf } from '../platform/rows';
import { isCandidate, rank, score } from '../scoring/score';
import { type Match, type Target } from '../scoring/types';
import {
  CANDIDATE_JSON,
  type CandidateFilter,
  type CandidateRow,
  historyOf,
  labelsWithRegions,
  loadTarget,
  matchContext,
  present,
  toCandidate,
  topCandidates,
} from './candidates';
import { recommend } from './recommendations';

/** Ranked candidates for a published potential: its owner and the facilitating province may ask. */
export async function matchesForPotential({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CandidateFilter & {
    tenantId: string;
    potentialId: string;
    limit: number;
    cursor?: string;
  };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'potentials.read');
  const { limit, cursor, tenantId: _t, potentialId, ...filters } = input;
  const offset = decodeOffsetCursor(cursor, { potentialId, ...filters });
  const todayIso = today(ctx);
  const { target, history } = await matchContext(ctx.db, {
    potentialId,
    tenantId: tenant.id,
    todayIso,
    history: true,
  });
  if (!target) throw notFound({ key: 'potential.not_found' });
  const { total, candidates } = await topCandidates(ctx.db, target, {
    now: ctx.now(),
    todayIso,
    history,
    k: offset + limit,
    filter: filters,
  });
  const { matches } = rank(target, candidates, {
    now: ctx.now(),
    labels: await labelsWithRegions(ctx.db),
    history,
    offset,
    limit,
  });
  return {
    data: matches.map((m) => present(ctx, m)),
    total,
    nextCursor:
      offset + limit < total
        ? encodeCursor([String(offset + limit)], { potentialId, ...filters })
        : null,
  };
}

/** The best few candidates of one of a tenant's published potentials, for the system (the digests): no access check. */
export async function bestMatchesOf(
  ctx: Ctx,
  tenantId: string,
  potentialId: string,
  limit: number,
) {
  const todayIso = today(ctx);
  const { target, history } = await matchContext(ctx.db, {
    potentialId,
    tenantId,
    todayIso,
    history: true,
  });
  if (!target) return [];
  const { candidates } = await topCandidates(ctx.db, target, {
    now: ctx.now(),
    todayIso,
    history,
    k: limit,
    filter: {},
  });
  const { matches } = rank(target, candidates, {
    now: ctx.now(),
    labels: await labelsWithRegions(ctx.db),
    history,
    limit,
  });
  return matches.map((m) => present(ctx, m));
}

/**
 * Other regions' published potentials nearest to a published one, as the
 * matching engine scores them, for anyone to read: without the history of
 * interests and agreements between tenants (that is theirs), with the first
 * reason, in the reader's language.
 */
export async function neighboursOf(
  ctx: Ctx,
  potential: { id: string; tenantId: string },
  limit: number,
) {
  const todayIso = today(ctx);
  const { target } = await matchContext(ctx.db, {
    potentialId: potential.id,
    tenantId: potential.tenantId,
    todayIso,
    history: false,
  });
  if (!target) return [];
  const history = new Map();
  const { candidates } = await topCandidates(ctx.db, target, {
    now: ctx.now(),
    todayIso,
    history,
    k: limit,
    filter: { candidateType: 'region' },
  });
  const { matches } = rank(target, candidates, {
    now: ctx.now(),
    labels: await labelsWithRegions(ctx.db),
    history,
    limit,
  });
  return matches.map((m) => present(ctx, m)).filter((m) => m.candidate.potentialId !== null);
}

/**
 * Published potentials that fit a tenant. A partner is scored as a candidate
 * against every potential open to its kind; a region's best own published
 * potential is scored against other regions' potentials.
 */
export async function recommendationsFor({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; limit: number; cursor?: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'tenant.read');
  const offset = decodeOffsetCursor(input.cursor, { tenantId: tenant.id });
  return recommend(ctx, tenant, offset, input.limit);
}

/**
 * How well a tenant fits each of some other tenants, with the explanation of
 * the best pairing: the tenant's published potentials against the others'
 * potentials and partner profiles, and (for a partner, which has no
 * potentials) the others' potentials against its profile. Used to rank whom a
 * delegation should meet at a forum, and to weigh meetings in the schedule.
 */
export async function pairScores(
  ctx: Ctx,
  tenantId: string,
  others: string[],
  /** how many of each tenant's potentials are read as targets (the first by id) */
  maxTargets = 10,
) {
  const out = new Map<string, { score: number; reasons: ReturnType<typeof present>['reasons'] }>();
  if (others.length === 0) return out;
  const todayIso = today(ctx);
  const now = ctx.now();
  const all = [tenantId, ...others];
  const [result] = await rowsOf<{ rows: string | null }>(
    ctx.db,
    sql`
    select json_agg(${CANDIDATE_JSON})::text as rows from ${matchCandidates} m
    where m.tenant_id = any(${textArray(all)}::text[]) and m.expires_on >= ${todayIso}::date`,
  );
  const json = result?.rows;
  const candidates = (json ? (JSON.parse(json) as CandidateRow[]) : []).map(toCandidate);
  const history = await historyOf(ctx.db, tenantId);
  const targetsOf = async (owner: string) => {
    const ids = candidates
      .filter((c) => c.tenantId === owner && c.type === 'potential')
      .map((c) => c.id)
      .sort();
    const targets: Target[] = [];
    for (const id of ids.slice(0, maxTargets)) {
      const t = await loadTarget(ctx.db, id, owner, todayIso);
      if (t) targets.push(t);
    }
    return targets;
  };
  const keep = (other: string, m: Match) => {
    const prev = out.get(other);
    if (!prev || m.score > prev.score)
      out.set(other, { score: m.score, reasons: present(ctx, m).reasons });
  };
  const labels = await labelsWithRegions(ctx.db);
  // its potentials against the others' potentials and profiles
  for (const target of await targetsOf(tenantId))
    for (const c of candidates)
      if (c.tenantId !== tenantId && isCandidate(target, c))
        keep(
          c.tenantId,
          score(target, c, {
            now,
            labels,
            history: history.get(c.tenantId),
          }),
        );
  // the others' potentials against its own profile (a partner's)
  const own = candidates.filter((c) => c.tenantId === tenantId && c.type === 'partner');
  if (own.length)
    for (const other of others)
      for (const target of await targetsOf(other))
        for (const c of own)
          if (isCandidate(target, c))
            keep(
              other,
              score(target, c, {
                now,
                labels,
                history: history.get(other),
                reader: 'candidate',
              }),
            );
  return out;
}

/**
 * How well two tenants fit, read the same from either side: the better of
 * the two directions (each one's potentials against the other's potentials
 * and profile), with the explanation of that pairing.
 */
export async function mutualScores(ctx: Ctx, tenantId: string, others: string[], maxTargets = 10) {
  const out = await pairScores(ctx, tenantId, others, maxTargets);
  for (const other of others) {
    const back = (await pairScores(ctx, other, [tenantId], maxTargets)).get(tenantId);
    if (back && back.score > (out.get(other)?.score ?? -1)) out.set(other, back);
  }
  return out;
}
