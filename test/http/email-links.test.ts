import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_TARGETS, linkTo, targetOfLink } from '../../src/platform/links';
import {
  addMember,
  bearer,
  post,
  twoRegions,
  uniqueEmail,
  verifiedPartner,
} from '../support/actors';
import { createHarness, type Harness, linksNotFromTable, testConfig } from '../support/harness';
import { publishPotential } from '../support/potentials';

/**
 * Links lead somewhere real (issue 28): every link in every email comes from
 * one table (src/platform/links.ts). The harness checks each email any test
 * sends against the table and fails the file on a link it does not produce;
 * here the two configurations are walked: into the web application when
 * APP_WEB_ORIGIN is set, else to the API's own resources, which answer.
 */
const WEB = 'https://app.sinergi.test';
let web: Harness;
let api: Harness;

beforeAll(async () => {
  [web, api] = await Promise.all([
    createHarness({ config: { ...testConfig, APP_WEB_ORIGIN: WEB } }),
    createHarness(),
  ]);
}, 60_000);
afterAll(async () => {
  await web?.close();
  await api?.close();
});

/** An interest in a published potential: an inbox email to the owner's deciders. */
async function interestEmails(h: Harness) {
  const fx = await twoRegions(h);
  const head = await addMember(h, fx.adminA.token, fx.a, 'head');
  const potentialId = await publishPotential(h, fx.a, fx.adminA, null, {
    title: 'Pengelolaan air bersih lintas wilayah',
  });
  const partner = await verifiedPartner(h, fx.platform.token, 'PT Tirta Lestari', 'company');
  const since = h.sent.length;
  const res = await post(
    h,
    `/v1/tenants/${partner.id}/interests`,
    { potentialId, message: 'Kami berminat.' },
    partner.token,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const mails = h.sent.slice(since).filter((m) => m.to === fx.adminA.email.toLowerCase());
  expect(mails.length).toBeGreaterThan(0);
  return { fx, head, potentialId, mails };
}

describe('the link table', () => {
  it('has one pattern per target, each reading back as its own target', () => {
    for (const config of [testConfig, { ...testConfig, APP_WEB_ORIGIN: WEB }])
      for (const target of Object.keys(LINK_TARGETS) as (keyof typeof LINK_TARGETS)[]) {
        const params = Object.fromEntries(
          [...JSON.stringify(LINK_TARGETS[target]).matchAll(/\{(\w+)\}/g)].map((m) => [
            m[1],
            'x_1',
          ]),
        );
        const url = linkTo(config, target, params as never);
        if (url) expect(targetOfLink(config, url), url).toBe(target);
      }
  });

  it('fails on a link the table does not produce', () => {
    const mail = {
      to: 'a@contoh.go.id',
      subject: 's',
      text: `Buka: ${testConfig.APP_ORIGIN}/interests/int_1 dan https://pu.go.id/peta`,
      html: `<a href="${testConfig.APP_ORIGIN}/v1/me/inbox?tenantId=ten_1">ok</a><a href="${testConfig.APP_ORIGIN}/settings">x</a>`,
    };
    expect(linksNotFromTable(testConfig, mail)).toEqual([
      `${testConfig.APP_ORIGIN}/settings`,
      `${testConfig.APP_ORIGIN}/interests/int_1`,
    ]);
  });
});

describe('with a web application (APP_WEB_ORIGIN)', () => {
  it('links every email into it, and the sign-up confirmation to its page with the code', async () => {
    const email = uniqueEmail('links');
    await post(web, '/v1/auth/sign-up', {
      email,
      password: 'kerja-sama-daerah-2026',
      name: 'Rina',
    });
    const confirm = web.sent.findLast((m) => m.to === email.toLowerCase())!;
    expect(confirm.text).toMatch(new RegExp(`${WEB}/verify-email\\?token=tok_`));

    const { fx, mails } = await interestEmails(web);
    const inboxMail = mails.find((m) => m.subject.includes('menunggu tindakan'))!;
    expect(inboxMail.html).toContain(`href="${WEB}/inbox?tenant=${fx.a}"`);
    const preview = await web.json<{ items: { url: string }[]; html: string }>(
      `/v1/me/digest/preview?tenantId=${fx.a}`,
      { headers: bearer(fx.adminA.token) },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.items.length).toBeGreaterThan(0);
    for (const item of preview.body.items)
      expect(item.url.startsWith(`${WEB}/`), item.url).toBe(true);
    expect(preview.body.html).toContain(`href="${WEB}/settings/notifications"`);
  });
});

describe('without one', () => {
  it('links to the API’s own resources, which answer the person emailed', async () => {
    const { fx, head, mails } = await interestEmails(api);
    const inboxMail = mails.find((m) => m.subject.includes('menunggu tindakan'))!;
    const links = [...inboxMail.html.matchAll(/href="([^"]*)"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    );
    expect(links).toEqual([`${testConfig.APP_ORIGIN}/v1/me/inbox?tenantId=${fx.a}`]);
    // every link of the digest opens for its reader (the head): the table's API paths are real routes
    const preview = await api.json<{ items: { url: string }[] }>(
      `/v1/me/digest/preview?tenantId=${fx.a}`,
      { headers: bearer(head.token) },
    );
    const urls = [...links, ...preview.body.items.map((i) => i.url)];
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) {
      expect(url.startsWith(`${testConfig.APP_ORIGIN}/v1/`), url).toBe(true);
      const res = await api.request(url.slice(testConfig.APP_ORIGIN.length), {
        headers: bearer(head.token),
      });
      expect(res.status, url).toBe(200);
    }
  });
});
