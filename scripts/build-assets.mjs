// Copies the Scalar API-reference bundle into ./public so Workers serve it as a
// static asset at /scalar.js (Node serves it straight from node_modules).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
mkdirSync(new URL('../public', import.meta.url), { recursive: true });
copyFileSync(
  require.resolve('@scalar/api-reference/browser/standalone.js'),
  new URL('../public/scalar.js', import.meta.url),
);
console.log('public/scalar.js ready');
