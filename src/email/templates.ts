import type { Lang } from '../platform/i18n';

/**
 * Every email Sinergi sends, in Indonesian and English. Values that come from
 * people (names, tenant names) are escaped in the HTML part.
 */
export type Rendered = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function layout(
  lang: Lang,
  paragraphs: string[],
  action?: { label: string; url: string; code?: string },
): { text: string; html: string } {
  const footer =
    lang === 'en'
      ? 'Sinergi — regional cooperation platform'
      : 'Sinergi — platform kerja sama daerah';
  const text = [
    ...paragraphs,
    ...(action ? [`${action.label}: ${action.url}`, ...(action.code ? [action.code] : [])] : []),
    `-- \n${footer}`,
  ].join('\n\n');
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5">` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    (action
      ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` +
        (action.code ? `<p><code>${escapeHtml(action.code)}</code></p>` : '')
      : '') +
    `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p></body></html>`;
  return { text, html };
}

export const templates = {
  verify_email: (
    lang: Lang,
    p: { name: string; url: string; token: string; hours: number },
  ): Rendered => ({
    subject:
      lang === 'en' ? 'Confirm your email for Sinergi' : 'Konfirmasi email Anda untuk Sinergi',
    ...layout(
      lang,
      lang === 'en'
        ? [
            `Hello ${p.name},`,
            `Confirm your email address to finish creating your Sinergi account. The link is valid for ${p.hours} hours.`,
          ]
        : [
            `Halo ${p.name},`,
            `Konfirmasi alamat email Anda untuk menyelesaikan pendaftaran akun Sinergi. Tautan berlaku ${p.hours} jam.`,
          ],
      {
        label: lang === 'en' ? 'Confirm email' : 'Konfirmasi email',
        url: p.url,
        code: lang === 'en' ? `Or use this code: ${p.token}` : `Atau gunakan kode ini: ${p.token}`,
      },
    ),
  }),
  account_exists: (lang: Lang, p: { name: string; url: string }): Rendered => ({
    subject:
      lang === 'en'
        ? 'Someone tried to sign up with your email'
        : 'Ada yang mencoba mendaftar dengan email Anda',
    ...layout(
      lang,
      lang === 'en'
        ? [
            `Hello ${p.name},`,
            'Someone tried to create a Sinergi account with this email, which already has one. If it was you, sign in or reset your password. If not, you can ignore this email.',
          ]
        : [
            `Halo ${p.name},`,
            'Seseorang mencoba membuat akun Sinergi dengan email ini, padahal sudah terdaftar. Jika itu Anda, silakan masuk atau atur ulang kata sandi. Jika bukan, abaikan email ini.',
          ],
      { label: lang === 'en' ? 'Reset password' : 'Atur ulang kata sandi', url: p.url },
    ),
  }),
  reset_password: (
    lang: Lang,
    p: { name: string; url: string; token: string; minutes: number },
  ): Rendered => ({
    subject: lang === 'en' ? 'Reset your Sinergi password' : 'Atur ulang kata sandi Sinergi',
    ...layout(
      lang,
      lang === 'en'
        ? [
            `Hello ${p.name},`,
            `Use the link below to choose a new password. It is valid for ${p.minutes} minutes and can be used once. If you did not ask for this, ignore this email.`,
          ]
        : [
            `Halo ${p.name},`,
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
      url: string;
      token: string;
      days: number;
    },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? `Invitation to join ${p.tenantName} on Sinergi`
        : `Undangan bergabung dengan ${p.tenantName} di Sinergi`,
    ...layout(
      lang,
      lang === 'en'
        ? [
            `${p.inviterName} invites you to join ${p.tenantName} on Sinergi as ${p.role}.`,
            `The invitation is valid for ${p.days} days and can be used once. Sign in (or create an account) with this email address, then accept it.`,
          ]
        : [
            `${p.inviterName} mengundang Anda bergabung dengan ${p.tenantName} di Sinergi sebagai ${p.role}.`,
            `Undangan berlaku ${p.days} hari dan hanya sekali pakai. Masuk (atau buat akun) dengan alamat email ini, lalu terima undangannya.`,
          ],
      {
        label: lang === 'en' ? 'Accept invitation' : 'Terima undangan',
        url: p.url,
        code: lang === 'en' ? `Invitation code: ${p.token}` : `Kode undangan: ${p.token}`,
      },
    ),
  }),
  proposal: (
    lang: Lang,
    p: { facilitator: string; other: string; note: string; days: number; url: string },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? `A cooperation proposal from ${p.facilitator}`
        : `Usulan kerja sama dari ${p.facilitator}`,
    ...layout(
      lang,
      lang === 'en'
        ? [
            `${p.facilitator} proposes that you cooperate with ${p.other}.`,
            p.note,
            `Please accept or decline within ${p.days} days.`,
          ]
        : [
            `${p.facilitator} mengusulkan kerja sama Anda dengan ${p.other}.`,
            p.note,
            `Mohon terima atau tolak dalam ${p.days} hari.`,
          ],
      { label: lang === 'en' ? 'Answer the proposal' : 'Jawab usulan', url: p.url },
    ),
  }),
  proposal_reminder: (
    lang: Lang,
    p: { facilitator: string; other: string; expiresOn: string; url: string },
  ): Rendered => ({
    subject:
      lang === 'en'
        ? `Reminder: cooperation proposal with ${p.other}`
        : `Pengingat: usulan kerja sama dengan ${p.other}`,
    ...layout(
      lang,
      lang === 'en'
        ? [
            `The proposal from ${p.facilitator} to cooperate with ${p.other} is still waiting for your answer. It expires on ${p.expiresOn}.`,
          ]
        : [
            `Usulan dari ${p.facilitator} untuk bekerja sama dengan ${p.other} masih menunggu jawaban Anda. Usulan berakhir pada ${p.expiresOn}.`,
          ],
      { label: lang === 'en' ? 'Answer the proposal' : 'Jawab usulan', url: p.url },
    ),
  }),
};

export type TemplateName = keyof typeof templates;
