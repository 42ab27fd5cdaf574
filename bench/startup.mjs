// `npm run bench:startup`: how long `npm start` takes until it answers /health,
// on a fresh embedded database and then reopening it (the everyday case).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.argv[2] ?? 5);
const PORT = 18787;
const dir = mkdtempSync(join(tmpdir(), 'sinergi-bench-start-'));

async function once() {
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PGLITE_DIR: join(dir, 'pglite'),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    detached: true,
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t0;
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  return ms;
}

const first = await once();
const reopen = [];
for (let i = 0; i < RUNS; i++) reopen.push(await once());
rmSync(dir, { recursive: true, force: true });
reopen.sort((a, b) => a - b);
const median = reopen[Math.floor(reopen.length / 2)];
console.log(`first start (create, migrate, seed 552 regions): ${first.toFixed(0)} ms`);
console.log(
  `restart reusing ./.data, ${RUNS} runs: median ${median.toFixed(0)} ms, max ${reopen.at(-1).toFixed(0)} ms`,
);
