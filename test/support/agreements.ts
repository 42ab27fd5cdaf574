import { expect } from 'vitest';
import { post } from './actors';
import type { Harness } from './harness';

/** One party's signatory: the tenant it signs for, a token of its head or admin, and who signs. */
export type Signatory = { tenant: string; token: string; name: string; position: string };

/** Every party signs the same document of a stage; the last signature reaches it. */
export async function signByAll<T = { stage: string; signatures: unknown[] }>(
  h: Harness,
  agreementId: string,
  stage:
    | 'kesepakatan_bersama'
    | 'perjanjian_kerja_sama'
    | 'nota_kesepakatan'
    | 'rencana_aksi'
    | 'perpanjangan',
  document: Record<string, unknown>,
  signatories: Signatory[],
  signedOn = document.date,
) {
  let last: Response | undefined;
  for (const s of signatories) {
    last = await post(
      h,
      `/v1/tenants/${s.tenant}/agreements/${agreementId}/signatures`,
      { stage, signatoryName: s.name, signatoryPosition: s.position, signedOn, document },
      s.token,
    );
    expect(last.status, await last.clone().text()).toBe(200);
  }
  return (await last!.json()) as T;
}

/** An invited party's admin confirms taking part. */
export async function confirmAgreement(
  h: Harness,
  agreementId: string,
  tenant: string,
  token: string,
) {
  const res = await post(
    h,
    `/v1/tenants/${tenant}/agreements/${agreementId}/answer`,
    { decision: 'confirm' },
    token,
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { consent: string };
}
