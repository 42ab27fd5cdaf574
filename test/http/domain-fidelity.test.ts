import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  patch,
  post,
  put,
  regionTenantId,
  twoRegions,
  verifiedPartner,
} from '../support/actors';
import { confirmAgreement, signByAll } from '../support/agreements';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';
import { potentialBody, publishPotential } from '../support/potentials';

/** A potential and an agreement name their object; the regulations that then apply come back as a checklist. */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
/** Each top-level `describe` builds its own: a fresh app and database, and the fixtures on them. */
function fixtures() {
  beforeAll(async () => {
    h = await createHarness();
    fx = await twoRegions(h);
  }, 60_000);
  afterAll(() => h?.close());
}

type Regulated = { regulations: { code: string; title: string }[] };

describe('the object of cooperation and its regulations', () => {
  fixtures();
  it('lists the regulations for a potential about regional assets', async () => {
    const res = await post(
      h,
      `/v1/tenants/${fx.a}/potentials`,
      potentialBody({ object: 'aset_daerah', cooperationKinds: ['KSDD'] }),
      fx.adminA.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const got = await h.json<Regulated & { object: string }>(
      `/v1/tenants/${fx.a}/potentials/${id}`,
      { headers: { authorization: `Bearer ${fx.adminA.token}` } },
    );
    expect(got.body.object).toBe('aset_daerah');
    expect(got.body.regulations.map((r) => r.code)).toEqual([
      'PP 28/2018',
      'Permendagri 22/2020',
      'PP 27/2014',
      'Permendagri 19/2016',
    ]);
  });

  it('refuses an object that is not in the list, naming the field', async () => {
    const res = await post(
      h,
      `/v1/tenants/${fx.a}/potentials`,
      potentialBody({ object: 'apa_saja' }),
      fx.adminA.token,
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors?.[0]?.location).toBe('body.object');
  });

  it('lists procurement rules on an agreement about goods and services', async () => {
    const res = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      {
        title: 'Pengadaan bersama alat berat',
        parties: [fx.a, fx.b],
        kind: 'KSDD',
        object: 'barang_jasa',
      },
      fx.adminA.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as Regulated).regulations.map((r) => r.code)).toEqual([
      'PP 28/2018',
      'Permendagri 22/2020',
      'Perpres 16/2018',
      'Peraturan LKPP 9/2018',
    ]);
  });
});

describe('who signs, and when the DPRD approves', () => {
  fixtures();
  it('takes a Kesepakatan Bersama only from the heads, and a PKS from a delegated official with the delegation named', async () => {
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title: 'Pengelolaan DAS Palu bersama', parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminA.token,
    );
    const { id } = (await created.json()) as { id: string };
    await confirmAgreement(h, id, fx.b, fx.adminB.token);
    const sign = (body: Record<string, unknown>) =>
      post(h, `/v1/tenants/${fx.a}/agreements/${id}/signatures`, body, fx.adminA.token);
    const kb = { number: 'KB/7/2026', date: '2026-11-01' };
    const delegatedKb = await sign({
      stage: 'kesepakatan_bersama',
      signatoryName: 'Sekretaris Daerah',
      signatoryPosition: 'Sekda Kota Palu',
      signatoryCapacity: 'delegated',
      delegationRef: 'SK/1/2026',
      signedOn: '2026-11-01',
      document: kb,
    });
    expect(delegatedKb.status).toBe(400);
    expect(((await delegatedKb.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.signatoryCapacity',
    );
    await signByAll(h, id, 'kesepakatan_bersama', kb, [
      { tenant: fx.a, token: fx.adminA.token, name: 'Hadianto Rasyid', position: 'Wali Kota Palu' },
      { tenant: fx.b, token: fx.adminB.token, name: 'Rizal Intjenae', position: 'Bupati Sigi' },
    ]);
    const pks = {
      number: 'PKS/7/2026',
      date: '2026-11-20',
      start: '2026-12-01',
      end: '2028-12-01',
      burdensBudget: false,
    };
    const noRef = await sign({
      stage: 'perjanjian_kerja_sama',
      signatoryName: 'Kepala Bappeda',
      signatoryPosition: 'Kepala Bappeda Kota Palu',
      signatoryCapacity: 'delegated',
      signedOn: '2026-11-20',
      document: pks,
    });
    expect(((await noRef.json()) as ProblemBody).errors?.[0]?.location).toBe('body.delegationRef');
    const ok = await sign({
      stage: 'perjanjian_kerja_sama',
      signatoryName: 'Kepala Bappeda',
      signatoryPosition: 'Kepala Bappeda Kota Palu',
      signatoryCapacity: 'delegated',
      delegationRef: 'Surat Kuasa 800/12/2026',
      signedOn: '2026-11-20',
      document: pks,
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const body = (await ok.json()) as {
      signatures: { stage: string; signatoryCapacity: string; delegationRef: string | null }[];
    };
    expect(body.signatures.find((s) => s.stage === 'perjanjian_kerja_sama')).toMatchObject({
      signatoryCapacity: 'delegated',
      delegationRef: 'Surat Kuasa 800/12/2026',
    });
  });

  /** An agreement between the two regions with its Kesepakatan Bersama signed on `kbDate`. */
  const withKb = async (title: string, kbDate: string) => {
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title, parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminA.token,
    );
    const { id } = (await created.json()) as { id: string };
    await confirmAgreement(h, id, fx.b, fx.adminB.token);
    await signByAll(
      h,
      id,
      'kesepakatan_bersama',
      { number: `KB/${title.length}/2026`, date: kbDate },
      [
        {
          tenant: fx.a,
          token: fx.adminA.token,
          name: 'Hadianto Rasyid',
          position: 'Wali Kota Palu',
        },
        { tenant: fx.b, token: fx.adminB.token, name: 'Rizal Intjenae', position: 'Bupati Sigi' },
      ],
    );
    return (document: Record<string, unknown>) =>
      post(
        h,
        `/v1/tenants/${fx.a}/agreements/${id}/signatures`,
        {
          stage: 'perjanjian_kerja_sama',
          signatoryName: 'Hadianto Rasyid',
          signatoryPosition: 'Wali Kota Palu',
          signedOn: '2026-11-20',
          document,
        },
        fx.adminA.token,
      );
  };

  it('asks for the DPRD only when the PKS burdens the region and the public, or is not budgeted (PP 28/2018; seed 002)', async () => {
    const sign = await withKb('Angkutan sekolah lintas batas', '2026-11-01');
    const pks = {
      number: 'PKS/8/2026',
      date: '2026-11-20',
      start: '2026-12-01',
      end: '2028-12-01',
    };
    // burdening the APBD alone, budgeted this year: no DPRD approval asked
    const budgetOnly = await sign({ ...pks, burdensBudget: true, burdensPublic: false });
    expect(budgetOnly.status, await budgetOnly.clone().text()).toBe(200);
    const sign2 = await withKb('Retribusi parkir bersama', '2026-11-01');
    // the region and the public both burdened: the DPRD approves, number and date
    const both = await sign2({ ...pks, burdensBudget: true, burdensPublic: true });
    expect(both.status).toBe(400);
    const errors = ((await both.json()) as ProblemBody).errors ?? [];
    expect(errors.map((e) => e.location)).toEqual([
      'body.document.dprdApprovalRef',
      'body.document.dprdApprovalDate',
    ]);
    expect(errors[0]!.message).toContain('membebani daerah dan masyarakat');
  });

  it('keeps each party’s own register number and its own DPRD approval; the text, date and period stay one (Permendagri 22/2020; PP 28/2018)', async () => {
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title: 'Pengelolaan sampah regional', parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminA.token,
    );
    const { id } = (await created.json()) as { id: string };
    await confirmAgreement(h, id, fx.b, fx.adminB.token);
    const sign = (tenant: string, token: string, stage: string, document: object) =>
      post(
        h,
        `/v1/tenants/${tenant}/agreements/${id}/signatures`,
        {
          stage,
          signatoryName: 'Kepala Daerah',
          signatoryPosition: tenant === fx.a ? 'Wali Kota Palu' : 'Bupati Sigi',
          signedOn: '2026-11-02',
          document,
        },
        token,
      );
    const kbA = await sign(fx.a, fx.adminA.token, 'kesepakatan_bersama', {
      number: '119/12/PLU/2026',
      date: '2026-11-02',
    });
    expect(kbA.status, await kbA.clone().text()).toBe(200);
    // the same text under another register's number is no conflict; another date is
    const otherDate = await sign(fx.b, fx.adminB.token, 'kesepakatan_bersama', {
      number: '119/45/KS/2026',
      date: '2026-11-03',
    });
    expect(otherDate.status).toBe(409);
    expect(JSON.stringify(await otherDate.json())).toContain('date');
    const kbB = await sign(fx.b, fx.adminB.token, 'kesepakatan_bersama', {
      number: '119/45/KS/2026',
      date: '2026-11-02',
    });
    expect(kbB.status, await kbB.clone().text()).toBe(200);
    type Read = {
      stage: string;
      kbDate: string;
      parties: {
        id: string;
        kbNumber: string | null;
        pksNumber: string | null;
        dprdApprovalRef: string | null;
        dprdApprovalDate: string | null;
      }[];
    };
    const afterKb = (await kbB.json()) as Read;
    expect(afterKb.stage).toBe('kesepakatan_bersama');
    expect(afterKb.kbDate).toBe('2026-11-02');
    expect(Object.fromEntries(afterKb.parties.map((p) => [p.id, p.kbNumber]))).toEqual({
      [fx.a]: '119/12/PLU/2026',
      [fx.b]: '119/45/KS/2026',
    });
    // the PKS: Palu's cooperation burdens its APBD and its public, so its DPRD approves; Sigi's
    // share is budgeted and burdens only its budget, so its DPRD is not asked
    const term = { date: '2026-11-20', start: '2026-12-01', end: '2028-11-30' };
    const pksA = await sign(fx.a, fx.adminA.token, 'perjanjian_kerja_sama', {
      ...term,
      number: '180/77/HK/2026',
      burdensBudget: true,
      burdensPublic: true,
      dprdApprovalRef: '170/05/DPRD/2026',
      dprdApprovalDate: '2026-11-15',
    });
    expect(pksA.status, await pksA.clone().text()).toBe(200);
    const pksB = await sign(fx.b, fx.adminB.token, 'perjanjian_kerja_sama', {
      ...term,
      number: '415.4/21/PKS/2026',
      burdensBudget: true,
      burdensPublic: false,
    });
    expect(pksB.status, await pksB.clone().text()).toBe(200);
    const done = (await pksB.json()) as Read;
    expect(done.stage).toBe('perjanjian_kerja_sama');
    expect(done.parties.find((p) => p.id === fx.a)).toMatchObject({
      kbNumber: '119/12/PLU/2026',
      pksNumber: '180/77/HK/2026',
      dprdApprovalRef: '170/05/DPRD/2026',
      dprdApprovalDate: '2026-11-15',
    });
    expect(done.parties.find((p) => p.id === fx.b)).toMatchObject({
      kbNumber: '119/45/KS/2026',
      pksNumber: '415.4/21/PKS/2026',
      dprdApprovalRef: null,
      dprdApprovalDate: null,
    });
  });

  it('refuses a PKS dated before its Kesepakatan Bersama, or ending before it starts, naming both dates (PP 28/2018: KB, then PKS)', async () => {
    const sign = await withKb('Pengolahan air limbah bersama', '2026-11-10');
    const early = await sign({
      number: 'PKS/9/2026',
      date: '2026-11-05',
      start: '2026-12-01',
      end: '2028-12-01',
      burdensBudget: false,
    });
    expect(early.status).toBe(400);
    const [e] = ((await early.json()) as ProblemBody).errors ?? [];
    expect(e).toMatchObject({ location: 'body.document.date' });
    expect(e!.message).toBe(
      'tanggal PKS (5 November 2026) tidak boleh sebelum tanggal Kesepakatan Bersama (10 November 2026)',
    );
    const backwards = await sign({
      number: 'PKS/9/2026',
      date: '2026-11-20',
      start: '2027-01-01',
      end: '2026-12-31',
      burdensBudget: false,
    });
    const [b] = ((await backwards.json()) as ProblemBody).errors ?? [];
    expect(b).toMatchObject({ location: 'body.document.end' });
    expect(b!.message).toBe(
      'tanggal berakhir PKS (31 Desember 2026) harus setelah tanggal mulai berlaku PKS (1 Januari 2027)',
    );
  });
});

describe('the Berita Acara comes first, then the SK, and neither in the future', () => {
  fixtures();
  it('refuses a Berita Acara dated after today and an SK dated before its Berita Acara, naming both dates (PP 28/2018)', async () => {
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/potentials`,
      potentialBody({ title: 'Pasar induk hasil bumi bersama' }),
      fx.adminA.token,
    );
    const { id } = (await created.json()) as { id: string };
    const step = (body: Record<string, unknown>, token = fx.adminA.token) =>
      post(h, `/v1/tenants/${fx.a}/potentials/${id}/transitions`, body, token);
    expect((await step({ action: 'submit' })).status).toBe(200);
    const future = await step({
      action: 'prioritise',
      baNumber: 'BA/3/2026',
      baDate: '2099-01-05',
      priorityRank: 1,
    });
    expect(future.status).toBe(400);
    const [f] = ((await future.json()) as ProblemBody).errors ?? [];
    expect(f).toMatchObject({ location: 'body.baDate' });
    expect(f!.message).toMatch(
      /^tanggal Berita Acara pleno \(5 Januari 2099\) tidak boleh setelah hari ini \(\d{1,2} \w+ \d{4}\)$/,
    );
    expect(
      (
        await step({
          action: 'prioritise',
          baNumber: 'BA/3/2026',
          baDate: '2026-11-12',
          priorityRank: 1,
        })
      ).status,
    ).toBe(200);
    const head = await addMember(h, fx.adminA.token, fx.a, 'head');
    const early = await step(
      { action: 'establish', skNumber: 'SK/4/2026', skDate: '2026-11-02' },
      head.token,
    );
    expect(early.status).toBe(400);
    const [e] = ((await early.json()) as ProblemBody).errors ?? [];
    expect(e).toMatchObject({ location: 'body.skDate' });
    expect(e!.message).toBe(
      'tanggal SK penetapan (2 November 2026) tidak boleh sebelum tanggal Berita Acara pleno (12 November 2026)',
    );
    expect(
      (await step({ action: 'establish', skNumber: 'SK/4/2026', skDate: '2026-11-16' }, head.token))
        .status,
    ).toBe(200);
  });
});

describe('mapping rounds end', () => {
  fixtures();
  it('refuses a submission after the deadline naming it, until the admin extends it; a closed round takes none', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
    const round = (await (
      await post(
        h,
        `/v1/tenants/${fx.a}/rounds`,
        { title: 'Pemetaan 2026', periodStart: day(-30), periodEnd: day(30), deadline: day(-1) },
        fx.adminA.token,
      )
    ).json()) as { id: string };
    const draft = async () =>
      (
        (await (
          await post(
            h,
            `/v1/tenants/${fx.a}/potentials`,
            potentialBody({ roundId: round.id }),
            fx.adminA.token,
          )
        ).json()) as { id: string }
      ).id;
    const submit = (id: string) =>
      post(
        h,
        `/v1/tenants/${fx.a}/potentials/${id}/transitions`,
        { action: 'submit' },
        fx.adminA.token,
      );
    const first = await draft();
    const late = await submit(first);
    expect(late.status).toBe(409);
    // the deadline as a date officials read, not an ISO date or an English word
    const spokenLate = new Intl.DateTimeFormat('id-ID', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${day(-1)}T12:00:00Z`));
    expect(((await late.json()) as ProblemBody).detail).toContain(
      `batas waktu pengajuan periode pemetaan "Pemetaan 2026" telah berakhir pada ${spokenLate}`,
    );
    const extended = await patch(
      h,
      `/v1/tenants/${fx.a}/rounds/${round.id}`,
      { deadline: day(7) },
      fx.adminA.token,
    );
    expect(extended.status, await extended.clone().text()).toBe(200);
    expect((await submit(first)).status).toBe(200);
    await patch(h, `/v1/tenants/${fx.a}/rounds/${round.id}`, { status: 'closed' }, fx.adminA.token);
    const closed = await submit(await draft());
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as ProblemBody).detail).toContain('sudah ditutup');
  });
});

describe('one Berita Acara and one SK for a list of potentials', () => {
  fixtures();
  it('ranks submitted potentials in one Berita Acara and establishes them in one SK, all or nothing', async () => {
    const ids: string[] = [];
    for (const title of [
      'Air minum regional',
      'Pengelolaan sampah bersama',
      'Jalur evakuasi tsunami',
    ]) {
      const { id } = (await (
        await post(h, `/v1/tenants/${fx.a}/potentials`, potentialBody({ title }), fx.adminA.token)
      ).json()) as { id: string };
      expect(
        (
          await post(
            h,
            `/v1/tenants/${fx.a}/potentials/${id}/transitions`,
            { action: 'submit' },
            fx.adminA.token,
          )
        ).status,
      ).toBe(200);
      ids.push(id);
    }
    const decide = (body: Record<string, unknown>) =>
      post(h, `/v1/tenants/${fx.a}/potentials/decisions`, body, fx.adminA.token);
    const early = await decide({
      kind: 'sk',
      number: 'SK/100/2026',
      date: '2026-11-20',
      potentialIds: ids,
    });
    expect(early.status).toBe(409); // like a single transition from the wrong state
    expect(((await early.json()) as ProblemBody).errors?.[0]?.location).toBe('body.potentialIds.0');

    const ba = await decide({
      kind: 'berita_acara',
      number: 'BA/TKKSD/7/2026',
      date: '2026-11-18',
      attendees: [{ name: 'Sekretaris Daerah', title: 'Ketua TKKSD' }],
      potentialIds: [ids[2], ids[0], ids[1]],
    });
    expect(ba.status, await ba.clone().text()).toBe(201);
    const ranked = (await ba.json()) as {
      potentials: { id: string; priorityRank: number; status: string }[];
    };
    expect(ranked.potentials.map((p) => [p.id, p.priorityRank, p.status])).toEqual([
      [ids[2], 1, 'prioritised'],
      [ids[0], 2, 'prioritised'],
      [ids[1], 3, 'prioritised'],
    ]);
    // the SK is the head's decree: a liaison cannot record it; the TKKSD secretariat records it
    // with the decree's number and date (the head need not sign in)
    const skBody = { kind: 'sk', number: 'SK/100/2026', date: '2026-11-20', potentialIds: ids };
    const agency = (await (
      await post(h, `/v1/tenants/${fx.a}/agencies`, { name: 'Bappeda' }, fx.adminA.token)
    ).json()) as { id: string };
    const liaison = await addMember(h, fx.adminA.token, fx.a, 'liaison', agency.id);
    const byLiaison = await post(
      h,
      `/v1/tenants/${fx.a}/potentials/decisions`,
      skBody,
      liaison.token,
    );
    expect(byLiaison.status).toBe(403);
    expect(((await byLiaison.json()) as ProblemBody).detail).toContain(
      'dicatat oleh kepala daerah atau Sekretariat TKKSD',
    );
    const sk = await decide(skBody);
    expect(sk.status, await sk.clone().text()).toBe(201);
    expect(
      ((await sk.json()) as { potentials: { status: string }[] }).potentials.map((p) => p.status),
    ).toEqual(['established', 'established', 'established']);
    // the Berita Acara is read where its Location says, with its potentials' state now
    const read = await h.json<{ number: string; potentials: { id: string; status: string }[] }>(
      ba.headers.get('location')!,
      { headers: bearer(fx.adminA.token) },
    );
    expect(read.status).toBe(200);
    expect(read.body.number).toBe('BA/TKKSD/7/2026');
    expect(read.body.potentials.map((p) => [p.id, p.status])).toEqual([
      [ids[2], 'established'],
      [ids[0], 'established'],
      [ids[1], 'established'],
    ]);
  });
});

describe('the head’s role is one story (PP 28/2018: acts of the head; the TKKSD secretariat records them)', () => {
  fixtures();
  it('lets the head answer the interest the digest asks about, or the secretariat record the answer; anyone else is told who may, by office, without codes', async () => {
    const potentialId = await publishPotential(h, fx.a, fx.adminA, null, {
      title: 'Wisata bahari terpadu',
    });
    const partners = [
      await verifiedPartner(h, fx.platform.token, 'PT Bahari Nusantara', 'company'),
      await verifiedPartner(h, fx.platform.token, 'Universitas Tadulako', 'university'),
    ];
    const interest = async (partner: { id: string; token: string }) => {
      const res = await post(
        h,
        `/v1/tenants/${partner.id}/interests`,
        { potentialId, message: 'Kami berminat mengelola bersama.' },
        partner.token,
      );
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const decide = (id: string, token: string) =>
      post(h, `/v1/tenants/${fx.a}/interests/${id}/decision`, { decision: 'accept' }, token);
    const head = await addMember(h, fx.adminA.token, fx.a, 'head');
    const viewer = await addMember(h, fx.adminA.token, fx.a, 'viewer');
    const first = await interest(partners[0]!);
    // the head decides it, as the digest asks
    const byHead = await decide(first, head.token);
    expect(byHead.status, await byHead.clone().text()).toBe(200);
    const second = await interest(partners[1]!);
    const byViewer = await decide(second, viewer.token);
    expect(byViewer.status).toBe(403);
    const problem = (await byViewer.json()) as ProblemBody;
    expect(problem.detail).toBe(
      'Tindakan ini hanya dapat dilakukan oleh Sekretariat TKKSD atau kepala daerah.',
    );
    expect(problem.detail).not.toMatch(/\(|interests\.decide|viewer|head/);
    // the secretariat records the head's decision
    expect((await decide(second, fx.adminA.token)).status).toBe(200);
  });
});

describe('authority by level of government (UU 23/2014, annex; seed 002: the object is within the region’s authority)', () => {
  fixtures();
  it('warns a kabupaten/kota naming a provincial affair, with the rule and its own part; a province is not warned; the vocabulary says who holds each', async () => {
    const draft = async (tenant: string, token: string, affairs: string[]) => {
      const res = await post(
        h,
        `/v1/tenants/${tenant}/potentials`,
        potentialBody({ title: 'Ekowisata hutan dan pesisir', affairs }),
        token,
      );
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as {
        id: string;
        authorityWarnings: { affair: string; message: { id: string; en: string } }[];
      };
    };
    const palu = await draft(fx.a, fx.adminA.token, [
      'pariwisata',
      'kehutanan',
      'kelautan_perikanan',
    ]);
    expect(palu.authorityWarnings.map((w) => w.affair)).toEqual([
      'kehutanan',
      'kelautan_perikanan',
    ]);
    expect(palu.authorityWarnings[0]!.message.id).toContain(
      'urusan kehutanan adalah kewenangan pemerintah provinsi (UU 23/2014',
    );
    expect(palu.authorityWarnings[0]!.message.id).toContain('taman hutan raya');
    expect(palu.authorityWarnings[1]!.message.id).toContain('sampai 12 mil');
    // the warning stays with the potential as it is read
    const read = await h.json<{ authorityWarnings: unknown[] }>(
      `/v1/tenants/${fx.a}/potentials/${palu.id}`,
      { headers: bearer(fx.adminA.token) },
    );
    expect(read.body.authorityWarnings).toHaveLength(2);
    // a province holds them: no warning
    const province = await regionTenantId(h, '72');
    const provinceAdmin = await addMember(h, fx.platform.token, province, 'admin');
    const sulteng = await draft(province, provinceAdmin.token, ['kehutanan']);
    expect(sulteng.authorityWarnings).toEqual([]);
    const vocabulary = await h.json<{ terms: { code: string; description: string | null }[] }>(
      '/v1/vocabularies/affairs',
    );
    const term = (code: string) => vocabulary.body.terms.find((t) => t.code === code)!;
    expect(term('energi_sumber_daya_mineral').description).toContain(
      'kewenangan pemerintah provinsi',
    );
    expect(term('pariwisata').description).toContain('urusan konkuren');
  });
});

describe('officials’ Indonesian in what Sinergi writes (the reviewer’s walk; PP 28/2018 correspondence)', () => {
  fixtures();
  it('names regions as offices, addresses the secretariat, closes the letter and gives the deadline as a date', async () => {
    const sulteng = await regionTenantId(h, '72');
    const provinceAdmin = await addMember(h, fx.platform.token, sulteng, 'admin');
    const res = await post(
      h,
      `/v1/tenants/${sulteng}/proposals`,
      { partyA: fx.a, partyB: fx.b, note: 'Pengelolaan air baku Sungai Palu.' },
      provinceAdmin.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const mail = [...h.sent]
      .reverse()
      .find((m) => m.to === fx.adminA.email.toLowerCase() && m.subject.startsWith('Usulan'))!;
    expect(mail.subject).toBe('Usulan kerja sama dari Pemerintah Provinsi Sulawesi Tengah');
    expect(mail.text).toContain('Yth. Sekretariat TKKSD Kota Palu,');
    expect(mail.text).toContain(
      'Pemerintah Provinsi Sulawesi Tengah mengusulkan agar Kota Palu bekerja sama dengan Kabupaten Sigi.',
    );
    expect(mail.text).toMatch(
      /paling lambat (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4}\./,
    );
    expect(mail.text).toContain('Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.');
    expect(mail.text).not.toMatch(
      /hari sejak email ini|\(head\)|\b\d{4}-\d{2}-\d{2}\b(?![^\s]*\/)/,
    );
  });

  it('explains a match naming the other region, and says each shared affair once', async () => {
    const shared = {
      cooperationKinds: ['KSDD'],
      affairs: ['lingkungan_hidup'],
      issues: ['tata_ruang'],
    };
    const need = await publishPotential(h, fx.a, fx.adminA, null, {
      ...shared,
      title: 'Ruang terbuka hijau lintas batas',
      direction: 'need',
    });
    await publishPotential(h, fx.b, fx.adminB, null, {
      ...shared,
      title: 'Pembibitan pohon peneduh',
      direction: 'offer',
    });
    const matches = await h.json<{ data: { reasons: { id: string }[] }[] }>(
      `/v1/tenants/${fx.a}/potentials/${need}/matches`,
      { headers: bearer(fx.adminA.token) },
    );
    const reasons = matches.body.data[0]!.reasons.map((r) => r.id);
    expect(reasons[0]).toContain('Penawaran Kabupaten Sigi');
    const text = reasons.join(' | ').toLowerCase();
    expect(text.split('lingkungan hidup').length - 1).toBe(1);
    expect(text.split('tata ruang').length - 1).toBe(1);
    expect(reasons).toContain('Kabupaten Sigi berada dalam provinsi yang sama');
    expect(text).not.toContain('mereka');
  });
});

describe('kinds of cooperation checked against the parties', () => {
  fixtures();
  const agreement = (body: Record<string, unknown>) =>
    post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title: 'Uji jenis kerja sama', ...body },
      fx.adminA.token,
    );

  it('refuses a KSDD agreement with a company, naming the rule, and takes it as KSDPK', async () => {
    const company = await verifiedPartner(h, fx.platform.token, 'PT Air Bersih Palu', 'company');
    const refused = await agreement({ parties: [fx.a, company.id], kind: 'KSDD' });
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as ProblemBody;
    expect(problem.errors?.[0]?.location).toBe('body.kind');
    expect(problem.errors?.[0]?.message).toContain('PP 28/2018');
    expect(problem.errors?.[0]?.message).toContain('KSDD hanya antara pemerintah daerah');
    const ok = await agreement({ parties: [fx.a, company.id], kind: 'KSDPK' });
    expect(ok.status, await ok.clone().text()).toBe(201);
    // a foreign kind needs a foreign partner
    const foreign = await agreement({ parties: [fx.a, company.id], kind: 'KSDPL' });
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as ProblemBody).errors?.[0]?.message).toContain('KSDPL');
  });

  it('tells a foreign regional government (KSDPL) from a foreign institution (KSDLL)', async () => {
    const city = await verifiedPartner(
      h,
      fx.platform.token,
      'Kota Kembar Darwin',
      'foreign_region',
    );
    const agency = await verifiedPartner(
      h,
      fx.platform.token,
      'Lembaga Mitra Jepang',
      'foreign_institution',
    );
    expect((await agreement({ parties: [fx.a, city.id], kind: 'KSDPL' })).status).toBe(201);
    expect((await agreement({ parties: [fx.a, agency.id], kind: 'KSDLL' })).status).toBe(201);
    expect((await agreement({ parties: [fx.a, agency.id], kind: 'KSDPL' })).status).toBe(400);
    const kinds = await h.json<{ terms: { code: string }[] }>('/v1/vocabularies/cooperation-kinds');
    expect(kinds.body.terms.map((t) => t.code)).not.toContain('KSDLN');
  });

  it('takes mandatory cooperation only as KSDD between bordering regions, with its ground recorded (UU 23/2014 Pasal 363)', async () => {
    const body = {
      parties: [fx.a, fx.b],
      kind: 'KSDD',
      mandatory: true,
      mandatoryGround: 'cross_border_externality',
    };
    const groundless = await agreement({ ...body, mandatoryGround: undefined });
    expect(
      ((await groundless.json()) as ProblemBody).errors?.find(
        (e) => e.location === 'body.mandatoryGround',
      )?.message,
    ).toContain('eksternalitas lintas daerah, atau layanan publik yang lebih efisien');
    const before = await agreement(body);
    expect(before.status).toBe(400);
    const problem = (await before.json()) as ProblemBody;
    expect(problem.errors?.[0]?.location).toBe('body.mandatory');
    expect(problem.errors?.[0]?.message).toContain('UU 23/2014');
    // Kota Palu declares Kabupaten Sigi its neighbour
    expect(
      (await put(h, `/v1/tenants/${fx.a}/profile`, { neighbours: ['72.10'] }, fx.adminA.token))
        .status,
    ).toBe(200);
    const after = await agreement(body);
    expect(after.status, await after.clone().text()).toBe(201);
    expect(await after.json()).toMatchObject({
      mandatory: true,
      mandatoryGround: 'cross_border_externality',
    });
    // a potential cannot be mandatory and open to third parties
    const potential = await post(
      h,
      `/v1/tenants/${fx.a}/potentials`,
      potentialBody({ mandatory: true, cooperationKinds: ['KSDD', 'KSDPK'] }),
      fx.adminA.token,
    );
    expect(potential.status).toBe(400);
    expect(((await potential.json()) as ProblemBody).errors?.[0]?.location).toBe('body.mandatory');
  });

  it('takes mandatory cooperation between a province and a kabupaten/kota in its territory, not another province’s (UU 23/2014 Pasal 363 ayat 2)', async () => {
    const sulteng = await regionTenantId(h, '72');
    const bali = await regionTenantId(h, '51');
    const ground = { kind: 'KSDD', mandatory: true, mandatoryGround: 'efficient_shared_service' };
    const own = await agreement({ parties: [fx.a, sulteng], ...ground });
    expect(own.status, await own.clone().text()).toBe(201);
    const foreign = await agreement({ parties: [fx.a, bali], ...ground });
    expect(foreign.status).toBe(400);
    const [e] = ((await foreign.json()) as ProblemBody).errors ?? [];
    expect(e).toMatchObject({ location: 'body.mandatory' });
    expect(e!.message).toContain('provinsi dan kabupaten/kota dalam wilayahnya');
  });

  it('matches and suggests a mandatory potential only with the regions it can be mandatory with (UU 23/2014 Pasal 363 ayat 2)', async () => {
    // Palu borders Sigi (declared); Donggala is in the same province but not declared; Sulawesi
    // Tengah is Palu's province
    expect(
      (await put(h, `/v1/tenants/${fx.a}/profile`, { neighbours: ['72.10'] }, fx.adminA.token))
        .status,
    ).toBe(200);
    const donggala = await regionTenantId(h, '72.03');
    const sulteng = await regionTenantId(h, '72');
    const donggalaAdmin = await addMember(h, fx.platform.token, donggala, 'admin');
    const sultengAdmin = await addMember(h, fx.platform.token, sulteng, 'admin');
    const shared = {
      cooperationKinds: ['KSDD'],
      affairs: ['lingkungan_hidup'],
      issues: ['penanggulangan_bencana'],
    };
    const mandatory = await publishPotential(h, fx.a, fx.adminA, null, {
      ...shared,
      title: 'Pengendalian banjir Sungai Palu',
      direction: 'need',
      mandatory: true,
      mandatoryGround: 'cross_border_externality',
    });
    const offers: Record<string, string> = {};
    for (const [tenant, admin, title] of [
      [fx.b, fx.adminB, 'Tanggul dan normalisasi sungai Sigi'],
      [donggala, donggalaAdmin, 'Normalisasi sungai Donggala'],
      [sulteng, sultengAdmin, 'Balai pengelolaan sungai provinsi'],
    ] as const)
      offers[tenant] = await publishPotential(h, tenant, admin, null, {
        ...shared,
        title,
        direction: 'offer',
      });
    const matches = await h.json<{ data: { candidate: { tenantId: string } }[] }>(
      `/v1/tenants/${fx.a}/potentials/${mandatory}/matches`,
      { headers: bearer(fx.adminA.token) },
    );
    expect(matches.status).toBe(200);
    expect(matches.body.data.map((m) => m.candidate.tenantId).sort()).toEqual(
      [fx.b, sulteng].sort(),
    );
    const suggested = async (tenant: string, token: string) =>
      (
        await h.json<{ data: { potential: { id: string } }[] }>(
          `/v1/tenants/${tenant}/recommendations`,
          { headers: bearer(token) },
        )
      ).body.data.map((r) => r.potential.id);
    expect(await suggested(fx.b, fx.adminB.token)).toContain(mandatory);
    expect(await suggested(sulteng, sultengAdmin.token)).toContain(mandatory);
    expect(await suggested(donggala, donggalaAdmin.token)).not.toContain(mandatory);
  });

  it('carries a sinergi with a ministry through a Nota Kesepakatan and an action plan, not KB and PKS', async () => {
    const ministry = await verifiedPartner(
      h,
      fx.platform.token,
      'Kementerian Perencanaan Pembangunan Nasional',
      'central_institution',
    );
    const created = await agreement({
      title: 'Sinergi percepatan penurunan stunting',
      parties: [fx.a, ministry.id],
      kind: 'SINERGI',
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await confirmAgreement(h, id, ministry.id, ministry.token);
    const signers = [
      { tenant: fx.a, token: fx.adminA.token, name: 'Hadianto Rasyid', position: 'Wali Kota Palu' },
      {
        tenant: ministry.id,
        token: ministry.token,
        name: 'Pejabat Kementerian',
        position: 'Sekretaris Kementerian',
      },
    ];
    const kb = await post(
      h,
      `/v1/tenants/${fx.a}/agreements/${id}/signatures`,
      {
        stage: 'kesepakatan_bersama',
        signatoryName: 'Hadianto Rasyid',
        signatoryPosition: 'Wali Kota Palu',
        signedOn: '2026-11-20',
        document: { number: 'KB/1/2026', date: '2026-11-20' },
      },
      fx.adminA.token,
    );
    expect(kb.status).toBe(409);
    expect(((await kb.json()) as ProblemBody).detail).toContain('Nota Kesepakatan');
    const nk = await signByAll(
      h,
      id,
      'nota_kesepakatan',
      { number: 'NK.050/12/2026', date: '2026-11-20' },
      signers,
    );
    expect(nk.stage).toBe('nota_kesepakatan');
    const plan = { number: 'RA-01/2026', date: '2026-11-25' };
    const early = await post(
      h,
      `/v1/tenants/${fx.a}/agreements/${id}/signatures`,
      {
        stage: 'rencana_aksi',
        signatoryName: 'Hadianto Rasyid',
        signatoryPosition: 'Wali Kota Palu',
        signedOn: plan.date,
        document: plan,
      },
      fx.adminA.token,
    );
    expect(early.status).toBe(409);
    expect(((await early.json()) as ProblemBody).detail).toContain('rencana aksi');
    const action = await post(
      h,
      `/v1/tenants/${fx.a}/agreements/${id}/actions`,
      { title: 'Pendataan balita berisiko', responsibleTenantId: fx.a, dueDate: '2027-03-31' },
      fx.adminA.token,
    );
    expect(action.status, await action.clone().text()).toBe(201);
    const done = await signByAll<{
      stage: string;
      memorandumDate: string;
      actionPlanDate: string;
      kbDate: string | null;
      parties: { memorandumNumber: string; actionPlanNumber: string; kbNumber: string | null }[];
    }>(h, id, 'rencana_aksi', plan, signers);
    expect(done).toMatchObject({
      stage: 'rencana_aksi',
      memorandumDate: '2026-11-20',
      actionPlanDate: '2026-11-25',
      kbDate: null,
    });
    for (const party of done.parties)
      expect(party).toMatchObject({
        memorandumNumber: 'NK.050/12/2026',
        actionPlanNumber: 'RA-01/2026',
        kbNumber: null,
      });
    const moved = await post(
      h,
      `/v1/tenants/${fx.a}/agreements/${id}/transitions`,
      { stage: 'pelaksanaan' },
      fx.adminA.token,
    );
    expect(moved.status, await moved.clone().text()).toBe(200);
  });
});

describe('a PKS that ends without renewal (the seeds; Permendagri 22/2020 reporting)', () => {
  fixtures();
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  it('is flagged berakhir tanpa perpanjangan and no longer counts as active (the seeds: unrenewed PKS is a known failure of KSD)', async () => {
    const profile = async () =>
      (await h.json<{ activeAgreements: number }>('/v1/catalog/regions/72.71/profile')).body
        .activeAgreements;
    const before = await profile();
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      { title: 'Pengelolaan terminal bersama', parties: [fx.a, fx.b], kind: 'KSDD' },
      fx.adminA.token,
    );
    const { id } = (await created.json()) as { id: string };
    await confirmAgreement(h, id, fx.b, fx.adminB.token);
    const both = [
      { tenant: fx.a, token: fx.adminA.token, name: 'Hadianto Rasyid', position: 'Wali Kota Palu' },
      { tenant: fx.b, token: fx.adminB.token, name: 'Rizal Intjenae', position: 'Bupati Sigi' },
    ];
    await signByAll(h, id, 'kesepakatan_bersama', { number: 'KB/11/2024', date: day(-800) }, both);
    await signByAll(
      h,
      id,
      'perjanjian_kerja_sama',
      {
        number: 'PKS/11/2024',
        date: day(-790),
        start: day(-780),
        end: day(-10),
        burdensBudget: false,
      },
      both,
    );
    const read = await h.json<{ flags: { lapsed: boolean; expiring: boolean } }>(
      `/v1/tenants/${fx.a}/agreements/${id}`,
      { headers: bearer(fx.adminA.token) },
    );
    expect(read.body.flags).toMatchObject({ lapsed: true, expiring: false });
    expect(await profile()).toBe(before);
    // and the annual report counts it as lapsed
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    const draft = await h.json<{
      agreements: { lapsed: number; items: { id: string; lapsed: boolean }[] };
    }>(`/v1/tenants/${fx.a}/annual-report-drafts/${year}`, { headers: bearer(fx.adminA.token) });
    expect(draft.body.agreements.lapsed).toBe(1);
    expect(draft.body.agreements.items.find((i) => i.id === id)?.lapsed).toBe(true);
  });
});

describe('cooperation without a document', () => {
  fixtures();
  it('lets a handshake agreement go from initiation to implementation without KB or PKS; a contract model may not (seed 002: handshake agreement)', async () => {
    const start = async (title: string, model: string) => {
      const created = await post(
        h,
        `/v1/tenants/${fx.a}/agreements`,
        { title, parties: [fx.a, fx.b], kind: 'KSDD', model },
        fx.adminA.token,
      );
      expect(created.status, await created.clone().text()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await confirmAgreement(h, id, fx.b, fx.adminB.token);
      return () =>
        post(
          h,
          `/v1/tenants/${fx.a}/agreements/${id}/transitions`,
          { stage: 'pelaksanaan' },
          fx.adminA.token,
        );
    };
    const handshake = await start('Patroli bersama perbatasan Palu–Sigi', 'handshake');
    const moved = await handshake();
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(((await moved.json()) as { stage: string }).stage).toBe('pelaksanaan');
    const contract = await start('Pengusahaan air minum bersama', 'joint_agreement');
    const refused = await contract();
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ProblemBody).detail).toContain('tahap tidak boleh dilompati');
  });
});

describe('the plenary finds a potential does not meet the criteria', () => {
  fixtures();
  it('ends it as tidak memenuhi kriteria with its Berita Acara, apart from returned for revision, and counts it (PP 28/2018: the TKKSD plenary assesses)', async () => {
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/potentials`,
      potentialBody({ title: 'Pembangunan bandara perintis bersama' }),
      fx.adminA.token,
    );
    const { id } = (await created.json()) as { id: string };
    const step = (body: Record<string, unknown>) =>
      post(h, `/v1/tenants/${fx.a}/potentials/${id}/transitions`, body, fx.adminA.token);
    expect((await step({ action: 'submit' })).status).toBe(200);
    const bare = await step({ action: 'reject', reason: 'Bukan kewenangan daerah.' });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as ProblemBody).errors?.map((e) => e.location)).toContain(
      'body.baNumber',
    );
    const rejected = await step({
      action: 'reject',
      baNumber: 'BA/5/2026',
      baDate: '2026-11-12',
      reason: 'Bandara perintis bukan urusan kewenangan kabupaten/kota.',
    });
    expect(rejected.status, await rejected.clone().text()).toBe(200);
    expect(await rejected.json()).toMatchObject({
      status: 'criteria_not_met',
      baNumber: 'BA/5/2026',
      baDate: '2026-11-12',
    });
    // not a revision: it cannot be prioritised or submitted again, only archived
    expect((await step({ action: 'submit' })).status).toBe(409);
    const province = await regionTenantId(h, '72');
    const facilitator = await addMember(h, fx.platform.token, province, 'admin');
    const report = await h.json<{
      data: { regionCode: string; potentials: Record<string, number> }[];
    }>(`/v1/tenants/${province}/reports/mapping`, { headers: bearer(facilitator.token) });
    expect(
      report.body.data.find((r) => r.regionCode === '72.71')!.potentials.criteria_not_met,
    ).toBe(1);
    expect((await step({ action: 'archive' })).status).toBe(200);
  });
});
