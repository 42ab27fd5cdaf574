import { scrypt, timingSafeEqual } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';

/**
 * scrypt through node:crypto: native on Node and on Workers (nodejs_compat).
 * Parameters are one of OWASP's recommended scrypt settings (N=2^14, r=8, p=5:
 * 16 MiB, within a Worker's memory); they are stored with each hash, so a
 * later change of parameters re-hashes on the next sign-in.
 */
export const SCRYPT = { N: 16384, r: 8, p: 5, keyLength: 32 } as const;

function derive(
  password: string,
  salt: Uint8Array,
  params: { N: number; r: number; p: number; keyLength: number },
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(new Uint8Array(key))),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = new Uint8Array(16);
  crypto.getRandomValues(salt);
  const key = await derive(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${encodeBase64(salt)}$${encodeBase64(key)}`;
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = decodeBase64(key);
  const actual = await derive(password, decodeBase64(salt), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keyLength: expected.length,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith(`scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$`);
}

let dummy: Promise<string> | null = null;
/** Spend the same time on an unknown email as on a known one, so timing tells nothing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword('dummy password for timing equality');
  await verifyPassword(await dummy, password);
}

const COMMON = new Set([
  'password123',
  '1234567890',
  'qwertyuiop',
  'iloveyou123',
  'sinergi2024',
  'indonesia123',
  'passwordpassword',
  'admin12345',
]);

/** NIST-style policy: length, not composition; refuse the obvious. Returns a reason or null. */
export function passwordProblem(
  password: string,
  email: string,
): 'too_short' | 'too_long' | 'too_common' | null {
  if ([...password].length < 10) return 'too_short';
  if (password.length > 200) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || lower === email.toLowerCase() || /^(.)\1+$/.test(password))
    return 'too_common';
  return null;
}
