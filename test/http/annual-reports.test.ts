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
const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

type Report = {
  id: string;
  status: string;
  version: number;
  scope: string;
  content: {
    agreements: { total: number; byStage: Record<string, number> };
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
}, 60_000);
afterAll(() => h?.close());

const submit = (tenant: string, token: string, body: unknown = { year }) =>
  post(h, `/v1/tenants/${tenant}/annual-reports`, body, token);
const review = (id: string, body: unknown, tenant = province, token = provinceAdmin.token) =>
  post(h, `/v1/tenants/${tenant}/annual-reports/${id}/review`, body, token);

describe('annual reports', () => {
  it('submits a region’s report, reviewed by its province and counted nationally', async () => {
    const draft = await h.json<Report['content']>(
      `/v1/tenants/${fx.a}/annual-report-drafts/${year}`,
      { headers: bearer(fx.adminA.token) },
    );
    expect(draft.status).toBe(200);
    expect(draft.body.agreements.byStage.kesepakatan_bersama).toBe(1);

    const first = await submit(fx.a, fx.adminA.token);
    expect(first.status, await first.clone().text()).toBe(201);
    const v1 = (await first.json()) as Report;
    expect(v1).toMatchObject({ status: 'submitted', version: 1, scope: 'region' });
    expect(lastEmailTo(h, provinceAdmin.email).subject).toContain('Laporan tahunan');
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
    const returned = await review(v1.id, { decision: 'return', note: 'Lampirkan SK penetapan.' });
    expect(((await returned.json()) as Report).status).toBe('returned');
    expect(lastEmailTo(h, fx.adminA.email).text).toContain('Lampirkan SK penetapan.');
    const second = await submit(fx.a, fx.adminA.token);
    const v2 = (await second.json()) as Report;
    expect(v2).toMatchObject({ status: 'submitted', version: 2 });
    expect(v2.content.agreements.total).toBe(2);
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
    const forwarded = await submit(province, provinceAdmin.token);
    expect(forwarded.status, await forwarded.clone().text()).toBe(201);
    const consolidated = (await forwarded.json()) as Report;
    expect(consolidated).toMatchObject({ status: 'forwarded', scope: 'province' });
    expect(consolidated.content.reporting?.notReported).toContain('72.10');

    // counted nationally, for the platform admin only
    const national = await h.json<{
      data: { provinceCode: string; forwarded: boolean; reported: number; accepted: number }[];
      summary: { forwarded: number; accepted: number };
    }>(`/v1/admin/annual-reports/${year}`, { headers: bearer(fx.platform.token) });
    expect(national.body.data.find((d) => d.provinceCode === '72')).toMatchObject({
      forwarded: true,
      reported: 1,
      accepted: 1,
    });
    expect(national.body.summary).toMatchObject({ forwarded: 1, accepted: 1 });
    expect(
      (await h.request(`/v1/admin/annual-reports/${year}`, { headers: bearer(fx.adminA.token) }))
        .status,
    ).toBe(403);
  });

  it('refuses a year not yet begun, naming the field', async () => {
    const res = await submit(fx.b, fx.adminB.token, { year: year + 1 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors?.[0]?.location).toBe('body.year');
  });
});
