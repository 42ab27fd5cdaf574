import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents, emailOutbox, inboxItems, memberships } from '../../db/schema';
import { addressOf, digestSettings, type Planned, sendDigestBatch } from '../../src/digests/run';
import type { EmailClient } from '../../src/email/client';
import { dispatchOutbox } from '../../src/email/outbox';
import { deliverAll, deliverEvents, emailInbox, recordEvent } from '../../src/events/events';
import { systemCtx } from '../../src/platform/context';
import { createLogger } from '../../src/platform/logger';
import { addMember, bearer, del, post, twoRegions, verifiedPartner } from '../support/actors';
import { confirmAgreement } from '../support/agreements';
import { createHarness, type Harness, testConfig } from '../support/harness';
import { publishPotential } from '../support/potentials';

/**
 * The event stream and the inbox (issue 28): a change someone else must act on
 * is an event written with the change, delivered after commit to the people
 * who act — decided from the memberships at delivery — and closed by itself
 * when the state it asks about changes.
 */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
type Item = {
  id: string;
  tenantId: string;
  type: string;
  kind: string;
  objectId: string;
  operation: string | null;
  text: string;
  dueAt: string | null;
  closed: boolean;
  read: boolean;
};
type Inbox = { data: Item[]; counts: { tenantId: string; open: number; unread: number }[] };

const inbox = async (token: string, query = '') => {
  const res = await h.json<Inbox>(`/v1/me/inbox${query}`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  h = await createHarness();
  fx = await twoRegions(h);
}, 60_000);
afterAll(() => h?.close());

describe('the inbox', () => {
  it('asks the owner’s deciders to answer an interest, closes it for all when a colleague decides, and tells the interested side', async () => {
    const head = await addMember(h, fx.adminA.token, fx.a, 'head');
    const viewer = await addMember(h, fx.adminA.token, fx.a, 'viewer');
    const potentialId = await publishPotential(h, fx.a, fx.adminA, null, {
      title: 'Pengolahan sampah terpadu',
    });
    const partner = await verifiedPartner(h, fx.platform.token, 'PT Daur Ulang Palu', 'company');
    const expressed = await post(
      h,
      `/v1/tenants/${partner.id}/interests`,
      { potentialId, message: 'Kami berminat.' },
      partner.token,
    );
    expect(expressed.status, await expressed.clone().text()).toBe(201);
    const interestId = ((await expressed.json()) as { id: string }).id;

    for (const person of [fx.adminA, head]) {
      const mine = await inbox(person.token);
      const item = mine.data.find((i) => i.objectId === interestId)!;
      expect(item).toMatchObject({
        tenantId: fx.a,
        type: 'interest.received',
        kind: 'action',
        operation: 'decideInterest',
        closed: false,
        read: false,
      });
      expect(item.text).toBe(
        'PT Daur Ulang Palu menyatakan minat pada potensi “Pengolahan sampah terpadu”. Mohon diterima atau ditolak.',
      );
      expect(mine.counts.find((c) => c.tenantId === fx.a)?.open).toBeGreaterThanOrEqual(1);
    }
    // not the viewer, not the other region, not the interested partner
    for (const other of [viewer, fx.adminB, { token: partner.token }])
      expect((await inbox(other.token)).data.some((i) => i.objectId === interestId)).toBe(false);

    // marked read by one person only; another person's item answers 404
    const adminItem = (await inbox(fx.adminA.token)).data.find((i) => i.objectId === interestId)!;
    expect((await post(h, `/v1/me/inbox/${adminItem.id}/read`, {}, head.token)).status).toBe(404);
    const read = await post(h, `/v1/me/inbox/${adminItem.id}/read`, {}, fx.adminA.token);
    expect(read.status, await read.clone().text()).toBe(200);
    expect(((await read.json()) as Item).read).toBe(true);

    // the head decides: the secretariat's item closes by itself, the partner is told
    const decided = await post(
      h,
      `/v1/tenants/${fx.a}/interests/${interestId}/decision`,
      { decision: 'accept' },
      head.token,
    );
    expect(decided.status, await decided.clone().text()).toBe(200);
    expect((await inbox(fx.adminA.token)).data.some((i) => i.objectId === interestId)).toBe(false);
    const all = await inbox(fx.adminA.token, '?status=all');
    expect(all.data.find((i) => i.objectId === interestId)?.closed).toBe(true);
    const told = (await inbox(partner.token)).data.find((i) => i.objectId === interestId)!;
    expect(told).toMatchObject({ type: 'interest.decided', kind: 'info', operation: null });
    expect(told.text).toBe(
      'Kota Palu menerima minat Anda pada potensi “Pengolahan sampah terpadu”.',
    );
  });

  it('asks an invited party to answer, and a removed member is no longer told', async () => {
    const second = await addMember(h, fx.adminB.token, fx.b, 'admin');
    const members = await h.json<{ data: { id: string; user: { email: string } }[] }>(
      `/v1/tenants/${fx.b}/members`,
      { headers: bearer(fx.adminB.token) },
    );
    const gone = members.body.data.find((m) => m.user.email === second.email)!;
    expect((await del(h, `/v1/tenants/${fx.b}/members/${gone.id}`, fx.adminB.token)).status).toBe(
      204,
    );
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title: 'Angkutan perdesaan lintas batas', parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminA.token,
    );
    const { id } = (await created.json()) as { id: string };
    const item = (await inbox(fx.adminB.token)).data.find((i) => i.objectId === id)!;
    expect(item).toMatchObject({ type: 'agreement.party_named', operation: 'answerAgreement' });
    expect(item.text).toContain('Kota Palu menyebut daerah atau organisasi Anda sebagai pihak');
    expect((await inbox(second.token)).data).toEqual([]);
    // the proposer is not asked its own question
    expect((await inbox(fx.adminA.token)).data.some((i) => i.objectId === id)).toBe(false);
    await confirmAgreement(h, id, fx.b, fx.adminB.token);
    expect((await inbox(fx.adminB.token)).data.some((i) => i.objectId === id)).toBe(false);
    const answered = (await inbox(fx.adminA.token)).data.find((i) => i.objectId === id)!;
    expect(answered.type).toBe('agreement.answered');
  });

  it('sends a returned potential to its agency’s liaison with the reason, and closes it when submitted again', async () => {
    const agency = (await (
      await post(
        h,
        `/v1/tenants/${fx.a}/agencies`,
        { name: 'Dinas Lingkungan Hidup' },
        fx.adminA.token,
      )
    ).json()) as { id: string };
    const other = (await (
      await post(h, `/v1/tenants/${fx.a}/agencies`, { name: 'Dinas Perhubungan' }, fx.adminA.token)
    ).json()) as { id: string };
    const liaison = await addMember(h, fx.adminA.token, fx.a, 'liaison', agency.id);
    const elsewhere = await addMember(h, fx.adminA.token, fx.a, 'liaison', other.id);
    const { potentialBody } = await import('../support/potential-body');
    const draft = (await (
      await post(
        h,
        `/v1/tenants/${fx.a}/potentials`,
        potentialBody({ title: 'Bank sampah kelurahan', agencyId: agency.id }),
        liaison.token,
      )
    ).json()) as { id: string };
    const step = (body: Record<string, unknown>, token: string) =>
      post(h, `/v1/tenants/${fx.a}/potentials/${draft.id}/transitions`, body, token);
    expect((await step({ action: 'submit' }, liaison.token)).status).toBe(200);
    expect(
      (await step({ action: 'return', reason: 'Lengkapi indikator hasil.' }, fx.adminA.token))
        .status,
    ).toBe(200);
    const item = (await inbox(liaison.token)).data.find((i) => i.objectId === draft.id)!;
    expect(item).toMatchObject({ type: 'potential.returned', operation: 'updatePotential' });
    expect(item.text).toBe(
      'Potensi “Bank sampah kelurahan” dikembalikan untuk diperbaiki: Lengkapi indikator hasil.',
    );
    expect((await inbox(elsewhere.token)).data.some((i) => i.objectId === draft.id)).toBe(false);
    expect((await step({ action: 'submit' }, liaison.token)).status).toBe(200);
    expect((await inbox(liaison.token)).data.some((i) => i.objectId === draft.id)).toBe(false);
  });
});

describe('emails of what awaits', () => {
  it('emails each decider once, addressed by office, and collapses a burst into one later email', async () => {
    const MINUTE = 60_000;
    h.advance(10 * MINUTE); // past any earlier email's window
    const head = await addMember(h, fx.adminB.token, fx.b, 'head');
    const potentialId = await publishPotential(h, fx.b, fx.adminB, null, {
      title: 'Pasar tani bersama',
    });
    const express = async (name: string) => {
      const partner = await verifiedPartner(h, fx.platform.token, name, 'company');
      const res = await post(
        h,
        `/v1/tenants/${partner.id}/interests`,
        { potentialId, message: 'Kami berminat.' },
        partner.token,
      );
      expect(res.status, await res.clone().text()).toBe(201);
    };
    const since = h.sent.length;
    const inboxMails = (to: string) =>
      h.sent
        .slice(since)
        .filter((m) => m.to === to.toLowerCase() && m.subject.includes('menunggu tindakan'));
    await express('PT Pangan Sigi');
    const [toAdmin] = inboxMails(fx.adminB.email);
    expect(toAdmin?.text).toContain('Yth. Sekretariat TKKSD Kabupaten Sigi,');
    expect(toAdmin?.text).toContain(
      'PT Pangan Sigi menyatakan minat pada potensi “Pasar tani bersama”',
    );
    expect(inboxMails(head.email)[0]?.text).toContain('Yth. Bupati Sigi,');
    // a second interest right after: no second email within the window
    await express('CV Tani Makmur');
    expect(inboxMails(fx.adminB.email)).toHaveLength(1);
    // after the window, one email with what came since, and never again
    h.advance(6 * MINUTE);
    const { ctx, flush } = systemCtx({
      db: h.db,
      logger: createLogger('silent'),
      config: testConfig,
      email: h.emailClient,
      requestId: 'req_test',
      now: () => new Date(Date.now() + 16 * MINUTE),
    });
    expect((await emailInbox(ctx)).emails).toBe(1); // the secretariat; the head hears once a day
    await flush();
    const later = inboxMails(fx.adminB.email);
    expect(later).toHaveLength(2);
    expect(later[1]!.text).toContain('CV Tani Makmur');
    expect(later[1]!.text).not.toContain('PT Pangan Sigi');
    expect((await emailInbox(ctx)).emails).toBe(0);
    expect(inboxMails(head.email)).toHaveLength(1);
    // a day after the head's first email, its daily one with what came since
    const nextDay = systemCtx({
      db: h.db,
      logger: createLogger('silent'),
      config: testConfig,
      email: h.emailClient,
      requestId: 'req_test',
      now: () => new Date(Date.now() + 25 * 60 * MINUTE),
    });
    expect((await emailInbox(nextDay.ctx)).emails).toBe(1);
    await nextDay.flush();
    expect(inboxMails(head.email)).toHaveLength(2);
    expect(inboxMails(head.email)[1]!.text).toContain('CV Tani Makmur');
  });

  it('sends each event type by the channel the person chose, and refuses an unknown type or channel naming it', async () => {
    const settings = (token: string, body: unknown) =>
      h.json<{ events: { type: string; channel: string; isDefault: boolean }[] }>(
        `/v1/me/notifications/${fx.b}`,
        {
          method: 'PUT',
          headers: { ...bearer(token), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      );
    const badChannel = await settings(fx.adminB.token, {
      events: { 'interest.received': 'weekly' },
    });
    expect(badChannel.status).toBe(400);
    expect(JSON.stringify(badChannel.body)).toContain('body.events.interest.received');
    const badType = await settings(fx.adminB.token, { events: { 'interest.eaten': 'off' } });
    expect(badType.status).toBe(400);
    expect(JSON.stringify(badType.body)).toContain('interest.eaten');
    // the secretariat turns interest emails off (inbox only) and hears of answered agreements at once
    const chosen = await settings(fx.adminB.token, {
      events: { 'interest.received': 'off', 'agreement.answered': 'immediately' },
    });
    expect(chosen.status).toBe(200);
    const byType = Object.fromEntries(chosen.body.events.map((e) => [e.type, e]));
    expect(byType['interest.received']).toMatchObject({ channel: 'off', isDefault: false });
    expect(byType['agreement.answered']).toMatchObject({
      channel: 'immediately',
      isDefault: false,
    });
    expect(byType['proposal.received']).toMatchObject({ channel: 'immediately', isDefault: true });
    expect(byType['interest.decided']).toMatchObject({ channel: 'immediately', isDefault: true });
    expect(byType['potential.resubmitted']).toMatchObject({ channel: 'digest', isDefault: true });

    h.advance(30 * 60_000);
    const potentialId = await publishPotential(h, fx.b, fx.adminB, null, {
      title: 'Wisata danau bersama',
    });
    const partner = await verifiedPartner(h, fx.platform.token, 'PT Wisata Lore', 'company');
    const since = h.sent.length;
    const res = await post(
      h,
      `/v1/tenants/${partner.id}/interests`,
      { potentialId, message: 'Kami berminat.' },
      partner.token,
    );
    expect(res.status).toBe(201);
    const mine = await inbox(fx.adminB.token, `?tenantId=${fx.b}`);
    expect(mine.data.some((i) => i.type === 'interest.received' && !i.closed)).toBe(true);
    expect(h.sent.slice(since).filter((m) => m.to === fx.adminB.email.toLowerCase())).toEqual([]);
  });
});

describe('delivery', () => {
  const ctxOf = () =>
    systemCtx({
      db: h.db,
      logger: createLogger('silent'),
      config: testConfig,
      requestId: 'req_test',
    }).ctx;

  it('writes nothing when the change rolls back', async () => {
    const ctx = ctxOf();
    const objectId = 'int_rolledbackrolledbackrolle';
    await expect(
      h.db.transaction(async (tx) => {
        await recordEvent(tx, ctx, {
          type: 'interest.received',
          tenantIds: [fx.a],
          objectId,
          payload: { potentialTitle: 'X', from: 'Y' },
        });
        throw new Error('the change failed halfway');
      }),
    ).rejects.toThrow('the change failed halfway');
    expect(
      await h.db.select().from(domainEvents).where(eq(domainEvents.objectId, objectId)),
    ).toEqual([]);
  });

  it('delivers each event once when two workers run at once', async () => {
    const ctx = ctxOf();
    const objectId = 'int_twoworkerstwoworkerstwowo';
    // recorded without the request's own delivery running, as after a crash
    await h.db.transaction((tx) =>
      recordEvent(
        tx,
        { ...ctx, defer: () => {} },
        {
          type: 'interest.received',
          tenantIds: [fx.a],
          objectId,
          payload: { potentialTitle: 'Dua pekerja', from: 'Kabupaten Sigi' },
        },
      ),
    );
    const [a, b] = await Promise.all([deliverEvents(ctx), deliverEvents(ctx)]);
    expect(a.delivered + b.delivered).toBe(1);
    const items = await h.db.select().from(inboxItems).where(eq(inboxItems.objectId, objectId));
    const people = items.map((i) => i.userId);
    expect(new Set(people).size).toBe(people.length);
    expect(people.length).toBeGreaterThanOrEqual(1);
    expect((await deliverEvents(ctx)).delivered).toBe(0);
    // and two email runs at once write each person one email for it
    const mailer = systemCtx({
      db: h.db,
      logger: createLogger('silent'),
      config: testConfig,
      email: h.emailClient,
      requestId: 'req_test',
      now: () => new Date(Date.now() + 2 * 86400_000),
    });
    await h.db
      .update(inboxItems)
      .set({ createdAt: new Date(Date.now() + 2 * 86400_000 - 60_000) })
      .where(eq(inboxItems.objectId, objectId));
    const [x, y] = await Promise.all([emailInbox(mailer.ctx), emailInbox(mailer.ctx)]);
    await mailer.flush();
    expect(x.items + y.items).toBe(items.length);
    const mails = h.sent.filter((m) => m.text.includes('Dua pekerja'));
    expect(mails.map((m) => m.to).sort()).toEqual([...new Set(mails.map((m) => m.to))].sort());
    expect(mails).toHaveLength(items.length);
  });

  it('keeps the item when the email provider fails, retries the email with backoff, and never sends a digest twice', async () => {
    const MINUTE = 60_000;
    const at = (offsetMs: number, email: EmailClient | null) =>
      systemCtx({
        db: h.db,
        logger: createLogger('silent'),
        config: testConfig,
        email,
        requestId: 'req_test',
        now: () => new Date(Date.now() + 3 * 86400_000 + offsetMs),
      });
    const down: EmailClient = {
      name: 'down',
      send: async () => {
        throw new Error('provider unavailable');
      },
    };
    const objectId = 'int_providerdownproviderdownp';
    const failing = at(0, down);
    await h.db.transaction((tx) =>
      recordEvent(
        tx,
        { ...failing.ctx, defer: () => {} },
        {
          type: 'interest.received',
          tenantIds: [fx.a],
          objectId,
          payload: { potentialTitle: 'Penyedia surel mati', from: 'PT Uji' },
        },
      ),
    );
    await deliverAll(failing.ctx);
    expect((await emailInbox(failing.ctx)).emails).toBeGreaterThan(0);
    await failing.flush(); // the outbox tries and fails
    const [row] = await h.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.status, 'failed'))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    expect(row?.lastError).toBe('provider unavailable');
    expect(row!.nextAttemptAt!.getTime() - row!.createdAt.getTime()).toBeGreaterThanOrEqual(
      MINUTE - 1000,
    );
    // the item waits in the inbox whatever became of its email
    const items = await h.db.select().from(inboxItems).where(eq(inboxItems.objectId, objectId));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.closedAt === null)).toBe(true);
    // back up at once: not before the backoff ends; after it, sent once
    const before = h.sent.length;
    expect((await dispatchOutbox(at(10_000, h.emailClient).ctx)).sent).toBe(0);
    expect((await dispatchOutbox(at(2 * MINUTE, h.emailClient).ctx)).sent).toBeGreaterThan(0);
    expect((await dispatchOutbox(at(3 * MINUTE, h.emailClient).ctx)).sent).toBe(0);
    expect(h.sent.slice(before).filter((m) => m.text.includes('Penyedia surel mati'))).toHaveLength(
      items.length,
    );

    // a digest whose send failed is retried as it was, not composed again
    const { ctx } = at(10 * MINUTE, down);
    const [me] = await digestSettings(
      ctx,
      and(eq(memberships.userId, fx.adminA.userId), eq(memberships.tenantId, fx.a)),
    );
    const planned: Planned = {
      userId: fx.adminA.userId,
      tenantId: fx.a,
      sections: [],
      unsubscribeVersion: 0,
      periodKey: 'week-test',
      zone: 'WITA',
      language: 'id',
      email: me!.email,
      name: me!.name,
      ...addressOf(me!, 'id'),
    };
    expect((await sendDigestBatch(ctx, [planned])).sent).toBe(1);
    expect((await sendDigestBatch(at(20 * MINUTE, h.emailClient).ctx, [planned])).skipped).toBe(1);
    const sentBefore = h.sent.length;
    await dispatchOutbox(at(30 * MINUTE, h.emailClient).ctx);
    await dispatchOutbox(at(60 * MINUTE, h.emailClient).ctx);
    const digestsSent = h.sent
      .slice(sentBefore)
      .filter((m) => m.to === me!.email && m.subject.startsWith('Ringkasan Sinergi'));
    expect(digestsSent).toHaveLength(1);
  });
});
