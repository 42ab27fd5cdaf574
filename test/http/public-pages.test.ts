import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import {
  addMember,
  bearer,
  post,
  regionTenantId,
  twoRegions,
  verifiedPartner,
} from '../support/actors';
import { publishedProvinceSession } from '../support/forums';
import { createHarness, type Harness } from '../support/harness';
import { potentialBody, publishPotential } from '../support/potentials';

/**
 * The public pages (issue 31): server-rendered from the same domain verbs as
 * the API, in Indonesian and English, cacheable, and never showing what the
 * public may not read.
 */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
const SECRET = 'RAHASIA';
const ids = {} as Record<
  'published' | 'draft' | 'forumId' | 'sessionId' | 'draftForum' | 'draftSession',
  string
>;

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.db);
  fx = await twoRegions(h);
  ids.published = await publishPotential(h, fx.a, fx.adminA, null, {
    title: 'Pelabuhan <script>alert(1)</script> Pantoloan',
  });
  // what the public may not read: a draft, an interest's message, an unpublished session
  const draft = await post(
    h,
    `/v1/tenants/${fx.a}/potentials`,
    potentialBody({ title: `${SECRET} draf pelabuhan`, activity: `${SECRET} kegiatan` }),
    fx.adminA.token,
  );
  expect(draft.status).toBe(201);
  ids.draft = ((await draft.json()) as { id: string }).id;
  const partner = await verifiedPartner(h, fx.platform.token, 'PT Mitra Pelabuhan', 'company');
  const interest = await post(
    h,
    `/v1/tenants/${partner.id}/interests`,
    { potentialId: ids.published, message: `${SECRET} pesan minat` },
    partner.token,
  );
  expect(interest.status).toBe(201);
  const province = await regionTenantId(h, '72');
  const governor = await addMember(h, fx.platform.token, province, 'admin');
  ({ forumId: ids.forumId, sessionId: ids.sessionId } = await publishedProvinceSession(
    h,
    province,
    governor.token,
  ));
  const draftForum = await post(
    h,
    `/v1/tenants/${province}/forums`,
    {
      title: `${SECRET} forum draf`,
      issues: ['penanggulangan_bencana'],
      scope: 'province',
      venue: { name: `${SECRET} gedung`, address: 'Palu' },
      firstStart: `${new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10)}T09:00`,
      durationMinutes: 240,
      capacity: 20,
    },
    governor.token,
  );
  expect(draftForum.status, await draftForum.clone().text()).toBe(201);
  const f = (await draftForum.json()) as { id: string; sessions: { id: string }[] };
  ids.draftForum = f.id;
  ids.draftSession = f.sessions[0]!.id;
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const page = async (path: string, init?: RequestInit) => {
  const res = await h.request(path, init);
  return { res, status: res.status, html: await res.text() };
};

/** Every page type, in both languages, as an anonymous reader would reach it. */
const everyPage = () => {
  const paths = [
    '/',
    '/potensi',
    '/potensi?q=pelabuhan',
    // words of the draft (its title would echo the query itself)
    '/potensi?q=draf%20pelabuhan',
    '/potensi?direction=need&issues=penanggulangan_bencana',
    `/potensi/${ids.published}`,
    '/daerah/72.71',
    '/daerah/72',
    '/forum',
    '/forum?when=past',
    `/forum/${ids.forumId}/sesi/${ids.sessionId}`,
    '/diskusi',
    '/sitemap.xml',
  ];
  return [
    ...paths,
    ...paths.filter((p) => p !== '/sitemap.xml').map((p) => `/en${p === '/' ? '' : p}`),
  ];
};

describe('public pages', () => {
  it('serves each page type in Indonesian and English, cacheable at the edge', async () => {
    for (const path of everyPage()) {
      const { res, status, html } = await page(path);
      expect(status, path).toBe(200);
      if (path === '/sitemap.xml') continue;
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control'), path).toMatch(/public.*stale-while-revalidate/);
      const lang = path.startsWith('/en') ? 'en' : 'id';
      expect(html, path).toMatch(new RegExp(`<html lang="${lang}"`));
      expect(html, path).toContain('<link rel="canonical"');
      expect(html, path).toContain('hreflang="en"');
      expect(html, path).toContain('property="og:title"');
      expect(html, path).not.toContain('<script>alert');
    }
  });

  it('shows a potential with its region, its neighbours and how to express interest, escaped', async () => {
    const { html } = await page(`/potensi/${ids.published}`);
    expect(html).toContain('Pelabuhan &lt;script&gt;alert(1)&lt;/script&gt; Pantoloan');
    expect(html).toContain('Pemerintah Kota Palu');
    expect(html).toContain(`/v1/catalog/potentials/${ids.published}/interests`);
    expect(html).toContain('Potensi terkait');
    const en = await page(`/en/potensi/${ids.published}`);
    expect(en.html).toContain('Related potentials');
    expect(en.html).toContain('the Government of Kota Palu');
  });

  it('searches with the API’s retrieval and keeps the filters across pages', async () => {
    const all = await page('/potensi?q=wisata');
    expect(all.html).toContain('Pengembangan desa wisata berbasis subak');
    const next = /rel="next" href="([^"]+)"/.exec(all.html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBeDefined();
    expect(next).toContain('q=wisata');
    const second = await page(next!);
    expect(second.status).toBe(200);
    expect(second.html).toContain('Kembali ke halaman pertama');
    const bali = await page('/potensi?q=wisata&province=51');
    expect(bali.html).toContain('Pengembangan desa wisata berbasis subak');
    expect(bali.html).not.toContain('Wisata bahari dan selam Raja Ampat');
    const none = await page('/potensi?q=kapas');
    expect(none.html).toContain('Tidak ada potensi yang cocok');
    expect(none.html).toContain('name="robots" content="noindex"');
  });

  it('shows a session’s agenda in the venue’s time, its delegations and its calendar file, with an Event for search engines', async () => {
    const { html } = await page(`/forum/${ids.forumId}/sesi/${ids.sessionId}`);
    expect(html).toContain('WITA');
    expect(html).toContain('application/ld+json');
    expect(html).toContain('"@type":"Event"');
    const ics = /href="([^"]+calendar\.ics)"/.exec(html)?.[1];
    expect(ics).toBeDefined();
    const file = await h.request(ics!);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('BEGIN:VCALENDAR');
  });

  it('answers 404 as a page for what is not public, and lists the site for search engines', async () => {
    expect((await page(`/potensi/${ids.draft}`)).status).toBe(404);
    expect((await page(`/forum/${ids.draftForum}/sesi/${ids.draftSession}`)).status).toBe(404);
    expect((await page('/daerah/99.99')).status).toBe(404);
    const sitemap = await page('/sitemap.xml');
    expect(sitemap.html).toContain(`/potensi/${ids.published}`);
    expect(sitemap.html).not.toContain(ids.draft);
    const robots = await page('/robots.txt');
    expect(robots.html).toContain('Sitemap: ');
  });

  it('shows an anonymous reader no text of a draft, an interest or an unpublished session — nor a member who is signed in', async () => {
    for (const path of everyPage()) {
      const { html } = await page(path);
      expect(html, path).not.toContain(SECRET);
    }
    // the convener's own session reads as public: its draft is not served to anyone
    const own = await page(`/forum/${ids.draftForum}/sesi/${ids.draftSession}`, {
      headers: bearer(fx.adminA.token),
    });
    expect(own.status).toBe(404);
    expect(own.html).not.toContain(SECRET);
  });
});
