import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  post,
  put,
  regionTenantId,
  twoRegions,
  verifiedPartner,
} from '../support/actors';
import { launchChromium } from '../support/browser';
import { createHarness, type Harness } from '../support/harness';
import { publishPotential } from '../support/potentials';

/**
 * The digest as its three readers receive it, composed from real state and
 * looked at in headless Chromium: a Bupati (Sigi), a province's head
 * (Gubernur Sulawesi Tengah) and a TKKSD secretariat (Kota Palu). With
 * `UPDATE_SCREENSHOTS=1` (`npm run docs:screenshots`) the pictures are kept in
 * docs/digests/.
 */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
let bupati: Awaited<ReturnType<typeof addMember>>;
let gubernur: Awaited<ReturnType<typeof addMember>>;
let sulteng: string;

beforeAll(async () => {
  h = await createHarness();
  fx = await twoRegions(h);
  bupati = await addMember(h, fx.adminB.token, fx.b, 'head');
  sulteng = await regionTenantId(h, '72');
  gubernur = await addMember(h, fx.platform.token, sulteng, 'head');
  // Palu needs an early-warning system; Sigi offers volunteers and equipment
  await publishPotential(h, fx.a, fx.adminA, null, {
    title: 'Sistem peringatan dini tsunami Teluk Palu',
    direction: 'need',
    cooperationKinds: ['KSDD'],
    issues: ['penanggulangan_bencana'],
    affairs: ['trantibum_linmas'],
  });
  const offer = await publishPotential(h, fx.b, fx.adminB, null, {
    title: 'Relawan dan peralatan tanggap darurat Sigi',
    direction: 'offer',
    cooperationKinds: ['KSDD', 'KSDPK'],
    issues: ['penanggulangan_bencana'],
    affairs: ['trantibum_linmas'],
  });
  // Palu names Sigi as a party: Sigi's deciders are asked to confirm
  const agreement = await post(
    h,
    `/v1/tenants/${fx.a}/agreements`,
    { title: 'Jalur evakuasi lintas batas Palu–Sigi', parties: [fx.a, fx.b], kind: 'KSDD' },
    fx.adminA.token,
  );
  expect(agreement.status).toBe(201);
  // a university is interested in Sigi's offer
  const campus = await verifiedPartner(h, fx.platform.token, 'Universitas Tadulako', 'university');
  expect(
    (
      await post(
        h,
        `/v1/tenants/${campus.id}/interests`,
        { potentialId: offer, message: 'Kami siap melatih relawan.' },
        campus.token,
      )
    ).status,
  ).toBe(201);
  // Palu opens its mapping round
  const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
  expect(
    (
      await post(
        h,
        `/v1/tenants/${fx.a}/rounds`,
        {
          title: 'Pemetaan potensi 2027',
          periodStart: day(-1),
          periodEnd: day(60),
          deadline: day(21),
        },
        fx.adminA.token,
      )
    ).status,
  ).toBe(201);
  for (const [tenant, token] of [
    [fx.b, bupati.token],
    [sulteng, gubernur.token],
  ] as const)
    await put(h, `/v1/me/notifications/${tenant}`, { frequency: 'weekly' }, token);
}, 120_000);
afterAll(() => h?.close());

const readers = () =>
  [
    { file: 'bupati-sigi', tenant: fx.b, token: bupati.token, greets: 'Yth. Bupati Sigi,' },
    {
      file: 'gubernur-sulawesi-tengah',
      tenant: sulteng,
      token: gubernur.token,
      greets: 'Yth. Gubernur Sulawesi Tengah,',
    },
    {
      file: 'sekretariat-tkksd-kota-palu',
      tenant: fx.a,
      token: fx.adminA.token,
      greets: 'Yth. Sekretariat TKKSD Kota Palu,',
    },
  ] as const;

describe('the digest of a Bupati, a Gubernur and a TKKSD secretariat, in headless Chromium', () => {
  it('shows each what waits on it first, addressed by office', async () => {
    const browser = await launchChromium();
    try {
      // one page for all three: the bundled Chromium runs as a single process, and closing a page ends it
      const page = await browser.newPage({ viewport: { width: 680, height: 900 } });
      for (const r of readers()) {
        const preview = await h.json<{ html: string; items: { section: string }[] }>(
          `/v1/me/digest/preview?tenantId=${r.tenant}`,
          { headers: bearer(r.token) },
        );
        expect(preview.status).toBe(200);
        expect(preview.body.items.length, r.file).toBeGreaterThan(0);
        // decisions first
        expect(preview.body.items[0]!.section, r.file).toBe('decisions');
        await page.setContent(preview.body.html);
        const text = await page.innerText('body');
        expect(text).toContain(r.greets);
        expect(text).toContain('MENUNGGU KEPUTUSAN BAPAK/IBU');
        if (r.file === 'bupati-sigi') {
          expect(text).toContain('Universitas Tadulako menyatakan minat');
          expect(text).toContain('Kota Palu menyebut daerah atau organisasi Anda sebagai pihak');
        }
        if (r.file === 'gubernur-sulawesi-tengah') expect(text).toContain('Kabupaten Donggala');
        const shot = await page.screenshot({ fullPage: true });
        expect(shot.length).toBeGreaterThan(20_000);
        if (process.env.UPDATE_SCREENSHOTS === '1') {
          const dir = join(process.cwd(), 'docs', 'digests');
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, `${r.file}.png`), shot);
        }
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
