import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/digests/render';
import { launchChromium } from '../support/browser';

/**
 * The digest's HTML looked at in a real browser: headless Chromium from npm
 * (`@sparticuz/chromium`) through playwright-core, on every machine.
 */

const html = renderDigest({
  lang: 'id',
  recipientName: 'Hadianto Rasyid',
  tenantName: 'Kota Palu',
  periodLabel: 'Senin, 30 November 2026 (WITA)',
  unsubscribeUrl: 'https://sinergi.example/v1/digest/unsubscribe?token=x',
  preferencesUrl: 'https://sinergi.example/settings/notifications',
  items: [
    {
      section: 'decisions',
      key: 'interest:1',
      state: 'pending',
      title: 'Sistem peringatan dini tsunami',
      reason: { id: 'Universitas Tadulako menyatakan minat; mohon ditanggapi.', en: '' },
      url: 'https://sinergi.example/interests/1',
    },
    {
      section: 'lapsing',
      key: 'agreement-expiring:1',
      state: '2027-01-05',
      title: 'Pengelolaan air baku Sungai Palu',
      reason: { id: 'Perjanjian Kerja Sama berakhir pada 2027-01-05.', en: '' },
      url: 'https://sinergi.example/agreements/1',
    },
  ],
}).html;

describe('the digest in headless Chromium', () => {
  it('renders a page that is not blank and shows the text', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 640, height: 800 } });
      await page.setContent('<!doctype html><html><body></body></html>');
      const blank = await page.screenshot();
      await page.setContent(html);
      const shot = await page.screenshot();
      const text = await page.innerText('body');
      expect(text).toContain('Yth. Bapak/Ibu Hadianto Rasyid');
      expect(text).toContain('MENUNGGU KEPUTUSAN BAPAK/IBU');
      expect(text).toContain('Pengelolaan air baku Sungai Palu');
      // a blank page compresses to almost nothing; the digest's header, rows and links do not
      expect(shot.length).toBeGreaterThan(blank.length * 5);
      const box = await page.locator('table[width="600"]').boundingBox();
      expect(box?.width).toBeGreaterThan(500);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
