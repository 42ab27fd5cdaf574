import { spokenDeadline } from '../platform/date-rules';
import type { Lang } from '../platform/i18n';
import { escapeHtml } from '../platform/text';

/**
 * Every email Sinergi sends, in Indonesian and English. Values that come from
 * people (names, tenant names) are escaped in the HTML part.
 */
export type Rendered = { subject: string; text: string; html: string };

/**
 * Whom an email addresses: by office when the recipient holds one there
 * ("Yth. Bupati Badung", "Yth. Sekretariat TKKSD Kabupaten Badung"), else the
 * person by name, else "Bapak/Ibu".
 */
export type Addressee = { name?: string | null; office?: string | null };

const greetingOf = (lang: Lang, to: Addressee) =>
  lang === 'en'
    ? `Dear ${to.office ?? to.name ?? 'Sir or Madam'},`
    : to.office
      ? `Yth. ${to.office},`
      : `Yth. Bapak/Ibu${to.name ? ` ${to.name}` : ''},`;

/** Every email closes as an official letter does. */
const CLOSING = {
  id: ['Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.', 'Hormat kami,'],
  en: ['Thank you for your attention.', 'Kind regards,'],
} as const;

function layout(
  lang: Lang,
  to: Addressee,
  paragraphs: string[],
  /** `url` null: the page has no link without a web application; the code alone is given */
  action?: { label: string; url: string | null; code?: string },
): { text: string; html: string } {
  const footer =
    lang === 'en'
      ? 'Sinergi — regional cooperation platform'
      : 'Sinergi — platform kerja sama daerah';
  const [thanks, regards] = CLOSING[lang];
  const body = [greetingOf(lang, to), ...paragraphs];
  const text = [
    ...body,
    ...(action?.url ? [`${action.label}: ${action.url}`] : []),
    ...(action?.code ? [action.code] : []),
    thanks,
    `${regards}\n${footer}`,
  ].join('\n\n');
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5">` +
    body.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    (action?.url
      ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>`
      : '') +
    (action?.code ? `<p><code>${escapeHtml(action.code)}</code></p>` : '') +
    `<p>${escapeHtml(thanks)}</p><p>${escapeHtml(regards)}<br>${escapeHtml(footer)}</p></body></html>`;
  return { text, html };
}

export const templates = {
  verify_email: (
    lang: Lang,
    p: { name: string; url: string | null; token: string; hours: number },
  ): Rendered => ({
    subject:
      lang === 'en' ? 'Confirm your email for Sinergi' : 'Konfirmasi email Anda untuk Sinergi',
    ...layout(
      lang,
      { name: p.name },
      lang === 'en'
        ? [
            `Confirm your email address to finish creating your Sinergi account. The link and the code are valid for ${p.hours} hours.`,
          ]
        : [
            `Konfirmasi alamat email Anda untuk menyelesaikan pendaftaran akun Sinergi. Tautan dan kode berlaku ${p.hours} jam.`,
          ],
      {
        label: lang === 'en' ? 'Confirm email' : 'Konfirmasi email',
        url: p.url,
        code: lang === 'en' ? `Or use this code: ${p.token}` : `Atau gunakan kode ini: ${p.token}`,
      },
    ),
  }),
  sign_in_failures: (
    lang: Lang,
    p: { name: string; failures: number; minutes: number; seconds: number; url: string | null },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? 'Many failed sign-ins to your Sinergi account'
        : 'Banyak percobaan masuk yang gagal ke akun Sinergi Anda',
    ...layout(
      lang,
      { name: p.name },
      lang === 'en'
        ? [
            `There were ${p.failures} failed attempts to sign in to your account in the last ${p.minutes} minutes, from one or more addresses. Your account is not locked: to protect it, sign-ins are now accepted at most once every ${p.seconds} seconds for a while.`,
            'If it was not you, someone may be guessing your password. Choose a new, long password now.',
          ]
        : [
            `Tercatat ${p.failures} percobaan masuk yang gagal ke akun Anda dalam ${p.minutes} menit terakhir, dari satu atau beberapa alamat. Akun Anda tidak dikunci: untuk melindunginya, percobaan masuk untuk sementara hanya diterima paling sering sekali setiap ${p.seconds} detik.`,
            'Jika itu bukan Anda, mungkin ada yang mencoba menebak kata sandi Anda. Segera ganti kata sandi dengan yang baru dan panjang.',
          ],
      { label: lang === 'en' ? 'Change password' : 'Ganti kata sandi', url: p.url },
    ),
  }),
  account_exists: (lang: Lang, p: { name: string; url: string | null }): Rendered => ({
    subject:
      lang === 'en'
        ? 'Someone tried to sign up with your email'
        : 'Ada yang mencoba mendaftar dengan email Anda',
    ...layout(
      lang,
      { name: p.name },
      lang === 'en'
        ? [
            'Someone tried to create a Sinergi account with this email, which already has one. If it was you, sign in or reset your password. If not, you can ignore this email.',
          ]
        : [
            'Seseorang mencoba membuat akun Sinergi dengan email ini, padahal sudah terdaftar. Jika itu Anda, silakan masuk atau atur ulang kata sandi. Jika bukan, abaikan email ini.',
          ],
      { label: lang === 'en' ? 'Reset password' : 'Atur ulang kata sandi', url: p.url },
    ),
  }),
  reset_password: (
    lang: Lang,
    p: { name: string; url: string | null; token: string; minutes: number },
  ): Rendered => ({
    subject: lang === 'en' ? 'Reset your Sinergi password' : 'Atur ulang kata sandi Sinergi',
    ...layout(
      lang,
      { name: p.name },
      lang === 'en'
        ? [
            `Use the link below to choose a new password. It is valid for ${p.minutes} minutes and can be used once. If you did not ask for this, ignore this email.`,
          ]
        : [
            `Gunakan tautan di bawah untuk membuat kata sandi baru. Tautan berlaku ${p.minutes} menit dan hanya sekali pakai. Jika Anda tidak memintanya, abaikan email ini.`,
          ],
      {
        label: lang === 'en' ? 'Choose a new password' : 'Buat kata sandi baru',
        url: p.url,
        code: lang === 'en' ? `Or use this code: ${p.token}` : `Atau gunakan kode ini: ${p.token}`,
      },
    ),
  }),
  invitation: (
    lang: Lang,
    p: {
      tenantName: string;
      inviterName: string;
      role: string;
      url: string | null;
      token: string;
      /** the last day it can be accepted (YYYY-MM-DD) */
      validUntil: string;
    },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? `Invitation to join ${p.tenantName} on Sinergi`
        : `Undangan bergabung dengan ${p.tenantName} di Sinergi`,
    ...layout(
      lang,
      {},
      lang === 'en'
        ? [
            `${p.inviterName} invites you to join ${p.tenantName} on Sinergi as ${p.role}.`,
            `The invitation can be accepted until ${spokenDeadline(p.validUntil, 'en')}, once. Sign in (or create an account) with this email address, then accept it.`,
          ]
        : [
            `${p.inviterName} mengundang Bapak/Ibu bergabung dengan ${p.tenantName} di Sinergi sebagai ${p.role}.`,
            `Undangan dapat diterima paling lambat ${spokenDeadline(p.validUntil, 'id')} dan hanya sekali pakai. Masuk (atau buat akun) dengan alamat email ini, lalu terima undangannya.`,
          ],
      {
        label: lang === 'en' ? 'Accept invitation' : 'Terima undangan',
        url: p.url,
        code: lang === 'en' ? `Invitation code: ${p.token}` : `Kode undangan: ${p.token}`,
      },
    ),
  }),
  /** A province proposes that two of its regions (or a region and a partner) cooperate. */
  proposal: (
    lang: Lang,
    p: {
      office?: string | null;
      /** the facilitating government, named as an office */
      facilitator: string;
      /** the recipient's own region or organisation, and the other party */
      party: string;
      other: string;
      note: string;
      /** the last day to answer (YYYY-MM-DD) */
      answerBy: string;
      url: string;
    },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? `A cooperation proposal from ${p.facilitator}`
        : `Usulan kerja sama dari ${p.facilitator}`,
    ...layout(
      lang,
      { office: p.office },
      lang === 'en'
        ? [
            `${p.facilitator} proposes that ${p.party} cooperate with ${p.other}.`,
            p.note,
            `Please accept or decline by ${spokenDeadline(p.answerBy, 'en')}.`,
          ]
        : [
            `${p.facilitator} mengusulkan agar ${p.party} bekerja sama dengan ${p.other}.`,
            p.note,
            `Mohon ditanggapi (diterima atau ditolak) paling lambat ${spokenDeadline(p.answerBy, 'id')}.`,
          ],
      { label: lang === 'en' ? 'Answer the proposal' : 'Jawab usulan', url: p.url },
    ),
  }),
  proposal_reminder: (
    lang: Lang,
    p: {
      office?: string | null;
      facilitator: string;
      party: string;
      other: string;
      expiresOn: string;
      url: string;
    },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? `Reminder: cooperation proposal with ${p.other}`
        : `Pengingat: usulan kerja sama dengan ${p.other}`,
    ...layout(
      lang,
      { office: p.office },
      lang === 'en'
        ? [
            `The proposal from ${p.facilitator} that ${p.party} cooperate with ${p.other} is still waiting for your answer. Please answer by ${spokenDeadline(p.expiresOn, 'en')}.`,
          ]
        : [
            `Usulan ${p.facilitator} agar ${p.party} bekerja sama dengan ${p.other} masih menunggu tanggapan Bapak/Ibu. Mohon ditanggapi paling lambat ${spokenDeadline(p.expiresOn, 'id')}.`,
          ],
      { label: lang === 'en' ? 'Answer the proposal' : 'Jawab usulan', url: p.url },
    ),
  }),
  /** A digest, rendered by src/digests/render.ts (its own layout). */
  digest: (_lang: Lang, p: Rendered): Rendered => p,
  /** Something in the discussion for this reader: a mention, a reply to what they wrote, or news where they watch. */
  discussion: (
    lang: Lang,
    p: {
      name?: string | null;
      kind: 'mention' | 'reply' | 'watch';
      thread: string;
      author: string;
      excerpt: string;
      url: string;
    },
  ): Rendered => {
    const en = {
      mention: `${p.author} mentioned you in “${p.thread}”.`,
      reply: `${p.author} replied to what you wrote in “${p.thread}”.`,
      watch: `${p.author} wrote in “${p.thread}”, which you follow.`,
    }[p.kind];
    const id = {
      mention: `${p.author} menyebut Bapak/Ibu dalam diskusi “${p.thread}”.`,
      reply: `${p.author} menanggapi tulisan Bapak/Ibu dalam diskusi “${p.thread}”.`,
      watch: `${p.author} menulis dalam diskusi “${p.thread}” yang Bapak/Ibu ikuti.`,
    }[p.kind];
    return {
      subject: lang === 'en' ? `Discussion: ${p.thread}` : `Diskusi: ${p.thread}`,
      ...layout(lang, { name: p.name }, lang === 'en' ? [en, p.excerpt] : [id, p.excerpt], {
        label: lang === 'en' ? 'Open the discussion' : 'Buka diskusi',
        url: p.url,
      }),
    };
  },
  /** An annual KSD report: submitted (to the province's secretariat), accepted or returned (to the region's). */
  annual_report: (
    lang: Lang,
    p: {
      office?: string | null;
      event: 'submitted' | 'accepted' | 'returned';
      /** the reporting region and its province, named as offices */
      region: string;
      province?: string;
      year: number;
      note: string | null;
      url: string;
    },
  ): Rendered => {
    const province = p.province ?? (lang === 'en' ? 'The province' : 'Pemerintah provinsi');
    const en = {
      submitted: `${p.region} has submitted its ${p.year} annual cooperation report for your review.`,
      accepted: `${province} has accepted the ${p.year} annual cooperation report of ${p.region}.`,
      returned: `${province} has returned the ${p.year} annual cooperation report of ${p.region} for correction.`,
    }[p.event];
    const id = {
      submitted: `${p.region} telah menyampaikan laporan tahunan kerja sama daerah tahun ${p.year}. Mohon ditelaah.`,
      accepted: `${province} telah menerima laporan tahunan kerja sama daerah tahun ${p.year} dari ${p.region}.`,
      returned: `${province} mengembalikan laporan tahunan kerja sama daerah tahun ${p.year} dari ${p.region} untuk diperbaiki.`,
    }[p.event];
    return {
      subject:
        lang === 'en'
          ? `Annual cooperation report ${p.year}: ${p.region}`
          : `Laporan tahunan kerja sama daerah ${p.year}: ${p.region}`,
      ...layout(
        lang,
        { office: p.office },
        lang === 'en'
          ? [en, ...(p.note ? [`Note: ${p.note}`] : [])]
          : [id, ...(p.note ? [`Catatan: ${p.note}`] : [])],
        { label: lang === 'en' ? 'Open the report' : 'Buka laporan', url: p.url },
      ),
    };
  },
  /** A delegation's registration moved: received, approved, declined, waitlisted or promoted. */
  forum_registration: (
    lang: Lang,
    p: {
      name: string;
      tenant: string;
      session: string;
      when: string;
      event: 'received' | 'approved' | 'declined' | 'waitlisted' | 'promoted' | 'promoted_pending';
      reason?: string | null;
      url: string;
    },
  ): Rendered => {
    const id = {
      received: [
        'Pendaftaran delegasi diterima',
        `Pendaftaran delegasi ${p.tenant} untuk sesi forum ${p.session} (${p.when}) telah kami terima dan menunggu persetujuan penyelenggara.`,
      ],
      approved: [
        'Pendaftaran delegasi disetujui',
        `Delegasi ${p.tenant} terdaftar untuk sesi forum ${p.session} (${p.when}).`,
      ],
      declined: [
        'Pendaftaran delegasi tidak disetujui',
        `Pendaftaran delegasi ${p.tenant} untuk sesi forum ${p.session} tidak disetujui penyelenggara.`,
      ],
      waitlisted: [
        'Delegasi masuk daftar tunggu',
        `Kapasitas sesi forum ${p.session} (${p.when}) sudah penuh; delegasi ${p.tenant} masuk daftar tunggu dan akan dihubungi bila ada tempat.`,
      ],
      promoted: [
        'Delegasi mendapat tempat',
        `Ada tempat yang kosong: delegasi ${p.tenant} kini mendapat tempat di sesi forum ${p.session} (${p.when}).`,
      ],
      // a place freed, but the convener approves each registration: not yet a place
      promoted_pending: [
        'Delegasi keluar dari daftar tunggu',
        `Ada tempat yang kosong: pendaftaran delegasi ${p.tenant} untuk sesi forum ${p.session} (${p.when}) keluar dari daftar tunggu dan kini menunggu persetujuan penyelenggara.`,
      ],
    }[p.event];
    const en = {
      received: [
        'Delegation registration received',
        `We received the registration of ${p.tenant}'s delegation for the forum session ${p.session} (${p.when}); it awaits the convener's approval.`,
      ],
      approved: [
        'Delegation registration approved',
        `${p.tenant}'s delegation is registered for the forum session ${p.session} (${p.when}).`,
      ],
      declined: [
        'Delegation registration declined',
        `The convener declined ${p.tenant}'s registration for the forum session ${p.session}.`,
      ],
      waitlisted: [
        'Delegation waitlisted',
        `The forum session ${p.session} (${p.when}) is full; ${p.tenant}'s delegation is on the waitlist and will be told when a place frees up.`,
      ],
      promoted: [
        'Your delegation has a place',
        `A place freed up: ${p.tenant}'s delegation now has a place at the forum session ${p.session} (${p.when}).`,
      ],
      promoted_pending: [
        'Your delegation left the waitlist',
        `A place freed up: ${p.tenant}'s registration for the forum session ${p.session} (${p.when}) left the waitlist and now awaits the convener's approval.`,
      ],
    }[p.event];
    const [subject, body] = (lang === 'en' ? en : id) as [string, string];
    return {
      subject: `${subject}: ${p.session}`,
      ...layout(
        lang,
        { name: p.name },
        [
          body,
          ...(p.reason ? [lang === 'en' ? `Reason: ${p.reason}` : `Alasan: ${p.reason}`] : []),
        ],
        { label: lang === 'en' ? 'See the forum session' : 'Lihat sesi forum', url: p.url },
      ),
    };
  },
  /** A registered delegation hears of a change (with the updated calendar file) or a cancellation. */
  forum_session_notice: (
    lang: Lang,
    p: {
      name: string;
      session: string;
      when: string;
      venue: string;
      event: 'changed' | 'cancelled' | 'reminder';
      days?: number;
      reason?: string | null;
      url: string;
    },
  ): Rendered => {
    const subject =
      lang === 'en'
        ? {
            changed: 'Forum session changed',
            cancelled: 'Forum session cancelled',
            reminder: `Reminder: ${p.days === 1 ? 'tomorrow' : `in ${p.days} days`}`,
          }[p.event]
        : {
            changed: 'Perubahan jadwal sesi forum',
            cancelled: 'Pembatalan sesi forum',
            reminder: `Pengingat: ${p.days === 1 ? 'besok' : `${p.days} hari lagi`}`,
          }[p.event];
    const body =
      lang === 'en'
        ? {
            changed: `The forum session ${p.session} has changed. It now takes place ${p.when}${p.venue ? ` at ${p.venue}` : ''}. The attached calendar file replaces the earlier one.`,
            cancelled: `The forum session ${p.session}, planned ${p.when}, is cancelled.`,
            reminder: `The forum session ${p.session} takes place ${p.when}${p.venue ? ` at ${p.venue}` : ''}.`,
          }[p.event]
        : {
            changed: `Terdapat perubahan pada sesi forum ${p.session}. Sesi forum kini dilaksanakan ${p.when}${p.venue ? ` di ${p.venue}` : ''}. Berkas kalender terlampir menggantikan yang sebelumnya.`,
            cancelled: `Sesi forum ${p.session} yang direncanakan ${p.when} dibatalkan.`,
            reminder: `Sesi forum ${p.session} akan dilaksanakan ${p.when}${p.venue ? ` di ${p.venue}` : ''}.`,
          }[p.event];
    return {
      subject: `${subject}: ${p.session}`,
      ...layout(
        lang,
        { name: p.name },
        [
          body,
          ...(p.reason ? [lang === 'en' ? `Reason: ${p.reason}` : `Alasan: ${p.reason}`] : []),
        ],
        { label: lang === 'en' ? 'See the forum session' : 'Lihat sesi forum', url: p.url },
      ),
    };
  },
  /** The convener invites a tenant to a session. */
  forum_invitation: (
    lang: Lang,
    p: {
      name: string;
      office?: string | null;
      convener: string;
      session: string;
      when: string;
      closes: string;
      url: string;
    },
  ): Rendered => ({
    subject: lang === 'en' ? `Invitation: ${p.session}` : `Undangan: ${p.session}`,
    ...layout(
      lang,
      { name: p.name, office: p.office },
      lang === 'en'
        ? [
            `${p.convener} invites your delegation to the forum session ${p.session}, ${p.when}.`,
            `Registration closes ${p.closes}.`,
          ]
        : [
            `${p.convener} mengundang delegasi Bapak/Ibu ke sesi forum ${p.session}, ${p.when}.`,
            `Pendaftaran ditutup ${p.closes}.`,
          ],
      { label: lang === 'en' ? 'See the forum session' : 'Lihat sesi forum', url: p.url },
    ),
  }),
  /** A delegation's bilateral meetings, as published (again, when they changed). */
  forum_agenda: (
    lang: Lang,
    p: {
      name: string;
      tenant: string;
      session: string;
      items: { when: string; table: number; with: string }[];
      url: string;
    },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? `Your bilateral meetings: ${p.session}`
        : `Jadwal pertemuan bilateral: ${p.session}`,
    ...layout(
      lang,
      { name: p.name },
      [
        lang === 'en'
          ? `The bilateral meetings of ${p.tenant}'s delegation at the forum session ${p.session}:`
          : `Jadwal pertemuan bilateral delegasi ${p.tenant} pada sesi forum ${p.session}:`,
        ...(p.items.length
          ? p.items.map((i) =>
              lang === 'en'
                ? `${i.when}, table ${i.table}: ${i.with}`
                : `${i.when}, meja ${i.table}: ${i.with}`,
            )
          : [
              lang === 'en'
                ? 'No bilateral meetings are scheduled now.'
                : 'Saat ini tidak ada pertemuan bilateral yang terjadwal.',
            ]),
      ],
      {
        label: lang === 'en' ? 'See the bilateral meetings' : 'Lihat pertemuan bilateral',
        url: p.url,
      },
    ),
  }),
  /** What awaits a person in one tenant, from their inbox: one email for a burst of items, what is asked first. */
  inbox: (
    lang: Lang,
    p: {
      name: string;
      office?: string | null;
      tenant: string;
      items: { text: { id: string; en: string }; due: string | null; action: boolean }[];
      url: string;
    },
  ): Rendered => {
    const asked = p.items.filter((i) => i.action);
    const news = p.items.filter((i) => !i.action);
    const line = (i: (typeof p.items)[number]) =>
      lang === 'en'
        ? `- ${i.text.en}${i.due ? ` By ${spokenDeadline(i.due, 'en')}.` : ''}`
        : `- ${i.text.id}${i.due ? ` Paling lambat ${spokenDeadline(i.due, 'id')}.` : ''}`;
    return {
      subject: asked.length
        ? lang === 'en'
          ? `Sinergi: ${asked.length === 1 ? 'one matter awaits' : `${asked.length} matters await`} ${p.tenant}`
          : `Sinergi: ${asked.length} hal menunggu tindakan ${p.tenant}`
        : lang === 'en'
          ? `Sinergi: news for ${p.tenant}`
          : `Sinergi: kabar terbaru untuk ${p.tenant}`,
      ...layout(
        lang,
        { name: p.name, office: p.office },
        [
          ...(asked.length
            ? [
                lang === 'en'
                  ? `The following awaits action by ${p.tenant}:`
                  : `Hal berikut menunggu tindakan ${p.tenant}:`,
                ...asked.map(line),
              ]
            : []),
          ...(news.length
            ? [lang === 'en' ? 'For your information:' : 'Untuk diketahui:', ...news.map(line)]
            : []),
        ],
        { label: lang === 'en' ? 'Open your inbox' : 'Buka kotak masuk', url: p.url },
      ),
    };
  },
  /** A tenant's webhook endpoint failed for days and was turned off. */
  webhook_disabled: (
    lang: Lang,
    p: { name: string; office?: string | null; url: string; days: number; link: string },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? 'Sinergi stopped calling your webhook endpoint'
        : 'Sinergi berhenti memanggil alamat webhook Anda',
    ...layout(
      lang,
      { name: p.name, office: p.office },
      lang === 'en'
        ? [
            `Every call to ${p.url} has failed for ${p.days} days, so Sinergi has turned this endpoint off. Events are no longer sent to it.`,
            'Once the receiving system answers again, turn the endpoint back on; the log shows what each call received.',
          ]
        : [
            `Setiap panggilan ke ${p.url} gagal selama ${p.days} hari, sehingga Sinergi menonaktifkan alamat ini. Peristiwa tidak lagi dikirim ke sana.`,
            'Setelah sistem penerima kembali menjawab, aktifkan kembali alamat tersebut; catatan pengiriman menunjukkan jawaban setiap panggilan.',
          ],
      { label: lang === 'en' ? 'Open the delivery log' : 'Buka catatan pengiriman', url: p.link },
    ),
  }),
  /** The convener hears of a registration waiting for its decision. */
  forum_review: (
    lang: Lang,
    p: { name: string; office?: string | null; tenant: string; session: string; url: string },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? `Registration to review: ${p.tenant}`
        : `Pendaftaran menunggu persetujuan: ${p.tenant}`,
    ...layout(
      lang,
      { name: p.name, office: p.office },
      lang === 'en'
        ? [
            `${p.tenant} registered a delegation for the forum session ${p.session}. Please approve or decline it.`,
          ]
        : [
            `${p.tenant} mendaftarkan delegasi untuk sesi forum ${p.session}. Mohon disetujui atau ditolak.`,
          ],
      { label: lang === 'en' ? 'Review registrations' : 'Tinjau pendaftaran', url: p.url },
    ),
  }),
};

export type TemplateName = keyof typeof templates;
