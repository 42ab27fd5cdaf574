import type { AppConfig } from '../config/env';
import { type FieldMessageKey, fieldMessage } from '../platform/field-messages';
import { isPublicAddress, literalAddress } from './addresses';

/**
 * Calling out to a tenant's endpoint, safely: `https:` only in production; the
 * host resolved and every address it resolves to checked (a public unicast
 * address only, src/webhooks/addresses.ts) before each call, since DNS may
 * change; no redirect followed; 10 s at most; the answer read up to 1 KiB.
 */
export type Outbound = {
  fetch: typeof fetch;
  /** the addresses a host name resolves to */
  resolve: (host: string) => Promise<string[]>;
  allowPrivate: boolean;
  production: boolean;
  timeoutMs: number;
};

const ANSWER_BYTES = 1024;

/** DNS over HTTPS (works on Node and on Workers alike): A and AAAA records. */
async function resolveOverHttps(host: string): Promise<string[]> {
  const ask = async (type: 'A' | 'AAAA') => {
    const res = await fetch(
      `https://cloudflare-dns.com/dns-query?name=${encodeURIComponent(host)}&type=${type}`,
      { headers: { accept: 'application/dns-json' }, signal: AbortSignal.timeout(5000) },
    );
    if (!res.ok) return [];
    const body = (await res.json()) as { Answer?: { type: number; data: string }[] };
    return (body.Answer ?? []).filter((a) => a.type === 1 || a.type === 28).map((a) => a.data);
  };
  return [...(await ask('A')), ...(await ask('AAAA'))];
}

/** The fetch webhooks go out through: the platform's, or one the host pins (src/node/outbound.ts). */
let outboundFetch: typeof fetch = (input, init) => fetch(input, init);
export function useOutboundFetch(f: typeof fetch) {
  outboundFetch = f;
}

export function defaultOutbound(config: AppConfig): Outbound {
  return {
    fetch: (input, init) => outboundFetch(input, init),
    resolve: resolveOverHttps,
    allowPrivate: config.APP_ENV !== 'production' && config.WEBHOOK_ALLOW_PRIVATE === true,
    production: config.APP_ENV === 'production',
    timeoutMs: 10_000,
  };
}

export type Refusal = { key: FieldMessageKey; params?: Record<string, string> };

/** Why a URL may not be called, or null when it may. Checked when it is saved and before every call. */
export async function refusal(url: string, out: Outbound): Promise<Refusal | null> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { key: 'webhooks.not_url' };
  }
  if (u.protocol !== 'https:' && (out.production || u.protocol !== 'http:'))
    return { key: out.production ? 'webhooks.https_only' : 'webhooks.http_only' };
  if (u.username || u.password) return { key: 'webhooks.credentials' };
  if (out.allowPrivate) return null;
  const literal = literalAddress(u.hostname);
  let addresses: string[];
  try {
    addresses = literal ? [literal] : await out.resolve(u.hostname);
  } catch {
    return { key: 'webhooks.unresolvable' };
  }
  if (addresses.length === 0) return { key: 'webhooks.unresolvable' };
  const bad = addresses.find((a) => !isPublicAddress(a));
  return bad ? { key: 'webhooks.non_public', params: { address: bad } } : null;
}

export type CallResult = { statusCode: number | null; latencyMs: number; response: string };

/** One call: the status, how long it took, the answer's first bytes (or why none came). */
export async function call(
  url: string,
  headers: Record<string, string>,
  body: string,
  out: Outbound,
): Promise<CallResult> {
  const started = Date.now();
  const refused = await refusal(url, out);
  if (refused)
    return {
      statusCode: null,
      latencyMs: 0,
      response: `refused: the URL ${fieldMessage(refused.key, refused.params).en}`,
    };
  try {
    const res = await out.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Sinergi-Webhooks/1',
        ...headers,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(out.timeoutMs),
    });
    return { statusCode: res.status, latencyMs: Date.now() - started, response: await head(res) };
  } catch (err) {
    const timedOut =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return {
      statusCode: null,
      latencyMs: Date.now() - started,
      response: timedOut ? `no answer within ${out.timeoutMs / 1000} s` : 'could not connect',
    };
  }
}

/** The first bytes of an answer, never the whole of a large one. */
async function head(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all.slice(0, ANSWER_BYTES));
}
