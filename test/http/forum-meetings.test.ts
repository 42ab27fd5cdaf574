import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forumUpkeep, runJobs } from '../../src/jobs';
import { systemCtx } from '../../src/platform/context';
import { createLogger } from '../../src/platform/logger';
import {
  addMember,
  bearer,
  newUser,
  patch,
  platformAdmin,
  post,
  put,
  regionTenantId,
  signIn,
} from '../support/actors';
import { createHarness, type Harness, type ProblemBody, testConfig } from '../support/harness';

/**
 * Bilateral meetings at a Bali province forum: suggestions → requests →
 * accept / decline / expire → schedule → a locked meeting stays when the
 * scheduler runs again → publish → agendas by email and in the calendar feed
 * → held / no-show → outcomes. Through HTTP, on a real (embedded) PostgreSQL.
 */
let h: Harness;
const DAY = 86400_000;
let advanced = 0;
const dateIn = (days: number) =>
  new Date(Date.now() + advanced + days * DAY).toISOString().slice(0, 10);

type Person = Awaited<ReturnType<typeof addMember>>;
type Meeting = {
  id: string;
  status: string;
  mutual: boolean;
  counterpart: { tenantId: string };
  slot: { startLocal: string; table: number } | null;
};
type Schedule = {
  status: string;
  slots: string[];
  meetings: {
    id: string;
    a: { tenantId: string };
    b: { tenantId: string };
    slotLocal: string | null;
    table: number | null;
    locked: boolean;
  }[];
  lastRun: { placed: number; unplaced: unknown[] } | null;
};

let platform: Awaited<ReturnType<typeof platformAdmin>>;
let bali: string;
let baliAdmin: Person;
const regions: Record<'buleleng' | 'badung' | 'gianyar', { id: string; admin: Person }> =
  {} as never;
const partners: Record<'company' | 'campus', { id: string; token: string; email: string }> =
  {} as never;
let surabaya: string;
let forumId: string;
let sessionId: string;
let day: string;
const reg: Record<string, string> = {};

const base = () => `/v1/tenants/${bali}/forums/${forumId}/sessions/${sessionId}`;
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const ask = (from: string, token: string, withTenantId: string) =>
  post(
    h,
    `/v1/tenants/${from}/forum-meetings`,
    { sessionId, withTenantId, message: 'Mari bertemu.' },
    token,
  );
const mine = async (tenant: string, token: string) =>
  (
    await h.json<{ data: Meeting[] }>(
      `/v1/tenants/${tenant}/forum-meetings?sessionId=${sessionId}`,
      auth(token),
    )
  ).body.data;

async function partner(name: string, kind: string) {
  const founder = await newUser(h, kind);
  const t = (await (await post(h, '/v1/partners', { name, kind }, founder.token)).json()) as {
    id: string;
  };
  await put(
    h,
    `/v1/tenants/${t.id}/profile`,
    { issues: ['pariwisata'], affairs: ['pariwisata'], regionsOfInterest: ['51'] },
    founder.token,
  );
  await post(h, `/v1/admin/tenants/${t.id}/verify`, {}, platform.token);
  return { id: t.id, token: founder.token, email: founder.email };
}

beforeAll(async () => {
  h = await createHarness();
  platform = await platformAdmin(h);
  bali = await regionTenantId(h, '51');
  baliAdmin = await addMember(h, platform.token, bali, 'admin');
  for (const [key, code] of [
    ['buleleng', '51.08'],
    ['badung', '51.03'],
    ['gianyar', '51.04'],
  ] as const) {
    const id = await regionTenantId(h, code);
    regions[key] = { id, admin: await addMember(h, platform.token, id, 'admin') };
  }
  surabaya = await regionTenantId(h, '35.78');
  partners.company = await partner('PT Wisata Tangguh Nusantara', 'company');
  partners.campus = await partner('Universitas Udayana', 'university');

  day = dateIn(20);
  const created = await post(
    h,
    `/v1/tenants/${bali}/forums`,
    {
      title: 'Forum Bisnis Pariwisata Bali',
      issues: ['pariwisata'],
      scope: 'province',
      invitedTenantIds: [partners.company.id, partners.campus.id],
      firstStart: `${day}T08:00`,
      durationMinutes: 300,
      capacity: 10,
      autoApprove: true,
      registrationOpensDays: 30,
      registrationClosesDays: 1,
    },
    baliAdmin.token,
  );
  expect(created.status, await created.clone().text()).toBe(201);
  const forum = (await created.json()) as { id: string; sessions: { id: string }[] };
  forumId = forum.id;
  sessionId = forum.sessions[0]!.id;
  // two tables, five half-hour slots around a break
  const plan = await patch(
    h,
    base(),
    {
      dayPlan: {
        days: [
          { date: day, start: '09:00', end: '12:00', breaks: [{ start: '10:30', end: '11:00' }] },
        ],
        slotMinutes: 30,
        tables: 2,
      },
      meetingRules: { maxRequests: 1, maxMeetings: 3, requestExpiryHours: 24 },
    },
    baliAdmin.token,
  );
  expect(plan.status, await plan.clone().text()).toBe(200);
  expect((await post(h, `${base()}/status`, { status: 'published' }, baliAdmin.token)).status).toBe(
    200,
  );
  const delegations = [
    ...Object.values(regions).map((r) => ({ id: r.id, token: r.admin.token })),
    ...Object.values(partners),
  ];
  for (const d of delegations) {
    const res = await post(
      h,
      `/v1/tenants/${d.id}/forum-registrations`,
      { sessionId, delegates: [{ name: 'Kepala Bagian Kerja Sama', title: 'Kepala Bagian' }] },
      d.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    reg[d.id] = ((await res.json()) as { id: string }).id;
  }
}, 120_000);
afterAll(() => h?.close());

describe('bilateral meetings at a forum session', () => {
  it('refuses a day plan the scheduler cannot take, naming the day', async () => {
    const res = await patch(
      h,
      base(),
      {
        dayPlan: {
          days: [{ date: day, start: '06:00', end: '22:00', breaks: [] }],
          slotMinutes: 10,
          tables: 2,
        },
      },
      baliAdmin.token,
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors?.[0]?.location).toBe('body.dayPlan.days.0');
  });

  it('suggests whom to meet, with the reason, best first', async () => {
    const b = regions.buleleng;
    const res = await h.json<{
      data: { tenantId: string; score: number; reasons: { text: string }[] }[];
    }>(
      `/v1/tenants/${b.id}/forum-registrations/${reg[b.id]}/meeting-suggestions`,
      auth(b.admin.token),
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((d) => d.tenantId).sort()).toEqual(
      [regions.badung.id, regions.gianyar.id, partners.company.id, partners.campus.id].sort(),
    );
    const scores = res.body.data.map((d) => d.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('takes requests, merges two that cross, and refuses a stranger, a second request over quota and a forbidden pairing', async () => {
    const b = regions.buleleng;
    expect((await ask(b.id, b.admin.token, surabaya)).status).toBe(404);
    const first = await ask(b.id, b.admin.token, partners.company.id);
    expect(first.status, await first.clone().text()).toBe(201);
    const over = await ask(b.id, b.admin.token, partners.campus.id);
    expect(over.status).toBe(409);
    expect(((await over.json()) as ProblemBody).detail).toContain(
      'permintaan pertemuan bilateral per delegasi',
    );

    // Badung asks Buleleng, then Buleleng asks Badung: one meeting, accepted, mutual
    const badung = regions.badung;
    expect((await ask(badung.id, badung.admin.token, b.id)).status).toBe(201);
    const crossed = await ask(b.id, b.admin.token, badung.id);
    expect(crossed.status).toBe(200); // no new resource: the other side's request became the meeting
    expect(await crossed.json()).toMatchObject({ status: 'accepted', mutual: true });

    // partners with regions only: Gianyar cannot ask Badung
    await patch(h, base(), { meetingRules: { pairing: 'partners_with_regions' } }, baliAdmin.token);
    const forbidden = await ask(regions.gianyar.id, regions.gianyar.admin.token, badung.id);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as ProblemBody).detail).toContain(
      'mitra dan pemerintah daerah',
    );
    await patch(h, base(), { meetingRules: { pairing: 'any' } }, baliAdmin.token);
  });

  it('is accepted or declined by the side asked, and expires unanswered', async () => {
    const company = partners.company;
    const [request] = await mine(company.id, company.token);
    const accepted = await post(
      h,
      `/v1/tenants/${company.id}/forum-meetings/${request!.id}/answer`,
      { decision: 'accept' },
      company.token,
    );
    expect(await accepted.json()).toMatchObject({ status: 'accepted' });

    const g = regions.gianyar;
    const asked = (await (await ask(g.id, g.admin.token, regions.buleleng.id)).json()) as Meeting;
    // the side asked finds it in its inbox, due when the request expires (issue 28)
    type Item = { type: string; objectId: string; dueAt: string | null; text: string };
    const inboxOf = async (token: string, status = 'open') =>
      (
        await h.json<{ data: Item[] }>(`/v1/me/inbox?status=${status}`, {
          headers: bearer(token),
        })
      ).body.data;
    const item = (await inboxOf(regions.buleleng.admin.token)).find((i) => i.objectId === asked.id);
    expect(item).toMatchObject({ type: 'meeting.requested' });
    expect(item!.text).toContain('Kabupaten Gianyar meminta pertemuan bilateral pada sesi forum');
    expect(Date.parse(item!.dueAt!) - Date.now() - advanced).toBeGreaterThan(23 * 3600_000);
    const noReason = await post(
      h,
      `/v1/tenants/${regions.buleleng.id}/forum-meetings/${asked.id}/answer`,
      { decision: 'decline' },
      regions.buleleng.admin.token,
    );
    expect(((await noReason.json()) as ProblemBody).errors?.[0]?.location).toBe('body.reason');
    const declined = await post(
      h,
      `/v1/tenants/${regions.buleleng.id}/forum-meetings/${asked.id}/answer`,
      { decision: 'decline', reason: 'Jadwal delegasi sudah penuh.' },
      regions.buleleng.admin.token,
    );
    expect(await declined.json()).toMatchObject({ status: 'declined' });
    expect((await inboxOf(regions.buleleng.admin.token)).some((i) => i.objectId === asked.id)).toBe(
      false,
    );
    expect((await inboxOf(g.admin.token)).find((i) => i.objectId === asked.id)?.type).toBe(
      'meeting.answered',
    );

    const campus = partners.campus;
    const late = (await (await ask(campus.id, campus.token, regions.gianyar.id)).json()) as Meeting;
    h.advance(25 * 3600_000);
    advanced += 25 * 3600_000;
    const tooLate = await post(
      h,
      `/v1/tenants/${g.id}/forum-meetings/${late.id}/answer`,
      { decision: 'accept' },
      g.admin.token,
    );
    expect(tooLate.status).toBe(409);
    expect((await mine(campus.id, campus.token))[0]).toMatchObject({ status: 'expired' });
  });

  it('cancels a withdrawn delegation’s requests: the side asked stops being asked and is told why', async () => {
    const tabanan = await regionTenantId(h, '51.02');
    const admin = await addMember(h, platform.token, tabanan, 'admin');
    const registered = await post(
      h,
      `/v1/tenants/${tabanan}/forum-registrations`,
      { sessionId, delegates: [{ name: 'Kepala Bagian Kerja Sama', title: 'Kepala Bagian' }] },
      admin.token,
    );
    expect(registered.status, await registered.clone().text()).toBe(201);
    const { id: registrationId } = (await registered.json()) as { id: string };
    const badung = regions.badung;
    const asked = (await (await ask(tabanan, admin.token, badung.id)).json()) as Meeting;
    type Item = { type: string; objectId: string; closed: boolean; text: string };
    const itemsOf = async (token: string) =>
      (
        await h.json<{ data: Item[] }>('/v1/me/inbox?status=all', { headers: bearer(token) })
      ).body.data.filter((i) => i.objectId === asked.id);
    expect(await itemsOf(badung.admin.token)).toMatchObject([
      { type: 'meeting.requested', closed: false },
    ]);
    const withdrawn = await post(
      h,
      `/v1/tenants/${tabanan}/forum-registrations/${registrationId}/cancel`,
      {},
      admin.token,
    );
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);
    const items = await itemsOf(badung.admin.token);
    expect(items.find((i) => i.type === 'meeting.requested')?.closed).toBe(true);
    expect(items.find((i) => i.type === 'meeting.cancelled')?.text).toContain(
      'Kabupaten Tabanan mengundurkan diri dari sesi forum',
    );
    expect(
      (await mine(badung.id, badung.admin.token)).find((m) => m.id === asked.id),
    ).toMatchObject({ status: 'cancelled' });
  });

  it('lists the session’s slots in the venue’s time and in UTC, for anyone to choose from', async () => {
    const slots = await h.json<{
      timeZone: string;
      zoneLabel: string;
      slots: { local: string; start: string; end: string }[];
    }>(`/v1/forums/${forumId}/sessions/${sessionId}/slots`);
    expect(slots.status).toBe(200);
    expect(slots.body).toMatchObject({ timeZone: 'Asia/Makassar', zoneLabel: 'WITA' });
    // the break (10:30–11:00) is left out; WITA is UTC+8
    expect(slots.body.slots.map((s) => s.local)).toEqual(
      ['09:00', '09:30', '10:00', '11:00', '11:30'].map((t) => `${day}T${t}`),
    );
    expect(slots.body.slots[0]).toMatchObject({
      start: `${day}T01:00:00.000Z`,
      end: `${day}T01:30:00.000Z`,
    });
  });

  it('schedules the accepted meetings around what each delegation cannot attend', async () => {
    const b = regions.buleleng;
    const availability = await put(
      h,
      `/v1/tenants/${b.id}/forum-registrations/${reg[b.id]}/availability`,
      { unavailable: [`${day}T09:00`] },
      b.admin.token,
    );
    expect(availability.status, await availability.clone().text()).toBe(200);
    const notASlot = await put(
      h,
      `/v1/tenants/${b.id}/forum-registrations/${reg[b.id]}/availability`,
      { unavailable: [`${day}T10:45`] },
      b.admin.token,
    );
    expect(((await notASlot.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.unavailable.0',
    );

    const run = await post(h, `${base()}/schedule`, {}, baliAdmin.token);
    expect(run.status, await run.clone().text()).toBe(200);
    const schedule = (await run.json()) as Schedule;
    expect(schedule.slots).toEqual(
      ['09:00', '09:30', '10:00', '11:00', '11:30'].map((t) => `${day}T${t}`),
    );
    expect(schedule.lastRun).toMatchObject({ placed: 2, unplaced: [] });
    for (const m of schedule.meetings) {
      expect(m.slotLocal).not.toBe(`${day}T09:00`); // Buleleng is in both
      expect(m.table).toBeGreaterThanOrEqual(1);
    }
    // Buleleng's two meetings are back to back: no break
    const slots = schedule.meetings.map((m) => schedule.slots.indexOf(m.slotLocal!)).sort();
    expect(Math.abs(slots[1]! - slots[0]!)).toBe(1);
  });

  it('keeps a locked meeting when the scheduler runs again, and refuses a move into a clash', async () => {
    const before = await h.json<Schedule>(`${base()}/schedule`, auth(baliAdmin.token));
    const withCompany = before.body.meetings.find(
      (m) => m.a.tenantId === partners.company.id || m.b.tenantId === partners.company.id,
    )!;
    const withBadung = before.body.meetings.find((m) => m.id !== withCompany.id)!;
    const lock = await patch(
      h,
      `${base()}/meetings/${withCompany.id}`,
      { locked: true },
      baliAdmin.token,
    );
    expect(lock.status).toBe(200);

    const busy = await patch(
      h,
      `${base()}/meetings/${withBadung.id}`,
      { slot: withCompany.slotLocal },
      baliAdmin.token,
    );
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as ProblemBody).detail).toContain('sudah ada pertemuan');
    const unavailable = await patch(
      h,
      `${base()}/meetings/${withBadung.id}`,
      { slot: `${day}T09:00` },
      baliAdmin.token,
    );
    expect(unavailable.status).toBe(409);
    expect(((await unavailable.json()) as ProblemBody).detail).toContain('tidak dapat hadir');

    const again = (await (
      await post(h, `${base()}/schedule`, {}, baliAdmin.token)
    ).json()) as Schedule;
    expect(again.meetings.find((m) => m.id === withCompany.id)).toMatchObject({
      slotLocal: withCompany.slotLocal,
      table: withCompany.table,
      locked: true,
    });
  });

  it('publishes: agendas by email, slots in each delegation’s list and calendar', async () => {
    const sent = h.sent.length;
    const res = await post(h, `${base()}/schedule/publish`, {}, baliAdmin.token);
    expect(res.status, await res.clone().text()).toBe(200);
    const { publication: published, status } = (await res.json()) as {
      status: string;
      publication: { changed: number; notifiedTenants: string[] };
    };
    expect(status).toBe('published');
    expect(published.changed).toBe(2);
    expect(published.notifiedTenants.sort()).toEqual(
      [regions.buleleng.id, regions.badung.id, partners.company.id].sort(),
    );
    const agendas = h.sent
      .slice(sent)
      .filter((m) => m.subject.startsWith('Jadwal pertemuan bilateral'));
    expect(agendas.map((m) => m.to).sort()).toEqual(
      [regions.buleleng.admin.email, regions.badung.admin.email, partners.company.email].sort(),
    );
    expect(agendas.find((m) => m.to === regions.buleleng.admin.email)!.text).toMatch(
      /WITA, meja \d/,
    );

    const list = await mine(regions.buleleng.id, regions.buleleng.admin.token);
    expect(list.filter((m) => m.slot).length).toBe(2);

    const feed = (await (
      await post(
        h,
        `/v1/tenants/${regions.buleleng.id}/calendar-feed`,
        {},
        regions.buleleng.admin.token,
      )
    ).json()) as { url: string };
    const ics = await (
      await h.request(new URL(feed.url).pathname + new URL(feed.url).search)
    ).text();
    const events = Object.values(ical.sync.parseICS(ics)).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    const meetings = events.filter((e) => String(e.uid).startsWith('mtg_'));
    expect(meetings).toHaveLength(2);
    expect(meetings[0]!.start.tz).toBe('Asia/Makassar');
    expect(String(meetings[0]!.summary)).toContain('meja');

    // a change after publishing tells only those it touches
    const schedule = await h.json<Schedule>(`${base()}/schedule`, auth(baliAdmin.token));
    const withBadung = schedule.body.meetings.find(
      (m) => m.a.tenantId === regions.badung.id || m.b.tenantId === regions.badung.id,
    )!;
    const free = schedule.body.slots.find(
      (s) => s !== `${day}T09:00` && !schedule.body.meetings.some((m) => m.slotLocal === s),
    )!;
    expect(
      (await patch(h, `${base()}/meetings/${withBadung.id}`, { slot: free }, baliAdmin.token))
        .status,
    ).toBe(200);
    const again = (await (
      await post(h, `${base()}/schedule/publish`, {}, baliAdmin.token)
    ).json()) as {
      publication: { notifiedTenants: string[] };
    };
    expect(again.publication.notifiedTenants.sort()).toEqual(
      [regions.buleleng.id, regions.badung.id].sort(),
    );
  });

  it('is marked held or no-show by each side, and counted in the outcomes', async () => {
    const b = regions.buleleng;
    const [first] = (await mine(b.id, b.admin.token)).filter((m) => m.slot);
    const early = await post(
      h,
      `/v1/tenants/${b.id}/forum-meetings/${first!.id}/outcome`,
      { outcome: 'held' },
      b.admin.token,
    );
    expect(early.status).toBe(409);
    h.advance(20 * DAY);
    advanced += 20 * DAY;
    for (const person of [b.admin, baliAdmin]) person.token = await signIn(h, person.email);
    const list = (await mine(b.id, b.admin.token)).filter((m) => m.slot);
    expect(
      (
        await post(
          h,
          `/v1/tenants/${b.id}/forum-meetings/${list[0]!.id}/outcome`,
          { outcome: 'held' },
          b.admin.token,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          h,
          `/v1/tenants/${b.id}/forum-meetings/${list[1]!.id}/outcome`,
          { outcome: 'no_show' },
          b.admin.token,
        )
      ).status,
    ).toBe(200);
    const out = await h.json<{ meetings: Record<string, number> }>(
      `${base()}/outcomes`,
      auth(baliAdmin.token),
    );
    // requested: with the one of the delegation that withdrew
    expect(out.body.meetings).toEqual({ requested: 5, accepted: 2, scheduled: 2, held: 1 });
  });

  it('expires unanswered requests in the hourly job', async () => {
    const { ctx, flush } = systemCtx({
      db: h.db,
      logger: createLogger('silent'),
      config: testConfig,
      email: null,
      requestId: 'req_meeting_jobs',
      now: () => new Date(Date.now() + advanced),
    });
    const [result] = await runJobs({ ctx, input: { jobs: [forumUpkeep] } });
    await flush();
    expect(result!.result).toMatchObject({ meetingRequestsExpired: 1 });
    // the requester is told it expired (issue 28); delivery runs with the job's deferred work
    const told = await h.json<{ data: { type: string; text: string }[] }>('/v1/me/inbox', {
      headers: bearer(partners.campus.token),
    });
    expect(told.body.data.map((i) => i.type)).toContain('meeting.expired');
  });
});
