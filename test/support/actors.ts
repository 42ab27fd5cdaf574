import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '../../db/schema';
import { hashPassword } from '../../src/identity/passwords';
import { newId } from '../../src/platform/ids';
import type { Harness } from './harness';

/** Helpers that act as people would: through HTTP, reading the emails they receive. */
export const PASSWORD = 'kerja-sama-daerah-2026';

let counter = 0;
export const uniqueEmail = (label: string) =>
  `${label}.${Date.now().toString(36)}${(counter++).toString(36)}@contoh.go.id`;

export const bearer = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  ...extra,
});
export const jsonHeaders = (token?: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  ...(token ? bearer(token) : {}),
  ...extra,
});

export function lastEmailTo(h: Harness, to: string) {
  const mail = [...h.sent].reverse().find((m) => m.to === to.toLowerCase());
  expect(mail, `an email to ${to}`).toBeDefined();
  return mail!;
}

export function tokenFromEmail(h: Harness, to: string): string {
  const match = lastEmailTo(h, to).text.match(/\b([a-z]{3}_[0-9a-z]{26}\.[a-z2-7]{16,64})\b/);
  expect(match, 'a token in the email').not.toBeNull();
  return match![1]!;
}

export async function post(
  h: Harness,
  path: string,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
) {
  return h.request(path, {
    method: 'POST',
    headers: jsonHeaders(token, headers),
    body: JSON.stringify(body),
  });
}

export async function signUpVerified(
  h: Harness,
  label: string,
  name = 'Pengguna Uji',
): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(label);
  expect((await post(h, '/v1/auth/sign-up', { email, password: PASSWORD, name })).status).toBe(202);
  expect((await post(h, '/v1/auth/verify-email', { token: tokenFromEmail(h, email) })).status).toBe(
    200,
  );
  return { email, password: PASSWORD };
}

export async function signIn(h: Harness, email: string, password = PASSWORD): Promise<string> {
  const res = await post(h, '/v1/auth/sign-in', { email, password });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

export async function newUser(h: Harness, label: string) {
  const { email } = await signUpVerified(h, label);
  return { email, token: await signIn(h, email) };
}

/** The first platform admin, as `npm run admin:create` makes it. */
export async function platformAdmin(h: Harness) {
  const email = uniqueEmail('platform');
  await h.db.insert(users).values({
    id: newId('user'),
    email,
    name: 'Admin Platform',
    passwordHash: await hashPassword(PASSWORD),
    emailVerifiedAt: new Date(),
    isPlatformAdmin: true,
  });
  const [row] = await h.db.select().from(users).where(eq(users.email, email));
  return { email, id: row!.id, token: await signIn(h, email) };
}

export async function regionTenantId(h: Harness, code: string): Promise<string> {
  const { body } = await h.json<{ tenant: { id: string } }>(`/v1/regions/${code}`);
  return body.tenant.id;
}

/** Invites a new person into a tenant and has them accept: returns their session and membership. */
export async function addMember(
  h: Harness,
  inviterToken: string,
  tenantId: string,
  role: string,
  agencyId?: string,
) {
  const person = await newUser(h, role);
  const invite = await post(
    h,
    `/v1/tenants/${tenantId}/invitations`,
    { email: person.email, role, ...(agencyId ? { agencyId } : {}) },
    inviterToken,
  );
  expect(invite.status, await invite.clone().text()).toBe(201);
  const accepted = await post(
    h,
    '/v1/invitations/accept',
    { token: tokenFromEmail(h, person.email) },
    person.token,
  );
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  const { membershipId } = (await accepted.json()) as { membershipId: string };
  const [user] = await h.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, person.email));
  return { ...person, membershipId, userId: user!.id };
}

/** The other writes, shaped like `post`: a JSON body (none for DELETE) and a bearer token. */
export async function patch(h: Harness, path: string, body: unknown, token?: string) {
  return h.request(path, {
    method: 'PATCH',
    headers: jsonHeaders(token),
    body: JSON.stringify(body),
  });
}
export async function put(h: Harness, path: string, body: unknown, token?: string) {
  return h.request(path, {
    method: 'PUT',
    headers: jsonHeaders(token),
    body: JSON.stringify(body),
  });
}
export async function del(h: Harness, path: string, token?: string) {
  return h.request(path, { method: 'DELETE', headers: token ? bearer(token) : {} });
}

/** A partner organisation of a kind (`partner-kinds`), founded by a new user and verified by the platform admin. */
export async function verifiedPartner(
  h: Harness,
  platformToken: string,
  name: string,
  kind: string,
) {
  const founder = await newUser(h, kind);
  const res = await post(h, '/v1/partners', { name, kind }, founder.token);
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect((await post(h, `/v1/admin/tenants/${id}/verify`, {}, platformToken)).status).toBe(200);
  return { id, token: founder.token };
}

/**
 * The two-region fixture most tests start from: a platform admin, and two
 * neighbouring claimed regions of Sulawesi Tengah — Kota Palu (72.71) and
 * Kabupaten Sigi (72.10) — each with its first admin.
 */
export async function twoRegions(h: Harness, codes: [string, string] = ['72.71', '72.10']) {
  const platform = await platformAdmin(h);
  const [a, b] = await Promise.all(codes.map((code) => regionTenantId(h, code)));
  const adminA = await addMember(h, platform.token, a!, 'admin');
  const adminB = await addMember(h, platform.token, b!, 'admin');
  return { platform, a: a!, b: b!, adminA, adminB };
}
