import { expect } from 'vitest';
import { post } from './actors';
import type { Harness } from './harness';

const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

/**
 * A province's forum with one session in 30 days, published, registration
 * open now (auto-approved, 40 places): what tests of sessions' boards and
 * digests start from.
 */
export async function publishedProvinceSession(h: Harness, province: string, token: string) {
  const forum = await post(
    h,
    `/v1/tenants/${province}/forums`,
    {
      title: 'Forum Kerja Sama Daerah Sulawesi Tengah',
      issues: ['penanggulangan_bencana'],
      scope: 'province',
      venue: { name: 'Kantor Gubernur', address: 'Jl. Sam Ratulangi 101, Palu' },
      firstStart: `${day(30)}T09:00`,
      durationMinutes: 480,
      capacity: 40,
      autoApprove: true,
      registrationOpensDays: 40,
      registrationClosesDays: 1,
    },
    token,
  );
  expect(forum.status, await forum.clone().text()).toBe(201);
  const { id: forumId, sessions } = (await forum.json()) as {
    id: string;
    sessions: { id: string }[];
  };
  const sessionId = sessions[0]!.id;
  const published = await post(
    h,
    `/v1/tenants/${province}/forums/${forumId}/sessions/${sessionId}/status`,
    { status: 'published' },
    token,
  );
  expect(published.status, await published.clone().text()).toBe(200);
  return { forumId, sessionId };
}
