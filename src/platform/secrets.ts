import { hmac } from '@oslojs/crypto/hmac';
import { SHA256, sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import {
  decodeBase64urlIgnorePadding,
  encodeBase32LowerCaseNoPadding,
  encodeBase64urlNoPadding,
  encodeHexLowerCase,
} from '@oslojs/encoding';

/**
 * Secrets handed to people and programs (session tokens, API keys, email links)
 * are `<id>.<secret>`: the id finds the row, the secret is checked against a
 * stored SHA-256 in constant time. The secret itself is never stored or logged.
 */
export function randomSecret(bytes = 20): string {
  const raw = new Uint8Array(bytes);
  crypto.getRandomValues(raw);
  return encodeBase32LowerCaseNoPadding(raw);
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = new TextEncoder().encode(hashSecret(secret));
  const b = new TextEncoder().encode(storedHash);
  return a.length === b.length && constantTimeEqual(a, b);
}

export function splitToken(token: string): { id: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1 || token.length > 200) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  if (!/^[a-z]{3}_[0-9a-z]{26}$/.test(id) || !/^[a-z2-7]{16,64}$/.test(secret)) return null;
  return { id, secret };
}

/**
 * The server's signing key (cursors, one-click links). Set once at start from
 * configuration; until then (or when none is configured) a random key for this
 * process, so signed values from another process are refused, never trusted.
 */
let signingKey: Uint8Array = crypto.getRandomValues(new Uint8Array(32));

export function configureSigningKey(key: Uint8Array): void {
  signingKey = key;
}

/** A key derived from a secret string (APP_SECRET, or the database URL as a fallback). */
export function deriveSigningKey(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(`sinergi-signing-key:${secret}`));
}

/** HMAC-SHA256 of a message under the server's key, base64url. */
export function sign(message: string): string {
  return encodeBase64urlNoPadding(hmac(SHA256, signingKey, new TextEncoder().encode(message)));
}

export function signatureMatches(message: string, signature: string): boolean {
  const expected = new TextEncoder().encode(sign(message));
  const given = new TextEncoder().encode(signature);
  return expected.length === given.length && constantTimeEqual(expected, given);
}

/**
 * Sealing a secret-bearing text at rest (an email body carrying a sign-in link
 * until it is sent): AES-256-GCM under a key derived from the server's key, so
 * whoever reads the database without the key cannot use what it holds.
 */
const SEALED = 'sealed:v1:';
const sealingKey = () =>
  crypto.subtle.importKey(
    'raw',
    new Uint8Array(
      sha256(new Uint8Array([...new TextEncoder().encode('sinergi-sealing:'), ...signingKey])),
    ),
    'AES-GCM',
    false,
    ['encrypt', 'decrypt'],
  );

export async function seal(plain: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await sealingKey(),
    new TextEncoder().encode(plain),
  );
  return `${SEALED}${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(new Uint8Array(sealed))}`;
}

/** The text a `seal` hid; any other text as it is. Null when sealed under another key. */
export async function unseal(stored: string): Promise<string | null> {
  if (!stored.startsWith(SEALED)) return stored;
  const [iv, data] = stored.slice(SEALED.length).split('.');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(decodeBase64urlIgnorePadding(iv ?? '')) },
      await sealingKey(),
      new Uint8Array(decodeBase64urlIgnorePadding(data ?? '')),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
