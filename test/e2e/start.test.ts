import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a user runs it: a real process on a real port with the
 * embedded database in a directory of its own.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'sinergi-start-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

function start(port: number) {
  const child = spawn(process.execPath, ['--enable-source-maps', 'scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PGLITE_DIR: join(dataDir, 'pglite'),
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const line = output.split('\n').find((l) => l.includes('"msg":"ready"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Record<string, unknown>);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { ready, exited, stop, output: () => output };
}

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
