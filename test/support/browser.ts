import sparticuz from '@sparticuz/chromium';
import { chromium } from 'playwright-core';

/**
 * Headless Chromium for tests that look at what people see, from npm alone:
 * `@sparticuz/chromium` ships the browser inside the package (unpacked to the
 * system temp folder on first use), so the tests run on any fresh machine and
 * in CI, never skipped. `CHROMIUM_PATH` points at another build instead.
 */
export async function launchChromium() {
  const executablePath = process.env.CHROMIUM_PATH ?? (await sparticuz.executablePath());
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...sparticuz.args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
