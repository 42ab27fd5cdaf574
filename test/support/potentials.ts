import { expect } from 'vitest';
import { post } from './actors';
import type { Harness } from './harness';
import { potentialBody } from './potential-body';

export { potentialBody };

const day = (offset: number) =>
  new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

/**
 * A potential taken through its lifecycle by HTTP: submitted, prioritised in a
 * Berita Acara, established by the head's SK (recorded by the head or the
 * secretariat), published. Returns its id.
 */
export async function publishPotential(
  h: Harness,
  tenant: string,
  admin: { token: string },
  head: { token: string } | null,
  body: Record<string, unknown>,
) {
  const p = (await (
    await post(h, `/v1/tenants/${tenant}/potentials`, potentialBody(body), admin.token)
  ).json()) as { id: string };
  const step = (b: Record<string, unknown>, token = admin.token) =>
    post(h, `/v1/tenants/${tenant}/potentials/${p.id}/transitions`, b, token);
  expect((await step({ action: 'submit' })).status).toBe(200);
  expect(
    (await step({ action: 'prioritise', baNumber: 'BA/7', baDate: day(-5), priorityRank: 1 }))
      .status,
  ).toBe(200);
  // the head's SK: recorded by the head, or by the TKKSD secretariat when no head signs in
  const headToken = head?.token ?? admin.token;
  expect(
    (await step({ action: 'establish', skNumber: 'SK/7', skDate: day(-2) }, headToken)).status,
  ).toBe(200);
  expect((await step({ action: 'publish' })).status).toBe(200);
  return p.id;
}
