import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  del,
  lastEmailTo,
  newUser,
  patch,
  platformAdmin,
  post,
  regionTenantId,
  tokenFromEmail,
  uniqueEmail,
} from '../support/actors';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';

let h: Harness;
let platform: { token: string; id: string };
/** Each top-level `describe` builds its own: a fresh app and database, and the fixtures on them. */
function fixtures() {
  beforeAll(async () => {
    h = await createHarness();
    platform = await platformAdmin(h);
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });
}

const rows = async <T>(sql: string, params: unknown[] = []) =>
  (await h.client.query<T>(sql, params)).rows;

describe('claiming a region', () => {
  fixtures();
  it('the province invites its kabupaten’s first admin, who claims the tenant', async () => {
    const jabar = await regionTenantId(h, '32');
    const provinceAdmin = await addMember(h, platform.token, jabar, 'admin');
    expect(
      (
        await h.json<{ status: string }>(`/v1/tenants/${jabar}`, {
          headers: bearer(provinceAdmin.token),
        })
      ).body.status,
    ).toBe('active');

    const garut = await regionTenantId(h, '32.05'); // Kabupaten Garut
    const before = await h.json<{ status: string }>('/v1/regions/32.05');
    expect(before.body).toMatchObject({ tenant: { status: 'unclaimed' } });

    const head = await newUser(h, 'garut-admin');
    // a facilitator may invite admins only
    const asViewer = await post(
      h,
      `/v1/tenants/${garut}/invitations`,
      { email: head.email, role: 'viewer' },
      provinceAdmin.token,
    );
    expect(asViewer.status).toBe(403);
    const invite = await post(
      h,
      `/v1/tenants/${garut}/invitations`,
      { email: head.email, role: 'admin' },
      provinceAdmin.token,
    );
    expect(invite.status).toBe(201);
    const mail = lastEmailTo(h, head.email);
    expect(mail.subject).toBe('Undangan bergabung dengan Kabupaten Garut di Sinergi');
    const token = tokenFromEmail(h, head.email);

    const accepted = await post(h, '/v1/invitations/accept', { token }, head.token);
    expect(accepted.status).toBe(200);
    const tenant = await h.json<{
      status: string;
      claimedAt: string | null;
      access: { via: string; role: string };
    }>(`/v1/tenants/${garut}`, { headers: bearer(head.token) });
    expect(tenant.body).toMatchObject({
      status: 'active',
      access: { via: 'member', role: 'admin' },
    });
    expect(tenant.body.claimedAt).not.toBeNull();

    // the province reads it as facilitator
    const asProvince = await h.json<{ access: { via: string } }>(`/v1/tenants/${garut}`, {
      headers: bearer(provinceAdmin.token),
    });
    expect(asProvince.body.access.via).toBe('facilitator');
    // but not a kota of another province
    expect(
      (
        await h.request(`/v1/tenants/${await regionTenantId(h, '35.78')}`, {
          headers: bearer(provinceAdmin.token),
        })
      ).status,
    ).toBe(404);

    // reused invitation → 410
    const again = await post(h, '/v1/invitations/accept', { token }, head.token);
    expect(again.status).toBe(410);
    expect(((await again.json()) as ProblemBody).detail).toContain('sudah dipakai');
  });

  it('refuses an invitation for someone else, an expired one and a revoked one', async () => {
    const tenant = await regionTenantId(h, '51.71'); // Kota Denpasar
    const admin = await addMember(h, platform.token, tenant, 'admin');
    const invited = uniqueEmail('invited');
    await post(
      h,
      `/v1/tenants/${tenant}/invitations`,
      { email: invited, role: 'viewer' },
      admin.token,
    );
    const token = tokenFromEmail(h, invited);
    const stranger = await newUser(h, 'stranger');
    const wrong = await post(h, '/v1/invitations/accept', { token }, stranger.token);
    expect(wrong.status).toBe(403);

    h.advance(8 * 86400_000);
    try {
      const person = await newUser(h, 'late');
      const created = await post(
        h,
        `/v1/tenants/${tenant}/invitations`,
        { email: person.email, role: 'viewer' },
        admin.token,
      );
      expect(created.status).toBe(201);
      // the first invitation is now past its 7 days
      const expiredList = await h.json<{ data: { email: string; status: string }[] }>(
        `/v1/tenants/${tenant}/invitations`,
        { headers: bearer(admin.token) },
      );
      expect(expiredList.body.data.find((i) => i.email === invited)!.status).toBe('expired');
    } finally {
      h.advance(-8 * 86400_000);
    }

    const revokeMe = uniqueEmail('revoked');
    const inv = (await (
      await post(
        h,
        `/v1/tenants/${tenant}/invitations`,
        { email: revokeMe, role: 'viewer' },
        admin.token,
      )
    ).json()) as { id: string };
    const revokedToken = tokenFromEmail(h, revokeMe);
    expect((await del(h, `/v1/tenants/${tenant}/invitations/${inv.id}`, admin.token)).status).toBe(
      204,
    );
    const { email } = { email: revokeMe };
    // sign up with the revoked address and try
    await post(h, '/v1/auth/sign-up', {
      email,
      password: 'kerja-sama-daerah-2026',
      name: 'Dicabut',
    });
    await post(h, '/v1/auth/verify-email', { token: tokenFromEmail(h, email) });
    const signIn = (await (
      await post(h, '/v1/auth/sign-in', { email, password: 'kerja-sama-daerah-2026' })
    ).json()) as { token: string };
    const res = await post(h, '/v1/invitations/accept', { token: revokedToken }, signIn.token);
    expect(res.status).toBe(410);
  });

  it('has no tenant of its own for DKI Jakarta’s administrative regions', async () => {
    const res = await post(
      h,
      `/v1/tenants/${await regionTenantId(h, '31.71')}/invitations`,
      { email: uniqueEmail('jkt'), role: 'admin' },
      platform.token,
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as ProblemBody).detail).toContain('administratif');
  });
});

describe('roles, agencies and liaisons', () => {
  fixtures();
  let tenant: string;
  let admin: Awaited<ReturnType<typeof addMember>>;
  beforeAll(async () => {
    tenant = await regionTenantId(h, '63.03'); // Kabupaten Banjar
    admin = await addMember(h, platform.token, tenant, 'admin');
  }, 60_000);

  it('flags agencies with fewer than two liaisons, and binds each liaison to one agency', async () => {
    const created = await post(
      h,
      `/v1/tenants/${tenant}/agencies`,
      { name: 'Dinas Kebudayaan dan Pariwisata', shortName: 'Disbudpar' },
      admin.token,
    );
    expect(created.status).toBe(201);
    const agency = (await created.json()) as { id: string; needsLiaisons: boolean };
    expect(agency.needsLiaisons).toBe(true);
    expect(
      (
        await post(
          h,
          `/v1/tenants/${tenant}/agencies`,
          { name: 'dinas kebudayaan dan pariwisata' },
          admin.token,
        )
      ).status,
    ).toBe(409);

    // a liaison needs an agency
    const noAgency = await post(
      h,
      `/v1/tenants/${tenant}/invitations`,
      { email: uniqueEmail('x'), role: 'liaison' },
      admin.token,
    );
    expect(noAgency.status).toBe(400);
    expect(((await noAgency.json()) as ProblemBody).errors?.[0]?.location).toBe('body.agencyId');

    await addMember(h, admin.token, tenant, 'liaison', agency.id);
    let list = await h.json<{
      data: { id: string; liaisonCount: number; needsLiaisons: boolean }[];
      agenciesNeedingLiaisons: number;
    }>(`/v1/tenants/${tenant}/agencies`, { headers: bearer(admin.token) });
    expect(list.body.data[0]).toMatchObject({ liaisonCount: 1, needsLiaisons: true });
    await addMember(h, admin.token, tenant, 'liaison', agency.id);
    list = await h.json(`/v1/tenants/${tenant}/agencies`, { headers: bearer(admin.token) });
    expect(list.body.data[0]).toMatchObject({ liaisonCount: 2, needsLiaisons: false });
    expect(list.body.agenciesNeedingLiaisons).toBe(0);

    // an agency with liaisons cannot be deleted
    expect((await del(h, `/v1/tenants/${tenant}/agencies/${agency.id}`, admin.token)).status).toBe(
      409,
    );
  });

  it('never leaves a tenant without an admin', async () => {
    const members = await h.json<{ data: { id: string; role: string; user: { email: string } }[] }>(
      `/v1/tenants/${tenant}/members`,
      { headers: bearer(admin.token) },
    );
    const self = members.body.data.find((m) => m.user.email === admin.email)!;
    const demote = await patch(
      h,
      `/v1/tenants/${tenant}/members/${self.id}`,
      { role: 'viewer' },
      admin.token,
    );
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as ProblemBody).detail).toContain('setidaknya satu admin');
    expect((await del(h, `/v1/tenants/${tenant}/members/${self.id}`, admin.token)).status).toBe(
      409,
    );

    const second = await addMember(h, admin.token, tenant, 'admin');
    expect(
      (await patch(h, `/v1/tenants/${tenant}/members/${self.id}`, { role: 'head' }, second.token))
        .status,
    ).toBe(200);
    expect(
      (
        await patch(
          h,
          `/v1/tenants/${tenant}/members/${second.membershipId}`,
          { role: 'viewer' },
          second.token,
        )
      ).status,
    ).toBe(409);
  });

  it('refuses roles that do not exist for the tenant type', async () => {
    const res = await post(
      h,
      `/v1/tenants/${tenant}/invitations`,
      { email: uniqueEmail('m'), role: 'member' },
      platform.token,
    );
    expect(res.status).toBe(400);
  });
});

describe('API keys', () => {
  fixtures();
  it('work from curl with a bearer token, are shown once, and stop on revocation or expiry', async () => {
    const tenant = await regionTenantId(h, '72.71'); // Kota Palu
    const admin = await addMember(h, platform.token, tenant, 'admin');
    const created = await post(
      h,
      `/v1/tenants/${tenant}/api-keys`,
      { name: 'Integrasi', scopes: ['read', 'write'], expiresInDays: 30 },
      admin.token,
    );
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; token: string; status: string };
    expect(key.token).toMatch(/^key_[0-9a-z]{26}\.[a-z2-7]+$/);

    const read = await h.request(`/v1/tenants/${tenant}/agencies`, { headers: bearer(key.token) });
    expect(read.status).toBe(200);
    const write = await post(
      h,
      `/v1/tenants/${tenant}/agencies`,
      { name: 'BPBD Kota Palu' },
      key.token,
    );
    expect(write.status).toBe(201);
    // keys cannot manage keys, members or read the audit log
    expect(
      (await h.request(`/v1/tenants/${tenant}/api-keys`, { headers: bearer(key.token) })).status,
    ).toBe(403);

    const listed = await h.json<{
      data: { id: string; lastUsedAt: string | null; token?: string }[];
    }>(`/v1/tenants/${tenant}/api-keys`, { headers: bearer(admin.token) });
    const entry = listed.body.data.find((k) => k.id === key.id)!;
    expect(entry.lastUsedAt).not.toBeNull();
    expect(entry.token).toBeUndefined();
    expect(
      JSON.stringify(await rows('select * from api_keys where id = $1', [key.id])),
    ).not.toContain(key.token.split('.')[1]);

    h.advance(31 * 86400_000);
    try {
      const expired = await h.request(`/v1/tenants/${tenant}/agencies`, {
        headers: bearer(key.token),
      });
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as ProblemBody).detail).toContain('Kunci API tidak valid');
    } finally {
      h.advance(-31 * 86400_000);
    }

    expect((await del(h, `/v1/tenants/${tenant}/api-keys/${key.id}`, admin.token)).status).toBe(
      204,
    );
    expect(
      (await h.request(`/v1/tenants/${tenant}/agencies`, { headers: bearer(key.token) })).status,
    ).toBe(401);
    expect((await del(h, `/v1/tenants/${tenant}/api-keys/${key.id}`, admin.token)).status).toBe(
      404,
    );
  });
});

describe('partners', () => {
  fixtures();
  it('sign up themselves, start unverified, and are verified by a platform admin', async () => {
    const founder = await newUser(h, 'partner');
    const bad = await post(
      h,
      '/v1/partners',
      { name: 'PT Salah Jenis', kind: 'alien' },
      founder.token,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ProblemBody).errors?.[0]?.location).toBe('body.kind');
    const res = await post(
      h,
      '/v1/partners',
      { name: 'Universitas Tadulako', kind: 'university', website: 'https://untad.ac.id' },
      founder.token,
    );
    expect(res.status).toBe(201);
    const partner = (await res.json()) as { id: string; status: string; type: string };
    expect(partner).toMatchObject({ type: 'partner', status: 'unverified' });

    const pending = await h.json<{ data: { id: string }[] }>(
      '/v1/admin/tenants?type=partner&status=unverified',
      { headers: bearer(platform.token) },
    );
    expect(pending.body.data.map((t) => t.id)).toContain(partner.id);
    expect(
      (await post(h, `/v1/admin/tenants/${partner.id}/verify`, {}, founder.token)).status,
    ).toBe(403);
    const verified = await post(h, `/v1/admin/tenants/${partner.id}/verify`, {}, platform.token);
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as { status: string }).status).toBe('active');

    // partner roles are admin and member
    const member = await addMember(h, founder.token, partner.id, 'member');
    expect(
      (await h.request(`/v1/tenants/${partner.id}/members`, { headers: bearer(member.token) }))
        .status,
    ).toBe(403);
    expect(
      (
        await post(
          h,
          `/v1/tenants/${partner.id}/invitations`,
          { email: uniqueEmail('l'), role: 'liaison' },
          founder.token,
        )
      ).status,
    ).toBe(400);
  });

  it('lets the platform admin read the email outbox', async () => {
    const someone = await newUser(h, 'outbox');
    const outbox = await h.json<{
      data: { toAddress: string; template: string; status: string; textBody: string }[];
    }>(`/v1/admin/outbox?to=${encodeURIComponent(someone.email)}`, {
      headers: bearer(platform.token),
    });
    expect(outbox.status).toBe(200);
    expect(outbox.body.data[0]).toMatchObject({
      toAddress: someone.email,
      template: 'verify_email',
      status: 'sent',
    });
    expect((await h.request('/v1/admin/outbox', { headers: bearer(someone.token) })).status).toBe(
      403,
    );
  });
});

describe('audit log', () => {
  fixtures();
  it('records every write with actor, target, diff and request id; filterable and paginated', async () => {
    const tenant = await regionTenantId(h, '52.71'); // Kota Mataram
    const admin = await addMember(h, platform.token, tenant, 'admin');
    const created = await post(
      h,
      `/v1/tenants/${tenant}/agencies`,
      { name: 'Bappeda' },
      admin.token,
    );
    const agency = (await created.json()) as { id: string };
    const renamed = await patch(
      h,
      `/v1/tenants/${tenant}/agencies/${agency.id}`,
      { name: 'Bappeda Litbang' },
      admin.token,
    );
    expect(renamed.status).toBe(200);

    const log = await h.json<{
      data: {
        action: string;
        targetId: string;
        actorUserId: string;
        requestId: string;
        diff: Record<string, { from?: unknown; to?: unknown }>;
      }[];
      nextCursor: string | null;
    }>(`/v1/tenants/${tenant}/audit-log?targetType=agency`, { headers: bearer(admin.token) });
    expect(log.body.data.map((e) => e.action)).toEqual(['agency.updated', 'agency.created']);
    expect(log.body.data[0]).toMatchObject({
      targetId: agency.id,
      requestId: renamed.headers.get('x-request-id'),
      diff: { name: { from: 'Bappeda', to: 'Bappeda Litbang' } },
    });

    const all = await h.json<{ data: { action: string }[]; nextCursor: string | null }>(
      `/v1/tenants/${tenant}/audit-log?limit=2`,
      { headers: bearer(admin.token) },
    );
    expect(all.body.data).toHaveLength(2);
    const next = await h.json<{ data: { action: string }[] }>(
      `/v1/tenants/${tenant}/audit-log?limit=2&cursor=${all.body.nextCursor}`,
      { headers: bearer(admin.token) },
    );
    expect(next.body.data.map((e) => e.action)).toContain('invitation.accepted');
    expect(
      (
        await h.request(`/v1/tenants/${tenant}/audit-log?from=not-a-date`, {
          headers: bearer(admin.token),
        })
      ).status,
    ).toBe(400);
  });

  it('a write that fails halfway leaves neither the change nor its audit row', async () => {
    const tenant = await regionTenantId(h, '76.02'); // Kabupaten Mamuju
    const admin = await addMember(h, platform.token, tenant, 'admin');
    // make the audit insert (the last statement of the write) fail
    await h.client.exec(`
      create function fail_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'agency.created' and new.tenant_id = '${tenant}' then raise exception 'disk full'; end if;
        return new;
      end $$;
      create trigger fail_audit before insert on audit_log for each row execute function fail_audit();`);
    try {
      const res = await post(
        h,
        `/v1/tenants/${tenant}/agencies`,
        { name: 'Dinas Setengah Jalan' },
        admin.token,
      );
      expect(res.status).toBe(500);
      expect(((await res.json()) as ProblemBody).detail).not.toContain('disk full');
    } finally {
      await h.client.exec('drop trigger fail_audit on audit_log; drop function fail_audit();');
    }
    expect(await rows(`select id from agencies where name = 'Dinas Setengah Jalan'`)).toHaveLength(
      0,
    );
    expect(
      await rows(`select id from audit_log where tenant_id = $1 and action = 'agency.created'`, [
        tenant,
      ]),
    ).toHaveLength(0);
  });
});
