import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, platformAdmin, regionTenantId } from '../support/actors';
import { publishedProvinceSession } from '../support/forums';
import { createHarness, type Harness } from '../support/harness';

const DAY = 86400_000;
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('a forum session’s status as read', () => {
  it('reads registration_closed as soon as the window has ended, before the hourly job runs', async () => {
    const platform = await platformAdmin(h);
    const sulteng = await regionTenantId(h, '72');
    const admin = await addMember(h, platform.token, sulteng, 'admin');
    // starts in 30 days; registration opened already and closes a day before the start
    const { forumId, sessionId } = await publishedProvinceSession(h, sulteng, admin.token);
    const read = async () =>
      (await h.json<{ status: string }>(`/v1/forums/${forumId}/sessions/${sessionId}`)).body.status;
    expect(await read()).toBe('registration_open');
    h.advance(29.5 * DAY);
    expect(await read()).toBe('registration_closed');
    const listed = await h.json<{ data: { id: string; status: string }[] }>(
      '/v1/forums?province=72',
    );
    expect(listed.body.data.find((s) => s.id === sessionId)?.status).toBe('registration_closed');
  });
});
