import { describe, expect, it } from 'vitest';
import { templates } from '../../src/email/templates';
import { FIELD_MESSAGES } from '../../src/platform/field-messages';
import { messages } from '../../src/platform/i18n';
import { governmentOf, headOf, officeOf, placeOf } from '../../src/platform/offices';
import { spokenNumber } from '../../src/platform/text';

/**
 * Officials' Indonesian (issue 27, item 11): every message, email and label as
 * a regional office writes it. Each form the review found must not come back:
 * codes in messages, ISO dates and "N hari sejak email ini" in prose, English
 * words and field names, sessions called "pertemuan", emails without a
 * salutation by office and a closing line.
 */
const FORBIDDEN: [RegExp, string][] = [
  [/\((?:admin|head|liaison|viewer|member|platform_admin)\)/, 'a role code'],
  [
    /\b(?:interests|agreements|potentials|forums|reports|members|proposals|discussion|invitations|rounds|profile|tenant|audit|agencies|api_keys)\.[a-z_]+\b/,
    'a permission code',
  ],
  [/dayPlan|maxRequests|maxMeetings|\(deadline\)|\bdeadline\b/, 'a field name or an English word'],
  [/hari sejak email ini/, 'a deadline counted from the email instead of a date'],
  [
    /pertemuan forum|rencana hari|Lihat pertemuan$/,
    '"sesi forum" / "jadwal harian" / "pertemuan bilateral"',
  ],
  [/Peran Anda/, 'a role instead of the office that may act'],
  [/\b[a-z]+[A-Z][A-Za-z]*\b/, 'an API field name (camelCase)'],
];

const sample = new Proxy({} as Record<string, string | number>, {
  // dates passed to messages are ISO: a message must speak them (a proxy value here otherwise)
  get: (_t, key) =>
    key === 'year' || key === 'seconds'
      ? 2026
      : /End$|Start$|Date$|^date$|deadline/.test(String(key))
        ? '2026-12-19'
        : '«nilai»',
});
const textOf = (t: unknown): string =>
  typeof t === 'function' ? (t as (p: typeof sample) => string)(sample) : String(t);

function refused(text: string): string[] {
  // links are addresses, not prose
  const prose = text.replace(/https?:\/\/\S+/g, '');
  const found = FORBIDDEN.filter(([re]) => re.test(prose)).map(([, what]) => what);
  if (/\b\d{4}-\d{2}-\d{2}\b/.test(prose)) found.push('an ISO date in prose');
  return found;
}

describe('officials’ Indonesian', () => {
  it('names regions as offices, and addresses each office by its title', () => {
    const bali = { type: 'region', name: 'Bali', regionCode: '51' };
    const badung = { type: 'region', name: 'Kabupaten Badung', regionCode: '51.03' };
    const denpasar = { type: 'region', name: 'Kota Denpasar', regionCode: '51.71' };
    expect(governmentOf(bali)).toBe('Pemerintah Provinsi Bali');
    expect(governmentOf(badung)).toBe('Pemerintah Kabupaten Badung');
    expect(placeOf(bali)).toBe('Provinsi Bali');
    expect(headOf(badung)).toBe('Bupati Badung');
    expect(headOf(denpasar)).toBe('Wali Kota Denpasar');
    expect(headOf(bali)).toBe('Gubernur Bali');
    expect(officeOf(badung, 'admin', 'id')).toBe('Sekretariat TKKSD Kabupaten Badung');
    expect(officeOf(badung, 'head', 'id')).toBe('Bupati Badung');
    expect(officeOf({ type: 'partner', name: 'PT Air', regionCode: null }, 'admin', 'id')).toBe(
      null,
    );
  });

  it('writes numbers as Indonesian does', () => {
    expect(spokenNumber(74.9, 'id')).toBe('74,9');
    expect(spokenNumber(1200, 'id')).toBe('1.200');
    expect(spokenNumber(74.9, 'en')).toBe('74.9');
  });

  it('has no code, ISO date, English field name or wrong word in any message', () => {
    const bad: string[] = [];
    for (const [key, m] of Object.entries(messages))
      for (const what of refused(textOf((m as { id: unknown }).id))) bad.push(`${key}: ${what}`);
    for (const [key, m] of Object.entries(FIELD_MESSAGES))
      for (const what of refused(textOf((m as { id: unknown }).id))) bad.push(`${key}: ${what}`);
    expect(bad).toEqual([]);
  });

  it('opens every email with a salutation and closes it as a letter, with deadlines as dates', () => {
    const when = 'Sabtu, 19 Desember 2026 pukul 09.30 WITA';
    const params: Record<string, unknown> = {
      verify_email: { name: 'Ni Kadek Ayu', url: 'https://x/v', token: 't', hours: 24 },
      sign_in_failures: { name: 'A', failures: 30, minutes: 60, seconds: 10, url: 'https://x' },
      account_exists: { name: 'A', url: 'https://x' },
      reset_password: { name: 'A', url: 'https://x', token: 't', minutes: 30 },
      invitation: {
        tenantName: 'Kabupaten Badung',
        inviterName: 'I Made',
        role: 'kepala daerah',
        url: 'https://x',
        token: 't',
        validUntil: '2026-12-19',
      },
      proposal: {
        office: 'Sekretariat TKKSD Kabupaten Badung',
        facilitator: 'Pemerintah Provinsi Bali',
        party: 'Kabupaten Badung',
        other: 'Kabupaten Gianyar',
        note: 'Pengelolaan sampah regional.',
        answerBy: '2026-12-19',
        url: 'https://x/proposals/1',
      },
      proposal_reminder: {
        office: 'Sekretariat TKKSD Kabupaten Badung',
        facilitator: 'Pemerintah Provinsi Bali',
        party: 'Kabupaten Badung',
        other: 'Kabupaten Gianyar',
        expiresOn: '2026-12-19',
        url: 'https://x',
      },
      discussion: {
        name: 'A',
        kind: 'reply',
        thread: 'T',
        author: 'Kota Palu',
        excerpt: 'E',
        url: 'https://x',
      },
      annual_report: {
        office: 'Sekretariat TKKSD Provinsi Bali',
        event: 'submitted',
        region: 'Pemerintah Kabupaten Badung',
        year: 2026,
        note: null,
        url: 'https://x',
      },
      forum_registration: {
        name: 'A',
        tenant: 'Kota Palu',
        session: 'S',
        when,
        event: 'approved',
        url: 'https://x',
      },
      forum_session_notice: {
        name: 'A',
        session: 'S',
        when,
        venue: 'V',
        event: 'changed',
        url: 'https://x',
      },
      forum_invitation: {
        name: 'A',
        office: 'Sekretariat TKKSD Kabupaten Badung',
        convener: 'Pemerintah Provinsi Bali',
        session: 'S',
        when,
        closes: when,
        url: 'https://x',
      },
      inbox: {
        name: 'A',
        office: 'Sekretariat TKKSD Kota Palu',
        tenant: 'Kota Palu',
        items: [
          {
            text: { id: 'PT Air menyatakan minat.', en: 'PT Air expressed an interest.' },
            due: '2026-12-19',
            action: true,
          },
          {
            text: { id: 'Potensi “Air” telah dipublikasikan.', en: 'The potential was published.' },
            due: null,
            action: false,
          },
        ],
        url: 'https://x/v1/me/inbox',
      },
      forum_agenda: { name: 'A', tenant: 'Kota Palu', session: 'S', items: [], url: 'https://x' },
      webhook_disabled: {
        name: 'A',
        office: 'Sekretariat TKKSD Kota Palu',
        url: 'https://ksd.palukota.go.id/sinergi',
        days: 3,
        link: 'https://x',
      },
      forum_review: {
        name: 'A',
        office: 'Sekretariat TKKSD Provinsi Bali',
        tenant: 'Kota Palu',
        session: 'S',
        url: 'https://x',
      },
    };
    for (const [name, render] of Object.entries(templates)) {
      if (name === 'digest') continue; // rendered by src/digests/render.ts, checked in digest-render
      const p = params[name];
      expect(p, `sample parameters for ${name}`).toBeDefined();
      const { text } = (render as (l: 'id', p: unknown) => { text: string })('id', p);
      expect(text, name).toMatch(/^Yth\. /);
      expect(text, name).toContain('Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.');
      expect(refused(text), `${name}: ${text}`).toEqual([]);
    }
    const proposal = templates.proposal('id', params.proposal as never).text;
    expect(proposal).toContain('Yth. Sekretariat TKKSD Kabupaten Badung,');
    expect(proposal).toContain(
      'Pemerintah Provinsi Bali mengusulkan agar Kabupaten Badung bekerja sama dengan Kabupaten Gianyar.',
    );
    expect(proposal).toContain('paling lambat Sabtu, 19 Desember 2026');
    // a promoted delegation that still needs approval is told so, not that it got a place
    const pending = templates.forum_registration('id', {
      ...(params.forum_registration as object),
      event: 'promoted_pending',
    } as never);
    expect(pending.text).toContain('kini menunggu persetujuan penyelenggara');
    expect(pending.text).not.toContain('mendapat tempat');
    const session = templates.forum_session_notice('id', params.forum_session_notice as never);
    expect(session.subject).toBe('Perubahan jadwal sesi forum: S');
    expect(session.text).toContain('pukul 09.30 WITA');
  });
});
