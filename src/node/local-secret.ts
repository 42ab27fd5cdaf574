import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The embedded database's own server secret, when APP_SECRET is not set: made
 * once beside the data directory and kept (mode 0600), so signed links and
 * sealed email bodies outlive a restart of `npm start`. A deployment sets
 * APP_SECRET instead.
 */
export function localSecret(pgliteDir: string): string {
  const file = join(dirname(resolve(pgliteDir)), 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
