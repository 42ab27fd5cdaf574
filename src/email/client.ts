import type { Resend } from 'resend';

/** A file sent with an email, as text (a calendar file). */
export type Attachment = { filename: string; contentType: string; content: string };
export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: Attachment[];
  headers?: Record<string, string>;
  /** Resend does not deliver twice a message sent again with the same key */
  idempotencyKey?: string;
};

/** Text as base64 over its UTF-8 bytes (Workers have no Buffer). */
const base64Utf8 = (text: string) => {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
};

/** Anything that can deliver an email; throws when it could not. */
export interface EmailClient {
  name: string;
  send(message: EmailMessage): Promise<{ id: string }>;
  /** Up to 100 messages without attachments in one call, all or none; the key makes a retried call a no-op. */
  sendBatch?(messages: EmailMessage[], idempotencyKey: string): Promise<{ ids: string[] }>;
}

export const BATCH_LIMIT = 100;

/** Resend (production). It answers `{ data, error }` and never throws on HTTP errors: we do. */
export function resendClient(apiKey: string, from: string, baseUrl?: string): EmailClient {
  let client: Promise<Resend> | null = null;
  return {
    name: 'resend',
    async send(message) {
      // loaded on first send: start-up does not pay for it
      client ??= import('resend').then(
        ({ Resend: R }) => new R(apiKey, baseUrl ? { baseUrl } : undefined),
      );
      const resend = await client;
      const { data, error } = await resend.emails.send(
        {
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.headers ? { headers: message.headers } : {}),
          ...(message.attachments?.length
            ? {
                attachments: message.attachments.map((a) => ({
                  filename: a.filename,
                  content: base64Utf8(a.content),
                  contentType: a.contentType,
                })),
              }
            : {}),
        },
        message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
      );
      if (error || !data)
        throw new Error(`resend: ${error?.name ?? 'unknown'}: ${error?.message ?? 'no data'}`);
      return { id: data.id };
    },
    async sendBatch(messages, idempotencyKey) {
      client ??= import('resend').then(
        ({ Resend: R }) => new R(apiKey, baseUrl ? { baseUrl } : undefined),
      );
      const resend = await client;
      const { data, error } = await resend.batch.send(
        messages.map((m) => ({
          from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          ...(m.headers ? { headers: m.headers } : {}),
        })),
        { idempotencyKey },
      );
      if (error || !data)
        throw new Error(`resend: ${error?.name ?? 'unknown'}: ${error?.message ?? 'no data'}`);
      return { ids: data.data.map((d) => d.id) };
    },
  };
}

/** The configured client: Resend when RESEND_API_KEY is set, otherwise none (emails are held in the outbox). */
export function emailClientFrom(config: {
  RESEND_API_KEY?: string;
  EMAIL_FROM?: string;
  RESEND_BASE_URL?: string;
}): EmailClient | null {
  return config.RESEND_API_KEY && config.EMAIL_FROM
    ? resendClient(config.RESEND_API_KEY, config.EMAIL_FROM, config.RESEND_BASE_URL)
    : null;
}
