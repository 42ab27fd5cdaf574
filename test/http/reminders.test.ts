import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements } from '../../db/schema';
import { deliverAll } from '../../src/events/events';
import { sendReminders } from '../../src/events/reminders';
import { systemCtx } from '../../src/platform/context';
import { wibDate } from '../../src/platform/date-rules';
import { createLogger } from '../../src/platform/logger';
import { addMember, bearer, post, signIn, twoRegions } from '../support/actors';
import { confirmAgreement } from '../support/agreements';
import { createHarness, type Harness, testConfig } from '../support/harness';

/**
 * Deadlines tell the people who must act as they near (issue 28): a mapping
 * round's deadline in 7 days and in 1, a PKS ending in 90 and 30 days and
 * ended without renewal. Each reminder once, to the deciders of the tenants
 * concerned and nobody else, the earlier item closed by the next.
 */
const DAY = 86400_000;
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
let offset = 0;
type Item = { type: string; objectId: string; closed: boolean; text: string; dueAt: string | null };

/** a person's inbox, signed in afresh (the clock moves past sessions' 30 days) */
const inbox = async (person: { email: string }) => {
  const token = await signIn(h, person.email);
  const res = await h.json<{ data: Item[] }>('/v1/me/inbox?status=all&limit=100', {
    headers: bearer(token),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
};
// days as the reminders count them, in WIB: a UTC date is a day behind from 17:00 UTC
const day = (n: number) => wibDate(new Date(Date.now() + offset + n * DAY));
const remind = async () => {
  const { ctx, flush } = systemCtx({
    db: h.db,
    logger: createLogger('silent'),
    config: testConfig,
    requestId: 'req_test',
    now: () => new Date(Date.now() + offset),
  });
  const r = await sendReminders({ ctx });
  await flush();
  await deliverAll(ctx);
  return r.reminders;
};
const later = (days: number) => {
  offset += days * DAY;
  h.advance(days * DAY);
};

beforeAll(async () => {
  h = await createHarness();
  fx = await twoRegions(h, ['73.71', '73.08']);
}, 60_000);
afterAll(() => h?.close());

describe('reminders', () => {
  it('tells the secretariat a round opened, then that its deadline is 7 days and 1 day away, once each', async () => {
    const viewer = await addMember(h, fx.adminA.token, fx.a, 'viewer');
    const res = await post(
      h,
      `/v1/tenants/${fx.a}/rounds`,
      { title: 'Pemetaan 2027', periodStart: day(-5), periodEnd: day(60), deadline: day(10) },
      fx.adminA.token,
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const opened = (await inbox(fx.adminA)).filter((i) => i.objectId === id);
    expect(opened.map((i) => i.type)).toEqual(['round.opened']);
    expect(opened[0]!.dueAt?.slice(0, 10)).toBe(day(10));
    expect(await remind()).toBe(0); // 10 days away: nothing yet

    later(4);
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0); // once
    let items = (await inbox(fx.adminA)).filter((i) => i.objectId === id);
    const near = items.find((i) => i.type === 'round.deadline_near')!;
    expect(near.text).toContain('tinggal 6 hari lagi');
    expect(items.find((i) => i.type === 'round.opened')!.closed).toBe(true);

    later(5);
    expect(await remind()).toBe(1);
    items = (await inbox(fx.adminA)).filter((i) => i.type === 'round.deadline_near');
    expect(items.filter((i) => !i.closed).map((i) => i.text)).toEqual([
      expect.stringContaining('tinggal satu hari lagi'),
    ]);
    // a viewer and the other region hear nothing of it
    expect((await inbox(viewer)).some((i) => i.objectId === id)).toBe(false);
    expect((await inbox(fx.adminB)).some((i) => i.objectId === id)).toBe(false);
  });

  it('asks both parties’ deciders to decide on a PKS ending in 90 and 30 days, and tells them when it ended', async () => {
    const head = await addMember(h, fx.adminB.token, fx.b, 'head');
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title: 'Pengelolaan sampah regional', parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminA.token,
    );
    const { id } = (await created.json()) as { id: string };
    await confirmAgreement(h, id, fx.b, fx.adminB.token);
    // the PKS's period as signed (its signing is walked in agreements.test.ts)
    await h.db
      .update(agreements)
      .set({ pksEnd: day(85) })
      .where(eq(agreements.id, id));
    expect(await remind()).toBe(1);
    for (const person of [fx.adminA, fx.adminB, head]) {
      const [item] = (await inbox(person)).filter((i) => i.type === 'agreement.pks_ending');
      expect(item?.text).toContain('berakhir dalam 85 hari');
    }
    later(60);
    expect(await remind()).toBeGreaterThanOrEqual(1);
    const ending = (await inbox(head)).filter(
      (i) => i.type === 'agreement.pks_ending' && !i.closed,
    );
    expect(ending.map((i) => i.text)).toEqual([expect.stringContaining('dalam 25 hari')]);
    later(26);
    expect(await remind()).toBeGreaterThanOrEqual(1);
    const mine = (await inbox(fx.adminA)).filter((i) => i.objectId === id);
    expect(mine.find((i) => i.type === 'agreement.pks_ended')?.text).toContain(
      'telah berakhir pada',
    );
    expect(mine.filter((i) => i.type === 'agreement.pks_ending').every((i) => i.closed)).toBe(true);
  });
});
