import { escapeHtml } from '../platform/text';
export const SECTIONS = [
  'decisions',
  'lapsing',
  'forums',
  'opportunities',
  'news',
  'discussion',
] as const;
export type Section = (typeof SECTIONS)[number];
export type DigestItem = {
  section: Section;
  key: string;
  state: string;
  /** a name (a potential's, a session's), or a sentence in both languages (an event's) */
  title: string | { id: string; en: string };
  reason: { id: string; en: string };
  url: string;
  /** a decision shown again, a week after it was last sent and still waiting */
  stillWaiting?: boolean;
  /** a decision: it waits, and may reappear while it does */
  waits?: boolean;
};

/**
 * The digest email: an HTML part laid out with tables and inline styles (what
 * common mail clients render) and a plain-text part, in formal Indonesian or
 * in English. Plain templates: `mjml` needs Node's filesystem at render time
 * and `@react-email` a React runtime, neither worth carrying into a Worker
 * for one layout. Pure: no I/O.
 */
export type DigestView = {
  lang: 'id' | 'en';
  recipientName: string;
  /** the office the recipient holds, addressed by it ("Bupati Badung"); else the person by name */
  recipientOffice?: string | null;
  tenantName: string;
  /** the period in words, in the recipient's zone ("Senin, 23 November 2026 (WIT)") */
  periodLabel: string;
  items: DigestItem[];
  unsubscribeUrl: string;
  preferencesUrl: string;
};

const TITLES: Record<Section, { id: string; en: string }> = {
  decisions: { id: 'Menunggu keputusan Bapak/Ibu', en: 'Waiting for your decision' },
  lapsing: { id: 'Segera berakhir', en: 'About to lapse' },
  opportunities: { id: 'Peluang kerja sama baru', en: 'New cooperation opportunities' },
  forums: { id: 'Forum kerja sama', en: 'Cooperation forums' },
  news: { id: 'Kabar terbaru', en: 'News' },
  discussion: { id: 'Diskusi', en: 'Discussion' },
};

/** An item's title in the reader's language. */
export const titleOf = (i: DigestItem, lang: 'id' | 'en') =>
  typeof i.title === 'string' ? i.title : i.title[lang];
// what waits on them first, then what lapses, then dates, and only then what is new
const ORDER: Section[] = [...SECTIONS];

export function renderDigest(v: DigestView) {
  const en = v.lang === 'en';
  const still = en ? 'Still waiting: ' : 'Masih menunggu: ';
  const subject = en
    ? `Sinergi digest for ${v.tenantName}: ${v.items.length} item${v.items.length === 1 ? '' : 's'}`
    : `Ringkasan Sinergi untuk ${v.tenantName}: ${v.items.length} hal`;
  const greeting = en
    ? `Dear ${v.recipientOffice ?? v.recipientName},`
    : v.recipientOffice
      ? `Yth. ${v.recipientOffice},`
      : `Yth. Bapak/Ibu ${v.recipientName},`;
  const intro = en
    ? `${greeting} here is what needs ${v.tenantName} as of ${v.periodLabel}.`
    : `${greeting} berikut hal-hal yang memerlukan perhatian ${v.tenantName} per ${v.periodLabel}.`;
  const closing = en
    ? 'Thank you for your attention.'
    : 'Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.';
  const sections = ORDER.map((s) => ({ s, items: v.items.filter((i) => i.section === s) })).filter(
    (x) => x.items.length,
  );
  const text = [
    intro,
    ...sections.map(
      ({ s, items }) =>
        `${TITLES[s][v.lang].toUpperCase()}\n${items
          .map(
            (i) =>
              `- ${i.stillWaiting ? still : ''}${titleOf(i, v.lang)}\n  ${i.reason[v.lang]}\n  ${i.url}`,
          )
          .join('\n')}`,
    ),
    en
      ? `Change how often you receive this: ${v.preferencesUrl}\nStop these digests: ${v.unsubscribeUrl}`
      : `Ubah frekuensi ringkasan: ${v.preferencesUrl}\nBerhenti menerima ringkasan: ${v.unsubscribeUrl}`,
    closing,
    `${en ? 'Kind regards,' : 'Hormat kami,'}\nSinergi — platform kerja sama daerah`,
  ].join('\n\n');
  const cell = 'padding:12px 16px;border-bottom:1px solid #e5e7eb;font-family:Arial,sans-serif;';
  const html = `<!doctype html><html lang="${v.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 8px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:6px">
<tr><td style="background:#0f4c81;color:#ffffff;padding:20px 16px;font-family:Arial,sans-serif;font-size:20px;font-weight:bold">Sinergi</td></tr>
<tr><td style="${cell}font-size:15px;color:#111827;line-height:1.5">${escapeHtml(intro)}</td></tr>
${sections
  .map(
    ({ s, items }) =>
      `<tr><td style="${cell}background:#f9fafb;font-size:13px;font-weight:bold;color:#0f4c81;text-transform:uppercase">${escapeHtml(TITLES[s][v.lang])}</td></tr>` +
      items
        .map(
          (i) =>
            `<tr><td style="${cell}font-size:14px;color:#111827;line-height:1.5">` +
            `<a href="${escapeHtml(i.url)}" style="color:#0f4c81;font-weight:bold;text-decoration:none">${i.stillWaiting ? escapeHtml(still) : ''}${escapeHtml(titleOf(i, v.lang))}</a>` +
            `<br><span style="color:#4b5563">${escapeHtml(i.reason[v.lang])}</span></td></tr>`,
        )
        .join(''),
  )
  .join('\n')}
<tr><td style="${cell}font-size:14px;color:#111827;line-height:1.5">${escapeHtml(closing)}<br>${en ? 'Kind regards,' : 'Hormat kami,'}<br>Sinergi</td></tr>
<tr><td style="padding:16px;font-family:Arial,sans-serif;font-size:12px;color:#6b7280;line-height:1.5">
${
  en
    ? `<a href="${escapeHtml(v.preferencesUrl)}" style="color:#6b7280">Change how often you receive this</a> · <a href="${escapeHtml(v.unsubscribeUrl)}" style="color:#6b7280">Stop these digests</a>`
    : `<a href="${escapeHtml(v.preferencesUrl)}" style="color:#6b7280">Ubah frekuensi ringkasan</a> · <a href="${escapeHtml(v.unsubscribeUrl)}" style="color:#6b7280">Berhenti menerima ringkasan</a>`
}<br>Sinergi — platform kerja sama daerah</td></tr>
</table></td></tr></table></body></html>`;
  return { subject, text, html };
}
