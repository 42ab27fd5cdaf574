import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inboxItems } from '../../db/schema';
import { deliverAll, recordEvent } from '../../src/events/events';
import { EVENT_TYPE_NAMES, EVENT_TYPES, type EventType } from '../../src/events/types';
import { systemCtx } from '../../src/platform/context';
import { createLogger } from '../../src/platform/logger';
import { addMember, bearer, del, post, twoRegions, verifiedPartner } from '../support/actors';
import { createHarness, type Harness, testConfig } from '../support/harness';

/**
 * Each event type reaches exactly the people who act on it (issue 28): in a
 * region with every role — a secretariat, a head, liaisons of two agencies, a
 * viewer, a member removed since — and in a partner with admins and a member,
 * every type is recorded and delivered, and its recipients compared with what
 * its audience means. Never a viewer, a removed member, or another tenant.
 */
let h: Harness;
type Person = { userId: string };
let people: {
  region: {
    id: string;
    admin: Person;
    head: Person;
    liaisonX: Person;
    liaisonY: Person;
    viewer: Person;
    removed: Person;
    agencyX: string;
  };
  partner: { id: string; founder: Person; admin: Person; member: Person };
  other: { id: string; admin: Person };
};

/** A payload its schema accepts, made from the schema. */
function sample(schema: z.ZodTypeAny): unknown {
  if (schema instanceof z.ZodObject)
    return Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodTypeAny>).map(([k, v]) => [k, sample(v)]),
    );
  if (schema instanceof z.ZodNullable) return null;
  if (schema instanceof z.ZodArray) return [];
  if (schema instanceof z.ZodOptional) return undefined;
  if (schema instanceof z.ZodEnum) return schema.options[0];
  if (schema instanceof z.ZodNumber) return 3;
  if (schema instanceof z.ZodBoolean) return false;
  if (schema instanceof z.ZodString) return '2027-01-15';
  throw new Error(`no sample for ${schema.constructor.name}`);
}

beforeAll(async () => {
  h = await createHarness();
  const fx = await twoRegions(h);
  const agency = async (name: string) =>
    (
      (await (await post(h, `/v1/tenants/${fx.a}/agencies`, { name }, fx.adminA.token)).json()) as {
        id: string;
      }
    ).id;
  const [agencyX, agencyY] = [await agency('Dinas Pertanian'), await agency('Dinas Pariwisata')];
  const head = await addMember(h, fx.adminA.token, fx.a, 'head');
  const liaisonX = await addMember(h, fx.adminA.token, fx.a, 'liaison', agencyX);
  const liaisonY = await addMember(h, fx.adminA.token, fx.a, 'liaison', agencyY);
  const viewer = await addMember(h, fx.adminA.token, fx.a, 'viewer');
  const removed = await addMember(h, fx.adminA.token, fx.a, 'admin');
  expect(
    (await del(h, `/v1/tenants/${fx.a}/members/${removed.membershipId}`, fx.adminA.token)).status,
  ).toBe(204);
  const partner = await verifiedPartner(h, fx.platform.token, 'Yayasan Pangan Lestari', 'ngo');
  const me = await h.json<{ user: { id: string } }>('/v1/me', {
    headers: bearer(partner.token),
  });
  people = {
    region: { id: fx.a, admin: fx.adminA, head, liaisonX, liaisonY, viewer, removed, agencyX },
    partner: {
      id: partner.id,
      founder: { userId: me.body.user.id },
      admin: await addMember(h, partner.token, partner.id, 'admin'),
      member: await addMember(h, partner.token, partner.id, 'member'),
    },
    other: { id: fx.b, admin: fx.adminB },
  };
}, 90_000);
afterAll(() => h?.close());

/** Who each audience means, from the roles (docs/notifications.md). */
function expected(type: EventType, side: 'region' | 'partner'): Person[] {
  const r = people.region;
  const p = people.partner;
  const audience = EVENT_TYPES[type].audience;
  // `named`: the payload names the region's head and a member removed since, the partner's member
  if (audience === 'named') return side === 'partner' ? [p.member] : [r.head];
  if (side === 'partner')
    return audience === 'forum' ? [p.founder, p.admin, p.member] : [p.founder, p.admin];
  return {
    deciders: [r.admin, r.head],
    admins: [r.admin],
    agency: [r.liaisonX],
    forum: [r.admin, r.head, r.liaisonX, r.liaisonY],
    liaisons: [r.liaisonX, r.liaisonY],
  }[audience];
}

describe('who each event type reaches', () => {
  it.each(EVENT_TYPE_NAMES)('%s', async (type) => {
    const { ctx } = systemCtx({
      db: h.db,
      logger: createLogger('silent'),
      config: testConfig,
      requestId: 'req_test',
    });
    const payloadFor = (side: 'region' | 'partner') => {
      const payload = sample(EVENT_TYPES[type].payload) as Record<string, unknown>;
      if ('agencyId' in payload) payload.agencyId = people.region.agencyX;
      if ('userIds' in payload)
        payload.userIds =
          side === 'partner'
            ? [people.partner.member.userId]
            : [people.region.head.userId, people.region.removed.userId];
      return payload;
    };
    const objects: Record<'region' | 'partner', string> = {
      region: `obj_${type.replace(/\W/g, '')}_region`,
      partner: `obj_${type.replace(/\W/g, '')}_partner`,
    };
    await h.db.transaction(async (tx) => {
      for (const side of ['region', 'partner'] as const)
        await recordEvent(
          tx,
          { ...ctx, defer: () => {} },
          {
            type,
            tenantIds: [people[side].id],
            objectId: objects[side],
            payload: payloadFor(side) as never,
          },
        );
    });
    await deliverAll(ctx);
    for (const side of ['region', 'partner'] as const) {
      const items = await h.db
        .select({ userId: inboxItems.userId, tenantId: inboxItems.tenantId })
        .from(inboxItems)
        .where(inArray(inboxItems.objectId, [objects[side]]));
      expect(items.every((i) => i.tenantId === people[side].id)).toBe(true);
      expect(
        items.map((i) => i.userId).sort(),
        `${type} in the ${side}: ${EVENT_TYPES[type].audience}`,
      ).toEqual(
        expected(type, side)
          .map((p) => p.userId)
          .sort(),
      );
    }
    // nobody else: not the viewer, the removed member, or the other region
    const strangers = [people.region.viewer, people.region.removed, people.other.admin].map(
      (p) => p.userId,
    );
    const toStrangers = await h.db
      .select()
      .from(inboxItems)
      .where(inArray(inboxItems.userId, strangers));
    expect(toStrangers.filter((i) => Object.values(objects).includes(i.objectId))).toEqual([]);
  });
});
