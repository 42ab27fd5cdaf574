// `npm start`: bundle the Node entry (src/server.ts) with esbuild when any
// TypeScript source is newer than the bundle, then run the bundle. Plain JS
// starts about half a second faster than transpiling on the fly.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const outfile = join(root, 'dist/node/server.mjs');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (/\.(ts|json|sql)$/.test(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

let builtAt = 0;
try {
  builtAt = statSync(outfile).mtimeMs;
} catch {
  builtAt = 0;
}
const sourcesAt = Math.max(
  newest(join(root, 'src')),
  newest(join(root, 'db')),
  statSync(join(root, 'package-lock.json')).mtimeMs,
);
if (sourcesAt > builtAt) {
  const { build } = await import('esbuild'); // only when rebuilding
  await build({
    // the server, and the embedded database's thread (db/connect/pglite-thread.ts)
    entryPoints: {
      server: join(root, 'src/server.ts'),
      'pglite-thread': join(root, 'db/connect/pglite-thread.ts'),
    },
    outdir: join(root, 'dist/node'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
await import(pathToFileURL(outfile).href);
