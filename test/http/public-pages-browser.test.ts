import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { post, twoRegions } from '../support/actors';
import { launchChromium } from '../support/browser';
import { createHarness, type Harness } from '../support/harness';

/**
 * The public pages in a real browser (headless Chromium): each page type
 * opened and checked by axe-core (no serious or critical violation), a search
 * with a filter, paging, the language switch, the calendar file; screenshots
 * at phone and desktop widths, kept in docs/pages/ (`npm run docs:screenshots`).
 */
let h: Harness;
let server: ReturnType<typeof serve>;
let base: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let threadPath: string;

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.db);
  // a thread on a public board, written in Markdown
  const fx = await twoRegions(h);
  const boards = await h.json<{ data: { id: string; subjectId: string | null }[] }>(
    `/v1/boards?limit=100`,
  );
  const disaster = boards.body.data.find((b) => b.subjectId === 'penanggulangan_bencana')!;
  const created = await post(
    h,
    `/v1/tenants/${fx.a}/boards/${disaster.id}/threads`,
    {
      title: 'Jalur evakuasi tsunami di Teluk Palu',
      body: 'Kami mengusulkan **latihan evakuasi bersama**. Lihat [peta](https://bnpb.go.id/peta).',
      issues: ['penanggulangan_bencana'],
    },
    fx.adminA.token,
  );
  expect(created.status, await created.clone().text()).toBe(201);
  threadPath = `/diskusi/topik/${((await created.json()) as { thread: { id: string } }).thread.id}`;
  server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
});

type Violation = { id: string; impact: string | null; help: string; nodes: unknown[] };

describe('the public pages in headless Chromium', () => {
  it('opens every page type, passes axe-core, and keeps screenshots at phone and desktop widths', async () => {
    // one page for everything: the bundled Chromium runs as a single process, and closing a page ends it
    // axe-core is injected as a script, which the pages' policy forbids: the test alone bypasses it
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await tab.goto(`${base}/potensi?q=wisata`);
    const potential = await tab.getAttribute('ul.cards li h3 a', 'href');
    await tab.goto(`${base}/forum`);
    const session = await tab.getAttribute('ul.cards li h3 a', 'href');
    await tab.goto(`${base}/diskusi`);
    const board = await tab.getAttribute('ul.cards li h2 a', 'href');
    expect(potential && session && board).toBeTruthy();
    const pages = {
      home: '/',
      catalogue: '/potensi?q=air%20bersih',
      potential: potential!,
      region: '/daerah/51.03',
      forums: '/forum',
      session: session!,
      boards: '/diskusi',
      board: board!,
      thread: threadPath,
      'home-en': '/en',
    };
    for (const [name, path] of Object.entries(pages)) {
      await tab.setViewportSize({ width: 1280, height: 900 });
      const res = await tab.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(200);
      await tab.addScriptTag({ content: axe.source });
      const violations = await tab.evaluate(async () => {
        const run = (window as unknown as { axe: typeof axe }).axe.run;
        const result = await run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          nodes: v.nodes.map((n) => n.target),
        }));
      });
      const serious = (violations as Violation[]).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
      const desktop = await tab.screenshot({ fullPage: true });
      await tab.setViewportSize({ width: 390, height: 844 });
      const phone = await tab.screenshot({ fullPage: true });
      // mobile first: nothing wider than the phone
      const overflow = await tab.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth + 1,
      );
      expect(overflow, `${name} overflows a phone`).toBe(false);
      expect(desktop.length).toBeGreaterThan(10_000);
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        const dir = join(process.cwd(), 'docs', 'pages');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${name}-desktop.png`), desktop);
        writeFileSync(join(dir, `${name}-phone.png`), phone);
      }
    }
  }, 180_000);

  it('searches with a filter, pages on keeping it, switches language and downloads the calendar file', async () => {
    const tab = browser.contexts()[0]!.pages()[0]!;
    await tab.setViewportSize({ width: 390, height: 844 });
    await tab.goto(`${base}/potensi`);
    await tab.fill('#q', 'wisata');
    await tab.click('form[role=search] button');
    await tab.waitForURL(/q=wisata/);
    // a filter, through the plain form
    await tab.selectOption('#f-province', '51');
    await tab.click('.filters button');
    await tab.waitForURL(/province=51/);
    const titles = await tab.locator('ul.cards li h3').allInnerTexts();
    expect(titles).toContain('Pengembangan desa wisata berbasis subak');
    // paging keeps the filters (a broader search has a second page)
    await tab.goto(`${base}/potensi?q=wisata`);
    await tab.click('a[rel=next]');
    await tab.waitForURL(/cursor=/);
    expect(tab.url()).toContain('q=wisata');
    expect(await tab.locator('ul.cards li').count()).toBeGreaterThan(0);
    // the language switch leads to the same page in English
    await tab.goto(`${base}/potensi?q=wisata`);
    await tab.click('a[hreflang=en]');
    await tab.waitForURL(/\/en\/potensi\?q=wisata/);
    expect(await tab.getAttribute('html', 'lang')).toBe('en');
    expect(await tab.innerText('h1')).toContain('Potentials for');
    // a session's calendar file downloads
    await tab.goto(`${base}/forum`);
    await tab.click('ul.cards li h3 a');
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.click('a[download]')]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
  }, 120_000);
});
