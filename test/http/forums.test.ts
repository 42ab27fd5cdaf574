import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forumUpkeep, runJobs } from '../../src/jobs';
import { systemCtx } from '../../src/platform/context';
import { createLogger } from '../../src/platform/logger';
import {
  addMember,
  del,
  newUser,
  patch,
  platformAdmin,
  post,
  put,
  regionTenantId,
  signIn,
} from '../support/actors';
import { publishedProvinceSession } from '../support/forums';
import { createHarness, type Harness, type ProblemBody, testConfig } from '../support/harness';
import { potentialBody } from '../support/potentials';

/**
 * A whole Forum Kerja Sama Daerah, as Bali's TKKSD would run it: a six-monthly
 * province forum on tourism and disasters, delegations from its kabupaten and a
 * partner, a waitlist, a change of time, minutes, follow-ups and an agreement
 * that came out of it. Through HTTP, on a real (embedded) PostgreSQL.
 */
let h: Harness;
type Session = {
  id: string;
  forumId: string;
  status: string;
  sequence: number;
  startsLocal: string;
  zoneLabel: string;
  registration: { open: boolean; approved: number; waitlisted: number };
  registered: { tenantId: string; name: string }[];
  minutes: null | { summary: string; followUps: { id: string; overdue: boolean }[] };
};
type Forum = { id: string; sessions: Session[]; recurrence: string | null };
type Registration = {
  id: string;
  status: string;
  waitlistPosition: number | null;
  delegates: unknown[];
};

const DAY = 86400_000;
/** A local date `days` from now, at 09:00 (WITA for Bali). */
let advanced = 0;
const localDay = (days: number, time = '09:00') =>
  `${new Date(Date.now() + advanced + days * DAY).toISOString().slice(0, 10)}T${time}`;

let platform: Awaited<ReturnType<typeof platformAdmin>>;
let bali: string;
let baliAdmin: Awaited<ReturnType<typeof addMember>>;
let baliHead: Awaited<ReturnType<typeof addMember>>;
let buleleng: string;
let bulelengAdmin: Awaited<ReturnType<typeof addMember>>;
let bulelengLiaison: Awaited<ReturnType<typeof addMember>>;
let badung: string;
let badungAdmin: Awaited<ReturnType<typeof addMember>>;
let surabaya: string;
let surabayaAdmin: Awaited<ReturnType<typeof addMember>>;
let partner: { id: string; token: string; email: string };
let forum: Forum;
let session: Session;
let potentials: string[];

const base = () => `/v1/tenants/${bali}/forums/${forum.id}/sessions/${session.id}`;
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function jobsAt(offsetMs: number) {
  const { ctx, flush } = systemCtx({
    db: h.db,
    logger: createLogger('silent'),
    config: testConfig,
    email: null,
    requestId: 'req_forum_jobs',
    now: () => new Date(Date.now() + offsetMs),
  });
  const results = await runJobs({ ctx, input: { jobs: [forumUpkeep] } });
  await flush();
  return results.find((r) => r.job === 'forum-upkeep')!.result as Record<string, number>;
}

function eventOf(ics: string): VEvent {
  const events = Object.values(ical.sync.parseICS(ics)).filter(
    (c): c is VEvent => c?.type === 'VEVENT',
  );
  expect(events).toHaveLength(1);
  return events[0]!;
}

/** Each top-level `describe` builds its own: a fresh app and database, and the fixtures on them. */
function fixtures() {
  beforeAll(async () => {
    h = await createHarness();
    platform = await platformAdmin(h);
    [bali, buleleng, badung, surabaya] = (await Promise.all(
      ['51', '51.08', '51.03', '35.78'].map((c) => regionTenantId(h, c)),
    )) as [string, string, string, string];
    baliAdmin = await addMember(h, platform.token, bali, 'admin');
    baliHead = await addMember(h, baliAdmin.token, bali, 'head');
    bulelengAdmin = await addMember(h, platform.token, buleleng, 'admin');
    bulelengLiaison = await addMember(h, bulelengAdmin.token, buleleng, 'viewer');
    badungAdmin = await addMember(h, platform.token, badung, 'admin');
    surabayaAdmin = await addMember(h, platform.token, surabaya, 'admin');
    const founder = await newUser(h, 'mitra');
    const created = (await (
      await post(
        h,
        '/v1/partners',
        { name: 'PT Bali Tangguh Wisata', kind: 'company' },
        founder.token,
      )
    ).json()) as { id: string };
    await put(
      h,
      `/v1/tenants/${created.id}/profile`,
      {
        issues: ['pariwisata', 'penanggulangan_bencana'],
        affairs: ['pariwisata'],
        regionsOfInterest: ['51'],
      },
      founder.token,
    );
    await post(h, `/v1/admin/tenants/${created.id}/verify`, {}, platform.token);
    partner = { id: created.id, token: founder.token, email: founder.email };

    // Buleleng brings two published potentials (the lifecycle is tested elsewhere)
    potentials = [];
    for (const title of [
      'Desa wisata tangguh bencana Pemuteran',
      'Jalur evakuasi kawasan wisata Lovina',
    ]) {
      const res = await post(
        h,
        `/v1/tenants/${buleleng}/potentials`,
        potentialBody({
          title,
          direction: 'offer',
          issues: ['pariwisata', 'penanggulangan_bencana'],
          affairs: ['pariwisata'],
        }),
        bulelengAdmin.token,
      );
      expect(res.status, await res.clone().text()).toBe(201);
      const { id } = (await res.json()) as { id: string };
      await h.client.query(
        `update potentials set status = 'published', published_at = now() where id = $1`,
        [id],
      );
      potentials.push(id);
    }
  });
  afterAll(() => h?.close());
}

describe('a six-monthly Bali province forum on tourism and disasters', () => {
  fixtures();
  it('refuses an RRULE that is not RFC 5545, naming `recurrence`', async () => {
    for (const recurrence of [
      'FREQ=SOMETIMES',
      'FREQ=MONTHLY;BYDAY=XX',
      'FREQ=SECONDLY',
      'DTSTART:20270101T000000Z',
    ]) {
      const res = await post(
        h,
        `/v1/tenants/${bali}/forums`,
        {
          title: 'Forum uji',
          issues: ['pariwisata'],
          scope: 'province',
          recurrence,
          firstStart: localDay(40),
          durationMinutes: 480,
          capacity: 2,
        },
        baliAdmin.token,
      );
      expect(res.status, recurrence).toBe(400);
      const body = (await res.json()) as ProblemBody;
      expect(body.errors?.map((e) => e.location)).toContain('body.recurrence');
    }
  });

  it('is defined by the province, with its next two sessions as drafts in WITA', async () => {
    const res = await post(
      h,
      `/v1/tenants/${bali}/forums`,
      {
        title: 'Forum Kerja Sama Daerah Provinsi Bali',
        description: 'Pariwisata tangguh bencana di kabupaten/kota se-Bali.',
        issues: ['pariwisata', 'penanggulangan_bencana'],
        affairs: ['pariwisata'],
        scope: 'province',
        venue: { name: 'Gedung Jaya Sabha', address: 'Jl. Surapati 1, Denpasar' },
        recurrence: 'FREQ=MONTHLY;INTERVAL=6',
        firstStart: localDay(40),
        durationMinutes: 480,
        capacity: 2,
        autoApprove: true,
        registrationOpensDays: 50,
        registrationClosesDays: 2,
      },
      baliAdmin.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    forum = (await res.json()) as Forum;
    expect(forum.recurrence).toBe('RRULE:FREQ=MONTHLY;INTERVAL=6');
    expect(forum.sessions).toHaveLength(2);
    expect(forum.sessions.map((s) => s.status)).toEqual(['draft', 'draft']);
    expect(forum.sessions.map((s) => s.startsLocal.slice(11))).toEqual(['09:00', '09:00']);
    expect(forum.sessions[0]!.zoneLabel).toBe('WITA');
    session = forum.sessions[0]!;
    // a draft is not public
    expect((await h.request(`/v1/forums/${forum.id}/sessions/${session.id}`)).status).toBe(404);
    // running the job again creates nothing new
    expect((await jobsAt(0)).sessionsCreated).toBe(0);
  });

  it('lets only the convener’s admin or liaison edit: 403 for its head, 404 for outsiders', async () => {
    expect((await patch(h, base(), { title: 'Diubah' }, baliHead.token)).status).toBe(403);
    expect((await patch(h, base(), { title: 'Diubah' }, bulelengAdmin.token)).status).toBe(404);
    const wrongTimes = await patch(
      h,
      base(),
      { start: localDay(40, '15:00'), end: localDay(40, '10:00') },
      baliAdmin.token,
    );
    expect(wrongTimes.status).toBe(400);
    expect(((await wrongTimes.json()) as ProblemBody).errors?.[0]?.location).toBe('body.end');
  });

  it('is published with an agenda and shown without sign-in', async () => {
    const agenda = [
      {
        start: localDay(40, '09:00'),
        end: localDay(40, '10:00'),
        title: 'Pembukaan oleh Sekda Provinsi',
        speakers: ['Sekretaris Daerah'],
      },
      {
        start: localDay(40, '10:00'),
        end: localDay(40, '12:00'),
        title: 'Paparan potensi Buleleng',
        potentialIds: potentials,
      },
    ];
    expect((await patch(h, base(), { agenda }, baliAdmin.token)).status).toBe(200);
    const published = await post(h, `${base()}/status`, { status: 'published' }, baliAdmin.token);
    expect(published.status, await published.clone().text()).toBe(200);
    const list = await h.json<{ data: Session[] }>(
      '/v1/forums?province=51&issue=pariwisata&when=upcoming',
    );
    expect(list.status).toBe(200);
    expect(list.body.data.map((s) => s.id)).toEqual([session.id]);
    expect(list.body.data[0]!.registration.open).toBe(true);
    const other = await h.json<{ data: Session[] }>('/v1/forums?province=35');
    expect(other.body.data).toHaveLength(0);
  });

  it('invites a partner in one call, by email', async () => {
    const suggested = await h.json<{ data: { tenantId: string; reasons: unknown[] }[] }>(
      `${base()}/suggested-invitees`,
      auth(baliAdmin.token),
    );
    expect(suggested.status).toBe(200);
    const res = await post(
      h,
      `${base()}/invitations`,
      { tenantIds: [partner.id] },
      baliAdmin.token,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ invited: [partner.id], emailed: true });
    expect(h.sent.some((m) => m.to === partner.email && m.subject.startsWith('Undangan'))).toBe(
      true,
    );
  });

  it('takes Buleleng’s three-person delegation with two potentials, and the partner’s', async () => {
    const notMember = await post(
      h,
      `/v1/tenants/${buleleng}/forum-registrations`,
      {
        sessionId: session.id,
        delegates: [{ userId: badungAdmin.userId, title: 'Kepala Bappeda' }],
      },
      bulelengAdmin.token,
    );
    expect(notMember.status).toBe(400);
    expect(((await notMember.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.delegates.0.userId',
    );

    const res = await post(
      h,
      `/v1/tenants/${buleleng}/forum-registrations`,
      {
        sessionId: session.id,
        delegates: [
          { userId: bulelengAdmin.userId, title: 'Kepala Bagian Kerja Sama', head: true },
          { userId: bulelengLiaison.userId, title: 'Analis Kerja Sama' },
          { name: 'I Made Wirawan', title: 'Kepala Dinas Pariwisata' },
        ],
        potentialIds: potentials,
        seeks: { issues: ['penanggulangan_bencana'] },
      },
      bulelengAdmin.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const reg = (await res.json()) as Registration;
    expect(reg.status).toBe('approved');
    expect(reg.delegates).toHaveLength(3);

    const p = await post(
      h,
      `/v1/tenants/${partner.id}/forum-registrations`,
      { sessionId: session.id, delegates: [{ name: 'Ni Luh Sari', title: 'Direktur' }] },
      partner.token,
    );
    expect(p.status, await p.clone().text()).toBe(201);
    expect(((await p.json()) as Registration).status).toBe('approved');
  });

  it('lets Buleleng change its delegation without losing its place', async () => {
    const [reg] = (
      await h.json<{ data: Registration[] }>(
        `/v1/tenants/${buleleng}/forum-registrations`,
        auth(bulelengAdmin.token),
      )
    ).body.data;
    const res = await put(
      h,
      `/v1/tenants/${buleleng}/forum-registrations/${reg!.id}`,
      {
        delegates: [
          { userId: bulelengAdmin.userId, title: 'Kepala Bagian Kerja Sama', head: true },
          { name: 'I Made Wirawan', title: 'Kepala Dinas Pariwisata' },
          { name: 'Ni Kadek Ayu', title: 'Kepala Pelaksana BPBD' },
        ],
        potentialIds: potentials,
      },
      bulelengAdmin.token,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const updated = (await res.json()) as Registration;
    expect(updated).toMatchObject({ id: reg!.id, status: 'approved' });
    expect(updated.delegates).toHaveLength(3);
    const twoHeads = await put(
      h,
      `/v1/tenants/${buleleng}/forum-registrations/${reg!.id}`,
      {
        delegates: [
          { name: 'A', title: 'B', head: true },
          { name: 'C', title: 'D', head: true },
        ],
      },
      bulelengAdmin.token,
    );
    expect(((await twoHeads.json()) as ProblemBody).errors?.[0]?.location).toBe('body.delegates');
  });

  it('refuses Kota Surabaya, outside the province and not invited, naming the scope', async () => {
    const res = await post(
      h,
      `/v1/tenants/${surabaya}/forum-registrations`,
      {
        sessionId: session.id,
        delegates: [{ userId: surabayaAdmin.userId, title: 'Kepala Bagian' }],
      },
      surabayaAdmin.token,
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as ProblemBody).detail).toContain('kabupaten/kota di wilayah');
  });

  it('waitlists a third delegation over capacity and promotes it when Buleleng withdraws', async () => {
    const res = await post(
      h,
      `/v1/tenants/${badung}/forum-registrations`,
      {
        sessionId: session.id,
        delegates: [{ userId: badungAdmin.userId, title: 'Asisten Pemerintahan' }],
      },
      badungAdmin.token,
    );
    const waiting = (await res.json()) as Registration;
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(
      h.sent.some((m) => m.to === badungAdmin.email && m.subject.includes('daftar tunggu')),
    ).toBe(true);

    const mine = await h.json<{ data: Registration[] }>(
      `/v1/tenants/${buleleng}/forum-registrations`,
      auth(bulelengAdmin.token),
    );
    const cancel = await post(
      h,
      `/v1/tenants/${buleleng}/forum-registrations/${mine.body.data[0]!.id}/cancel`,
      {},
      bulelengAdmin.token,
    );
    expect(cancel.status).toBe(200);
    const after = await h.json<{ data: Registration[] }>(
      `/v1/tenants/${badung}/forum-registrations`,
      auth(badungAdmin.token),
    );
    expect(after.body.data[0]).toMatchObject({ status: 'approved', waitlistPosition: null });
    expect(
      h.sent.some((m) => m.to === badungAdmin.email && m.subject.includes('mendapat tempat')),
    ).toBe(true);
  });

  it('moves the session’s time: SEQUENCE rises, delegations get the new calendar file', async () => {
    const before = eventOf(
      await (await h.request(`/v1/forums/${forum.id}/sessions/${session.id}/calendar.ics`)).text(),
    );
    const sent = h.sent.length;
    const res = await patch(
      h,
      base(),
      { start: localDay(41, '13:00'), end: localDay(41, '17:00') },
      baliAdmin.token,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const after = eventOf(
      await (await h.request(`/v1/forums/${forum.id}/sessions/${session.id}/calendar.ics`)).text(),
    );
    expect(after.uid).toBe(before.uid);
    expect(Number(after.sequence)).toBe(Number(before.sequence) + 1);
    expect(after.start.tz).toBe('Asia/Makassar');
    // 13:00 WITA is 05:00 UTC
    expect(after.start.toISOString().slice(11, 16)).toBe('05:00');
    const notices = h.sent.slice(sent).filter((m) => m.subject.startsWith('Perubahan jadwal'));
    expect(notices.map((m) => m.to).sort()).toEqual([badungAdmin.email, partner.email].sort());
    expect(notices[0]!.attachments?.[0]?.content).toContain('SEQUENCE:1');
    expect(notices[0]!.text).toMatch(/^Yth\. /);
    expect(notices[0]!.text).toContain('Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.');
  });

  it('reminds approved delegations a week ahead, once even when the job runs twice', async () => {
    const startsIn = 41 * DAY;
    const first = await jobsAt(startsIn - 6 * DAY);
    const second = await jobsAt(startsIn - 6 * DAY);
    expect(first.remindersSent).toBe(2);
    expect(second.remindersSent).toBe(0);
  });

  it('refuses a registration outside the window, naming it', async () => {
    const next = forum.sessions[1]!;
    await post(
      h,
      `/v1/tenants/${bali}/forums/${forum.id}/sessions/${next.id}/status`,
      { status: 'published' },
      baliAdmin.token,
    );
    const res = await post(
      h,
      `/v1/tenants/${buleleng}/forum-registrations`,
      { sessionId: next.id, delegates: [{ userId: bulelengAdmin.userId, title: 'Kepala Bagian' }] },
      bulelengAdmin.token,
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as ProblemBody).detail).toContain('masa pendaftaran');
  });

  it('records minutes with two follow-ups; one starts an agreement whose origin is the session', async () => {
    expect(
      (
        await post(
          h,
          `${base()}/follow-ups`,
          { title: 'x', responsibleTenantId: badung, dueDate: '2027-06-30' },
          baliAdmin.token,
        )
      ).status,
    ).toBe(409);
    h.advance(42 * DAY);
    advanced += 42 * DAY;
    // six weeks on, people sign in again
    for (const person of [baliAdmin, badungAdmin, platform, partner])
      person.token = await signIn(h, person.email);
    expect((await post(h, `${base()}/status`, { status: 'held' }, baliAdmin.token)).status).toBe(
      200,
    );
    const minutes = await put(
      h,
      `${base()}/minutes`,
      {
        summary: 'Forum menyepakati paket wisata tangguh bencana Bali utara dan selatan.',
        decisions: ['Badung dan PT Bali Tangguh Wisata menyusun rencana jalur evakuasi wisata.'],
        attendance: [
          { tenantId: badung, attended: true },
          { tenantId: partner.id, attended: true },
        ],
      },
      baliAdmin.token,
    );
    expect(minutes.status, await minutes.clone().text()).toBe(200);
    const due = new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10);
    const f1 = await post(
      h,
      `${base()}/follow-ups`,
      { title: 'Menyusun KB jalur evakuasi', responsibleTenantId: badung, dueDate: due },
      baliAdmin.token,
    );
    expect(f1.status, await f1.clone().text()).toBe(201);
    const f2 = await post(
      h,
      `${base()}/follow-ups`,
      { title: 'Survei lokasi', responsibleTenantId: partner.id, dueDate: due },
      baliAdmin.token,
    );
    expect(f2.status).toBe(201);
    const followUp = (await f1.json()) as { id: string };
    const notRegistered = await post(
      h,
      `${base()}/follow-ups`,
      { title: 'x', responsibleTenantId: surabaya, dueDate: due },
      baliAdmin.token,
    );
    expect(((await notRegistered.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.responsibleTenantId',
    );

    // the minutes reach the delegations, not the public until published
    const pub = await h.json<Session>(`/v1/forums/${forum.id}/sessions/${session.id}`);
    expect(pub.body.minutes).toBeNull();
    const forBadung = await h.json<Session>(
      `/v1/forums/${forum.id}/sessions/${session.id}`,
      auth(badungAdmin.token),
    );
    expect(forBadung.body.minutes?.followUps).toHaveLength(2);

    const agreement = await post(
      h,
      `/v1/tenants/${badung}/agreements`,
      {
        title: 'Kesepakatan jalur evakuasi kawasan wisata',
        parties: [badung, partner.id],
        kind: 'KSDPK',
        source: { type: 'follow_up', id: followUp.id },
      },
      badungAdmin.token,
    );
    expect(agreement.status, await agreement.clone().text()).toBe(201);
    expect(await agreement.json()).toMatchObject({
      originSessionId: session.id,
      sourceType: 'follow_up',
    });
    const again = await post(
      h,
      `/v1/tenants/${badung}/agreements`,
      {
        title: 'Lagi',
        parties: [badung, partner.id],
        kind: 'KSDPK',
        source: { type: 'follow_up', id: followUp.id },
      },
      badungAdmin.token,
    );
    expect(again.status).toBe(409);
  });

  it('counts what came of it, and the province report counts the forum held', async () => {
    // an interest that arose at the forum names it; only those who took part may say so
    const interest = await post(
      h,
      `/v1/tenants/${badung}/interests`,
      { potentialId: potentials[0], message: 'Dibahas di forum.', originSessionId: session.id },
      badungAdmin.token,
    );
    expect(interest.status, await interest.clone().text()).toBe(201);
    surabayaAdmin.token = await signIn(h, surabayaAdmin.email);
    const outsider = await post(
      h,
      `/v1/tenants/${surabaya}/interests`,
      { potentialId: potentials[1], message: 'Kami juga.', originSessionId: session.id },
      surabayaAdmin.token,
    );
    expect(outsider.status).toBe(400);
    expect(((await outsider.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.originSessionId',
    );
    const out = await h.json<Record<string, unknown>>(`${base()}/outcomes`, auth(baliAdmin.token));
    expect(out.body).toMatchObject({
      registrations: { approved: 2, cancelled: 1, waitlisted: 0 },
      delegates: 2,
      attended: 2,
      followUps: { open: 2, overdue: 0 },
      interests: { expressed: 1, accepted: 0 },
      agreements: { started: 1, confirmed: 0 },
    });
    const series = await h.json<Record<string, unknown>>(
      `/v1/tenants/${bali}/forums/${forum.id}/outcomes`,
      auth(baliAdmin.token),
    );
    expect(series.body).toMatchObject({ sessions: 2, sessionsHeld: 1, attended: 2 });
    const report = await h.json<{ forumsHeldByProvince: number }>(
      `/v1/tenants/${bali}/reports/mapping`,
      auth(baliAdmin.token),
    );
    expect(report.body.forumsHeldByProvince).toBe(1);
  });
});

describe('calendars', () => {
  fixtures();
  it('shows a session in Jayapura at 09:00 WIT, with a stable UID, and STATUS:CANCELLED once cancelled', async () => {
    const jayapura = await regionTenantId(h, '91.71');
    const admin = await addMember(h, platform.token, jayapura, 'admin');
    const res = await post(
      h,
      `/v1/tenants/${jayapura}/forums`,
      {
        title: 'Forum Kerja Sama Kota Jayapura',
        issues: ['pelayanan_publik'],
        scope: 'invited',
        firstStart: localDay(30),
        durationMinutes: 180,
        capacity: 10,
      },
      admin.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const f = (await res.json()) as Forum;
    const s = f.sessions[0]!;
    expect(f.recurrence).toBeNull();
    expect(s.zoneLabel).toBe('WIT');
    const path = `/v1/tenants/${jayapura}/forums/${f.id}/sessions/${s.id}`;
    await post(h, `${path}/status`, { status: 'published' }, admin.token);
    const ics = await (await h.request(`/v1/forums/${f.id}/sessions/${s.id}/calendar.ics`)).text();
    expect(ics).toContain(`DTSTART;TZID=Asia/Jayapura:${localDay(30).replace(/[-:]/g, '')}00`);
    expect(ics).toContain('TZNAME:WIT');
    const event = eventOf(ics);
    expect(event.uid).toBe(`${s.id}@sinergi`);
    // RFC 5545 folds long lines: unfold before reading them
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain(
      `URL;VALUE=URI:http://localhost:8787/forum/${f.id}/sesi/${s.id}`,
    );

    expect((await post(h, `${path}/status`, { status: 'cancelled' }, admin.token)).status).toBe(
      400,
    );
    expect(
      (
        await post(
          h,
          `${path}/status`,
          { status: 'cancelled', reason: 'Bencana banjir' },
          admin.token,
        )
      ).status,
    ).toBe(200);
    const cancelled = eventOf(
      await (await h.request(`/v1/forums/${f.id}/sessions/${s.id}/calendar.ics`)).text(),
    );
    expect(cancelled.uid).toBe(event.uid);
    expect(cancelled.status).toBe('CANCELLED');
    expect(Number(cancelled.sequence)).toBe(Number(event.sequence) + 1);
  });

  it('serves a tenant’s subscription by its secret only, until revoked', async () => {
    // Badung is a delegation at a session of Bali's forum
    const { sessionId } = await publishedProvinceSession(h, bali, baliAdmin.token);
    const registered = await post(
      h,
      `/v1/tenants/${badung}/forum-registrations`,
      { sessionId, delegates: [{ userId: badungAdmin.userId, title: 'Kepala Bappeda' }] },
      badungAdmin.token,
    );
    expect(registered.status, await registered.clone().text()).toBe(201);
    const created = await post(h, `/v1/tenants/${badung}/calendar-feed`, {}, badungAdmin.token);
    expect(created.status).toBe(201);
    const { url, token } = (await created.json()) as { url: string; token: string };
    const path = new URL(url).pathname + new URL(url).search;
    const feed = await h.request(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(await feed.text()).toContain(`UID:${sessionId}@sinergi`);
    expect(
      (await h.request(`/v1/feeds/${badung}/calendar.ics?token=${token.replace(/.$/, 'a')}x`))
        .status,
    ).toBe(404);
    expect((await h.request(`/v1/feeds/${buleleng}/calendar.ics?token=${token}`)).status).toBe(404);
    expect((await del(h, `/v1/tenants/${badung}/calendar-feed`, badungAdmin.token)).status).toBe(
      204,
    );
    expect((await h.request(path)).status).toBe(404);
  });
});
