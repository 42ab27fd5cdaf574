// `npm run bench:digests [-- perRegion partners subscribers]`: the digests and the
// event stream at national scale, on the embedded database.
//
//   data     552 regions × 25 published potentials and 20,000 partner profiles (the
//            matching benchmark's data set), each region with a head and a TKKSD
//            secretariat taking the weekly digest, 5,000 more subscribers (daily), a
//            week of interests waiting for an answer with their events delivered to the
//            inbox, and a forum session of each province open for registration
//   digests  every digest due on a Monday morning, composed and queued in batches of
//            100 as the job does (`planDigests`, `sendDigestBatch`): total time, and the
//            statements per batch (counted by the database driver's logger)
//   events   10,000 events recorded, then delivered to the inbox and emailed
//            (`deliverEvents`, `emailInbox`): total time
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';

import { type Db, DRIZZLE_CASING } from '../db/client';
import * as schema from '../db/schema';
import {
  digestPreferences,
  interests,
  memberships,
  potentials,
  tenants,
  users,
} from '../db/schema';
import { planDigests, sendDigestBatch } from '../src/digests/run';
import { deliverAll, emailInbox, recordEvent } from '../src/events/events';
import { systemCtx } from '../src/platform/context';
import { newId } from '../src/platform/ids';
import { createLogger } from '../src/platform/logger';
import { buildMatchingDataset } from './dataset';
import { phase, progress } from './progress';

const PER_REGION = Number(process.argv[2] ?? 25);
const PARTNERS = Number(process.argv[3] ?? 20_000);
const SUBSCRIBERS = Number(process.argv[4] ?? 5_000);
const EVENTS = 10_000;
// a Monday, 08:00 WIB (09:00 WITA, 10:00 WIT): every weekly and daily digest is due
const NOW = new Date('2026-12-07T01:00:00Z');

async function main() {
  const t0 = performance.now();
  const { handle, regionTenants, pick, rand } = await buildMatchingDataset(PER_REGION, PARTNERS);
  let statements = 0;
  // the same client, with a logger that counts every statement (transactions included)
  const db = drizzle({
    client: handle.client,
    schema,
    casing: DRIZZLE_CASING,
    logger: { logQuery: () => void (statements += 1) },
  }) as unknown as Db;

  // the regions are claimed: their people take digests
  await handle.db.update(tenants).set({ status: 'active' }).where(eq(tenants.type, 'region'));
  phase('subscribers: a head and a secretariat per region, and more');
  const started = performance.now();
  const people: { userId: string; tenantId: string; role: 'head' | 'admin' | 'viewer' }[] = [];
  for (const t of regionTenants)
    for (const role of ['head', 'admin'] as const)
      people.push({ userId: newId('user'), tenantId: t.id, role });
  for (let i = 0; i < SUBSCRIBERS; i++)
    people.push({ userId: newId('user'), tenantId: pick(regionTenants).id, role: 'viewer' });
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = people.slice(i, i + 1000);
    await handle.db.insert(users).values(
      chunk.map((p, j) => ({
        id: p.userId,
        email: `pelanggan.${i + j}@contoh.go.id`,
        name: `Pejabat ${i + j}`,
        passwordHash: 'x',
        emailVerifiedAt: NOW,
      })),
    );
    await handle.db.insert(memberships).values(
      chunk.map((p) => ({
        id: newId('membership'),
        tenantId: p.tenantId,
        userId: p.userId,
        role: p.role,
      })),
    );
    await handle.db.insert(digestPreferences).values(
      chunk
        .filter((p) => p.role !== 'head')
        .map((p) => ({
          userId: p.userId,
          tenantId: p.tenantId,
          frequency: p.role === 'admin' ? ('weekly' as const) : ('daily' as const),
          sections: [],
          updatedAt: NOW,
        })),
    );
    progress('subscribers', Math.min(people.length, i + 1000), people.length, started);
  }

  phase('a week of interests waiting for an answer');
  const published = await handle.db
    .select({ id: potentials.id, tenantId: potentials.tenantId })
    .from(potentials)
    .limit(3000);
  const others = regionTenants;
  const rows = published.map((p, i) => ({
    id: newId('interest'),
    potentialId: p.id,
    ownerTenantId: p.tenantId,
    fromTenantId:
      others[(i * 7) % others.length]!.id === p.tenantId
        ? others[(i * 7 + 1) % others.length]!.id
        : others[(i * 7) % others.length]!.id,
    fromUserId: people[0]!.userId,
    message: 'Kami berminat.',
    createdAt: new Date(NOW.getTime() - Math.floor(rand() * 7) * 86400_000),
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await handle.db.insert(interests).values(rows.slice(i, i + 1000));

  phase('a forum session of each province, open for registration');
  const provinces = regionTenants.filter((t) => /^[0-9]{2}$/.test(t.code ?? ''));
  const DAY = 86400_000;
  const forumRows = provinces.map((t) => ({
    id: newId('forum'),
    tenantId: t.id,
    title: `Forum Kerja Sama Daerah Provinsi ${t.code}`,
    issues: ['penanggulangan_bencana'],
    affairs: ['trantibum_linmas'],
    scope: 'province' as const,
    invitedTenantIds: [],
    timeZone: 'Asia/Makassar',
    durationMinutes: 240,
    capacity: 40,
    registrationOpensDays: 30,
    registrationClosesDays: 2,
  }));
  await handle.db.insert(schema.forums).values(forumRows);
  await handle.db.insert(schema.forumSessions).values(
    forumRows.map((f) => ({
      id: newId('forumSession'),
      forumId: f.id,
      tenantId: f.tenantId,
      title: f.title,
      status: 'registration_open' as const,
      startsAt: new Date(NOW.getTime() + 10 * DAY),
      endsAt: new Date(NOW.getTime() + 10 * DAY + 4 * 3600_000),
      timeZone: f.timeZone,
      capacity: 40,
      autoApprove: true,
      registrationOpensAt: new Date(NOW.getTime() - 5 * DAY),
      registrationClosesAt: new Date(NOW.getTime() + 8 * DAY),
    })),
  );
  await handle.client.exec('analyze');

  const sent: number[] = [];
  const { ctx, flush } = systemCtx({
    db,
    logger: createLogger('silent'),
    config: { APP_ENV: 'test', LOG_LEVEL: 'silent', APP_ORIGIN: 'http://localhost:8787' },
    email: {
      name: 'counting',
      send: async () => (sent.push(1), { id: 'x' }),
      sendBatch: async (ms: unknown[]) => ({ ids: ms.map(() => (sent.push(1), 'x')) }),
    } as never,
    requestId: 'req_bench',
    now: () => NOW,
  });

  // the week's events: each waiting interest asked its owner's deciders, delivered to their inbox
  phase('a week of events delivered to the inbox');
  const seed = { ...ctx, defer: () => {} };
  for (let i = 0; i < rows.length; i += 500)
    await handle.db.transaction(async (tx) => {
      for (const r of rows.slice(i, i + 500))
        await recordEvent(tx, seed, {
          type: 'interest.received',
          tenantIds: [r.ownerTenantId],
          objectId: r.id,
          payload: { potentialTitle: 'Potensi', from: 'Mitra' },
        });
    });
  await deliverAll({ db: handle.db, now: () => NOW });
  await handle.client.exec('analyze');
  const setupS = (performance.now() - t0) / 1000;

  phase('digests: every digest due on a Monday morning');
  const d0 = performance.now();
  const batches = await planDigests(ctx);
  const recipients = batches.reduce((s, b) => s + b.length, 0);
  const perBatch: number[] = [];
  const totals = { sent: 0, empty: 0, skipped: 0 };
  for (const [i, batch] of batches.entries()) {
    const before = statements;
    const r = await sendDigestBatch(ctx, batch);
    perBatch.push(statements - before);
    totals.sent += r.sent;
    totals.empty += r.empty;
    totals.skipped += r.skipped;
    if ((i + 1) % 10 === 0 || i === batches.length - 1)
      progress('digest batches', i + 1, batches.length, d0);
  }
  await flush();
  const digestS = (performance.now() - d0) / 1000;

  phase(`events: ${EVENTS.toLocaleString('en')} recorded, delivered and emailed`);
  const e0 = performance.now();
  const quiet = { ...ctx, defer: () => {} };
  for (let i = 0; i < EVENTS; i += 500)
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(EVENTS, i + 500); j++) {
        const owner = regionTenants[j % regionTenants.length]!;
        await recordEvent(tx, quiet, {
          type: 'interest.received',
          tenantIds: [owner.id],
          objectId: newId('interest'),
          payload: { potentialTitle: `Potensi ${j}`, from: `Mitra ${j}` },
        });
      }
    });
  const recordedS = (performance.now() - e0) / 1000;
  const d1 = performance.now();
  const { delivered, items } = await deliverAll(ctx, 500, (n) =>
    progress('events delivered', n, EVENTS, d1),
  );
  const emailed = await emailInbox(ctx);
  const deliverS = (performance.now() - d1) / 1000;

  const sorted = [...perBatch].sort((a, b) => a - b);
  console.log(
    `\nset-up ${setupS.toFixed(0)} s: ${(552 * PER_REGION).toLocaleString('en')} potentials, ${PARTNERS.toLocaleString('en')} partners, ${people.length.toLocaleString('en')} subscribers, ${rows.length.toLocaleString('en')} waiting interests\n`,
  );
  console.log('| path | count | total | per batch (statements) | target |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| digests of a Monday (${batches.length} batches of ≤ 100) | ${recipients.toLocaleString('en')} recipients: ${totals.sent.toLocaleString('en')} sent, ${totals.empty.toLocaleString('en')} empty | ${digestS.toFixed(1)} s | median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)} | ≤ 60 s |`,
  );
  console.log(
    `| events: recorded | ${EVENTS.toLocaleString('en')} | ${recordedS.toFixed(1)} s | | |`,
  );
  console.log(
    `| events: delivered to the inbox, then emailed | ${delivered.toLocaleString('en')} events → ${items.toLocaleString('en')} items, ${emailed.emails.toLocaleString('en')} emails | ${deliverS.toFixed(1)} s | | ≤ 30 s |`,
  );
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
