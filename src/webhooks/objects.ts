import { getAgreement } from '../agreements/agreements';
import { getPost } from '../discussion/threads';
import type { EventObject } from '../events/types';
import { getProposal } from '../facilitation/proposals';
import { getMeeting } from '../forums/meetings';
import { getFollowUp } from '../forums/minutes';
import { getForumRegistration } from '../forums/registrations';
import { getInterest } from '../interests/interests';
import type { ApiKeyActor, Ctx } from '../platform/context';
import { ApiError } from '../platform/errors';
import { getPublishedPotential } from '../potentials/catalog';
import { getPotential } from '../potentials/potentials';
import { getRound } from '../potentials/rounds';
import { getAnnualReport } from '../reports/annual';

/**
 * The object an event is about, as the API returns it to the receiving tenant
 * at the moment of sending: read through the same operation its own read-only
 * API key would call, at its own tenant path, so a payload never holds more
 * than that tenant may read (null when it may no longer read it at all).
 */
type Read = (ctx: Ctx, tenantId: string, id: string) => Promise<unknown>;

const READS: Record<EventObject, Read> = {
  interest: (ctx, tenantId, interestId) => getInterest({ ctx, input: { tenantId, interestId } }),
  proposal: (ctx, tenantId, proposalId) => getProposal({ ctx, input: { tenantId, proposalId } }),
  agreement: (ctx, tenantId, agreementId) =>
    getAgreement({ ctx, input: { tenantId, agreementId } }),
  annual_report: (ctx, tenantId, reportId) =>
    getAnnualReport({ ctx, input: { tenantId, reportId } }),
  mapping_round: (ctx, tenantId, roundId) => getRound({ ctx, input: { tenantId, roundId } }),
  // the owner reads its own potential; any other tenant, the catalogue's public view
  potential: (ctx, tenantId, potentialId) =>
    getPotential({ ctx, input: { tenantId, potentialId } }).catch((err) => {
      if (!isRefusal(err)) throw err;
      return getPublishedPotential({ ctx, input: { potentialId } });
    }),
  forum_meeting: (ctx, tenantId, meetingId) => getMeeting({ ctx, input: { tenantId, meetingId } }),
  forum_registration: (ctx, tenantId, registrationId) =>
    getForumRegistration({ ctx, input: { tenantId, registrationId } }),
  forum_follow_up: (ctx, tenantId, followUpId) =>
    getFollowUp({ ctx, input: { tenantId, followUpId } }),
  post: (ctx, tenantId, postId) => getPost({ ctx, input: { tenantId, postId } }),
};

const isRefusal = (err: unknown) =>
  err instanceof ApiError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN');

/** The receiving tenant's read-only view: what its own read key would be answered. */
const readerFor = (ctx: Ctx, tenantId: string): Ctx => {
  const actor: ApiKeyActor = {
    type: 'api_key',
    keyId: 'webhook',
    tenantId,
    scopes: ['read'],
    createdBy: 'webhook',
  };
  return { ...ctx, actor, authError: null };
};

/**
 * Reads objects for one sending run: each (tenant, object) once, however many
 * endpoints and events name it. A refusal is null; any other failure (the
 * database gone) is thrown, and the message waits for the next run.
 */
export function objectReader(ctx: Ctx) {
  const seen = new Map<string, Promise<unknown>>();
  return (tenantId: string, type: EventObject, id: string): Promise<unknown> => {
    const key = `${tenantId}:${type}:${id}`;
    let read = seen.get(key);
    if (!read) {
      read = READS[type](readerFor(ctx, tenantId), tenantId, id).then(
        (object) => JSON.parse(JSON.stringify(object)) as unknown,
        (err: unknown) => {
          if (isRefusal(err)) return null;
          throw err;
        },
      );
      seen.set(key, read);
    }
    return read;
  };
}
