/**
 * Signing as Standard Webhooks does (pure; WebCrypto only): the secret is
 * `whsec_` + base64 of random bytes; a message is signed as
 * `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)), and the
 * `webhook-signature` header carries one such signature per valid secret,
 * space-separated (two while a rotated secret's old one still lasts).
 */
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function newSigningSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(24)))}`;
}

export async function signature(secret: string, id: string, timestamp: number, body: string) {
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.replace(/^whsec_/, '')),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${id}.${timestamp}.${body}`),
  );
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** The three headers of a delivery, signed with every secret given. */
export async function signedHeaders(
  secrets: string[],
  id: string,
  timestamp: number,
  body: string,
): Promise<Record<string, string>> {
  const signatures = await Promise.all(secrets.map((s) => signature(s, id, timestamp, body)));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}
