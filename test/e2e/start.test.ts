import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killServers, startServer } from '../support/server-process';

/**
 * `npm start` as a user runs it: a real process on a real port with the
 * embedded database in a directory of its own.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'sinergi-start-'));
afterAll(() => {
  killServers();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = (port: number) => startServer(port, { PGLITE_DIR: join(dataDir, 'pglite') });

async function total(port: number, path = '/v1/regions?limit=1') {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return ((await res.json()) as { total: number }).total;
}

describe('npm start with the embedded database', () => {
  it('creates, migrates and seeds on first start, then reuses the data without duplicates', async () => {
    const port = await freePort();
    const first = start(port);
    await first.ready;
    expect(await total(port)).toBe(552);
    expect(await total(port, '/v1/regions?province=31')).toBe(6);
    expect(first.output()).toContain('db.reference_data_loaded');

    // A second process on the same data directory is refused while the first runs.
    const intruder = start(await freePort());
    await expect(intruder.ready).rejects.toThrow(/in use by another Sinergi process/);

    expect(await first.stop()).toBe(0);

    const second = start(port);
    const ready = await second.ready;
    expect(second.output()).toContain('db.reference_data_unchanged');
    expect(await total(port)).toBe(552);
    expect(Number(ready.processUptimeMs)).toBeGreaterThan(0);
    expect(await second.stop()).toBe(0);
  }, 120_000);
});
