import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenDate } from '../../src/forums/time';
import { digestJob, runJobs } from '../../src/jobs';
import { systemCtx } from '../../src/platform/context';
import { createLogger } from '../../src/platform/logger';
import {
  addMember,
  bearer,
  post,
  put,
  regionTenantId,
  twoRegions,
  verifiedPartner,
} from '../support/actors';
import { confirmAgreement, signByAll } from '../support/agreements';
import { publishedProvinceSession } from '../support/forums';
import { createHarness, type Harness, testConfig } from '../support/harness';
import { potentialBody, publishPotential } from '../support/potentials';

/**
 * Digests: the head of Kota Palu (WITA) asks for a daily digest.
 * Times are chosen in the recipient's zone: 07:00 WITA is 23:00 UTC the day
 * before; 07:00 WIT (Jayapura) is 22:00 UTC.
 */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
let head: Awaited<ReturnType<typeof addMember>>;
let need: string;

const HOUR = 3600_000;
/** The next instant at HH:00 UTC at least a day from now. */
const nextUtcHour = (hour: number) => {
  const d = new Date(Date.now() + 86400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};
const T1 = nextUtcHour(23); // 07:00 WITA the next local day

async function digestsAt(at: Date) {
  const { ctx, flush } = systemCtx({
    db: h.db,
    logger: createLogger('silent'),
    config: testConfig,
    email: h.emailClient,
    requestId: 'req_digests',
    now: () => at,
  });
  const [result] = await runJobs({ ctx, input: { jobs: [digestJob] } });
  await flush();
  return result!.result as { sent: number; empty: number; skipped: number };
}
const digestsTo = (email: string) =>
  h.sent.filter((m) => m.to === email && m.subject.startsWith('Ringkasan'));

const interestFrom = async (partner: { id: string; token: string }, message: string) => {
  const res = await post(
    h,
    `/v1/catalog/potentials/${need}/interests`,
    { fromTenantId: partner.id, message },
    partner.token,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

beforeAll(async () => {
  h = await createHarness();
  fx = await twoRegions(h);
  head = await addMember(h, fx.platform.token, fx.a, 'head');
  expect(
    (await put(h, `/v1/me/notifications/${fx.a}`, { frequency: 'daily' }, head.token)).status,
  ).toBe(200);
  need = await publishPotential(h, fx.a, fx.adminA, head, {
    title: 'Sistem peringatan dini tsunami Teluk Palu',
    direction: 'need',
    cooperationKinds: ['KSDD', 'KSDPK'],
    issues: ['penanggulangan_bencana'],
    affairs: ['trantibum_linmas'],
  });
}, 60_000);
afterAll(() => h?.close());

describe('digests', () => {
  let university: Awaited<ReturnType<typeof verifiedPartner>>;
  let firstInterest: string;

  it('sends the head one digest with two waiting interests, an expiring agreement and a new match', async () => {
    university = await verifiedPartner(h, fx.platform.token, 'Universitas Tadulako', 'university');
    expect(
      (
        await put(
          h,
          `/v1/tenants/${university.id}/profile`,
          {
            issues: ['penanggulangan_bencana'],
            affairs: ['trantibum_linmas'],
            offers: 'kajian risiko tsunami',
            regionsOfInterest: ['72.71'],
          },
          university.token,
        )
      ).status,
    ).toBe(200);
    const ngo = await verifiedPartner(h, fx.platform.token, 'Yayasan Tangguh Bencana', 'ngo');
    firstInterest = await interestFrom(university, 'Kami siap menyusun kajian risiko.');
    await interestFrom(ngo, 'Kami punya relawan terlatih.');
    // an agreement whose PKS ends within 90 days
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title: 'Pengelolaan air baku Sungai Palu', parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminA.token,
    );
    const { id: agreementId } = (await created.json()) as { id: string };
    await confirmAgreement(h, agreementId, fx.b, fx.adminB.token);
    const signers = [
      { tenant: fx.a, token: fx.adminA.token, name: 'Hadianto Rasyid', position: 'Wali Kota Palu' },
      { tenant: fx.b, token: fx.adminB.token, name: 'Rizal Intjenae', position: 'Bupati Sigi' },
    ];
    const today = new Date().toISOString().slice(0, 10);
    const end = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
    await signByAll(
      h,
      agreementId,
      'kesepakatan_bersama',
      { number: 'KB/1', date: today },
      signers,
    );
    await signByAll(
      h,
      agreementId,
      'perjanjian_kerja_sama',
      { number: 'PKS/1', date: today, start: today, end, burdensBudget: false },
      signers,
    );

    // 06:00 WITA: not yet for the head's daily digest (the secretariats' weekly ones, due since
    // Monday 07:00, go out on this first run)
    await digestsAt(new Date(T1.getTime() - HOUR));
    expect(digestsTo(head.email)).toHaveLength(0);
    expect(digestsTo(fx.adminA.email)).toHaveLength(1);
    const result = await digestsAt(T1);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mails = digestsTo(head.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    // the head is addressed by office, and the letter closes
    expect(mail.text).toContain('Yth. Wali Kota Palu,');
    expect(mail.text).toContain('Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.');
    expect(mail.text).toContain('Universitas Tadulako menyatakan minat');
    expect(mail.text).toContain('Yayasan Tangguh Bencana menyatakan minat');
    expect(mail.text).toContain(`berakhir pada ${spokenDate(end, 'id')}`);
    expect(mail.text).toMatch(/PELUANG KERJA SAMA BARU\n- Universitas Tadulako/);
    expect(mail.text).toContain('(WITA)');
    expect(mail.html).toContain('<table role="presentation"');
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers?.['List-Unsubscribe']).toMatch(/^<http.*\/v1\/digest\/unsubscribe\?token=/);
    expect(mail.idempotencyKey).toMatch(/^dig_/);
    // sent through the batch endpoint (up to 100 per call), with the batch's own idempotency key
    expect(h.batches.at(-1)).toMatchObject({ key: expect.stringMatching(/^batch-/) });
    // Palu's secretariat has its own weekly digest (issue 28: the secretariat by default), once
    expect(digestsTo(fx.adminA.email)).toHaveLength(1);
    expect(digestsTo(fx.adminA.email)[0]!.text).toContain('Yth. Sekretariat TKKSD Kota Palu,');
  });

  it('sends nothing on the next run in the same period', async () => {
    expect(await digestsAt(new Date(T1.getTime() + HOUR))).toMatchObject({ sent: 0 });
    expect(digestsTo(head.email)).toHaveLength(1);
  });

  it('tells the next day only what is new: an answered interest goes, a new one comes', async () => {
    expect(
      (
        await post(
          h,
          `/v1/tenants/${fx.a}/interests/${firstInterest}/decision`,
          { decision: 'accept' },
          fx.adminA.token,
        )
      ).status,
    ).toBe(200);
    const late = await verifiedPartner(h, fx.platform.token, 'PT Sensor Pantai', 'company');
    await interestFrom(late, 'Kami memasok sensor muka air laut.');
    // Sigi signs a Kesepakatan Bersama first: Palu's signature is now awaited
    const second = await post(
      h,
      `/v1/tenants/${fx.b}/agreements`,
      { title: 'Jalur evakuasi lintas batas', parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminB.token,
    );
    const { id: secondId } = (await second.json()) as { id: string };
    await confirmAgreement(h, secondId, fx.a, fx.adminA.token);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (
        await post(
          h,
          `/v1/tenants/${fx.b}/agreements/${secondId}/signatures`,
          {
            stage: 'kesepakatan_bersama',
            signatoryName: 'Rizal Intjenae',
            signatoryPosition: 'Bupati Sigi',
            signedOn: today,
            document: { number: 'KB/2', date: today },
          },
          fx.adminB.token,
        )
      ).status,
    ).toBe(200);
    await digestsAt(new Date(T1.getTime() + 24 * HOUR));
    const mails = digestsTo(head.email);
    expect(mails).toHaveLength(2);
    const text = mails[1]!.text;
    expect(text).toContain('PT Sensor Pantai menyatakan minat');
    // said from the event stream, naming who signed
    expect(text).toContain(
      'Kabupaten Sigi telah menandatangani Kesepakatan Bersama kerja sama “Jalur evakuasi lintas batas”; tanda tangan pihak Anda ditunggu.',
    );
    expect(text).not.toContain('Yayasan Tangguh Bencana');
    expect(text).not.toContain('Universitas Tadulako menyatakan minat');
    expect(text).not.toContain('Pengelolaan air baku');
    // nothing new the day after: no empty digest
    await digestsAt(new Date(T1.getTime() + 48 * HOUR));
    expect(digestsTo(head.email)).toHaveLength(2);
    // a week on, a decision still waiting comes back, marked
    await digestsAt(new Date(T1.getTime() + 8 * 24 * HOUR));
    const again = digestsTo(head.email);
    expect(again).toHaveLength(3);
    expect(again[2]!.text).toContain('Masih menunggu: ');
  });

  it('sends once when two runs race', async () => {
    const another = await verifiedPartner(h, fx.platform.token, 'PT Radio Darurat', 'company');
    await interestFrom(another, 'Kami menyediakan radio darurat.');
    const at = new Date(T1.getTime() + 10 * 24 * HOUR);
    const before = h.sent.length;
    const [a, b] = await Promise.all([digestsAt(at), digestsAt(at)]);
    // whoever is due that day (the head; partners with news) gets one digest, never two
    const to = h.sent
      .slice(before)
      .filter((m) => m.subject.startsWith('Ringkasan Sinergi'))
      .map((m) => m.to);
    expect(to.length).toBe(a.sent + b.sent);
    expect(new Set(to).size).toBe(to.length);
    expect(to).toContain(head.email.toLowerCase());
    expect(digestsTo(head.email)).toHaveLength(4);
  });

  it('reaches a head in Jayapura at 07:00 WIT', async () => {
    const jayapura = await regionTenantId(h, '91.71');
    const admin = await addMember(h, fx.platform.token, jayapura, 'admin');
    const jHead = await addMember(h, fx.platform.token, jayapura, 'head');
    // a potential waiting for the head's SK
    const p = (await (
      await post(
        h,
        `/v1/tenants/${jayapura}/potentials`,
        potentialBody({ title: 'Pelabuhan perikanan bersama' }),
        admin.token,
      )
    ).json()) as { id: string };
    const step = (b: Record<string, unknown>) =>
      post(h, `/v1/tenants/${jayapura}/potentials/${p.id}/transitions`, b, admin.token);
    expect((await step({ action: 'submit' })).status).toBe(200);
    expect(
      (
        await step({
          action: 'prioritise',
          baNumber: 'BA/1',
          baDate: new Date().toISOString().slice(0, 10),
          priorityRank: 1,
        })
      ).status,
    ).toBe(200);
    const sevenWit = nextUtcHour(22); // 07:00 WIT the next local day; a Monday or not, weekly waits for Monday
    const monday = new Date(sevenWit);
    while ((monday.getUTCDay() + 1) % 7 !== 1) monday.setUTCDate(monday.getUTCDate() + 1); // local Monday = UTC Sunday 22:00
    await digestsAt(new Date(monday.getTime() - 60_000)); // 06:59 WIT
    expect(digestsTo(jHead.email)).toHaveLength(0);
    await digestsAt(monday); // 07:00 WIT
    const mails = digestsTo(jHead.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('menunggu penetapan dengan SK kepala daerah');
    expect(mails[0]!.text).toContain('(WIT)');
  });

  it('tells a region that registration is open for a forum session in its province', async () => {
    const sulteng = await regionTenantId(h, '72');
    const provinceAdmin = await addMember(h, fx.platform.token, sulteng, 'admin');
    await publishedProvinceSession(h, sulteng, provinceAdmin.token);
    await digestsAt(new Date(T1.getTime() + 11 * 24 * HOUR));
    const mails = digestsTo(head.email);
    expect(mails.at(-1)!.text).toContain('FORUM KERJA SAMA');
    expect(mails.at(-1)!.text).toContain('Pendaftaran sesi forum dibuka sampai');
  });

  it('tells a province’s head which kabupaten/kota have not mapped or reported', async () => {
    const sulteng = await regionTenantId(h, '72');
    const governor = await addMember(h, fx.platform.token, sulteng, 'head');
    // Monday 07:00 WITA is Sunday 23:00 UTC; the weekly default waits for it
    const monday = nextUtcHour(23);
    while (monday.getUTCDay() !== 0) monday.setUTCDate(monday.getUTCDate() + 1);
    await digestsAt(monday);
    const mails = digestsTo(governor.email);
    expect(mails).toHaveLength(1);
    // Palu established potentials this year (its SK); the other 12 have not
    // named, not counted: whom the province must call
    expect(mails[0]!.text).toContain('12 kabupaten/kota');
    expect(mails[0]!.text).toMatch(
      /Belum menetapkan hasil pemetaan potensi kerja sama dengan SK tahun \d{4}: [^\n]*Kabupaten Donggala/,
    );
    expect(mails[0]!.text).not.toMatch(/Belum menetapkan[^\n]*Kota Palu/);
    expect(mails[0]!.text).toMatch(
      /Belum menyampaikan laporan tahunan kerja sama daerah tahun \d{4}: [^\n]*Kota Palu/,
    );
  });

  it('turns the digest off with one click, without a session, and refuses a forged token', async () => {
    const mail = digestsTo(head.email)[0]!;
    const url = new URL(mail.headers!['List-Unsubscribe']!.slice(1, -1));
    const path = `${url.pathname}${url.search}`;
    const page = await h.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Berhenti berlangganan');
    const forged = path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA');
    const refused = await h.request(forged, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(refused.status).toBe(404);
    const done = await h.request(path, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.status, await done.clone().text()).toBe(200);
    const settings = await h.json<{ data: { tenantId: string; frequency: string }[] }>(
      '/v1/me/notifications',
      { headers: bearer(head.token) },
    );
    expect(settings.body.data.find((s) => s.tenantId === fx.a)?.frequency).toBe('off');
    const another = await verifiedPartner(
      h,
      fx.platform.token,
      'PT Pelampung Nusantara',
      'company',
    );
    await interestFrom(another, 'Kami memasok pelampung sensor.');
    await digestsAt(new Date(T1.getTime() + 12 * 24 * HOUR));
    expect(digestsTo(head.email)).toHaveLength(5);
  });

  it('previews what would be sent now, without recording it', async () => {
    const preview = await h.json<{
      frequency: string;
      wouldSend: boolean;
      items: { section: string }[];
      html: string;
      unsubscribeUrl: string;
    }>(`/v1/me/digest/preview?tenantId=${fx.a}`, { headers: bearer(head.token) });
    expect(preview.status).toBe(200);
    expect(preview.body.wouldSend).toBe(true);
    expect(preview.body.items.some((i) => i.section === 'decisions')).toBe(true);
    expect(preview.body.html).toContain('Sinergi');
    // the email's one-click link, as a mail client would POST it (RFC 8058)
    const oneClick = new URL(preview.body.unsubscribeUrl);
    expect(oneClick.pathname).toBe('/v1/digest/unsubscribe');
    const off = await h.json<{ frequency: string; tenantId: string }>(
      `${oneClick.pathname}${oneClick.search}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      },
    );
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ tenantId: fx.a, frequency: 'off' });
    // back as it was, for the tests that follow
    const frequency = preview.body.frequency;
    expect((await put(h, `/v1/me/notifications/${fx.a}`, { frequency }, head.token)).status).toBe(
      200,
    );
    expect(
      (await h.request(`/v1/me/digest/preview?tenantId=${fx.b}`, { headers: bearer(head.token) }))
        .status,
    ).toBe(404);
  });
});

describe('the digest’s opportunities', () => {
  it('give one entry per pair, naming the other region, with the same score read from either side', async () => {
    await publishPotential(h, fx.b, fx.adminB, null, {
      title: 'Relawan dan peralatan tanggap darurat Sigi',
      direction: 'offer',
      cooperationKinds: ['KSDD'],
      issues: ['penanggulangan_bencana'],
      affairs: ['trantibum_linmas'],
    });
    await publishPotential(h, fx.b, fx.adminB, null, {
      title: 'Jalur evakuasi bersama Palu–Sigi',
      direction: 'need',
      cooperationKinds: ['KSDD'],
      issues: ['penanggulangan_bencana'],
      affairs: ['trantibum_linmas'],
    });
    type Preview = { items: { section: string; title: string; reason: string }[] };
    const opportunities = async (tenantId: string, token: string) =>
      (
        await h.json<Preview>(`/v1/me/digest/preview?tenantId=${tenantId}`, {
          headers: bearer(token),
        })
      ).body.items.filter((i) => i.section === 'opportunities');
    const scoreOf = (reason: string) => reason.match(/Skor kecocokan ([\d,]+)/)?.[1];
    const fromPalu = await opportunities(fx.a, fx.adminA.token);
    const fromSigi = await opportunities(fx.b, fx.adminB.token);
    expect(fromPalu.length).toBeLessThanOrEqual(5);
    // Sigi matches Palu through two of its potentials, both ways: still one entry each side
    const sigiInPalu = fromPalu.filter((i) => i.title.startsWith('Kabupaten Sigi'));
    const paluInSigi = fromSigi.filter((i) => i.title.startsWith('Kota Palu'));
    expect(sigiInPalu).toHaveLength(1);
    expect(paluInSigi).toHaveLength(1);
    expect(scoreOf(sigiInPalu[0]!.reason)).toBeDefined();
    expect(scoreOf(sigiInPalu[0]!.reason)).toBe(scoreOf(paluInSigi[0]!.reason));
  });
});
