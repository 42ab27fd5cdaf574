import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  lastEmailTo,
  post,
  regionTenantId,
  twoRegions,
} from '../support/actors';
import { confirmAgreement, signByAll } from '../support/agreements';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';

/**
 * The reporting duty: Kota Palu reports its year to
 * Sulawesi Tengah, the province returns it once and accepts the second
 * version, forwards its consolidated report, and the national view counts it.
 */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
let province: string;
let provinceAdmin: Awaited<ReturnType<typeof addMember>>;
let agreementId: string;
const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

type Report = {
  id: string;
  status: string;
  version: number;
  scope: string;
  interim: boolean;
  stale: { regionCode: string; message: { id: string; en: string } } | null;
  content: {
    agreements: {
      total: number;
      byStage: Record<string, number>;
      lapsed?: number;
      budget?: { agreements: number; plannedIdr: number; realisedIdr: number } | null;
      items: {
        id: string;
        stageLabel?: { id: string };
        actions?: { total: number; done: number };
        evaluation?: {
          benefits: string | null;
          obstacles: string | null;
          followUp: string | null;
          budgetRealisedIdr: number | null;
        } | null;
      }[];
    };
    reporting?: { notReported: string[] };
  };
};

beforeAll(async () => {
  h = await createHarness();
  fx = await twoRegions(h);
  province = await regionTenantId(h, '72');
  provinceAdmin = await addMember(h, fx.platform.token, province, 'admin');
  // a Kesepakatan Bersama between Palu and Sigi this year
  const created = await post(
    h,
    `/v1/tenants/${fx.a}/agreements`,
    { title: 'Pengelolaan air baku Sungai Palu', parties: [fx.a, fx.b], kind: 'KSDD' },
    fx.adminA.token,
  );
  const { id } = (await created.json()) as { id: string };
  await confirmAgreement(h, id, fx.b, fx.adminB.token);
  await signByAll(h, id, 'kesepakatan_bersama', { number: 'KB/7/2026', date: `${year}-03-01` }, [
    { tenant: fx.a, token: fx.adminA.token, name: 'Hadianto Rasyid', position: 'Wali Kota Palu' },
    { tenant: fx.b, token: fx.adminB.token, name: 'Rizal Intjenae', position: 'Bupati Sigi' },
  ]);
  agreementId = id;
  // what a ministry asks of it: realisation and benefits, obstacles, follow-up, budget
  const evaluated = await post(
    h,
    `/v1/tenants/${fx.a}/agreements/${id}/evaluations`,
    {
      date: `${year}-06-30`,
      findings: 'Intake air baku terbangun 60 persen.',
      rating: 4,
      benefits: 'Layanan air bersih menjangkau 1.200 rumah tangga di dua kecamatan.',
      obstacles: 'Pembebasan lahan pipa transmisi tertunda.',
      followUp: 'Rapat koordinasi pertanahan pada triwulan IV.',
      budgetPlannedIdr: 2_500_000_000,
      budgetRealisedIdr: 1_750_000_000,
    },
    fx.adminA.token,
  );
  expect(evaluated.status, await evaluated.clone().text()).toBe(201);
}, 60_000);
afterAll(() => h?.close());

const submit = (tenant: string, token: string, body: unknown = { year }) =>
  post(h, `/v1/tenants/${tenant}/annual-reports`, body, token);
const review = (id: string, body: unknown, tenant = province, token = provinceAdmin.token) =>
  post(h, `/v1/tenants/${tenant}/annual-reports/${id}/review`, body, token);

describe('annual reports', () => {
  it('submits a finished year’s report with what a ministry asks, reviewed before the province forwards, a late change making the forwarded one stale (PP 28/2018; Permendagri 22/2020)', async () => {
    const draft = await h.json<Report['content']>(
      `/v1/tenants/${fx.a}/annual-report-drafts/${year}`,
      { headers: bearer(fx.adminA.token) },
    );
    expect(draft.status).toBe(200);
    expect(draft.body.agreements.byStage.kesepakatan_bersama).toBe(1);

    // a report covers a finished year (PP 28/2018: reported after the year): before the year ends,
    // only as a clearly marked interim report
    const early = await submit(fx.a, fx.adminA.token);
    expect(early.status).toBe(409);
    expect(((await early.json()) as ProblemBody).detail).toContain(
      `tahun ${year} belum berakhir (berakhir pada 31 Desember ${year})`,
    );
    const interim = await submit(fx.a, fx.adminA.token, { year, interim: true });
    expect(interim.status, await interim.clone().text()).toBe(201);
    expect((await interim.json()) as Report).toMatchObject({ interim: true, version: 1 });
    // the year ends (in WIB): the final report supersedes the interim one
    const newYear = Date.parse(`${year + 1}-01-02T00:00:00+07:00`) - Date.now();
    h.advance(newYear);
    const finalAsInterim = await submit(fx.a, fx.adminA.token, { year, interim: true });
    expect(((await finalAsInterim.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.interim',
    );
    const first = await submit(fx.a, fx.adminA.token);
    expect(first.status, await first.clone().text()).toBe(201);
    const v1 = (await first.json()) as Report;
    expect(v1).toMatchObject({ status: 'submitted', version: 2, scope: 'region', interim: false });
    expect(lastEmailTo(h, provinceAdmin.email).subject).toContain('Laporan tahunan');
    // per agreement what a ministry asks: status, realisation and benefits, obstacles, follow-up,
    // budget realisation
    const item = v1.content.agreements.items.find((i) => i.id === agreementId)!;
    expect(item.stageLabel?.id).toBe('Kesepakatan Bersama');
    expect(item.actions).toEqual({ total: 0, done: 0 });
    expect(item.evaluation).toMatchObject({
      benefits: 'Layanan air bersih menjangkau 1.200 rumah tangga di dua kecamatan.',
      obstacles: 'Pembebasan lahan pipa transmisi tertunda.',
      followUp: 'Rapat koordinasi pertanahan pada triwulan IV.',
      budgetRealisedIdr: 1_750_000_000,
    });
    expect(v1.content.agreements.budget).toEqual({
      agreements: 1,
      plannedIdr: 2_500_000_000,
      realisedIdr: 1_750_000_000,
    });
    expect(v1.content.agreements.lapsed).toBe(0);
    const again = await submit(fx.a, fx.adminA.token);
    expect(again.status).toBe(409);
    expect(((await again.json()) as ProblemBody).detail).toContain('sudah disampaikan');

    // frozen: an agreement begun after submission does not change what was submitted
    await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title: 'Sistem informasi kebencanaan', parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminA.token,
    ).then(async (r) =>
      confirmAgreement(h, ((await r.json()) as { id: string }).id, fx.b, fx.adminB.token),
    );
    const read = await h.json<Report>(`/v1/tenants/${fx.a}/annual-reports/${v1.id}`, {
      headers: bearer(fx.adminA.token),
    });
    expect(read.body.content.agreements.total).toBe(1);

    // only its province reviews it: Sigi and a province elsewhere see nothing
    expect(
      (
        await h.request(`/v1/tenants/${fx.b}/annual-reports/${v1.id}`, {
          headers: bearer(fx.adminB.token),
        })
      ).status,
    ).toBe(404);
    const bali = await regionTenantId(h, '51');
    const baliAdmin = await addMember(h, fx.platform.token, bali, 'admin');
    expect((await review(v1.id, { decision: 'accept' }, bali, baliAdmin.token)).status).toBe(404);
    expect((await review(v1.id, { decision: 'accept' }, fx.a, fx.adminA.token)).status).toBe(404);

    // returned with a note, then a second version accepted
    const noNote = await review(v1.id, { decision: 'return' });
    expect(noNote.status).toBe(400);
    expect(((await noNote.json()) as ProblemBody).errors?.[0]?.location).toBe('body.note');
    // the province's secretariat finds it in its inbox, to review (issue 28); the superseded
    // interim report no longer asks for a review
    type Item = { type: string; objectId: string; operation: string | null; text: string };
    const inboxOf = async (token: string) =>
      (await h.json<{ data: Item[] }>('/v1/me/inbox', { headers: bearer(token) })).body.data;
    expect(
      (await inboxOf(provinceAdmin.token)).filter((i) => i.type === 'annual_report.submitted'),
    ).toHaveLength(1);
    expect((await inboxOf(provinceAdmin.token)).find((i) => i.objectId === v1.id)).toMatchObject({
      type: 'annual_report.submitted',
      operation: 'reviewAnnualReport',
    });
    const returned = await review(v1.id, { decision: 'return', note: 'Lampirkan SK penetapan.' });
    expect(((await returned.json()) as Report).status).toBe('returned');
    // returned: the province's item closes, the region is asked to correct it
    expect((await inboxOf(provinceAdmin.token)).some((i) => i.objectId === v1.id)).toBe(false);
    const toCorrect = (await inboxOf(fx.adminA.token)).find((i) => i.objectId === v1.id)!;
    expect(toCorrect).toMatchObject({
      type: 'annual_report.returned',
      operation: 'submitAnnualReport',
    });
    expect(toCorrect.text).toBe(
      `Pemerintah Provinsi Sulawesi Tengah mengembalikan laporan tahunan tahun ${year} untuk diperbaiki: Lampirkan SK penetapan.`,
    );
    expect(lastEmailTo(h, fx.adminA.email).text).toContain('Lampirkan SK penetapan.');
    const second = await submit(fx.a, fx.adminA.token);
    const v2 = (await second.json()) as Report;
    expect(v2).toMatchObject({ status: 'submitted', version: 3 });
    // submitted again: the region's "returned" item closes by itself
    expect((await inboxOf(fx.adminA.token)).some((i) => i.objectId === v1.id)).toBe(false);
    // the agreement begun after the year ended is not the year's
    expect(v2.content.agreements.total).toBe(1);
    const accepted = await review(v2.id, { decision: 'accept' });
    expect(((await accepted.json()) as Report).status).toBe('accepted');
    expect((await review(v2.id, { decision: 'return', note: 'lagi' })).status).toBe(409);

    // the province sees who has reported, and forwards its consolidated report
    const reporting = await h.json<{
      data: { regionCode: string; status: string }[];
      summary: { accepted: number; notReported: number };
    }>(`/v1/tenants/${province}/annual-reporting/${year}`, {
      headers: bearer(provinceAdmin.token),
    });
    expect(reporting.body.data.find((d) => d.regionCode === '72.71')?.status).toBe('accepted');
    expect(reporting.body.data.find((d) => d.regionCode === '72.10')?.status).toBe('not_reported');
    expect(reporting.body.summary.accepted).toBe(1);
    expect(reporting.body.summary.notReported).toBe(12);
    // Sigi reports too: the province forwards only once it has reviewed it
    const sigi = await submit(fx.b, fx.adminB.token);
    expect(sigi.status, await sigi.clone().text()).toBe(201);
    const waiting = await submit(province, provinceAdmin.token);
    expect(waiting.status).toBe(409);
    expect(((await waiting.json()) as ProblemBody).detail).toContain(
      'laporan Kabupaten Sigi belum ditelaah',
    );
    expect((await review(((await sigi.json()) as Report).id, { decision: 'accept' })).status).toBe(
      200,
    );
    const forwarded = await submit(province, provinceAdmin.token);
    expect(forwarded.status, await forwarded.clone().text()).toBe(201);
    const consolidated = (await forwarded.json()) as Report;
    expect(consolidated).toMatchObject({ status: 'forwarded', scope: 'province' });
    expect(consolidated.content.reporting?.notReported).toContain('72.03');
    expect(consolidated.stale).toBeNull();

    // Donggala reports after the province forwarded, and is returned: the forwarded report is
    // stale and says so, until the province forwards a new version
    const donggala = await regionTenantId(h, '72.03');
    const donggalaAdmin = await addMember(h, fx.platform.token, donggala, 'admin');
    const late = (await (await submit(donggala, donggalaAdmin.token)).json()) as Report;
    expect((await review(late.id, { decision: 'return', note: 'Lengkapi evaluasi.' })).status).toBe(
      200,
    );
    const staleRead = await h.json<Report>(
      `/v1/tenants/${province}/annual-reports/${consolidated.id}`,
      { headers: bearer(provinceAdmin.token) },
    );
    expect(staleRead.body.stale?.regionCode).toBe('72.03');
    expect(staleRead.body.stale?.message.id).toBe(
      'Laporan ini tidak lagi mutakhir: Kabupaten Donggala menyampaikan laporan setelah laporan provinsi diteruskan. Sampaikan versi baru.',
    );
    const renewed = await submit(province, provinceAdmin.token);
    expect(renewed.status, await renewed.clone().text()).toBe(201);
    expect((await renewed.json()) as Report).toMatchObject({ version: 2, stale: null });

    // counted nationally, for the platform admin only
    const national = await h.json<{
      data: { provinceCode: string; forwarded: boolean; reported: number; accepted: number }[];
      summary: { forwarded: number; accepted: number };
    }>(`/v1/admin/annual-reports/${year}`, { headers: bearer(fx.platform.token) });
    expect(national.body.data.find((d) => d.provinceCode === '72')).toMatchObject({
      forwarded: true,
      reported: 3,
      accepted: 2,
    });
    expect(national.body.summary).toMatchObject({ forwarded: 1, accepted: 2 });
    expect(
      (await h.request(`/v1/admin/annual-reports/${year}`, { headers: bearer(fx.adminA.token) }))
        .status,
    ).toBe(403);
  });

  it('refuses a year not yet begun, naming the field', async () => {
    const res = await submit(fx.b, fx.adminB.token, { year: year + 2 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors?.[0]?.location).toBe('body.year');
  });
});
