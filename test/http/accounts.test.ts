import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  lastEmailTo,
  newUser,
  PASSWORD,
  post,
  signIn,
  signUpVerified,
  tokenFromEmail,
  uniqueEmail,
} from '../support/actors';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';

let h: Harness;
/** Each top-level `describe` builds its own: a fresh app and database, and the fixtures on them. */
function fixtures() {
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h.close();
  });
}

const count = async (sql: string, params: unknown[] = []) =>
  (await h.client.query<{ n: number }>(sql, params)).rows[0]!.n;

describe('sign-up and email verification', () => {
  fixtures();
  it('signs up, confirms by the emailed code, signs in, and reaches /v1/me with a bearer token', async () => {
    const email = uniqueEmail('siti');
    const res = await post(h, '/v1/auth/sign-up', {
      email,
      password: PASSWORD,
      name: 'Siti Rahmawati',
    });
    expect(res.status).toBe(202);
    const mail = lastEmailTo(h, email);
    expect(mail.subject).toBe('Konfirmasi email Anda untuk Sinergi');
    // no web application configured: the code alone, no link to a page that does not exist
    expect(mail.text).toContain('Atau gunakan kode ini: tok_');
    expect(mail.text).not.toContain('/verify-email');

    // unconfirmed: the right password learns it, a wrong one does not
    const early = await post(h, '/v1/auth/sign-in', { email, password: PASSWORD });
    expect(early.status).toBe(403);
    expect(((await early.json()) as ProblemBody).detail).toContain('belum dikonfirmasi');

    expect(
      (await post(h, '/v1/auth/verify-email', { token: tokenFromEmail(h, email) })).status,
    ).toBe(200);
    const token = await signIn(h, email);
    expect(token).toMatch(/^ses_[0-9a-z]{26}\.[a-z2-7]+$/);
    const me = await h.json<{ user: { email: string; name: string } }>('/v1/me', {
      headers: bearer(token),
    });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, name: 'Siti Rahmawati' });
  });

  it('answers a duplicate sign-up exactly like a new one, and tells the owner by email instead', async () => {
    const { email } = await signUpVerified(h, 'dup');
    const fresh = await post(h, '/v1/auth/sign-up', {
      email: uniqueEmail('fresh'),
      password: PASSWORD,
      name: 'Baru',
    });
    const dup = await post(h, '/v1/auth/sign-up', {
      email: email.toUpperCase(),
      password: 'another-password-99',
      name: 'Penyusup',
    });
    expect(dup.status).toBe(fresh.status);
    expect(await dup.json()).toEqual(await fresh.json());
    expect(lastEmailTo(h, email).subject).toBe('Ada yang mencoba mendaftar dengan email Anda');
    expect(await count('select count(*)::int as n from users where email = $1', [email])).toBe(1);
  });

  it('refuses a weak password naming the field, and stores nothing', async () => {
    const email = uniqueEmail('weak');
    const res = await post(h, '/v1/auth/sign-up', { email, password: 'pendek', name: 'Lemah' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors).toEqual([
      { location: 'body.password', message: 'minimal 10 karakter' },
    ]);
    expect(await count('select count(*)::int as n from users where email = $1', [email])).toBe(0);
  });

  it.each([
    ['an unknown code', 'tok_01jd2x6v0m8kq3b7e5y4w9c1ta.aaaaaaaaaaaaaaaaaaaaaaaa'],
    ['garbage', 'not-a-token-at-all'],
  ])('refuses %s with 400', async (_, token) => {
    const res = await post(h, '/v1/auth/verify-email', { token });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors?.[0]?.location).toBe('body.token');
  });

  it('refuses a verification code used twice, and one that has expired', async () => {
    const email = uniqueEmail('twice');
    await post(h, '/v1/auth/sign-up', { email, password: PASSWORD, name: 'Dua Kali' });
    const token = tokenFromEmail(h, email);
    expect((await post(h, '/v1/auth/verify-email', { token })).status).toBe(200);
    expect((await post(h, '/v1/auth/verify-email', { token })).status).toBe(400);

    const late = uniqueEmail('late');
    await post(h, '/v1/auth/sign-up', { email: late, password: PASSWORD, name: 'Terlambat' });
    h.advance(49 * 3600_000);
    try {
      expect(
        (await post(h, '/v1/auth/verify-email', { token: tokenFromEmail(h, late) })).status,
      ).toBe(400);
    } finally {
      h.advance(-49 * 3600_000);
    }
  });
});

describe('sign-in without account enumeration', () => {
  fixtures();
  it('answers a wrong password and an unknown email with the same 401', async () => {
    const { email } = await signUpVerified(h, 'enum');
    const wrong = await post(h, '/v1/auth/sign-in', { email, password: 'salah-sekali-123' });
    const unknown = await post(h, '/v1/auth/sign-in', {
      email: uniqueEmail('nobody'),
      password: 'salah-sekali-123',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as ProblemBody;
    const b = (await unknown.json()) as ProblemBody;
    expect({ ...a, requestId: '' }).toEqual({ ...b, requestId: '' });
  });

  it('a stranger cannot lock an account out from anywhere: sign-in is limited per account and address', async () => {
    const { email } = await signUpVerified(h, 'limited');
    const stranger = { 'x-test-client': '198.51.100.66' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await post(
        h,
        '/v1/auth/sign-in',
        { email, password: 'tebak-tebakan-' + i },
        undefined,
        stranger,
      );
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await res.json()) as ProblemBody).code).toBe('RATE_LIMITED');
      }
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // from the stranger's address even the right password waits for the window…
    expect(
      (await post(h, '/v1/auth/sign-in', { email, password: PASSWORD }, undefined, stranger))
        .status,
    ).toBe(429);
    // …but the owner, from their own address, signs in at once
    expect(
      (
        await post(h, '/v1/auth/sign-in', { email, password: PASSWORD }, undefined, {
          'x-test-client': '203.0.113.200',
        })
      ).status,
    ).toBe(200);
    h.advance(16 * 60_000);
    try {
      expect(
        (await post(h, '/v1/auth/sign-in', { email, password: PASSWORD }, undefined, stranger))
          .status,
      ).toBe(200);
    } finally {
      h.advance(-16 * 60_000);
    }
  });

  it('rate-limits per client address across accounts', async () => {
    const address = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push(
        (
          await post(
            h,
            '/v1/auth/sign-in',
            { email: `orang${i}@contoh.go.id`, password: 'apa-saja-123456' },
            undefined,
            { 'x-test-client': address },
          )
        ).status,
      );
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('sessions', () => {
  fixtures();
  it('lists sessions, and a revoked one fails on the next request', async () => {
    const { email } = await signUpVerified(h, 'sessions');
    const first = await signIn(h, email);
    const second = await signIn(h, email);
    const list = await h.json<{ data: { id: string; current: boolean }[] }>('/v1/me/sessions', {
      headers: bearer(first),
    });
    expect(list.body.data).toHaveLength(2);
    const other = list.body.data.find((s) => !s.current)!;
    expect(second.startsWith(other.id)).toBe(true);
    expect(
      (await h.request(`/v1/me/sessions/${other.id}`, { method: 'DELETE', headers: bearer(first) }))
        .status,
    ).toBe(204);
    const after = await h.request('/v1/me', { headers: bearer(second) });
    expect(after.status).toBe(401);
    expect(((await after.json()) as ProblemBody).detail).toContain('Sesi tidak valid');
    expect((await h.request('/v1/me', { headers: bearer(first) })).status).toBe(200);
  });

  it('signs out everywhere', async () => {
    const { email } = await signUpVerified(h, 'everywhere');
    const a = await signIn(h, email);
    const b = await signIn(h, email);
    const res = await post(h, '/v1/auth/sign-out-everywhere', {}, a);
    expect(await res.json()).toEqual({ revoked: 2 });
    expect((await h.request('/v1/me', { headers: bearer(a) })).status).toBe(401);
    expect((await h.request('/v1/me', { headers: bearer(b) })).status).toBe(401);
  });

  it('refuses a token with a valid id but a forged secret', async () => {
    const { email } = await signUpVerified(h, 'forged');
    const token = await signIn(h, email);
    const forged = `${token.split('.')[0]}.${'a'.repeat(40)}`;
    expect((await h.request('/v1/me', { headers: bearer(forged) })).status).toBe(401);
  });

  it('expires after 30 days without use, and slides when used in its second half', async () => {
    const { email } = await signUpVerified(h, 'sliding');
    const token = await signIn(h, email);
    h.advance(20 * 86400_000);
    try {
      const renewed = await h.json<{ data: { expiresAt: string; current: boolean }[] }>(
        '/v1/me/sessions',
        { headers: bearer(token) },
      );
      const expires = new Date(renewed.body.data.find((s) => s.current)!.expiresAt).getTime();
      expect(expires - Date.now()).toBeGreaterThan(45 * 86400_000); // extended from day 20 by 30 days
      h.advance(31 * 86400_000);
      expect((await h.request('/v1/me', { headers: bearer(token) })).status).toBe(401);
    } finally {
      h.advance(-51 * 86400_000);
    }
  });
});

describe('browser sessions: cookie and CSRF', () => {
  fixtures();
  const origin = 'http://localhost:8787';

  it('sets an HttpOnly, Secure, SameSite=Lax cookie that authenticates reads', async () => {
    const { email } = await signUpVerified(h, 'browser');
    const res = await post(h, '/v1/auth/sign-in', { email, password: PASSWORD });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-sinergi_session=ses_/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    const pair = cookie.split(';')[0]!;
    expect((await h.request('/v1/me', { headers: { cookie: pair } })).status).toBe(200);

    // a write with the cookie from another origin is refused; from ours it passes
    const foreign = await h.request('/v1/partners', {
      method: 'POST',
      headers: { cookie: pair, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'PT Jahat', kind: 'company' }),
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as ProblemBody).detail).toContain('lintas situs');
    const noOrigin = await h.request('/v1/partners', {
      method: 'POST',
      headers: { cookie: pair, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'PT Tanpa Origin', kind: 'company' }),
    });
    expect(noOrigin.status).toBe(403);
    const own = await h.request('/v1/partners', {
      method: 'POST',
      headers: { cookie: pair, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'PT Sah', kind: 'company' }),
    });
    expect(own.status).toBe(201);
    expect(
      await count(
        `select count(*)::int as n from tenants where name in ('PT Jahat', 'PT Tanpa Origin')`,
      ),
    ).toBe(0);

    // sign-out clears it and the session stops working
    const out = await h.request('/v1/auth/sign-out', {
      method: 'POST',
      headers: { cookie: pair, origin },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await h.request('/v1/me', { headers: { cookie: pair } })).status).toBe(401);
  });

  it('answers a forged cookie with 401 and clears it, while public routes still answer', async () => {
    const forged =
      '__Host-sinergi_session=ses_01jd2x6v0m8kq3b7e5y4w9c1ta.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
    const me = await h.request('/v1/me', { headers: { cookie: forged } });
    expect(me.status).toBe(401);
    expect(me.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await h.request('/v1/regions/31', { headers: { cookie: forged } })).status).toBe(200);
  });
});

describe('password reset', () => {
  fixtures();
  it('answers 202 for unknown and known emails alike; the link works once and ends old sessions', async () => {
    const { email } = await signUpVerified(h, 'reset');
    const old = await signIn(h, email);
    const unknown = await post(h, '/v1/auth/password-reset', { email: uniqueEmail('ghost') });
    const known = await post(h, '/v1/auth/password-reset', { email });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());
    const token = tokenFromEmail(h, email);
    expect(lastEmailTo(h, email).subject).toBe('Atur ulang kata sandi Sinergi');

    const weak = await post(h, '/v1/auth/password-reset/confirm', { token, password: 'x' });
    expect(weak.status).toBe(400);
    const done = await post(h, '/v1/auth/password-reset/confirm', {
      token,
      password: 'kata-sandi-baru-2026',
    });
    expect(done.status).toBe(200);
    expect(
      (
        await post(h, '/v1/auth/password-reset/confirm', {
          token,
          password: 'kata-sandi-lain-2026',
        })
      ).status,
    ).toBe(400);
    expect((await h.request('/v1/me', { headers: bearer(old) })).status).toBe(401);
    expect((await post(h, '/v1/auth/sign-in', { email, password: PASSWORD })).status).toBe(401);
    await signIn(h, email, 'kata-sandi-baru-2026');
  });

  it('speaks English when asked', async () => {
    const { email } = await newUser(h, 'english');
    await post(h, '/v1/auth/password-reset', { email }, undefined, { 'accept-language': 'en' });
    // the email follows the account's language (Indonesian at sign-up), the API response follows the request
    expect(lastEmailTo(h, email).subject).toBe('Atur ulang kata sandi Sinergi');
    const res = await post(
      h,
      '/v1/auth/sign-in',
      { email, password: 'wrong-password-00' },
      undefined,
      { 'accept-language': 'en' },
    );
    expect(((await res.json()) as ProblemBody).detail).toBe('Wrong email or password.');
  });
});

describe('secrets at rest and in logs', () => {
  fixtures();
  it('stores only hashes of passwords, session secrets and tokens, and never logs them', async () => {
    const { email } = await signUpVerified(h, 'hashes');
    const token = await signIn(h, email);
    const secret = token.split('.')[1]!;
    const dump = JSON.stringify(
      (
        await h.client.query(
          'select u.password_hash, s.secret_hash from users u join sessions s on s.user_id = u.id where u.email = $1',
          [email],
        )
      ).rows,
    );
    expect(dump).toContain('scrypt$16384$8$5$');
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(PASSWORD);
    expect(h.logs.join('\n')).not.toContain(secret);
    expect(h.logs.join('\n')).not.toContain(PASSWORD);
  });
});
