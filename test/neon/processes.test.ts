import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, killServers, startServer } from '../support/server-process';

/**
 * `npm start` with a PostgreSQL server runs several processes on one port
 * (NODE_PROCESSES): the first migrates and seeds, the others serve; a worker
 * that dies is replaced; SIGTERM stops them all.
 */
const pgUrl = inject('pgUrl');
afterAll(() => killServers());

const readyLines = (output: string) =>
  output.split('\n').filter((l) => l.includes('"msg":"ready"')).length;

describe.skipIf(!pgUrl)('npm start with a PostgreSQL server and two processes', () => {
  it('serves from both, replaces one that dies, and stops on SIGTERM', async () => {
    const port = await freePort();
    const server = startServer(port, { DATABASE_URL: pgUrl, NODE_PROCESSES: '2' });
    await server.ready;
    const until = async (check: () => boolean, what: string) => {
      const t0 = Date.now();
      while (!check()) {
        if (Date.now() - t0 > 30_000) throw new Error(`${what}:\n${server.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until(() => readyLines(server.output()) === 2, 'two processes ready');
    expect(server.output()).toContain('"processes":2');
    const pids = [...server.output().matchAll(/"pid":(\d+)/g)].map((m) => Number(m[1]));
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/v1/regions/51`);
      expect(res.status).toBe(200);
    }
    // a worker dies: another takes its place, and the port keeps answering
    const worker = pids.find((p) => p !== server.pid);
    expect(worker).toBeDefined();
    process.kill(worker!, 'SIGKILL');
    await until(() => readyLines(server.output()) === 3, 'a replacement ready');
    expect((await fetch(`http://127.0.0.1:${port}/v1/regions/51`)).status).toBe(200);
    expect(await server.stop()).toBe(0);
  }, 90_000);
});
