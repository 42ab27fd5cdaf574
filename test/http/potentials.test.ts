import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  newUser,
  patch,
  platformAdmin,
  post,
  regionTenantId,
} from '../support/actors';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';
import { potentialBody, publishPotential } from '../support/potentials';

type Potential = {
  id: string;
  status: string;
  version: number;
  title: string;
  returnReason: string | null;
};
type Page = {
  data: (Potential & { regionName: string; score: number | null })[];
  total: number;
  nextCursor: string | null;
};

let h: Harness;
let platform: { token: string };
// Kabupaten Lombok Tengah (52.02) maps its potentials; Universitas Mataram is a partner.
let tenant: string;
let admin: { token: string; email: string };
let head: { token: string };
let liaison: { token: string; email: string; name?: string };
let otherLiaison: { token: string };
let agencyId: string;

const transition = (id: string, body: Record<string, unknown>, token: string) =>
  post(h, `/v1/tenants/${tenant}/potentials/${id}/transitions`, body, token);

/** Each top-level `describe` builds its own: a fresh app and database, and the fixtures on them. */
function fixtures() {
  beforeAll(async () => {
    h = await createHarness();
    platform = await platformAdmin(h);
    tenant = await regionTenantId(h, '52.02');
    admin = await addMember(h, platform.token, tenant, 'admin');
    head = await addMember(h, admin.token, tenant, 'head');
    const agency = await post(
      h,
      `/v1/tenants/${tenant}/agencies`,
      { name: 'Dinas Pariwisata', shortName: 'Dispar' },
      admin.token,
    );
    agencyId = ((await agency.json()) as { id: string }).id;
    const other = await post(h, `/v1/tenants/${tenant}/agencies`, { name: 'BPBD' }, admin.token);
    liaison = await addMember(h, admin.token, tenant, 'liaison', agencyId);
    otherLiaison = await addMember(
      h,
      admin.token,
      tenant,
      'liaison',
      ((await other.json()) as { id: string }).id,
    );
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });
}

describe('from the mapping form to a partner’s accepted interest', () => {
  fixtures();
  it('drafts, prioritises, establishes, publishes; anyone finds it; a partner expresses interest; contacts only after acceptance', async () => {
    // a mapping round
    const round = await post(
      h,
      `/v1/tenants/${tenant}/rounds`,
      {
        title: 'Pemetaan Potensi 2026',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        deadline: '2026-12-15',
      },
      admin.token,
    );
    expect(round.status).toBe(201);
    const roundId = ((await round.json()) as { id: string }).id;

    // 1. the liaison drafts for their agency
    const draft = await post(
      h,
      `/v1/tenants/${tenant}/potentials`,
      potentialBody({
        title: 'Paket wisata halal terpadu Mandalika',
        activity: 'Pengembangan paket wisata bersama dan pelatihan SDM pariwisata.',
        problem:
          'Kunjungan wisatawan belum merata dan tingkat kemiskinan di desa penyangga tinggi.',
        direction: 'offer',
        cooperationKinds: ['KSDD', 'KSDPK'],
        affairs: ['pariwisata', 'tenaga_kerja'],
        issues: ['pariwisata', 'kemiskinan_ekstrem'],
        model: 'joint_agreement',
        valueIdr: 3_500_000_000,
        districtCode: '52.02.01',
        roundId,
      }),
      liaison.token,
    );
    expect(draft.status, await draft.clone().text()).toBe(201);
    const p = (await draft.json()) as Potential & { agencyId: string };
    expect(p).toMatchObject({ status: 'draft', agencyId });

    // unpublished: nowhere in the catalogue
    expect((await h.json<Page>('/v1/catalog/potentials?q=mandalika')).body.total).toBe(0);
    expect((await h.request(`/v1/catalog/potentials/${p.id}`)).status).toBe(404);

    expect((await transition(p.id, { action: 'submit' }, liaison.token)).status).toBe(200);
    const round1 = await h.json<{
      agencies: { agencyId: string; submitted: number; hasRequiredLiaisons: boolean }[];
    }>(`/v1/tenants/${tenant}/rounds/${roundId}`, { headers: bearer(admin.token) });
    expect(round1.body.agencies.find((a) => a.agencyId === agencyId)).toMatchObject({
      submitted: 1,
      hasRequiredLiaisons: false,
    });

    // 2. the TKKSD plenary prioritises (Berita Acara), 3. the head establishes (SK), 4. the admin publishes
    const missingBa = await transition(p.id, { action: 'prioritise' }, admin.token);
    expect(missingBa.status).toBe(400);
    expect(((await missingBa.json()) as ProblemBody).errors?.map((e) => e.location)).toEqual([
      'body.baNumber',
      'body.baDate',
      'body.priorityRank',
    ]);
    expect(
      (
        await transition(
          p.id,
          {
            action: 'prioritise',
            baNumber: 'BA/TKKSD/12/2026',
            baDate: '2026-11-02',
            priorityRank: 1,
          },
          admin.token,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await transition(
          p.id,
          { action: 'establish', skNumber: '188.45/123/2026', skDate: '2026-11-10' },
          head.token,
        )
      ).status,
    ).toBe(200);
    const published = await transition(p.id, { action: 'publish' }, admin.token);
    expect(published.status).toBe(200);
    expect(((await published.json()) as Potential).status).toBe('published');

    // 5. an anonymous client finds it by an Indonesian word stem and by filters
    for (const q of ['miskin', 'wisata', 'Mandalika']) {
      const found = await h.json<Page>(`/v1/catalog/potentials?q=${encodeURIComponent(q)}`);
      expect(
        found.body.data.map((d) => d.id),
        q,
      ).toContain(p.id);
    }
    const filtered = await h.json<Page>(
      '/v1/catalog/potentials?province=52&direction=offer&affairs=pariwisata&kind=KSDPK&valueMin=1000000000&valueMax=5000000000',
    );
    expect(filtered.body.data.map((d) => d.id)).toEqual([p.id]);
    expect(filtered.body.data[0]!.regionName).toBe('Kabupaten Lombok Tengah');
    expect(
      (await h.json<Page>('/v1/catalog/potentials?province=52&direction=need')).body.total,
    ).toBe(0);

    // 6. a partner expresses interest
    const partnerFounder = await newUser(h, 'unram');
    const partner = (await (
      await post(
        h,
        '/v1/partners',
        { name: 'Universitas Mataram', kind: 'university' },
        partnerFounder.token,
      )
    ).json()) as { id: string };
    // an unverified partner cannot express interest yet; the platform verifies it
    const early = await post(
      h,
      `/v1/catalog/potentials/${p.id}/interests`,
      { fromTenantId: partner.id, message: 'Kami berminat.' },
      partnerFounder.token,
    );
    expect(early.status).toBe(403);
    expect(((await early.json()) as { detail: string }).detail).toContain('belum diverifikasi');
    const platform = await platformAdmin(h);
    expect(
      (await post(h, `/v1/admin/tenants/${partner.id}/verify`, {}, platform.token)).status,
    ).toBe(200);
    const interest = await post(
      h,
      `/v1/catalog/potentials/${p.id}/interests`,
      {
        fromTenantId: partner.id,
        message: 'Kami siap melatih pemandu wisata <b>bersertifikat</b>.',
      },
      partnerFounder.token,
    );
    expect(interest.status).toBe(201);
    const interestBody = (await interest.json()) as {
      id: string;
      contacts: unknown;
      message: string;
    };
    expect(interestBody.contacts).toBeNull();
    expect(interestBody.message).toBe('Kami siap melatih pemandu wisata <b>bersertifikat</b>.');
    expect(
      (
        await post(
          h,
          `/v1/catalog/potentials/${p.id}/interests`,
          { fromTenantId: partner.id, message: 'Lagi' },
          partnerFounder.token,
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await post(
          h,
          `/v1/catalog/potentials/${p.id}/interests`,
          { fromTenantId: tenant, message: 'Milik sendiri' },
          admin.token,
        )
      ).status,
    ).toBe(400);

    // the sender sees no contacts while pending
    const sent = await h.json<{ data: { id: string; contacts: unknown; status: string }[] }>(
      `/v1/tenants/${partner.id}/interests?box=sent`,
      { headers: bearer(partnerFounder.token) },
    );
    expect(sent.body.data[0]).toMatchObject({
      id: interestBody.id,
      status: 'pending',
      contacts: null,
    });

    // 7. the owner accepts from the inbox; only now both sides see the responsible officials
    const inbox = await h.json<{ data: { id: string; fromTenantName: string }[] }>(
      `/v1/tenants/${tenant}/interests?status=pending`,
      { headers: bearer(admin.token) },
    );
    expect(inbox.body.data[0]).toMatchObject({
      id: interestBody.id,
      fromTenantName: 'Universitas Mataram',
    });
    const decided = await post(
      h,
      `/v1/tenants/${tenant}/interests/${interestBody.id}/decision`,
      { decision: 'accept', note: 'Mari bertemu.' },
      admin.token,
    );
    expect(decided.status).toBe(200);
    const accepted = await h.json<{
      data: {
        status: string;
        contacts: { owner: { email: string; role: string }[]; interested: { email: string }[] };
      }[];
    }>(`/v1/tenants/${partner.id}/interests?box=sent`, { headers: bearer(partnerFounder.token) });
    expect(accepted.body.data[0]!.status).toBe('accepted');
    expect(accepted.body.data[0]!.contacts.owner.map((o) => o.email)).toEqual([liaison.email]);
    expect(accepted.body.data[0]!.contacts.interested.map((o) => o.email)).toEqual([
      partnerFounder.email,
    ]);
    expect(
      (
        await post(
          h,
          `/v1/tenants/${tenant}/interests/${interestBody.id}/decision`,
          { decision: 'decline' },
          admin.token,
        )
      ).status,
    ).toBe(409);

    // the history records every step
    const detail = await h.json<{ history: { action: string }[] }>(
      `/v1/tenants/${tenant}/potentials/${p.id}`,
      { headers: bearer(admin.token) },
    );
    expect(detail.body.history.map((e) => e.action)).toEqual([
      'created',
      'submit',
      'prioritise',
      'establish',
      'publish',
    ]);
  });
});

describe('lifecycle rules', () => {
  fixtures();
  const create = async (token: string, overrides: Record<string, unknown> = {}) => {
    const res = await post(h, `/v1/tenants/${tenant}/potentials`, potentialBody(overrides), token);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Potential;
  };

  it('refuses a liaison publishing, naming the rule', async () => {
    const p = await create(liaison.token);
    const res = await transition(p.id, { action: 'publish' }, liaison.token);
    expect(res.status).toBe(403);
    expect(((await res.json()) as ProblemBody).detail).toContain(
      'hanya admin TKKSD yang menerbitkan',
    );
  });

  it('refuses a head prioritising a draft, naming the rule', async () => {
    const p = await create(liaison.token);
    const res = await transition(
      p.id,
      { action: 'prioritise', baNumber: 'BA/1', baDate: '2026-11-01', priorityRank: 2 },
      head.token,
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as ProblemBody).detail).toContain(
      'hanya admin TKKSD yang memprioritaskan',
    );
    const en = await post(
      h,
      `/v1/tenants/${tenant}/potentials/${p.id}/transitions`,
      { action: 'prioritise', baNumber: 'BA/1', baDate: '2026-11-01', priorityRank: 2 },
      admin.token,
      { 'accept-language': 'en' },
    );
    expect(en.status).toBe(409);
    expect(((await en.json()) as ProblemBody).detail).toContain('only a submitted potential');
  });

  it('refuses editing an archived potential, naming the rule', async () => {
    const p = await create(admin.token);
    expect((await transition(p.id, { action: 'archive' }, admin.token)).status).toBe(200);
    const res = await patch(
      h,
      `/v1/tenants/${tenant}/potentials/${p.id}`,
      { title: 'Coba ubah' },
      admin.token,
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as ProblemBody).detail).toContain('tidak dapat diubah');
  });

  it('keeps a liaison to their own agency', async () => {
    const p = await create(liaison.token);
    expect(
      (
        await patch(
          h,
          `/v1/tenants/${tenant}/potentials/${p.id}`,
          { title: 'Bukan urusan saya' },
          otherLiaison.token,
        )
      ).status,
    ).toBe(403);
    expect((await transition(p.id, { action: 'submit' }, otherLiaison.token)).status).toBe(403);
  });

  it('returns for revision with a reason, and the liaison resubmits', async () => {
    const p = await create(liaison.token);
    await transition(p.id, { action: 'submit' }, liaison.token);
    const noReason = await transition(p.id, { action: 'return' }, admin.token);
    expect(noReason.status).toBe(400);
    const returned = await transition(
      p.id,
      { action: 'return', reason: 'Lengkapi indikator kinerja.' },
      admin.token,
    );
    expect((await returned.json()) as Potential).toMatchObject({
      status: 'returned',
      returnReason: 'Lengkapi indikator kinerja.',
    });
    expect(
      (
        await patch(
          h,
          `/v1/tenants/${tenant}/potentials/${p.id}`,
          { outcomeIndicator: 'Indeks kepuasan wisatawan' },
          liaison.token,
        )
      ).status,
    ).toBe(200);
    expect((await transition(p.id, { action: 'submit' }, liaison.token)).status).toBe(200);
  });

  it('revises a published potential without leaving the catalogue; the owner sees the revisions', async () => {
    const p = await create(admin.token, {
      title: 'Pengelolaan sampah regional terpadu',
      activity: 'Tempat pemrosesan akhir sampah bersama.',
      issues: [],
      affairs: ['lingkungan_hidup'],
    });
    await transition(p.id, { action: 'submit' }, admin.token);
    await transition(
      p.id,
      { action: 'prioritise', baNumber: 'BA/2', baDate: '2026-11-02', priorityRank: 3 },
      admin.token,
    );
    await transition(
      p.id,
      { action: 'establish', skNumber: 'SK/2', skDate: '2026-11-03' },
      head.token,
    );
    await transition(p.id, { action: 'publish' }, admin.token);
    // "kelola" is not stemmed to "pengelolaan": the trigram fallback still finds it
    expect(
      (await h.json<Page>('/v1/catalog/potentials?q=kelola')).body.data.map((d) => d.id),
    ).toContain(p.id);

    const revised = await patch(
      h,
      `/v1/tenants/${tenant}/potentials/${p.id}`,
      { valueIdr: 9_000_000_000 },
      admin.token,
    );
    expect((await revised.json()) as Potential).toMatchObject({ status: 'published', version: 2 });
    expect(
      (await h.json<{ version: number; valueIdr: number }>(`/v1/catalog/potentials/${p.id}`)).body,
    ).toMatchObject({ version: 2, valueIdr: 9_000_000_000 });
    const detail = await h.json<{
      revisions: { version: number; snapshot: { valueIdr: number } }[];
    }>(`/v1/tenants/${tenant}/potentials/${p.id}`, { headers: bearer(admin.token) });
    expect(detail.body.revisions).toHaveLength(1);
    expect(detail.body.revisions[0]).toMatchObject({
      version: 1,
      snapshot: { valueIdr: 1_500_000_000 },
    });
  });

  it('drops a potential from the catalogue when it expires', async () => {
    const soon = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const p = await create(admin.token, {
      title: 'Kerja sama pengendalian inflasi pangan',
      expiresOn: soon,
      issues: ['inflasi'],
    });
    await transition(p.id, { action: 'submit' }, admin.token);
    await transition(
      p.id,
      { action: 'prioritise', baNumber: 'BA/3', baDate: '2026-11-02', priorityRank: 4 },
      admin.token,
    );
    await transition(
      p.id,
      { action: 'establish', skNumber: 'SK/3', skDate: '2026-11-03' },
      head.token,
    );
    await transition(p.id, { action: 'publish' }, admin.token);
    expect((await h.request(`/v1/catalog/potentials/${p.id}`)).status).toBe(200);
    h.advance(3 * 86400_000);
    try {
      expect((await h.request(`/v1/catalog/potentials/${p.id}`)).status).toBe(404);
    } finally {
      h.advance(-3 * 86400_000);
    }
  });
});

describe('bad input', () => {
  fixtures();
  it.each([
    [{ affairs: ['pariwisata', 'sihir'] }, 'body.affairs.1'],
    [{ issues: ['banjir_bandang'] }, 'body.issues.0'],
    [{ cooperationKinds: ['KSDX'] }, 'body.cooperationKinds.0'],
    [{ model: 'koperasi' }, 'body.model'],
    [{ districtCode: '32.73.01' }, 'body.districtCode'],
    [{ districtCode: 'nope' }, 'body.districtCode'],
    [{ valueIdr: -5 }, 'body.valueIdr'],
    [{ expiresOn: '2020-01-01' }, 'body.expiresOn'],
    [{ expiresOn: '2027-02-30' }, 'body.expiresOn'],
    [{ direction: 'both' }, 'body.direction'],
    [{ process: [] }, 'body.process'],
    [{ title: '' }, 'body.title'],
  ])('%o → 400 naming %s, nothing stored', async (override, location) => {
    const before = (
      await h.client.query<{ n: number }>('select count(*)::int as n from potentials')
    ).rows[0]!.n;
    const res = await post(
      h,
      `/v1/tenants/${tenant}/potentials`,
      potentialBody(override),
      admin.token,
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors?.map((e) => e.location)).toContain(location);
    expect(
      (await h.client.query<{ n: number }>('select count(*)::int as n from potentials')).rows[0]!.n,
    ).toBe(before);
  });

  it('refuses unknown codes and bad values in catalogue filters with 400 naming the parameter', async () => {
    expect((await h.request('/v1/catalog/potentials?valueMin=-1')).status).toBe(400);
    expect((await h.request('/v1/catalog/potentials?province=5')).status).toBe(400);
    expect((await h.request('/v1/catalog/potentials?sort=random')).status).toBe(400);
    for (const [qs, location] of [
      ['region=99.99', 'query.region'],
      ['province=99', 'query.province'],
      ['affairs=pariwisata,sihir', 'query.affairs.1'],
      ['issues=banjir', 'query.issues'],
      ['kind=KSDX', 'query.kind'],
      ['valueMin=10&valueMax=1', 'query.valueMax'],
    ]) {
      for (const path of [
        '/v1/catalog/potentials',
        '/v1/catalog/potentials/facets',
        '/v1/catalog/export.csv',
      ]) {
        const res = await h.request(`${path}?${qs}`);
        expect(res.status, `${path}?${qs}`).toBe(400);
        expect(((await res.json()) as ProblemBody).errors?.map((e) => e.location)).toContain(
          location,
        );
      }
    }
  });

  it('stores HTML and script as text and never returns markup', async () => {
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const res = await post(
      h,
      `/v1/tenants/${tenant}/potentials`,
      potentialBody({ title: script, activity: `Kegiatan ${script}` }),
      admin.token,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = (await res.json()) as Potential;
    expect(body.title).toBe(script);
    const csv = await h.request('/v1/catalog/export.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });
});

describe('catalogue facets, export and partners', () => {
  fixtures();
  beforeAll(async () => {
    // the region's catalogue: two published tourism potentials, an offer and a need
    await publishPotential(h, tenant, admin, head, { affairs: ['pariwisata'], direction: 'offer' });
    await publishPotential(h, tenant, admin, head, { affairs: ['pariwisata'], direction: 'need' });
  }, 60_000);
  it('counts per filter value and exports with a stable column set', async () => {
    const facets = await h.json<{
      total: number;
      affairs: { code: string; label: string; count: number }[];
      direction: { code: string; count: number }[];
    }>('/v1/catalog/potentials/facets');
    expect(facets.status).toBe(200);
    expect(facets.body.total).toBeGreaterThan(0);
    const tourism = facets.body.affairs.find((a) => a.code === 'pariwisata');
    expect(tourism).toMatchObject({ label: 'Pariwisata' });
    expect(facets.body.direction.reduce((s, d) => s + d.count, 0)).toBe(facets.body.total);

    const csv = await (await h.request('/v1/catalog/export.csv')).text();
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toBe(
      'id,title,direction,region_code,region_name,province_code,district_code,cooperation_kinds,mandatory,affairs,issues,model,value_idr,horizon,expires_on,published_at,activity,outputs,outcome,outcome_indicator,sk_number,sk_date,is_demo',
    );
    expect(lines.length).toBe(facets.body.total);
    const json = await h.json<{ columns: string[]; data: Record<string, unknown>[] }>(
      '/v1/catalog/export.json',
    );
    expect(json.body.columns.join(',')).toBe(header);
    expect(json.body.data).toHaveLength(facets.body.total);
  });

  it('lists verified partners with their profiles, and region profiles publicly', async () => {
    const founder = await newUser(h, 'ngo');
    const ngo = (await (
      await post(h, '/v1/partners', { name: 'Yayasan Tangguh Bencana', kind: 'ngo' }, founder.token)
    ).json()) as { id: string };
    const profile = await h.request(`/v1/tenants/${ngo.id}/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(founder.token) },
      body: JSON.stringify({
        summary: 'Pelatihan desa tangguh bencana',
        issues: ['penanggulangan_bencana'],
        sectors: ['perubahan_iklim'],
        regionsOfInterest: ['72.71', '52.02'],
        engagementMinIdr: 100_000_000,
        engagementMaxIdr: 2_000_000_000,
      }),
    });
    expect(profile.status).toBe(200);
    const bad = await h.request(`/v1/tenants/${ngo.id}/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(founder.token) },
      body: JSON.stringify({
        regionsOfInterest: ['99.99'],
        engagementMinIdr: 5,
        engagementMaxIdr: 1,
      }),
    });
    expect(((await bad.json()) as ProblemBody).errors?.map((e) => e.location).sort()).toEqual([
      'body.engagementMaxIdr',
      'body.regionsOfInterest.0',
    ]);

    expect(
      (await h.json<{ data: { id: string }[] }>('/v1/catalog/partners')).body.data.map((p) => p.id),
    ).not.toContain(ngo.id); // unverified
    await post(h, `/v1/admin/tenants/${ngo.id}/verify`, {}, platform.token);
    const listed = await h.json<{ data: { id: string; issues: string[] }[] }>(
      '/v1/catalog/partners?issues=penanggulangan_bencana',
    );
    expect(listed.body.data.find((p) => p.id === ngo.id)).toMatchObject({
      issues: ['penanggulangan_bencana'],
    });

    await h.request(`/v1/tenants/${tenant}/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(admin.token) },
      body: JSON.stringify({
        summary: 'Gerbang Mandalika',
        sectors: ['pariwisata_regional'],
        contacts: [
          {
            role: 'Kepala Bagian Kerja Sama',
            name: 'Lalu Ahmad',
            email: 'kerjasama@lomboktengahkab.go.id',
          },
        ],
      }),
    });
    const regionProfile = await h.json<{ summary: string; contacts: { name: string }[] }>(
      '/v1/catalog/regions/52.02/profile',
    );
    expect(regionProfile.body).toMatchObject({
      summary: 'Gerbang Mandalika',
      contacts: [{ name: 'Lalu Ahmad' }],
    });
  });
});

describe('reports for facilitators', () => {
  fixtures();
  beforeAll(async () => {
    // Lombok Tengah has mapped this year: two potentials published
    await publishPotential(h, tenant, admin, head, { title: 'Wisata halal Mandalika' });
    await publishPotential(h, tenant, admin, head, { title: 'Pengelolaan sampah kawasan' });
  }, 60_000);
  it('shows a province each kabupaten/kota, and the platform admin all 38 provinces', async () => {
    const ntb = await regionTenantId(h, '52');
    const provinceViewer = await addMember(h, platform.token, ntb, 'admin');
    const report = await h.json<{
      data: {
        regionCode: string;
        claimed: boolean;
        mappedThisYear: boolean;
        potentials: Record<string, number>;
      }[];
      summary: { regions: number };
    }>(`/v1/tenants/${ntb}/reports/mapping`, { headers: bearer(provinceViewer.token) });
    expect(report.status).toBe(200);
    expect(report.body.summary.regions).toBe(10);
    const lombokTengah = report.body.data.find((d) => d.regionCode === '52.02')!;
    expect(lombokTengah).toMatchObject({ claimed: true, mappedThisYear: true });
    expect(lombokTengah.potentials.published).toBeGreaterThanOrEqual(2);
    // a kabupaten is not a province
    expect(
      (await h.request(`/v1/tenants/${tenant}/reports/mapping`, { headers: bearer(admin.token) }))
        .status,
    ).toBe(404);

    const national = await h.json<{
      data: { provinceCode: string; mappedThisYear: number }[];
      summary: { regions: number };
    }>('/v1/admin/reports/mapping', { headers: bearer(platform.token) });
    expect(national.body.data).toHaveLength(38);
    expect(national.body.summary.regions).toBe(508); // 514 less DKI Jakarta's six administrative
    expect(national.body.data.find((d) => d.provinceCode === '52')!.mappedThisYear).toBe(1);
    expect(
      (await h.request('/v1/admin/reports/mapping', { headers: bearer(admin.token) })).status,
    ).toBe(403);
  });
});
