import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from '../../src/jobs';
import { systemCtx } from '../../src/platform/context';
import { createLogger } from '../../src/platform/logger';
import { addMember, newUser, platformAdmin, post, regionTenantId } from '../support/actors';
import { createHarness, type Harness, type ProblemBody, testConfig } from '../support/harness';
import { potentialBody } from '../support/potentials';

type Proposal = {
  id: string;
  status: string;
  answers: Record<string, { answer: string; reason: string | null }>;
};

let h: Harness;
let province: string;
let provinceAdmin: { token: string };
let tengah: string;
let barat: string;
let tengahAdmin: { token: string; email: string };
let baratAdmin: { token: string; email: string };

beforeAll(async () => {
  h = await createHarness();
  const platform = await platformAdmin(h);
  province = await regionTenantId(h, '52'); // Nusa Tenggara Barat
  provinceAdmin = await addMember(h, platform.token, province, 'admin');
  tengah = await regionTenantId(h, '52.02'); // Kabupaten Lombok Tengah
  barat = await regionTenantId(h, '52.01'); // Kabupaten Lombok Barat
  tengahAdmin = await addMember(h, provinceAdmin.token, tengah, 'admin');
  baratAdmin = await addMember(h, provinceAdmin.token, barat, 'admin');
}, 120_000);
afterAll(async () => {
  await h.close();
});

const propose = (body: Record<string, unknown>) =>
  post(
    h,
    `/v1/tenants/${province}/proposals`,
    { note: 'Paket wisata bersama Lombok', ...body },
    provinceAdmin.token,
  );
const answer = (tenantId: string, id: string, body: Record<string, unknown>, token: string) =>
  post(h, `/v1/tenants/${tenantId}/proposals/${id}/answer`, body, token);

async function jobsAt(offsetDays: number) {
  const sent: string[] = [];
  const { ctx, flush } = systemCtx({
    db: h.db,
    logger: createLogger('silent'),
    config: testConfig,
    email: {
      name: 'recording',
      send: async (m) => (sent.push(`${m.to}|${m.subject}`), { id: 'x' }),
    },
    requestId: 'req_test',
    now: () => new Date(Date.now() + offsetDays * 86400_000),
  });
  const results = await runJobs({ ctx, input: {} });
  await flush();
  return { results, sent };
}

describe('province facilitation', () => {
  it('refuses a proposal between a party and itself, outside the province, or for an unpublished potential — naming the rule', async () => {
    const same = await propose({ partyA: tengah, partyB: tengah });
    expect(same.status).toBe(400);
    expect(((await same.json()) as ProblemBody).detail).toContain('dua pihak yang berbeda');
    const outside = await propose({ partyA: tengah, partyB: await regionTenantId(h, '51.71') });
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as ProblemBody).errors?.[0]?.location).toBe('body.partyB');
    const draft = (await (
      await post(h, `/v1/tenants/${tengah}/potentials`, potentialBody(), tengahAdmin.token)
    ).json()) as { id: string };
    const closed = await propose({ partyA: tengah, partyB: barat, potentialId: draft.id });
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as ProblemBody).detail).toContain('sedang dipublikasikan');
    // a kabupaten cannot facilitate
    expect(
      (
        await post(
          h,
          `/v1/tenants/${tengah}/proposals`,
          { partyA: tengah, partyB: barat, note: 'x' },
          tengahAdmin.token,
        )
      ).status,
    ).toBe(404);
  });

  it('notifies both parties; a decline needs a reason; outcomes are counted for the facilitator', async () => {
    const first = await propose({ partyA: tengah, partyB: barat });
    expect(first.status).toBe(201);
    const p1 = (await first.json()) as Proposal;
    expect(
      h.sent
        .filter(
          (m) => m.subject === 'Usulan kerja sama dari Pemerintah Provinsi Nusa Tenggara Barat',
        )
        .map((m) => m.to)
        .sort(),
    ).toEqual([baratAdmin.email, tengahAdmin.email].sort());

    expect((await answer(tengah, p1.id, { decision: 'accept' }, tengahAdmin.token)).status).toBe(
      200,
    );
    expect((await answer(tengah, p1.id, { decision: 'accept' }, tengahAdmin.token)).status).toBe(
      409,
    );
    expect((await answer(barat, p1.id, { decision: 'decline' }, baratAdmin.token)).status).toBe(
      400,
    );
    const declined = await answer(
      barat,
      p1.id,
      { decision: 'decline', reason: 'Anggaran 2027 belum tersedia.' },
      baratAdmin.token,
    );
    expect((await declined.json()) as Proposal).toMatchObject({
      status: 'declined',
      answers: { [barat]: { answer: 'declined', reason: 'Anggaran 2027 belum tersedia.' } },
    });

    const p2 = (await (
      await propose({ partyA: tengah, partyB: barat, note: 'Pengelolaan sampah regional' })
    ).json()) as Proposal;
    await answer(barat, p2.id, { decision: 'accept' }, baratAdmin.token);
    const both = await answer(tengah, p2.id, { decision: 'accept' }, tengahAdmin.token);
    expect(((await both.json()) as Proposal).status).toBe('accepted');

    // a partner can be proposed too
    const founder = await newUser(h, 'partner');
    const partner = (await (
      await post(h, '/v1/partners', { name: 'PT Lombok Lestari', kind: 'company' }, founder.token)
    ).json()) as { id: string };
    expect((await propose({ partyA: tengah, partyB: partner })).status).toBe(400); // unverified partners are not parties yet

    const received = await h.json<{ data: Proposal[] }>(`/v1/tenants/${barat}/proposals`, {
      headers: { authorization: `Bearer ${baratAdmin.token}` },
    });
    expect(received.body.data.map((p) => p.id)).toEqual([p2.id, p1.id]);
    const stats = await h.json<{
      total: number;
      accepted: number;
      declined: number;
      acceptedRate: number;
      medianHoursToAnswer: number;
    }>(`/v1/tenants/${province}/proposals/stats`, {
      headers: { authorization: `Bearer ${provinceAdmin.token}` },
    });
    expect(stats.body).toMatchObject({ total: 2, accepted: 1, declined: 1, acceptedRate: 0.5 });
    expect(stats.body.medianHoursToAnswer).toBeGreaterThanOrEqual(0);
  });

  it('reminds once halfway, then expires an unanswered proposal', async () => {
    const p = (await (
      await propose({ partyA: tengah, partyB: barat, note: 'Forum investasi', validityDays: 10 })
    ).json()) as Proposal;
    await answer(tengah, p.id, { decision: 'accept' }, tengahAdmin.token);

    const early = await jobsAt(2);
    expect(early.sent.filter((s) => s.includes('Pengingat'))).toHaveLength(0);
    const halfway = await jobsAt(6);
    // only the party that has not answered is reminded
    expect(halfway.sent.filter((s) => s.includes('Pengingat'))).toEqual([
      `${baratAdmin.email}|Pengingat: usulan kerja sama dengan Kabupaten Lombok Tengah`,
    ]);
    expect((await jobsAt(7)).sent.filter((s) => s.includes('Pengingat'))).toHaveLength(0); // once
    const end = await jobsAt(11);
    expect(end.results.find((r) => r.job === 'proposal-reminders')?.result).toMatchObject({
      expired: 1,
    });
    const list = await h.json<{ data: Proposal[] }>(
      `/v1/tenants/${province}/proposals?as=facilitator`,
      { headers: { authorization: `Bearer ${provinceAdmin.token}` } },
    );
    expect(list.body.data.find((x) => x.id === p.id)!.status).toBe('expired');
    expect((await answer(barat, p.id, { decision: 'accept' }, baratAdmin.token)).status).toBe(409);
  });
});
